"""share-begging: asking people to share, like or follow instead of earning it.

What counts: a request to distribute the author's content (share, retweet, RT, repost,
boost, like, follow, "spread the word", "help us reach", "tag a friend who...").
What does not: thanks for a share, stock-market shares, someone who "will share lessons",
the author's own past retweets, asking people to talk ("share your experience in the
replies", "share your thoughts"): that is conversation, which we want more of; nor follow
and comment as a giveaway's entry rules, which are the rules, not a plea.
Someone else's request quoted in the post ("she said 'please RT'", a manual "RT @x: ...")
is not the author's request.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from assistant.checks.registry import Hit, PostContext, rule
from assistant.checks.signals import Lazy, Phrases, extra_phrase, strip_quoted, words_of
from assistant.checks.speech_model import model_evidence
from assistant.checks.spread import SPREAD_NEEDS, has_icon, may_spread, spread_request
from assistant.models import Post

if TYPE_CHECKING:
    import regex

SHARE_BEGGING = rule(
    "share-begging",
    severity="warning",
    component="promotion",
    rationale=(
        "Asking for shares spends goodwill and is not a relationship. It does raise retweets "
        "(Zarrella's analysis of 5M tweets), which is why it is tempting; we flag it because "
        "it treats followers as a distribution list."
    ),
    thresholds={"extra_phrases": []},
)

# Where an imperative can start: the start of the text or a line, after punctuation,
# an emoji, or the @mentions that open a reply.
_CLAUSE = (
    r"(?:^|(?<=[.!?:;,\n(\-\u2013\u2014\u2026|/+&\"\u201c]\s*)|(?<=\p{Extended_Pictographic}\ufe0f?\s*)"
    r"|(?<=(?:^|\s)@[\w.]+\s+))"
)
_ASK = (
    r"(?:please|pls|plz|pleas+e|kindly|go\s+ahead\s+and|feel\s+free\s+to|don'?t\s+forget\s+to"
    r"|make\s+sure\s+(?:to|you)|be\s+sure\s+to|remember\s+to|help\s+(?:us|me)\s+(?:by\s+)?"
    r"|(?:can|could|would|will|wud|cud)\s+(?:you|u|ya|y'all|everyone|any\s+of\s+you)"
    r"(?:\s+(?:all|please|pls|plz|kindly|maybe|possibly))*)"
)
_DISTRIBUTE = r"(?:share|re-?share|retweet|re-tweet|repost|rt|boost|amplify)"
_DISTRIBUTED = r"(?:shared?|retweet(?:ed)?|rt'?d|rt|repost(?:ed)?|boost(?:ed)?|spread|pass(?:ed)?|like[sd]?|follow(?:ed)?)"
# What may follow "share" for it to be a request to distribute (not "share your thoughts",
# not "share with us your story", not "share the slides").
_SHARE_OBJECT = (
    r"(?=\s*(?:this|it|that|these|those|our|my|away|widely|far\b|around|everywhere|if\b|to\b"
    r"|please|pls|plz|now\b|the\s+(?:post|thread|tweet|link|article|video|news|word|love|survey"
    r"|petition|job|role|opening|event|page|episode|podcast|guide|launch)"
    r"|with\s+(?!us\b|me\b)|so\s+(?:your|more|others|people|everyone)\b|[!.?]|\p{Extended_Pictographic}|$"
    r"|,\s*(?:and\s+)?(?:share|re-?share|rt|retweet|repost|forward|tag|boost|post|shout|spread|send)\b))"
)
_NOT_TALK = r"(?!\s+(?:your|ur|with\s+(?:us|me)\b|responsibly|properly|carefully))"
# "Got a win? Share it in the replies": an invitation to talk here, not to distribute.
_TALKBACK = (
    r"(?!\s+(?:(?:this|it|that|them)\s+)?(?:in\s+(?:the\s+)?(?:replies|comments|thread|chat)|below"
    r"|with\s+(?:us|me)|here)\b)"
)

# The count an ask aims at, quoted with it: "help us reach 500 RTs" (the act is in the
# count), not "help us reach".
_TARGET = r"(?:\s+\d+(?:[,.]\d+)*k?\+?(?:\s+(?:more\s+)?(?!(?:by|before|until|in|on|this|today|so)\b)[\w'-]+)?)?"

_SHARE_WORDS = "share shares sharing reshare retweet retweets rt rts repost reposts boost boosts amplify"
_PATTERNS = Phrases(
    [
        # please share / could you share this / pls RT / help us by retweeting
        (_SHARE_WORDS,
         rf"""\b{_ASK}\s+(?:share|re-?share){_SHARE_OBJECT}\w*
         | \b{_ASK}\s+(?:retweet|re-tweet|repost|rt|boost|amplify)\b{_NOT_TALK}
         | \bhelp\s+(?:us|me)\s+by\s+(?:sharing|retweeting|reposting|boosting){_NOT_TALK}"""),
        # Share this! / RT if you agree / Boost pls: an imperative at the start of a clause
        (_SHARE_WORDS,
         rf"""(?=(?:share|re-?share|retweet|re-tweet|repost|rt|boost|amplify)\b)
         {_CLAUSE}{_DISTRIBUTE}{_SHARE_OBJECT}(?!\s+@){_TALKBACK}(?:\s+(?:this|it|the\s+\w+))?+(?!\s*\?\s+(?:no|yes|nope)\b)
         | \b(?:rt|retweet|share|repost|boost|reshare)\s+(?:this\s+|it\s+)?if\s+(?:you|u|ur|this|it|we)\b"""),
        ("caring", r"\bsharing\s+is\s+caring\b"),
        # RTs appreciated / every share helps / a quick share would mean a lot
        ("boost share rt reblog",
         r"""\b(?:boost|share|rt|reblog)\s+(?:is\s+|would\s+be\s+|much\s+|greatly\s+|very\s+|always\s+|really\s+)*(?:appreciated|welcome[d]?)\b"""),
        ("rts rt's retweets retweet shares reposts repost boosts likes follows reshares",
         r"""\b(?:rt'?s|retweets?|shares|reposts?|boosts|likes|follows|re-?shares)\s+
         (?:are\s+|is\s+|would\s+be\s+|much\s+|greatly\s+|always\s+|very\s+|hugely\s+|really\s+)*
         (?:appreciated|welcome[d]?|help(?:s|ful)?\b(?!\s+(?:less|little|nothing|no\s+one|nobody))|mean\s+a\s+lot
           |go\s+a\s+long\s+way)"""),
        # Hugs for RTs / cookies for retweets: a reward offered for the act (named, so that
        # thanks for it, "asked for RTs" and "rules for retweets" are not)
        ("rts retweets reposts boosts",
         rf"""{_CLAUSE}(?:[\w'-]+\s+){{0,2}}?
         (?:hugs?|kisses|cuddles|love|karma|cookies?|cakes?|biscuits?|beers?|coffees?|pints?|drinks?|donuts?|doughnuts?
           |high[-\s]fives?|prizes?|points|blessings|good\s+vibes|follow[-\s]?backs?)
         \s+for\s+(?:rts|retweets|reposts|boosts)\b"""),
        (_SHARE_WORDS + " like",
         r"""\bevery\s+(?:share|rt|retweet|repost|boost|like)\s+(?:helps|counts|matters)
         | \b(?:a|any)\s+(?:quick\s+)?(?:share|rt|retweet|repost|boost)\s+would\s+(?:be|mean|help)
         | \bappreciate\s+(?:a|any|your)\s+(?:quick\s+)?(?:share|rt|retweet|repost|boost)s?\b"""),
        ("mean",
         rf"""\b(?:would|will|it'?d|it\s+would)\s+mean\s+(?:a\s+lot|the\s+world|so\s+much|everything|loads)
         (?:\s+to\s+(?:us|me))?\s+if\s+(?:you|u)\s+(?:could\s+|would\s+|can\s+)?{_DISTRIBUTED}\b{_NOT_TALK}"""),
        ("love appreciate grateful thrilled honoured honored",
         rf"""\b(?:we|i)(?:'d|\s+would)\s+
         (?:love|appreciate|be\s+(?:so\s+|really\s+)?(?:grateful|thrilled|honou?red))
         \s+(?:it\s+)?if\s+(?:you|u)\s+(?:could\s+|would\s+|can\s+)?{_DISTRIBUTED}\b{_NOT_TALK}"""),
        ("if", rf"\bif\s+(?:you|u)\s+(?:could|can|would)\s+(?:please\s+|pls\s+)?{_DISTRIBUTE}\b{_NOT_TALK}"),
        ("mind",
         rf"""\b(?:would|do)\s+you\s+mind\s+(?:sharing|retweeting|reposting|boosting|amplifying|passing)
         \b{_NOT_TALK}"""),
        # Smash that like button / give us a follow / like & share / hit follow
        ("smash hit tap click press drop leave give giving throw",
         r"""\b(?:smash|hit|tap|click|press|drop|leave|give|giving|throw)\s+(?:that|the|a|us\s+a|it\s+a|this\s+a|me\s+a)\s+
         (?:like|follow|share|rt|retweet|repost|boost|heart|thumbs[-\s]up)(?:\s+button)?\b
         | \b(?:hit|smash|tap)\s+(?:follow|like|subscribe)\b"""),
        ("like likes",
         rf"""\blike\s*(?:,|&|\+|/|and)\s*(?:share|rt|retweet|follow|subscribe|repost|comment)\b
         | (?=like\b){_CLAUSE}like\s+(?:this\s+(?:post\s+|tweet\s+)?|it\s+)?if\s+(?:you|u)\b
         | \b(?:please|pls|plz)\s+like\b(?!\s+to\b)
         | \blike\s+(?:us|our\s+page)\s+on\s+(?:facebook|fb|instagram|linkedin)\b"""),
        ("rt retweet share repost",
         rf"""(?=(?:rt|retweet|share|repost)\b){_CLAUSE}(?:rt|retweet|share|repost)\s*(?:&|and|\+|/)\s*
         (?:follow|like)\b"""),
        ("tap", r"\bdouble[-\s]tap\s+(?:if|to)\b"),
        # Follow us for more / make sure you're following
        ("follow following",  # (the look-ahead first: the look-behind at every position cost 4x the search)
         rf"""(?=please|pls|plz|and|so|go|do|make|be|remember|can|could|would|follow)
         (?<!\b(?:to\s+enter|to\s+be\s+entered|entry|enter\s+by|how\s+to\s+enter|to\s+qualify)\b[^.!?\n]{{0,40}})
         (?:\b(?:please|pls|plz|and|so|go|do|don'?t\s+forget\s+to|make\s+sure\s+(?:to|you)|be\s+sure\s+to
           |remember\s+to|(?:can|could|would)\s+you)\s+|(?=follow\b){_CLAUSE})
         follow\s+(?:us|me|along|our\s+page|my\s+page)\b
         (?!\s+(?:up|through|by\s+(?:sending|dm)|(?:in|via|by)\s+(?:a\s+)?(?:dm|direct\s+message|pm))\b)
         | \bfollow\s+(?:us\s+|me\s+)?for\s+(?:more|daily|weekly|regular|tips|updates|the\s+latest|content)\b
         | \bmake\s+sure\s+(?:you'?re|you\s+are)\s+following\b"""),
        # Spread the word / help us reach 10k / tag a friend who...
        ("spread word",
         rf"""(?:\bhelp\s+(?:us\s+|me\s+)?|\bplease\s+|\bpls\s+|(?=spread|get){_CLAUSE})
         (?:spread\s+the\s+(?:word|love(?!\s+(?:to|with|among|around|in|at)\b))|get\s+the\s+word\s+out)\b"""),
        ("help",
         rf"""\bhelp\s+(?:us|me)\s+(?:to\s+)?(?:reach|hit|get\s+to|grow|spread|get\s+the\s+word\s+out|amplify
         |boost|go\s+viral|cross|break)\b{_TARGET}"""),
        ("tag",
         r"""\btag\s+(?:a|an|your|some|\d+|one|two|three|that)\s+(?:[\w-]+\s+){0,2}?
         (?:friends?|mates?|bestie|besties|someone|somebody|person|colleagues?|co-?workers?|team(?:mate)?s?
           |boss|buddy|bff|fellow|marketers?|founders?|people|folks)\b
         | \btag\s+(?:someone|somebody|anyone|everyone)\b
         | \btag\s+(?:a|an|your|that|one)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+(?:who|that|whose)\b(?!\s+(?:we|you)\b)"""),
        ("pass forward send",
         r"""\b(?:pass|forward|send)
         (?<!\b(?:we|i|they|he|she|who)(?:'ll|'d|\s+(?:will|would|can|could|shall|should|might|must|to))?\s+(?:pass|forward|send))
         (?:(?<=pass)\s+(?:this|it)\s+(?:on|along)\b
         | (?<=forward|send)\s+(?:this|it)\s+to\s+(?:a|anyone|your|someone|everyone)\b)"""),
    ]
)

# The speech act, read as grammar rather than phrases: a request (please, could you, would
# you mind, any chance you could, we'd love it if you, feel free to, help us, let's, keep
# ... until) governing a distribution act (share, RT, boost, post, tweet, pass on, send
# this their way, spread, circulate, get this in front of) whose object is the content
# itself ("this", "it", "our job ad"), never the reader's own words ("your thoughts").
# Who is asked: the reader, or anyone reading.
_ASKED = (
    r"(?:you|u|ya|y'all|everyone|anyone|anybody|someone|somebody|any\s+of\s+you|people|folks"
    r"|you\s+(?:all|guys|folks)|the\s+(?:[\w-]+\s+)?(?:people|folks|friends|lot)\s+of\s+(?:the\s+)?[\w-]+)"
)
_REQUEST = (
    rf"""(?:please|pls|plz|kindly|pretty\s+please|do\s+(?:us|me)\s+a\s+(?:(?:huge|big|quick|small|massive|little)\s+)?(?:favou?r|solid)(?:\s+and)?|quick\s+favou?r:?
    |(?:can|could|would|will|wud|cud|might)\s+{_ASKED}
      (?:\s+(?:with|from|in|on|at|who|that)\s+(?:[\w'-]+\s+){{0,3}}?[\w'-]+)?
    |(?:would|could|will|might|can|are|is)\s+{_ASKED}\s+(?:be\s+)?(?:so\s+)?(?:willing|able|happy|keen|open|up\s+for
      |kind\s+enough|kind|good\s+enough)(?:\s+as)?(?:\s+to)?
    |(?:should|if)\s+{_ASKED}\s+(?:feel\s+like|want\s+to|wish\s+to|fancy|care\s+to|be\s+(?:able|willing|happy|inclined)\s+to)
    |(?:(?:we|i)(?:'d|\s+would)?\s+)?(?:really\s+|so\s+|truly\s+)?appreciate\s+(?:you|u|y'all|everyone|anyone)
    |(?:would|do|does|d'?ya)\s+{_ASKED}\s+mind|\bmind
    |(?:could|can|may|might)\s+(?:i|we)\s+ask\s+(?:{_ASKED}\s+)?to|(?:i'?m|we'?re)\s+asking\s+(?:{_ASKED}\s+)?to
    |(?<!\b(?:not|never)\s+)just\s+asking\s+{_ASKED}\s+to
    |(?:{_ASKED}\s+)?fancy(?:\s+being\s+an?\s+[\w-]+(?:\s+and)?)?
    |any\s+chance\s+{_ASKED}(?:'d|'ll|\s+(?:could|can|would|might|will))?|go(?:\s+and)?
    |(?:(?:we|i)(?:'d|\s+would|'ll|\s+will)?|would)(?:\s+(?:really|so|truly))?\s+(?:love|appreciate|be\s+(?:so\s+|really\s+)?(?:grateful|thankful|thrilled))
      \s+(?:it\s+)?(?:if\s+{_ASKED}|for\s+(?:you|u)\s+to)(?:'d|\s+(?:could|would|can|did|were\s+to))?
    |(?:it'?d|it\s+would|that'?d|that\s+would)\s+(?:really\s+)?(?:help|mean\s+a\s+lot|be\s+(?:amazing|great|awesome|huge|lovely))
      (?:\s+(?:a\s+(?:ton|lot|bunch)|so\s+much|loads))?\s+if\s+{_ASKED}(?:'d|\s+(?:could|would|can))?
    |if\s+{_ASKED}(?:'d|\s+(?:could|can|would|wants?\s+to|feels?\s+like))
    |feel\s+free\s+to|go\s+ahead\s+and|don'?t\s+forget\s+to|remember\s+to|be\s+sure\s+to
    |make\s+sure\s+(?:to|you)|(?:we|i)\s+need\s+(?:you|u|everyone)(?:\s+all)?\s+to
    |help(?:\s+(?:us|me))?(?:\s+(?:out\s+)?by)?|let'?s|lets|everyone\s+please
    |(?:is\s+)?{_ASKED}\s+(?:able|willing|happy|free|up\s+for)\s+to
    |be\s+an?\s+(?:legend|star|gem|hero|dear|love|doll|angel|champ|pal|sport)(?:\s+and)?)"""
)
# What the act is done to: the content, not the reader's contribution.
_THING = (
    r"""(?:(?:this|that|these|those|the)\s+(?:[\w-]+\s+)?(?:post|thread|tweet|link|article|video|survey|petition|job|role|ad|event
      |page|episode|podcast|guide|launch|message|appeal|fundraiser|report|one|news|word|leaflet|flyer|poster|zine|campaign
      |album|book|film|app|cause|story|sign-?up|invite|invitation|call-?out)s?
    |this|it|that|these|those|them
    |(?:our|my)\s+(?:[\w-]+\s+){0,2}?[\w-]+)"""
)
# Where the content is sent. "in the replies", "below", "with us" is talk, not distribution.
_NOT_HERE = r"(?!(?:the\s+)?(?:replies|comments|thread|chat|below)\b|us\b|me\b|here\b)"
_WHERE = (
    rf"""(?:\s+(?:out|around|along|on|forward|widely|far(?:\s+and\s+wide)?|wide|everywhere|away
      |about(?=\s+(?:a\s+bit|a\s+little|the\s+place|town)\b|\s*[!.?,]|\s*$))\b
    |\s+(?:to|with|on|in|into|across|among|amongst|via|through|at)\s+{_NOT_HERE}
    |\s+(?:their|her|his|your)\s+way)"""
)
_END = r"(?:\s*[!.?,;:)]|\s+\p{Extended_Pictographic}|\s*$)"
# share-like verbs are distribution on their own ("share this!"); tweet, post, send, forward
# and pass need somewhere to send it ("send it" alone is advice, "send this their way" is not).
_SHARE_VERB = r"(?:share|reshare|re-share|spread|circulate|signal[-\s]boost)"
_SEND_VERB = r"(?:tweet|post|forward|send|pass)"
_SHARE_ED = r"(?:shared|reshared|spread|circulated)"
_SEND_ED = r"(?:tweeted|posted|forwarded|sent|passed)"
_SHARE_ING = r"(?:sharing|resharing|spreading|circulating)"
_SEND_ING = r"(?:tweeting|posting|forwarding|sending|passing)"
_RT_VERB = r"(?:retweet|re-tweet|rt|repost|reblog|boost|amplify|quote[-\s]tweet)"
# "if you retweeted this", "we'd love it if you shared it": the conditional's past tense.
_RT_ED = r"(?:retweeted|rt'?d|reposted|reblogged|boosted|amplified)"
_RT_ING = r"(?:retweeting|rting|rt'?ing|reposting|reblogging|boosting|amplifying)"
_SHARE_FORMS = frozenset(
    "share reshare re-share spread circulate signal-boost signal boost shared reshared circulated "
    "sharing resharing spreading circulating".split()
)
_BASE_FORMS = _SHARE_FORMS.intersection("share reshare re-share spread circulate".split()) | frozenset(
    "signal-boost signal boost tweet post forward send pass".split()
)
# One pattern for every act; which verbs need a destination is checked in `_valid` (writing
# each combination out made the pattern 4,400 characters and 60 ms to compile at start-up).
_ACT = (
    rf"""(?P<verb>{_SHARE_VERB}|{_SHARE_ING}|{_SHARE_ED}|{_SEND_VERB}|{_SEND_ING}|{_SEND_ED})\b
      (?:\s+(?P<thing>{_THING})(?:(?P<where>{_WHERE})|(?P<end>{_END}))
        |(?P<where>\s+(?:widely|around|far\s+and\s+wide|everywhere)\b|{_WHERE})|(?P<end>{_END}))?
    | (?P<rt>{_RT_VERB}|{_RT_ING}|{_RT_ED})\b(?!\s+(?:your|ur|yours|with\s+(?:us|me)|responsibly|properly|carefully)\b)
    | (?P<get>(?:get|getting|put|putting|make|give|giving|pop|popping|drop|dropping|stick|sticking|throw|shout(?:\s+about)?)\s+{_THING}\s+
        (?:out\s+there|in\s+front\s+of|seen|trending|(?:go\s+)?viral
        |to\s+(?:[\d,.]+\s*k?|as\s+many|more|every|all|everyone|the\s+right)\b
        |a\s+(?:quick\s+|little\s+)?(?:like\s+(?:and|&|\+)\s+(?:a\s+)?)?(?:share|rt|retweet|repost|boost|signal[-\s]boost|shout-?out)
        |(?:in|into|on)\s+(?:your|the|a|any)\s+(?:[\w'-]+\s+){{0,2}}?(?:channels?|chats?|groups?|slacks?
          |newsletters?|feeds?|stor(?:y|ies)|networks?|communit(?:y|ies)|discords?|whatsapps?)\b
        |from\s+the\s+rooftops)
      | shout\s+about\s+{_THING} | get\s+the\s+word\s+out)"""
)
# Every act above has one of these words: the requests are looked for only where one is.
_ACT_WORDS = (
    "share shares sharing shared reshare reshared resharing spread spreading circulate circulating "
    "circulated signal tweet tweeting tweeted post posting posted forward forwarding forwarded send "
    "sending sent pass passing passed retweet retweeting retweeted rt rting rt'd rt'ing repost reposting "
    "reposted reblog reblogging reblogged boost boosting boosted amplify amplifying amplified quote front viral trending seen word "
    "love rooftops there channel channels chat chats group groups slack slacks newsletter newsletters "
    "feed feeds story stories network networks community communities discord discords whatsapp "
    "whatsapps shout shoutout rts retweets reposts people views get put make give giving pop drop stick throw "
    "getting putting popping dropping sticking"
)
_ACT_TRIGGERS = frozenset(_ACT_WORDS.split())
_ACT_RE = Lazy(_ACT, re.IGNORECASE | re.VERBOSE | re.MULTILINE)
# The request that governs an act ends right where the act starts: searched only in the few
# words before each act (searching the whole post for requests first cost ~80 µs a post).
_REQUEST_BEFORE = Lazy(
    rf"""(?:\b{_REQUEST}|{_CLAUSE}do)\s+
    (?:(?:please|pls|plz|kindly|just|maybe|possibly|also|all|quickly|help|consider|try\s+to|to|and|do)\s+)*\Z""",
    re.IGNORECASE | re.VERBOSE | re.MULTILINE,
)
_REACH = 90  # characters before an act where its request may start


# Where an act may start: its verb. A plain `re` scan for these words, then the full act
# pattern tried only there, is several times faster than scanning with the act pattern.
_ACT_START = re.compile(
    r"\b(?:re-?share|share|shar|spread|circulat|signal|tweet|post|forward|send|sent|pass|re-?tweet|rt"
    r"|repost|reblog|boost|amplif|quote|get|put|make|giv|pop|drop|stick|throw|shout)",
    re.IGNORECASE,
)


# "Please forward to anyone who might be interested": sent on to people, the content implied.
_TO_PEOPLE = Lazy(
    r"\s+(?:(?:on|along|around)\s+)?(?:to|with)\s+(?:anyone|anybody|someone|somebody|everyone|everybody|your|a\s+friend|friends|people"
    r"|colleagues|others|all)\b",
    re.IGNORECASE,
)
# A clause starts at punctuation or the start, or continues an imperative: "Save this and share it".
_CLAUSE_START = Lazy(
    rf"""(?:{_CLAUSE}|(?<=(?:^|[.!?:;\n]\s*|\p{{Extended_Pictographic}}\ufe0f?\s*)
      (?!(?:i|we|you|they|he|she|it|our|my|their|this|that|there|[\w'-]+ed)\b)[\w'-]+(?:\s+[\w'-]+){{0,4}}?
    \s*(?:and|then|&)\s*))\Z""",
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)


def _valid(act: regex.Match[str], imperative: bool) -> bool:
    """Whether an act is whole: "share this!" is, "send it" is not until it has somewhere to go."""
    if act.group("verb") is None:
        return not imperative or act.group("get") is not None  # imperative RTs live in _PATTERNS
    verb = " ".join(act.group("verb").lower().split())
    if imperative and verb not in _BASE_FORMS:
        return False
    if act.group("where"):
        return imperative is False or act.group("thing") is not None or "wide" in act.group("where") \
            or act.group("where").strip() in ("around", "everywhere") \
            or _TO_PEOPLE.compiled.match(act.string, act.start("where")) is not None
    return verb in _SHARE_FORMS and act.group("end") is not None and (
        not imperative or act.group("thing") is not None
    )


def _requested_act(text: str) -> str | None:
    """The first distribution act in `text` governed by a request ("could you tweet this out")
    or said as an imperative at the start of a clause ("Send this their way")."""
    if _ACT_TRIGGERS.isdisjoint(words_of(text)):
        return None
    act_pattern = _ACT_RE.compiled
    for candidate in _ACT_START.finditer(text):
        start = candidate.start()
        act = act_pattern.match(text, start)
        if act is None:
            continue
        if (act.group("verb") is not None and act.group("thing") is None
                and act.group("verb").lower().startswith(("tweet", "post", "forward", "send", "sent", "pass"))
                and not (act.group("where") and _TO_PEOPLE.compiled.match(text, act.start("where")))):
            continue  # "please post on the forum": no content and nobody to send it to
        if _valid(act, imperative=False):
            request = _REQUEST_BEFORE.compiled.search(text, max(0, start - _REACH), start)
            if request:
                return text[request.start():act.end()]
        if _valid(act, imperative=True) and _CLAUSE_START.compiled.search(text, start, start):
            return act.group(0)
    return None


_ACTS = Phrases(
    [
        # RT until we find her / keep sharing until / boost for reach
        ("rt retweet share repost boost reshare sharing retweeting rting reposting boosting keep",
         r"""\b(?:rt|retweet|share|repost|boost|reshare)\s+(?:this\s+|it\s+)?(?:until|till|til
           |for\s+(?:the\s+)?(?:reach|visibility|awareness|algorithm|algo|exposure|signal))\b
         | \bkeep\s+(?:sharing|retweeting|rting|reposting|boosting|spreading)\b(?!\s+(?:your|ur)\b)"""),
        # The act named as a noun: "would love a share", "any RTs would be lovely", "we need your RTs"
        ("share shares rt rts retweet retweets repost reposts boost boosts reshare reshares sharing retweeting "
         "reposting boosting shout-out shoutout shout plug",
         r"""\b(?:spare|give\s+(?:us|me)|throw\s+(?:us|me))\s+(?:us\s+|me\s+)?(?:a|an|the\s+odd)\s+(?:quick\s+)?
           (?:share|rt|retweet|repost|boost|signal[-\s]boost)\b
         | \b(?:need|want|looking\s+for|after)\s+(?:as\s+many|loads\s+of|lots\s+of|more|all\s+the|plenty\s+of)\s+
           (?:shares|rts|retweets|reposts|boosts|re-?shares)\b
         | \b(?:could|can)\s+(?:really\s+|honestly\s+|genuinely\s+|totally\s+|so\s+)?(?:do\s+with|use)\s+(?:a|an|any|some|your
           |more|a\s+few)\s+(?:quick\s+|little\s+)?(?:shares|rts?|retweets?|reposts?|boosts?|signal[-\s]boosts?|re-?shares?)\b
         | \b(?:appreciate|welcome|grateful\s+for|thankful\s+for)\s+(?:shares|rts|retweets|reposts|boosts|reblogs|signal[-\s]boosts)\b
         | \b(?:love|appreciate|need|welcome|grateful\s+for)\s+(?:a|an|any|some|your|more|the\s+odd|a\s+few)\s+
           (?:quick\s+|little\s+)?(?:share|shares|rts?|retweets?|reposts?|boosts?|signal[-\s]boosts?|re-?shares?)\b
         | \b(?:any\s+chance\s+of|(?:could|can)\s+(?:we|i)\s+(?:get|have|grab|beg)|how\s+about)\s+(?:a|an|some)\s+
           (?:quick\s+|little\s+)?(?:story\s+|insta\s+|ig\s+)?(?:share|rt|retweet|repost|boost|signal[-\s]boost|re-?share|shout-?out|plug)s?\b
         | \b(?:a|an|any|one|some|every|each)\s+(?:quick\s+|little\s+|single\s+|few\s+|couple\s+(?:of\s+)?|handful\s+of\s+)?
           (?:share|shares|rts?|retweets?|reposts?|boosts?|signal[-\s]boosts?|re-?shares?)
           \s+(?:of\s+(?:this|it|(?:the|this|that)\s+[\w-]+|our\s+[\w-]+|my\s+[\w-]+)\s+)?(?:from\s+(?:you|u)\s+)?
           (?:would|will|could|'d|helps|counts|matters|goes\s+a\s+long|makes\s+a|means|really\s+helps|puts|brings|reaches)\b
         | \byour\s+(?:rts|retweets|reposts|boosts|shares)\s+(?:mean|help|keep|make|matter)
         | \b(?:signal[-\s]boosts?|rts|retweets|reposts|boosts|shares|re-?shares|sharing|retweeting|reposting|boosting)\s+
           (?:(?:are|is|would\s+be|will\s+be|much|greatly|always|very|hugely|massively|truly|really|most|so)\s+)*
           (?:appreciated|welcome[d]?|lovely|amazing|helpful|needed|wanted|vital|crucial|(?:my|our|a)\s+lifeline
           |everything\s+to\s+(?:me|us)|what\s+keeps\s+(?:me|us)|(?:a\s+)?(?:huge|big|massive|great|real)\s+help)\b"""),
        ("help",
         r"""\b(?:any|your|all)\s+help\s+(?:with\s+)?(?:getting\s+the\s+word\s+out|spreading\s+the\s+word|sharing|spreading|boosting
           |amplifying|retweeting|reposting|circulating|reblogging)\b"""),
        ("please pls plz",
         r"""\b(?:a\s+)?(?:rts?|retweets?|shares?|reposts?|boosts?|reblogs?|signal[-\s]boosts?|re-?shares?)\s*,?\s*(?:please|pls|plz)\b
           (?!\s+(?:your|ur|with\s+(?:us|me))\b)"""),
        # "Share share share", "RT RT RT": the act said over and over
        ("share rt retweet repost boost reshare",
         r"\b(share|rt|retweet|repost|boost|reshare)(?:[\s,!.]+\1\b){1,}"),
        ("hit smash tap click press",
         r"\b(?:hit|smash|tap|click|press)\s+(?:that\s+|the\s+)?(?:share|rt|retweet|repost|boost)(?:\s+button)?\b"),
        ("see",
         r"""\bmake\s+sure\s+(?:all\s+)?(?:your|ur|everyone|everybody)\s+(?:\w+\s+)?(?:friends|followers|network|people
         |colleagues|mates|contacts)?\s*(?:sees?|hears?\s+about|knows\s+about)\s+(?:this|it|about\s+(?:this|it|us))\b"""),
        # Word of mouth: "tell your friends", "let your network know"
        ("tell let",
         r"""\b(?:tell|let)\s+(?:all\s+)?(?:your|ur)\s+(?:friends|network|followers|mates|community|audience|circle
         |contacts)(?:\s+know)?(?=\s*(?:[!.,;:]|\p{Extended_Pictographic}|$|about\s+(?:this|it|us|our)\b
         |(?:that\s+)?we(?:'re|\s+are)\b))"""),
        ("can could if everyone each all every",
         rf"""\b(?:can|could)\s+we\s+(?:get|make)\s+(?:this|it)\s+(?:to(?=\s+\d){_TARGET}|go\s+viral|trending|viral)
         | \bif\s+(?:everyone|every\s+one\s+of\s+you|each\s+of\s+you|all\s+of\s+you|you\s+all
           |(?:every|each)\s+(?:single\s+)?(?:follower|reader|subscriber|member|listener|viewer|customer|one\s+of\s+(?:you|our\s+[\w-]+)))\b
           [^.!?\n]{{0,40}}?\b(?:shares?|shared|retweets?|retweeted|rts|reposts?|reposted|boosts?|boosted|passes|passed|sends|sent
           |forwards|forwarded)\s+(?:it|this)\b"""),
        # "Be the 2% who shares it", "make sure this gets seen"
        ("shares retweets reposts boosts rts passes forwards",
         r"""\bbe\s+(?:the|one\s+of\s+the)\s+(?:[\w%-]+\s+){0,2}?(?:who|that)\s+(?:shares?|retweets?|reposts?|boosts?|rts|passes|forwards)
           \s+(?:it|this)\b"""),
        ("sure",
         r"""\bmake(?<!\b(?:we|i|we'll|i'll|will|we\s+will|i\s+will|they|(?:we|i)(?:'ll|\s+will)?\s+(?:try|aim|want|need)\s+to)\s+make)\s+sure\s+(?:this|it)\s+(?:gets\s+(?:seen|shared|out|around|read|noticed)|reaches|goes\s+(?:far|viral|round))"""),
        ("shares rts retweets reposts boosts eyes people folks eyeballs",
         r"""\b(?:would|it'?d|that'?d|it\s+would|that\s+would)\s+be\s+(?:so\s+|really\s+)?(?:amazing|great|awesome|lovely
         |brilliant|fab|ace|huge|incredible|wonderful|fantastic)\s+if\s+(?:this|it)\s+(?:got|gets|could\s+get|reached|reaches
         |could\s+reach|got\s+in\s+front\s+of|made\s+it\s+to)\s+(?:some|a\s+few|more|lots\s+of|loads\s+of|a\s+few\s+more
         |as\s+many|[\d,]+)?\s*(?:more\s+)?(?:shares|rts|retweets|boosts|reposts|eyes|people|folks|eyeballs)\b"""),
        ("help",
         r"""\bhelp\s+(?:this|it|us|me)\s+(?:to\s+)?(?:reach|travel|go\s+viral|get\s+(?:seen|out|around|noticed)|spread)\b"""),
    ]
)

# "Follow @handle" asks for follows only when the handle is the author's own.
_FOLLOW_HANDLE = Lazy(rf"{_CLAUSE}(?:please\s+|pls\s+)?follow\s+(@[\w.]+)", re.I | re.M)


# Distribution words in idioms and puns ("share the love", "sharing is caring", "pass the
# salt", "spread the butter onto your toast") ask nobody to distribute anything.
_IDIOM = Lazy(
    r"""^(?:share\s+the\s+(?:love|joy|warmth|cheer|wealth|load|pie|bill|cake|table)|sharing\s+is\s+caring
    |pass\s+the\s+(?:salt|pepper|sauce|ketchup|butter|bread|gravy|port|baton|parcel|time|mic|aux)
    |spread\s+(?:the|it|some|a\s+little|a\s+bit\s+of)\s+(?:[\w-]+\s+)?(?:butter|jam|marmalade|honey|mayo|hummus|paste|icing
      |frosting|glue|mulch|compost|joy|cheer|kindness|love|positivity|good\s+vibes)\b
    |spread\s+(?:it|them|this)\s+(?:thinly|thickly|evenly|generously)\b)""",
    re.IGNORECASE | re.VERBOSE,
)
# An ask turned down or put in someone else's mouth: "Spread the word? Nah.", "Pass it on, they said."
_NOT_ASKED = Lazy(
    r"""\s*(?:[?!.]\s*(?:nah|nope|no|not\s+really|not\s+today|not\s+this\s+time)\b
    |[,.]?\s*(?:they|people|everyone|he|she|mum|mom|dad|my\s+\w+|our\s+\w+|the\s+\w+)\s+(?:said|says|told\s+(?:us|me)|used\s+to\s+say)\b)""",
    re.IGNORECASE | re.VERBOSE,
)
# "Spread the love and share this with your team": the idiom leads into the ask itself; and
# "Sharing is caring ❤️ <link>" said alone beside the content is the ask.
_AND_ACT = Lazy(
    r"""\s*(?:,|&|\+|and|then)\s*(?:please\s+)?(?:share|re-?share|rt|retweet|repost|forward|send|pass|tag|spread|boost|post)\b
    |\s*(?:!+\s*)?(?:\p{Extended_Pictographic}[\ufe0f\s]*)*(?:https?://|$)""",
    re.IGNORECASE | re.VERBOSE,
)
# ... or thanked for, or waved off, just before it: "thanks so much for sharing our post to your
# story", "no need to pass it on".
_NOT_ASKED_BEFORE = Lazy(
    r"""(?:\b(?:thanks?|thank\s+you|thx)\s+(?:(?:so|very)\s+much\s+)?for
    |\b(?:no\s+need\s+to|(?:you\s+)?don'?t\s+(?:need|have)\s+to|do\s+not|never))\s*\Z""",
    re.IGNORECASE | re.VERBOSE,
)
# ... or a giveaway's entry rule, said after it: "Follow us and like this post to win a voucher"
# (to follow or like is how one enters; "RT to win" still asks for the reach).
_ENTRY_RULE = Lazy(
    r"[^.!?\n]{0,60}?\bto\s+(?:win|enter|be\s+entered|be\s+in\s+with\s+a\s+chance)\b", re.IGNORECASE
)
_RETRIES = 3  # asks set aside before the text is judged clean
# The words of distribution: a share request names the act (or its icon).
_SPREAD_WORDS = frozenset(
    "share sharing shares reshare rt rts retweet retweets retweeting repost reposts reposting boost boosts boosting "
    "spread spreading pass passing forward forwarding tag tagging send sending tweet tweeting signal amplify upvote "
    "upvotes word reblog reblogging crosspost".split()
)


def _spreads(text: str) -> bool:
    """Whether `text` names an act of distribution, which a share request must."""
    if "\u2019" in text:  # (only then a new string: the words of `text` itself are cached)
        text = text.replace("\u2019", "'")
    return not _SPREAD_WORDS.isdisjoint(words_of(text)) or has_icon(text)


# Where a sentence ends (its mark, a line break, an emoji that is no verb: "♻️ it to your
# network") and, in a long one, a clause (a comma).
_SENTENCE_END = Lazy(
    r"(?<=[.!?;:\u2026])\s+|(?<=\p{Extended_Pictographic}\ufe0f?)\s+(?!(?:it|this|that|them|these|those)\b)|\s*\n\s*",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r",\s+")
_LONG = 12  # words in a sentence past which its clauses are quoted instead


def _clauses(text: str) -> list[str]:
    """The sentences of `text`, a long one as its clauses; marks and emoji with no words
    join the words beside them ("Y'all know what to do. 🔁")."""
    parts: list[str] = []
    for sentence in _SENTENCE_END.compiled.split(text):
        if parts and not (_has_words(sentence) and _has_words(parts[-1])):
            parts[-1] = f"{parts[-1]} {sentence}"
        else:
            parts.extend(_CLAUSE_END.split(sentence) if len(sentence.split()) > _LONG else [sentence])
    return [clause for part in parts if (clause := part.strip().rstrip(".,;:"))]


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _asks_in(text: str) -> list[str]:
    """The clauses of `text` that name an act of distribution: where the model's evidence
    is quoted from, so it shows the ask rather than the words beside it."""
    return [clause for clause in _clauses(text) if _spreads(clause)]


def share_request(text: str, author: str = "") -> str | None:
    """The first request to share, like or follow the author's content in `text`, or None."""
    return _read(text, author)[0]


def _read(text: str, author: str) -> tuple[str | None, bool]:
    """The first request in `text` that stands, and whether the patterns saw any (an idiom,
    a refused or thanked-for ask, set aside, was seen)."""
    text = strip_quoted(text).replace("\u2019", "'")  # a curly apostrophe is an apostrophe
    seen = False
    for _ in range(_RETRIES):
        found = _first_request(text, author)
        if found is None:
            return None, seen
        seen = True
        start = text.find(found)
        end = start + len(found)
        if start < 0 or not ((_IDIOM.match(found) and not _AND_ACT.compiled.match(text, end))
                             or _NOT_ASKED.compiled.match(text, end) or _NOT_ASKED_BEFORE.search(text[:start])
                             or (_ENTRY_RULE.compiled.match(text, end) and not _spreads(found))):
            return found, seen
        text = text[:start] + " " * len(found) + text[end:]  # set aside; look for another
    return None, seen


# Every word one of the patterns `_first_request` tries first needs (`spread_request` has its own).
_REQUEST_WORDS = _PATTERNS.triggers | _ACT_TRIGGERS | _ACTS.triggers


def _first_request(text: str, author: str) -> str | None:
    """The first request in `text` (already normalised), idiom or not."""
    # Most posts hold no word any shape below needs: one set test lets them go.
    if (_REQUEST_WORDS.isdisjoint(words := words_of(text)) and not may_spread(text, words)
            and not (author and "follow" in text.lower())):
        return None
    match = _PATTERNS.search(text)
    if match:
        return match.group(0).strip()
    requested = _requested_act(text)
    if requested:
        return requested.strip()
    match = _ACTS.search(text)
    if match:
        return match.group(0).strip()
    spread = spread_request(text)
    if spread:
        return spread
    own = author.lower().lstrip("@")
    if own and "follow" in text.lower():
        for follow in _FOLLOW_HANDLE.finditer(text):
            if follow.group(1).lower().lstrip("@") == own:
                return follow.group(0).strip()
    return None


# Every word a request, an act of sharing or the model's gate needs: a post with none of
# them, no sharing icon and no "follow" is clean (7 in 10 real posts), known in one set test.
_ANY_WORDS = _REQUEST_WORDS | SPREAD_NEEDS | _SPREAD_WORDS


def _clean_at_a_glance(text: str) -> bool:
    """True when no step below could find a request in `text`. Quoting only takes words
    away, so the words of the whole text stand for those of what the author says."""
    return ("\u2019" not in text and _ANY_WORDS.isdisjoint(words_of(text)) and not has_icon(text)
            and "follow" not in text.lower())


@SHARE_BEGGING.post_check
def _asks_for_shares(post: Post, ctx: PostContext) -> Iterator[Hit]:
    if not ctx.thresholds["extra_phrases"] and _clean_at_a_glance(post.text):
        return
    text = strip_quoted(post.text)
    evidence, seen = _read(post.text, post.author)
    if not seen and _spreads(text):  # worded past the patterns (what they set aside stays aside)
        evidence = model_evidence(SHARE_BEGGING.id, text, post.kind, _asks_in(text))
    evidence = evidence or extra_phrase(post.text, ctx.thresholds["extra_phrases"])
    if evidence:
        yield Hit(
            message=(
                f"Asks people to share or follow (“{evidence}”). Give them something worth "
                "sharing instead, and let the sharing be their idea."
            ),
            evidence=evidence,
        )
