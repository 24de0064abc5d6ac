"""share-begging: asking people to share, like or follow instead of earning it.

What counts: a request to distribute the author's content (share, retweet, RT, repost,
boost, like, follow, "spread the word", "help us reach", "tag a friend who...").
What does not: thanks for a share, stock-market shares, someone who "will share lessons",
the author's own past retweets, and asking people to talk ("share your experience in the
replies", "share your thoughts"): that is conversation, which we want more of.
Someone else's request quoted in the post ("she said 'please RT'", a manual "RT @x: ...")
is not the author's request.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from assistant.checks.registry import Hit, PostContext, rule
from assistant.checks.signals import Lazy, Phrases, extra_phrase, strip_quoted
from assistant.models import Post

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
    r"(?:please|pls|plz|pleas+e|kindly|do|go\s+ahead\s+and|feel\s+free\s+to|don'?t\s+forget\s+to"
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
    r"|with\s+(?!us\b|me\b)|[!.?]|\p{Extended_Pictographic}|$))"
)
_NOT_TALK = r"(?!\s+(?:your|ur|with\s+(?:us|me)\b))"

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
         {_CLAUSE}{_DISTRIBUTE}{_SHARE_OBJECT}(?!\s+@)(?:\s+(?:this|it|the\s+\w+))?
         | \b(?:rt|retweet|share|repost|boost|reshare)\s+(?:this\s+|it\s+)?if\s+(?:you|u|ur|this|it|we)\b"""),
        ("caring", r"\bsharing\s+is\s+caring\b"),
        # RTs appreciated / every share helps / a quick share would mean a lot
        ("rts retweets retweet shares reposts repost boosts likes follows reshares",
         r"""\b(?:rts|retweets?|shares|reposts?|boosts|likes|follows|re-?shares)\s+
         (?:are\s+|is\s+|would\s+be\s+|much\s+|greatly\s+|always\s+|very\s+|hugely\s+|really\s+)*
         (?:appreciated|welcome[d]?|help(?:s|ful)?\b|mean\s+a\s+lot|go\s+a\s+long\s+way)"""),
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
        ("follow following",
         rf"""(?:\b(?:please|pls|plz|and|so|go|do|don'?t\s+forget\s+to|make\s+sure\s+(?:to|you)|be\s+sure\s+to
           |remember\s+to|(?:can|could|would)\s+you)\s+|(?=follow\b){_CLAUSE})
         follow\s+(?:us|me|along|our\s+page|my\s+page)\b
         (?!\s+(?:up|through|by\s+(?:sending|dm)|(?:in|via|by)\s+(?:a\s+)?(?:dm|direct\s+message|pm))\b)
         | \bfollow\s+(?:us\s+|me\s+)?for\s+(?:more|daily|weekly|regular|tips|updates|the\s+latest|content)\b
         | \bmake\s+sure\s+(?:you'?re|you\s+are)\s+following\b"""),
        # Spread the word / help us reach 10k / tag a friend who...
        ("spread word",
         rf"""(?:\bhelp\s+(?:us\s+|me\s+)?|\bplease\s+|\bpls\s+|(?=spread|get){_CLAUSE})
         (?:spread\s+the\s+(?:word|love)|get\s+the\s+word\s+out)\b"""),
        ("help",
         r"""\bhelp\s+(?:us|me)\s+(?:to\s+)?(?:reach|hit|get\s+to|grow|spread|get\s+the\s+word\s+out|amplify
         |boost|go\s+viral|cross|break)\b"""),
        ("tag",
         r"""\btag\s+(?:a|an|your|some|\d+|one|two|three|that)\s+(?:[\w-]+\s+){0,2}?
         (?:friends?|mates?|bestie|besties|someone|somebody|person|colleagues?|co-?workers?|team(?:mate)?s?
           |boss|buddy|bff|fellow|marketers?|founders?|people|folks)\b
         | \btag\s+(?:someone|somebody|anyone|everyone)\b"""),
        ("pass forward send",
         r"""\bpass\s+(?:this|it)\s+(?:on|along)\b
         | \b(?:forward|send)\s+(?:this|it)\s+to\s+(?:a|anyone|your|someone|everyone)\b"""),
    ]
)
# "Follow @handle" asks for follows only when the handle is the author's own.
_FOLLOW_HANDLE = Lazy(rf"{_CLAUSE}(?:please\s+|pls\s+)?follow\s+(@[\w.]+)", regex.I | regex.M)


def share_request(text: str, author: str = "") -> str | None:
    """The first request to share, like or follow the author's content in `text`, or None."""
    text = strip_quoted(text)
    match = _PATTERNS.search(text)
    if match:
        return match.group(0).strip()
    own = author.lower().lstrip("@")
    if own and "follow" in text.lower():
        for follow in _FOLLOW_HANDLE.finditer(text):
            if follow.group(1).lower().lstrip("@") == own:
                return follow.group(0).strip()
    return None


@SHARE_BEGGING.post_check
def _asks_for_shares(post: Post, ctx: PostContext) -> Iterator[Hit]:
    evidence = share_request(post.text, post.author) or extra_phrase(
        post.text, ctx.thresholds["extra_phrases"]
    )
    if evidence:
        yield Hit(
            message=(
                f"Asks people to share or follow (“{evidence}”). Give them something worth "
                "sharing instead, and let the sharing be their idea."
            ),
            evidence=evidence,
        )
