"""Requests to spread a post in the shapes the request patterns of `share-begging` do not read.

- a referral: someone the reader knows, then passing it to them ("Know a dog lover? Send
  them this", "If you know anyone hiring, send them our portfolio");
- the reader's share said to do good ("Your share could be the one that finds her a
  home", "Retweets = more eyes on the petition", "the best thank-you is a share");
- the act as an imperative at the start of a clause with the content or a purpose ("Share
  so it reaches Bristol folks", "Reblog if you remember MSN", "Forward to a founder who...");
- thanks in advance ("whoever shares this, thank you"), the reader's own channels named
  ("pop our raffle on your page", "paste it in every group chat", "mention us in your
  newsletter"), word of mouth ("tell everyone you know"), a request to post about the
  author's thing ("would you post about our fundraiser?"), and the repost icon beside a
  please ("🔁🔁 pls").
a favour asked for the act ("please help by sharing", "if you could tweet about it, that'd be
huge", "mind giving this a reshare?").
The agent is always the reader. "Your share of voice" is a market share, "share your
thoughts" is talk, and "thanks for the RTs" is thanks: none of them asks.
"""

from __future__ import annotations

import re

from assistant.checks.signals import Lazy, Phrases, words_of

_NOUN = r"(?:shares?|rts?|retweets?|reposts?|boosts?|re-?shares?|signal[-\s]boosts?|quote[-\s]tweets?|mentions?|shout-?outs?)"
# "Know someone who...?", "Got a friend in Leeds looking for work?", "Anyone you know hiring?"
_REFERRAL = Lazy(
    r"""(?:(?:\b(?:know|anyone\s+you\s+know|any\s+friends)\b
      |\b(?:got|have|has)\b(?=[^.!?\n]{0,80}\b(?:someone|anyone|anybody|somebody|people|folks|friends?|colleagues?|mates?
        |who)\b))(?:\s+(?:of\s+)?(?:someone|anyone|anybody|somebody|a|an
      |any|some|people|folks|friends?|colleagues?)\b)?[^.!?\n]{0,80}\?
    |\bif\s+(?:you|u)\s+know\s+(?:someone|anyone|anybody|somebody|a|an|any)\b[^.!?\n]{0,60}?,)
    [\s\p{Extended_Pictographic}\ufe0f]*(?:[^.!?\n]{0,60}[,.!:]\s+)?
    (?:(?:then\s+|please\s+|pls\s+|go\s+on,?\s+|just\s+|do\s+|feel\s+free\s+to\s+|go\s+ahead\s+and\s+|you\s+(?:can|could)\s+(?:always\s+)?|why\s+not\s+)?)
    (?P<act>tag\s+(?:them|him|her|'em)\b
      |(?:send|forward|share|pass|show|dm|message|flick|chuck|bung|fling)\s+(?:them\s+|him\s+|her\s+|'em\s+)?(?:it|this|the\s+link|the\s+post
        |this\s+post|our|my)\b
      |(?:this|it)(?:'s|\s+is)\s+(?:the|a)\s+(?:[\w-]+\s+){0,2}?to\s+(?:send|forward|share\s+with|pass\s+(?:on\s+)?to|show)
        \s+(?:them|him|her|'em)\b
      |make\s+sure\s+(?:they|he|she)\s+(?:sees?|hears?\s+about|knows?\s+about|gets?)\s+(?:this|it)\b)""",
    re.IGNORECASE | re.VERBOSE,
)
_REFERRAL_WORDS = frozenset("know got have has".split())
_ACT_WORDS = frozenset("tag send forward share pass show dm message flick chuck bung fling make".split())

# The reader's share credited with an outcome: "your share could help", "every RT gets us closer",
# "the best thank-you is a share". Each shape is tried only when its own words are in the post.
_SHARE_NOUNS = "share shares rt rts retweet retweets repost reposts boost boosts reshare reshares mention mentions shoutout"
_GOOD_DEED = Phrases([
    (_SHARE_NOUNS,
     rf"""\b(?:your|a|one|every|each|any|more|just\s+one)\s+(?:quick\s+|single\s+|little\s+|extra\s+)?{_NOUN}
      (?!\s+(?:of|price|prices|button|buttons|count|counts|ratio|market|holders?|sheet)\b)(?:\s+from\s+(?:you|u|anyone)\b)?
      (?:\s+(?:here|now|today|too))?
      \s+(?:(?:could|can|might|may|will|would|really|genuinely|truly|honestly|literally|just|actually|seriously|all)\s+)*
      (?:help|helps|make|makes|mean|means|matter|matters|save|saves|find|finds|change|changes|get|gets|reach|reaches
      |be\s+the\s+one|be\s+(?:someone|somebody|the\s+difference|what|how|their|her|his|a\s+lifeline)
      |costs?\s+(?:you\s+)?nothing|(?:is|'s)\s+free|does\s+help|do\s+help|goes|go|keep|keeps|put|puts|bring|brings|give|gives|count|counts|take|takes|spread|spreads|do|does)\b
    | \b(?:more\s+)?(?:rts|retweets|shares|reposts|boosts)\s*(?:=|\u2192|->|equals?|means?)\s*(?:more|another|a\s+better
      |real|actual|\w+\s+more)\b
    | \b(?:every|each|per|one)\s+(?:share|rt|retweet|repost|boost|reshare|like)(?:\s+of\s+(?:this|the|our|my)\s+[\w-]+)?\s*(?:=|\u2192|->|equals|means|gets|raises|earns
      |plants|feeds|donates|adds|puts)\s*(?:[$\u00a3\u20ac]|\d|a\b|an\b|one\b|another\b|us\b)
    | \bfor\s+(?:every|each)\s+(?:share|rt|retweet|repost|boost|reshare)\b(?:\s+(?:this|it)\s+gets)?
    | \b(?:shares|reposts|rts|retweets|boosts|reshares|sharing|reposting|retweeting|boosting)\s+(?:are|is)\s+
      (?:(?:literally|honestly|genuinely|really|still|basically|how\s+we|just)\s+)?(?:how|the\s+(?:way|only\s+way|reason))\b
      [^.!?\n]{{0,50}}?\b(?:get\s+(?:found|seen|noticed|discovered|heard)|grow|survive|reach|find\s+(?:new|more))\b"""),
    ("just only simply",
     r"""\b(?:asking|ask|want|need|all)\b[^.!?\n]{0,40}?\b(?:just|only|simply)\s+(?:a|an|one|your)\s+(?:quick\s+|little\s+|single\s+)?
      (?:share|rt|retweet|repost|boost|reshare)\b"""),
    ("sharing retweeting reposting boosting resharing rting forwarding sending passing",
     r"""\b(?:sharing|forwarding|sending|passing|retweeting|reposting|boosting|resharing|rting)\s+(?:this|it|the\s+post
      |the\s+(?:[\w-]+\s+)?(?:link|page|appeal|fundraiser|petition|post|video)|our\s+[\w-]+)\b
      [^.!?\n]{0,60}?\b(?:is|would\s+be|'s)\s+(?:(?:honestly|really|genuinely|truly|literally|probably|still|by\s+far|just)\s+)?
      (?:the\s+(?:single\s+)?(?:best|easiest|kindest|biggest|most\s+[\w-]+|simplest|quickest|greatest)\s+(?:thing|way|gift|help)
      |(?:a\s+)?(?:huge|big|massive|real)\s+help|as\s+(?:good|helpful|valuable|important)(?:\s+as)?)\b"""),
    ("sharing retweeting reposting boosting resharing rting hitting amplifying reblogging",
     r"""(?:\b(?:sharing|retweeting|reposting|boosting|resharing|rting|amplifying|reblogging)\s+(?:this|it|the\s+post|this\s+post)
      |\b(?:hitting|pressing|tapping|clicking)\s+(?:the\s+)?(?:repost|share|retweet|rt|boost|reshare)(?:\s+button)?)\s+
      (?:(?:could|can|might|may|will|would)\s+(?:just\s+|really\s+|genuinely\s+|honestly\s+)?)?(?:help|helps|save|saves|reunite|reunites
      |find|finds|change|changes)\b
    | \b(?:sharing|retweeting|reposting|boosting|resharing|rting|amplifying|reblogging)\s+(?:this|it)\s+(?:is|'s)\s+(?:totally\s+|completely\s+)?
      (?:free|costs\s+(?:you\s+)?nothing)\b
    | \b(?:sharing|retweeting|reposting|boosting|resharing|rting|amplifying|reblogging)\s+(?:this|it)\s+would\s+(?:(?:really|genuinely|honestly|so)\s+)?
      (?:make\s+(?:my|our)\s+(?:day|week|month|year)|mean\s+(?:a\s+lot|the\s+world|so\s+much)|help)\b
    | \b(?:sharing|retweeting|reposting|boosting|resharing|rting|amplifying|reblogging)\s+(?:(?:this|it|the\s+post)\s+)?(?:(?:really|also|genuinely
      |still|truly|honestly)\s+)?(?:helps|matters|counts|makes\s+a|means\s+a|is\s+(?:a\s+)?(?:huge|big|great|massive|real)\s+help)\b
    | \b(?:sharing|retweeting|reposting|boosting|resharing|rting|amplifying|reblogging)\s+(?!(?:your|ur|old|without)\b)[^.!?\n]{0,30}?
      (?<!\b(?:rarely|never|hardly|seldom|not|n't|doesn't|don't|won't))\s+(?:really\s+)?(?:helps|means\s+(?:a\s+lot|the\s+world|so\s+much))\b
      (?=\s+(?:us|me|small|creators|indie|independent|local|the|our|my)\b)"""),
    ("needs need takes",
     r"""\b(?:needs?|takes?)\s+(?:just\s+|only\s+)?(?:a|one|your|a\s+few|some)\s+(?:quick\s+|single\s+)?(?:share|shares|rt|rts
      |retweet|retweets|repost|reposts|boost|boosts)\b(?!\s+(?:of|button|count)\b)"""),
    ("takes costs",
     r"""\b(?:takes|only\s+takes|costs)\s+(?:(?:just|only)\s+)?(?:a|one|two|five|ten|\d+)\s+(?:seconds?|secs?|clicks?|taps?|minutes?)
      \s+to\s+(?:share|retweet|rt|repost|boost|reshare|pass\s+(?:it|this)\s+on)\b
    | \ball\s+it\s+takes\s+is\s+(?:a|one)\s+(?:quick\s+)?(?:share|rt|retweet|repost|boost)\b"""),
    ("way thank gift favour favor support present",
     r"""\b(?:the\s+(?:best|easiest|simplest|quickest|biggest)|one|a)\s+(?:way\s+to\s+(?:help|support|thank)(?:\s+(?:us|me
      |(?:a|an|your|any|the)\s+(?:[\w-]+\s+){0,2}?(?:creators?|artists?|business(?:es)?|shops?|charit(?:y|ies)|cause|bands?|writers?
      |makers?|authors?|podcasts?|accounts?|musicians?|bakery|cafe|café)))?|thank[-\s]you
      |(?:[\w-]+\s+)?(?:gift|present)|favou?r|support)\s+(?:is|would\s+be)\s+(?:(?:just|simply)\s+)?(?:a|to|by|you|u|your)?\s*(?:quick\s+)?
      (?:share|rt|retweet|repost|boost|sharing|retweeting|reposting|boosting|resharing|reblogging|spread(?:ing)?|share\s+(?:their|our|my|his|her)\s+(?:work|posts?|content|stuff))\b"""),
    ("make", r"\bmake\s+(?:this|it)\s+(?:the\s+most\s+(?:shared|retweeted|reposted)|go\s+viral|viral|trend)\b"),
    ("thing",
     r"""\bone\s+thing\b[^.!?\n]{0,30}?(?:make\s+it|let\s+it\s+be|it\s+should\s+be)\s+(?:sharing|retweeting|reposting|boosting
      |forwarding|passing|sending|resharing)\s+(?:this|it|the\s+post|our\s+[\w-]+)\b"""),
    ("hoping hope praying wishing",
     r"""\b(?:hoping|hope|praying|wishing)\s+for\s+(?:lots\s+of|loads\s+of|some|a\s+few|plenty\s+of|many|as\s+many)\s+
      (?:rts|retweets|shares|reposts|boosts)\b"""),
    ("know",
     r"""\byou\s+know\s+where\s+the\s+(?:share|rt|retweet|repost|boost|reshare)\s+button\s+is\b
    | \b(?:rts?|retweets?|shares?|reposts?|boosts?)\b[^\n]{0,60}?[.!?]\s*(?:(?:then|so|well)\s+)?you\s+know\s+what\s+to\s+do\b
    | \byou\s+know\s+what\s+to\s+do(?:\s+with\s+(?:this|it)(?:\s+one)?)?\b(?=[^\n]{0,60}?\b(?:whatsapp|group\s+chats?|slack
      |stor(?:y|ies)|feeds?|timelines?|rts?|retweets?|shares?|reposts?|boosts?)\b)"""),
    ("shares rts retweets reposts boosts",
     r"""\b(?:can|could|will|help|let'?s\s+(?:get|make))\s+(?:this|it|we)\s+(?:reach|get\s+to|hit|make\s+it\s+to|get)\s+
      [\d,.]+\s*k?\s+(?:shares|rts|retweets|reposts|boosts)\b"""),
])
# Word of mouth asked for: "let as many people as possible know about Saturday".
_WORD_OF_MOUTH = Lazy(
    r"""\btell(?<!\b(?:i|we|they|he|she|i'll|we'll|will|would|did|didn't|never|always)\s+tell)
      \s+(?:everyone|everybody|anyone|all\s+your\s+\w+|your\s+(?:friends|followers|network|mates|neighbou?rs|family)
      |(?:one|a|two|three|\d+)\s+(?:other\s+)?(?:friends?|person|people|colleagues?|mates?|pals?|neighbou?rs?|family\s+members?))(?:\s+you\s+know)?
      (?=\s*(?:[:!.,]|about\b|that\b|\p{Extended_Pictographic}|$))
    |\blet\s+(?:as\s+many\s+(?:people|folks|friends)\s+as\s+(?:possible|you\s+can)|everyone(?:\s+you\s+know)?
    |anyone\s+(?:you\s+know|who)|all\s+your\s+\w+|others)\s+know\b""",
    re.IGNORECASE | re.VERBOSE,
)
# "Any chance you'd be up for sharing our link?": the reader's willingness asked for the act.
_WILLING = Lazy(
    r"""\b(?:you|u)(?:'d|\s+would|\s+be|'re|\s+are)?\b[^.?!\n]{0,20}?\b(?:up\s+for|willing\s+to|able\s+to|happy\s+to
      |keen\s+to|open\s+to|down\s+to|consider)\s+(?:sharing|resharing|retweeting|reposting|boosting|posting|spreading
      |passing|share|reshare|retweet|repost|boost|post|spread|pass)\s+(?:this|it|our|my|the\s+(?:post|link|news))\b""",
    re.IGNORECASE | re.VERBOSE,
)
# "would you be a star and post about our fundraiser?": a request to write about it.
_ABOUT_US = Lazy(
    r"""\b(?:could|would|can|will|might)\s+(?:you|u)\b[^.?!\n]{0,30}?\b(?:post|tweet|shout|blog|talk|write\s+(?:a\s+)?(?:post|something
      |a\s+few\s+words))\s+about\s+(?:our|my|this|it|us|me)\b
    |\b(?:could|would|can|will|might)\s+(?:you|u)\b[^.?!\n]{0,30}?\b(?:put|get)\s+(?:a|the)\s+(?:good\s+)?word\s+out\b
    |\b(?:put|putting)\s+(?:in\s+)?a\s+(?:good\s+|kind\s+)?word\s+in\s+(?:with|to|for\s+us\s+with)\s+(?:your|ur|all\s+your)\s+
      (?:followers|network|audience|community|readers|listeners|subscribers|friends|connections|list)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_FLAG = Lazy(
    r"""\b(?:(?:would|could|can|will)\s+(?:you|u)\b[^.?!\n]{0,25}?|please\s+|pls\s+|mind\s+)
    (?:flag|flagging|mention|mentioning|recommend|recommending|point|pointing)\s+(?:this|it|(?:our|my)\s+(?:[\w-]+\s+){0,2}?[\w-]+)
    \s+(?:out\s+)?to\s+(?:the\s+|any\s+|your\s+)?(?:[\w-]+\s+){0,2}?(?:founders|people|friends|colleagues|followers|members|students
    |parents|team|network|community|readers|clients|contacts|anyone|everyone|folks|mates|subscribers|audience)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_FLAG_WORDS = frozenset("flag flagging mention mentioning recommend recommending point pointing".split())
_NOT_ASKING = Lazy(r"\b(?:thanks?|thank\s+you|thx|grateful)\s+(?:(?:so\s+much\s+)?for|to)\b", re.IGNORECASE)

# The act as an imperative at the start of a clause, whatever follows it ("Share so it
# reaches Bristol folks", "Reblog if you remember MSN", "Forward to a founder who..."),
# unless what follows makes it talk ("share your thoughts", "share a photo of your desk").
# Its first word is one of these: the words that may lead the act ("please", "just"), the
# acts, and the hands-on verbs. `_IMPERATIVE` is tried only where one of them starts
# (`_IMPERATIVE_START`): its look-behinds, tried at every position of a long post, cost
# most of a search.
_LEADS = "please pls plz just do go and kindly so now"
_ACTS = ("share reshare re-share reblog repost retweet rt boost amplify circulate crosspost cross-post signal spread "
         "quote qt toot skeet retoot reskeet story")
_HANDS_ON = "forward send pass get"
# What an act needs around it to be the act: "signal boost", "quote tweet", "story this".
_ACT_FORMS = {"signal": r"signal[-\s]boost", "quote": r"quote[-\s]?(?:tweet|post)", "story": r"story(?=\s+(?:this|it)\b)"}
_START = (
    r"(?:^|(?<=[.!?:;\n]\s*)|(?<=\p{Extended_Pictographic}\ufe0f?\s*)"
    r"|(?<=\b(?:if|when|once)\s+(?:this|it|that|you|u|the\s+\w+)\b[^.!?\n,]{1,60},\s*))"
)
_IMPERATIVE = Lazy(
    rf"""{_START}(?:(?:{_LEADS.replace(" ", "|")})\s+){{0,2}}
    (?:(?:{"|".join(_ACT_FORMS.get(act, act) for act in _ACTS.split())})
      (?:\s+(?:this|it|that|these|the\s+(?:(?:first|top|original|pinned|last)\s+)?(?:post|thread|tweet|toot|link|video|news|appeal|page)|our\s+[\w-]+|my\s+[\w-]+)\b
        (?!\s*\?\s*(?:no|nope|yes|nah)\b)
        (?!\s+(?:in\s+(?:the\s+)?(?:replies|comments|thread|chat|group)|below|with\s+(?:us|me)|here|back)\b)
      |(?=\s+(?:so|if|until|till|to|for|far|wide|widely|around|everywhere|away|please|pls|now)\b)
      |(?=\s*(?:[!.:]|\p{{Extended_Pictographic}}|$)))
      [^.!?\n]{{0,40}}
    |(?:forward|send|pass)\s+(?:this\s+|it\s+)?(?:on\s+|along\s+)?to\s+(?:a|an|any|your|someone|anyone|everyone|the\s+one
      |friends?|people|colleagues?)\b[^.!?\n]{{0,30}}
    |get\s+(?:it|this|the\s+word)\s+out\s+there\b)""",
    re.IGNORECASE | re.VERBOSE | re.MULTILINE,
)
_IMPERATIVE_START = Lazy(rf"\b(?:{'|'.join(f'{_LEADS} {_ACTS} {_HANDS_ON}'.split())})\b", re.IGNORECASE)
# The acts as `words_of` reads them, where a hyphen splits a word: "re-share" is "share"
# (listed already), "cross-post" has "cross" ("post" would let in every post about posts).
_IMPERATIVE_WORDS = frozenset(act.split("-")[-1] if act.startswith("re-") else act.split("-")[0]
                              for act in _ACTS.split())
# Thanks in advance, and the reader's own channels named as the place for it.
_ELSEWHERE = Lazy(
    r"""\b(?:whoever|anyone\s+who|everyone\s+who|all\s+who|those\s+who)\s+(?:shares?|retweets?|rts|reposts?|boosts?|reblogs?
      |passes\s+(?:this|it)\s+on)\s+(?:this|it)\b
    |\b(?:put|pop|post|stick|throw|slap|share|putting|popping|posting|sticking|sharing|copy(?:\s+(?:and|&|n)\s+paste)?|paste
      |copy-paste)\s+(?:it|this|(?:our|my)\s+[\w-]+(?:\s+[\w-]+)?|the\s+(?:poster|flyer|leaflet|link|post))
      \s+(?:on|in|to|onto|into)\s+(?:your|ur)\s+(?:[\w-]+\s+)?(?:facebook|fb|insta
      |instagram|story|stories|feed|timeline|wall|page|socials?|linkedin|grid|status|whatsapp|twitter|tiktok|channels?
      |newsletter|group\s+chat|groups?|noticeboard|notice\s+board|intranet|bulletin)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# More places and purposes, each tried only when its own words are there: "paste it in every
# group chat", "quote this so your followers see it", "mention us in your Mums group".
_CHANNELS = Phrases([
    ("chat chats group groups channel channels forum forums slack slacks whatsapp whatsapps",
     r"""\b(?:paste|post|share|drop|pop|put|stick|send)\s+(?:it|this|the\s+link|the\s+post)\s+(?:in|on|into|to)\s+(?:every|each|any
      |all\s+(?:the|your|of\s+your))\s+(?:[\w-]+\s+)?(?:group\s+chats?|chats?|groups?|channels?|forums?|slacks?|whatsapps?)\b"""),
    ("followers network connections audience contacts",
     r"""\b(?:quote|share|post|repost|retweet|rt|boost|forward|send|reblog)\s+(?:this|it)\s+so\s+(?:that\s+)?(?:your|all\s+your|more
      |other)\s+(?:[\w-]+\s+)?(?:followers|friends|network|people|connections|mates|audience|contacts)\s+(?:can\s+|will\s+)?
      (?:see|know|find|hear)\b"""),
    ("mention mentioning recommend recommending feature featuring include including",
     r"""\b(?:mention|mentioning|recommend|recommending)\s+(?:us|me|(?:our|my)\s+[\w-]+)\s+(?:on|in|to)\s+(?:your|ur)\s+(?:[\w-]+\s+){0,2}?
      (?:groups?|group\s+chats?|chats?|newsletters?|networks?|communit(?:y|ies)|friends|followers|slack|whatsapp|forums?)\b
    | \b(?:mention|mentioning|feature|featuring|include|including)\s+(?:it|this|(?:our|my)\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:on|in|to|into)
      \s+(?:your|ur)\s+(?:[\w-]+\s+)?(?:story|stories|feed|newsletter|group\s+chat|groups?|channels?|podcast|show|page)\b"""),
])
# The repost icon as the act ("🔁🔁 pls 🙏", "♻️ if this helped"): the request sits right beside it,
# so "Please recycle ♻️" (a word between them) is advice, not an ask.
_ICONS = "\U0001F501\u267B"
_ICON_ASK = Lazy(
    r"""(?:\b(?:please|pls|plz)|\U0001F64F)[\s\ufe0f]*[\U0001F501\u267B](?=[\U0001F501\u267B\ufe0f\s]*(?:$|[!.\U0001F64F]))
    |[\U0001F501\u267B][\U0001F501\u267B\ufe0f\s]*(?:(?:please|pls|plz|appreciated|welcome)\b(?=\s*(?:$|[!.\U0001F64F]))
      |\U0001F64F
      |if\s+(?:you|u|this|it)\b|(?:for|to)\s+(?:reach|visibility|your\s+network|others)\b)""",
    re.IGNORECASE | re.VERBOSE,
)
# A favour asked for the act, however politely: "please help by sharing", "help a girl out and RT",
# "if you could tweet about it before Friday that'd be huge", "a quick RT of our pinned tweet
# would make our week", "would it be possible to share it in the group?", "mind giving this a
# reshare?", "hit ♻️ so someone else can find it".
_FAVOUR = Lazy(
    r"""\bhelp\s+(?:us|me|(?:us|me|a\s+[\w-]+)\s+out)\s+(?:out\s+)?(?:by|and)\s+(?:sharing|retweeting|reposting|boosting|rting|spreading
      |share|retweet|repost|boost|rt|spread)\b
    |\bplease\s+help\s+(?:by|with)\s+(?:sharing|retweeting|reposting|boosting|spreading)\b
    |\bif\s+(?:you|u)\s+(?:could|can|would|wouldn'?t\s+mind|don'?t\s+mind)\s+(?:(?:please|maybe|just|possibly)\s+)?
      (?:share|reshare|tweet|post|rt|retweet|repost|boost|spread|pass|forward)(?:ing)?\b[^.!?\n]{0,60}?
      \b(?:that'?d|it'?d|that\s+would|it\s+would|would)\s+(?:be|mean|make|really|honestly|so|help)\b
    |\b(?:a|one|your)\s+(?:quick\s+|little\s+)?(?:share|rt|retweet|repost|boost|reshare)\s+of\s+(?:our|my|this|the)\b[^.!?\n]{0,40}?
      \bwould\s+(?:\w+\s+)?(?:make|mean|help|be)\b
    |\bwould\s+it\s+be\s+(?:possible|ok|okay)\s+(?:for\s+you\s+)?to\s+(?:share|post|forward|pass|retweet|repost|boost)\s+(?:this|it|our
      |my|the)\b
    |\b(?:mind|could\s+you|can\s+you|would\s+you)\s+(?:giving|give)\s+(?:this|it|us|our\s+[\w-]+)\s+a\s+(?:quick\s+)?(?:share|reshare
      |re-share|rt|retweet|repost|boost|shout-?out)\b
    |\b(?:would|could)\s+you\s+(?:be\s+)?(?:open|up\s+for|willing)\s+(?:to\s+)?(?:sharing|posting|forwarding|passing\s+on)\s+the\s+[\w-]+
    |\b(?:hit|tap|press|smash)\s*[\U0001F501\u267B]""",
    re.IGNORECASE | re.VERBOSE,
)
_FAVOUR_WORDS = frozenset(
    "share sharing reshare tweet post rt retweet repost boost spread pass forward retweeting reposting boosting rting "
    "spreading posting forwarding passing shout shoutout hit tap press smash".split()
)
_FAVOUR_ASKS = frozenset("help if would mind could can hit tap press smash".split())
_SEND_WORDS = frozenset("forward send pass".split())
_THANKS_WORDS = frozenset("whoever who".split())
_WILLING_WORDS = frozenset("up willing able happy keen open down consider".split())
_ELSEWHERE_WORDS = frozenset(
    "whoever anyone everyone all those put pop post stick throw slap share putting popping posting sticking sharing "
    "copy paste copy-paste"
    "forward reblog".split()
)


# One word of each shape below, one it cannot match without (its icons aside): a text with
# none of these words is let go with one set test instead of a test per shape.
SPREAD_NEEDS = (_FAVOUR_WORDS | _REFERRAL_WORDS | _IMPERATIVE_WORDS | _SEND_WORDS | {"get"} | _ELSEWHERE_WORDS
                | _CHANNELS.triggers | {"know", "tell"} | _WILLING_WORDS | {"about", "word"} | _FLAG_WORDS
                | _GOOD_DEED.triggers)


def has_icon(text: str) -> bool:
    """Whether `text` holds a sharing icon (🔁 or ♻), which stands for the act."""
    return _ICONS[0] in text or _ICONS[1] in text


def may_spread(text: str, words: frozenset[str]) -> bool:
    """Whether `text`, whose words are `words`, could hold a request `spread_request` finds."""
    return not SPREAD_NEEDS.isdisjoint(words) or has_icon(text)


def spread_request(text: str) -> str | None:
    """The first request to spread the post in one of the shapes above, or None."""
    text = text.replace("\u2019", "'")  # "who’d" is "who'd"
    if has_icon(text) and (icon := _ICON_ASK.search(text)):
        return " ".join(icon.group(0).split())
    words = words_of(text)
    if SPREAD_NEEDS.isdisjoint(words):  # the icons were looked at above
        return None
    if not _FAVOUR_WORDS.isdisjoint(words) and not _FAVOUR_ASKS.isdisjoint(words) and (favour := _FAVOUR.search(text)):
        return " ".join(favour.group(0).split())
    if ("?" in text or "," in text) and not _REFERRAL_WORDS.isdisjoint(words) and not _ACT_WORDS.isdisjoint(words):
        match = _REFERRAL.search(text)
        if match:
            return " ".join(match.group(0).split())
    if not _IMPERATIVE_WORDS.isdisjoint(words) or ("to" in words and not _SEND_WORDS.isdisjoint(words)) or (
            "there" in words and "get" in words):
        pattern = _IMPERATIVE.compiled
        # tried only where a clause may start with the act (a search from every place cost ~9 µs a post)
        for start in _IMPERATIVE_START.finditer(text):
            match = pattern.match(text, start.start())
            if match:
                return " ".join(match.group(0).split())
    if (not _ELSEWHERE_WORDS.isdisjoint(words)
            and (("your" in words or "ur" in words) or not _THANKS_WORDS.isdisjoint(words))):
        match = _ELSEWHERE.search(text)
        if match:
            return " ".join(match.group(0).split())
    if channel := _CHANNELS.search(text, words):
        return " ".join(channel.group(0).split())
    if ("know" in words and "let" in words) or "tell" in words:
        match = _WORD_OF_MOUTH.search(text)
        if match:
            return " ".join(match.group(0).split())
    if ("you" in words or "u" in words or "you'd" in words) and not _WILLING_WORDS.isdisjoint(words) and (
            willing := _WILLING.search(text)):
        return " ".join(willing.group(0).split())
    if ("about" in words or "word" in words) and ("you" in words or "u" in words) and (about := _ABOUT_US.search(text)):
        return " ".join(about.group(0).split())
    if not _FLAG_WORDS.isdisjoint(words) and "to" in words and (flag := _FLAG.search(text)):
        return " ".join(flag.group(0).split())
    match = _GOOD_DEED.search(text, words)
    if match and not _NOT_ASKING.search(text):
        return " ".join(match.group(0).split())
    return None
