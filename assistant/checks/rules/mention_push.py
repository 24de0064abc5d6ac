"""mention-push: tagging people to push the author's own content at them.

"@robert check out our latest post" or "@press thought of you when we published this <link>"
uses a person's notifications as an ad slot. Talking with people ("@robert congrats on the
launch!", "@robert what did you think of the keynote?") is the point of the platform and
never fires; nor does naming people the post is about.

A post is read the way a person reads it. Each @mention is either *addressed* (the post
speaks to them: "@jane have a look", "Hey @max,", "... cc @ana") or *referenced* (the post
speaks about them: "in an interview with @Forbes", "our brands @kfc, @pizzahut", "photo by
@sam", "@jane's take", "@dana on leading teams", "@jane is speaking"). Only addressed
people can be pushed at; the author's own handles (`own_handles`: sub-brands, partners,
sister accounts) are never counted. It fires when someone is addressed and the post
  - points at the author's own content: "our/my new guide", "we just published", or a link
    to one of the account's own domains (any link, when none are configured, but then only
    with a pushing phrase such as "check out", "thought of you", "you might want to see"), or
  - blasts a link at `tag_blast_mentions` or more addressed people,
and says no word to them as people (thanks, congratulations, welcome, "we featured your
work", "as you asked"). A reply that answers ("here's our guide on that", "good question")
is help, not a push: in a reply the author's own content must be named and pushed. Others
tagged after the person answered or thanked ("@jo thanks! @ann @tom you might like it too")
are an audience again, and so are people tagged "whose work inspired" the account's own launch.
A courtesy is no cover either: congratulations, a welcome or thanks followed by our own
content aimed at the person ("If your team needs help, our new guide might help") push it
at them. Our work shown beside a courtesy and not aimed at them ("Congrats @sarah! We loved
working with you on this: <case study>") is the work done with them, shown to our audience.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from assistant.checks.registry import Hit, PostContext, rule
from assistant.checks.signals import Lazy, Phrases, links_to, strip_quoted
from assistant.checks.speech_model import model_evidence
from assistant.models import Post
from assistant.text import LazyRe

if TYPE_CHECKING:
    import regex

MENTION_PUSH = rule(
    "mention-push",
    severity="warning",
    component="promotion",
    rationale=(
        "Tagging people only to put our link in front of them is spam with a name on it: "
        "it spends their attention and our reputation. Tag people to talk with them, "
        "credit them or answer them."
    ),
    thresholds={"tag_blast_mentions": 3, "own_handles": []},
    applies_to=("post", "reply", "quote", "dm"),
)

_CONTENT = (
    r"(?:post|blog(?:\s+post)?|guide|article|episode|video|podcast|report|e-?book|webinar|course"
    r"|tool|app|product|thread|newsletter|case\s+study|white\s?paper|book|launch|piece|playbook"
    r"|template|checklist|survey|research|study|site|website|page|offer|deck|talk|work|benchmark|bio|profile"
    r"|data|findings|results|series|issue|edition|film|reel|event|workshop|masterclass|menu|collection|range"
    r"|drop|store|shop|caf[eé]|restaurant|roastery|bakery|version|release|season|album|show|toolkit|recipe"
    r"|dish|flavou?r|campaign|outlook|teardown|breakdown|analysis|explainer|write-?up|recap|round-?up|line-?up"
    r"|exhibition|calculator|documentary|trailer|merch|whitepaper)"
)
# Phrases that put something in front of the person addressed.
_PUSH = Phrases(
    [
        ("check", r"\bcheck\s+(?:out|(?:this|it|these)\s+out|(?:our|my)\b)"),
        ("look peek read listen watch gander",
         r"""(?<!\b(?:let'?s|let\s+us|we'?ll|we\s+will|i'?ll|i\s+will|we|i|to|will|gonna|can|could|shall)\s+)
         \b(?:have|take)\s+a\s+(?:quick\s+)?(?:look|peek|read|listen|watch|gander)\b"""),
        ("give",
         rf"""\bgive\s+(?:it|this|them|(?:our|my)\s+(?:\w+\s+){{0,2}}?{_CONTENT})\s+a\s+
         (?:quick\s+)?(?:read|look|listen|watch|spin|try|go|share)\b"""),
        ("thought figured",
         r"""\b(?:thought|figured|guessed)\s+(?:you|u|y'all|you\s+all|you\s+guys)(?:'d|\s+would|\s+might|\s+may)?\s+
         (?:love|like|enjoy|appreciate|find|be\s+interested|dig|want|need)\b
         | \bthought\s+of\s+(?:you|u)\b"""),
        ("you'll you'd will might may would",
         r"""\b(?:you|u)(?:'ll|\s+will|\s+might|\s+may|\s+would|'d)\s+(?:\w+\s+)?
         (?:love|like|enjoy|find|appreciate|dig|want|be\s+interested)\b"""),
        ("should need have must gotta ought",
         r"""\b(?:you|u)\s+(?:should|need\s+to|have\s+to|must|gotta|ought\s+to)\s+(?:\w+\s+)?
         (?:read|see|watch|check|try|listen)\b"""),
        ("our my",
         rf"""\b(?:read|watch|listen\s+to|download|grab|see|try|sign\s+up\s+for|join)\s+(?:our|my)\b
         | \b(?:our|my)\s+(?:brand[-\s])?(?:new|latest|recent|fresh)\s+(?:\w+\s+){{0,2}}?{_CONTENT}\b"""),
        ("just recently",
         r"\b(?:just|recently)\s+(?:published|posted|dropped|released|launched|wrote|shipped|put\s+out|went\s+(?:up|live)|landed|opened)\b"),
        ("icymi missed link miss",
         r"""\bicymi\b | \bin\s+case\s+you\s+missed\s+it\b | \bdon'?t\s+miss\b
         | \blink\s+in\s+(?:bio|(?:the\s+)?comments)\b"""),
        ("love curious make think",
         r"""\b(?:would|we'd|i'd)\s+love\s+(?:your|to\s+get\s+your|to\s+hear\s+your)\s+
         (?:thoughts|take|feedback|eyes|opinion)(?:\s+on\b|\s*(?:[:!.?\u2014-]|$))
         | \b(?:would|we'd|i'd)\s+love\s+to\s+(?:know|hear)\s+what\s+(?:you|u)\s+think\b
         | \bcurious\s+(?:what|how)\s+(?:you|u)\s+(?:make|think|feel)\b
         | \bwhat\s+do\s+(?:you|u)\s+(?:make|think)\s+of\s+(?:our|my|this)\b"""),
        ("worth", r"\b(?:worth|might\s+be\s+worth)\s+a\s+(?:read|look|listen|watch)\b"),
        ("going gonna fancy",
         r"""\b(?:you'?re|you\s+are|u\s+r)\s+(?:going\s+to|gonna)\s+(?:\w+\s+)?(?:love|like|enjoy|want|need)\b
         | \bfancy\s+(?:a\s+(?:quick\s+)?(?:read|look|listen|watch|taste|try|peek)|covering|featuring|trying|reading
           |checking|listening|watching|tasting|coming|popping|a\s+visit)\b"""),
        ("send give offer",
         r"\b(?:send|give|offer|gift)\s+(?:you|u)\s+(?:a|an|some|our|my|free|one)\b"),
        ("great love mention shout shoutout plug feature",
         r"""\b(?:would\s+be\s+(?:great|lovely|amazing|brilliant)|we'?d\s+love|i'?d\s+love|love)\s+to\s+(?:get|have)\s+
         (?:a\s+|any\s+)?(?:mention|shout-?out|feature|plug|write-?up)\b"""),
        ("come pop love",
         r"""\b(?:come|pop)\s+(?:and\s+)?(?:try|see|visit|check|taste|by|in|down|along|over)\b
         | \b(?:would|we'd|i'd)\s+love\s+(?:for\s+)?(?:you|u)\s+to\s+(?:come|try|see|check|read|listen|watch|visit|taste)\b"""),
        ("useful helpful relevant interest help",
         r"""\b(?:useful|helpful|relevant)\s+for\s+(?:you|your)\b
         | \b(?:might|may|could|should|will|would)\s+(?:\w+\s+)?(?:interest\s+you|help|be\s+(?:useful|helpful|relevant
           |of\s+interest|up\s+your\s+(?:street|alley)|right\s+up\s+your))\b"""),
        ("for story idea exclusive one's",
         r"""\bsomething\s+for\s+(?:you|your)\b | \bfor\s+your\s+(?:readers|audience|followers|newsletter|next
           |piece|story|column|show|podcast|listeners|viewers|subscribers)\b
         | \bstory\s+idea\b | \bexclusive\s+(?:data|story|look|first\s+look|preview|access)\b
         | \b(?:this|it)\s+one'?s\s+for\s+(?:you|u)\b | \bthis\s+is\s+for\s+(?:you|u)\b"""),
        ("chance feature cover include mention review",
         r"""\b(?:any\s+chance\s+(?:you'?d|you\s+(?:could|would|might|can))|(?:would|could|can|will)\s+(?:you|u))\s+
         (?:\w+\s+)?(?:feature|cover|include|mention|review|write\s+about|share|pick\s+up|run)\b"""),
        ("saw noticed see",
         r"\b(?:saw|noticed|see|seeing)\s+(?:you'?re|you\s+are|that\s+you(?:'re|\s+are)?)\b"),
        ("mind", r"\bwith\s+(?:people|folks|teams|brands|someone)\s+like\s+(?:you|yours)\s+in\s+mind\b"),
        # their own words recalled to make the link theirs: "you mentioned struggling with analytics"
        ("mentioned asked asking said",
         r"""\b(?:you|u)\s+(?:(?:had\s+)?mentioned|asked\s+(?:about|for|me|us)|were\s+asking|said\s+you\s+(?:wanted|needed|were))\b"""),
        ("handy", r"\b(?:come|comes)\s+in\s+handy\b"),
        ("find",
         r"""\b(?:will|would|might|may|could)\s+(?:\w+\s+)?find\s+(?:this|it|these)\s+(?:[\w()-]+\s+){0,6}?(?:useful|helpful|interesting
         |handy|relevant)\b"""),
        ("inspired thinking sparked",
         r"""\byour\s+(?:[\w-]+\s+){0,3}?(?:work|post|talk|thread|article|piece|tweet|question|comment)\s+(?:on\s+[^.!?\n]{1,40}?\s+)?
         (?:inspired|got\s+(?:us|me)\s+thinking|sparked)\b"""),
    ]
)
# The author's own content named as such.
_OWN = Lazy(
    rf"""\b(?:our|my)\s+(?:(?!(?:is|are|was|were|to|will|and|of|has|have)\b)[\w-]+\s+){{0,3}}?{_CONTENT}\b
    |\b(?:we|i)(?:'ve)?\s+(?:just\s+|finally\s+)?(?:published|wrote|made|released|dropped|launched|put\s+together|recorded
      |built|shipped|posted|created)\b
    |\b(?:we|i)\s+(?:just\s+)?(?:published|wrote|made|released|put\s+out)\s+(?:this|it)\b
    |\bnew\s+(?:[\w-]+\s+){{0,2}}?{_CONTENT}\s+(?:is\s+)?(?:up|out|live)\b
    |(?:^|(?<=[.!?\n]\s*))new\s+(?:[\w-]+\s+){{0,2}}?{_CONTENT}\s*[:!\u2014\u2013]
    |\b(?:our|my)\s+(?:new|latest)\s+one\b
    |\b(?:our|my)\s+(?:brand[-\s])?(?:new|latest)\s+(?:(?!(?:hire|hires|colleague|colleagues|team|intern|interns|ceo|head|director
      |manager|neighbou?rs?|friends?|office|offices|address|home|house|puppy|baby|starter|starters|joiners?|recruits?|members?)\b)[\w-]+\s+){{0,2}}
      (?!(?:hire|hires|colleague|colleagues|team|intern|interns|ceo|head|director|manager|neighbou?rs?|friends?|office|offices|address
      |home|house|puppy|baby|starter|starters|joiners?|recruits?|members?)\b)[\w-]+
    |\b(?:our|my)\s+(?:(?!(?:hire|hires|colleague|colleagues|team|intern|interns|ceo|head|director|manager|office|offices|new
      |starter|starters|joiners?|recruits?|members?|kids?|baby|shift|day|week)\b)[\w-]+\s+){{1,3}}?(?:opens|launches|goes\s+live|drops
      |lands|arrives|returns|premieres|airs)\s+(?:today|tomorrow|tonight|this|next|on|from|in)\b
    |\b(?:we|i)(?:'re|\s+are|'m|\s+am)\s+(?:hosting|running|holding|throwing|putting\s+on|organi[sz]ing)\b
    |\b(?:our|my)\s+(?:(?!(?:team|office|ceo|founder|boss|staff|kids?|dog|site|website|server|phone|friends|guests|people)\b)[\w-]+\s+){{1,4}}?
      (?:is|are)\s+(?:now\s+|finally\s+|officially\s+)?(?:out|live|available|launching|dropping|in\s+stock
      |back\s+in\s+stock|back|on\s+(?:the\s+)?shelves|on\s+sale|in\s+(?:shops|stores|bookshops|cinemas))\b(?!\s+(?:of|for|and|there|today\s+on\s+strike
      |to|in\s+the|at\s+(?:work|home|the))\b)
    |\b{_CONTENT}\s+(?:\#?\d+\s+)?(?:is|are|goes|went|just\s+went)\s+(?:now\s+)?(?:up|out|live)\b
    |\b(?:we|i)(?:'ve|\s+have)?\s+(?:just\s+)?(?:opened|unveiled|wrote\s+up)\b
    |\b(?:we|i)(?:'re|\s+are|'m|\s+am)\s+(?:launching|opening|releasing|publishing|dropping|unveiling)\b
    |\b(?:new\s+on\s+(?:the|our)\s+(?:blog|site|channel|podcast|pod)|(?:fresh|hot)\s+off\s+the\s+press)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# The people tagged asked to spread or cover us, which pushes with or without a link: "repost
# us!!", "please feature us", "would be a dream to be featured", "your upvote would mean the world".
_AMPLIFY = Lazy(
    r"""\b(?:feature|cover|repost|reshare|retweet|rt|share|boost|upvote|shout\s*out|spotlight)\s+(?:us|our)\b
    |\b(?:would\s+(?:love|be\s+(?:a\s+dream|amazing|great|huge|incredible|an\s+honou?r))|we'?d\s+love|i'?d\s+love)\s+
      (?:to\s+be\s+|if\s+you\s+|a\s+|some\s+|to\s+get\s+a\s+)?(?:featured|feature|shared|share|shout-?out|repost|mention|upvote
      |retweet|spotlight)\b
    |\byour\s+(?:upvote|vote|share|repost|rt|retweet|support|shout-?out|boost)\s+would\b
    |\bgive\s+us\s+a\s+(?:shout-?out|follow|share|mention|repost|boost)\b
    |\b(?:love|like)\s+to\s+see\s+(?:it|this|us|them)\s+on\s+your\s+(?:stories|story|feed|page|channel|show|podcast|blog)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# Crediting someone else's work: "@x's book", "their new site", "by @x", "@x did a great job".
_THIRD_PARTY = Lazy(
    r"""@[\w.]+['’]s\b|\b(?:their|his|her)\s+\w+
    |\b(?:by|from|via|thanks\s+to)\s+@[\w.]+
    |@[\w.]+\s+(?:did|made|built|wrote|created|designed|shipped|launched|published|has\s+made)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_ANSWER_ANY = Lazy(
    r"""\b(?:you\s+asked|as\s+(?:promised|requested|discussed|agreed)|per\s+your\s+request
    |you\s+were\s+looking\s+for|you\s+mentioned)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_ANSWER = Lazy(
    r"""\b(?:here'?s|here\s+is|here\s+are|here\s+you\s+go|this\s+(?:might|should|may|will|could)\s+help
    |to\s+answer|good\s+question|great\s+question|happy\s+to\s+help|hope\s+(?:this|that|it)\s+helps|in\s+answer
    |(?:might|may|could)\s+be\s+(?:useful|helpful|of\s+use)|(?:might|may|could)\s+help)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# A word for the people tagged, as people: thanks, congratulations, or news about their own work.
_SOCIAL = Lazy(
    r"""\b(?:congrat\w*|thanks?|thank\s+you|thx|welcome|kudos|well\s+done|shout-?out|happy\s+birthday
    |your\s+(?:[\w-]+\s+){0,3}?(?:story|piece|work|article|post|thread|talk|take|report|episode|column|survey|data)
      \s+(?:was|is)\s+(?:spot[-\s]on|brilliant|excellent|fantastic|great|superb|so\s+good|really\s+good|bang\s+on|right)
    |loved\s+your|great\s+(?:talk|chat|meeting|work|job|meeting|seeing)|nice\s+(?:meeting|seeing)
    |(?:great|good|lovely|nice|fun|awesome|wonderful)\s+to\s+(?:see|meet|have|catch|host|welcome|work)
    |glad\s+(?:it|that|this|we\s+could)\s+help(?:ed|s)?|glad\s+(?:you|u)\s+(?:liked|enjoyed|found|loved)
    |(?:proud|honou?red|grateful)(?!\s+(?:to|that\s+we)\s+(?:share|announce|launch|unveil|present|introduce|release|publish
      |bring|reveal|open|say|have\s+(?:launched|published|released|opened)))|good\s+luck|sorry|apolog\w+|refund\w*|(?:good|great|fair)\s+(?:question|point|shout)|best\s+of\s+luck|get\s+well|condolences
    |(?:hope|hoping)\s+(?:you|u)\s+don'?t\s+mind(?!\s+(?:the|this|my|our|a)\s+(?:tag|mention|ping|plug))|let\s+(?:you|u)\s+know|just\s+so\s+(?:you|u)\s+know
    |(?:featured|quoted|mentioned|included|credited|tagged)\s+(?:you|your|u)
    |(?:your|ur)(?<!\b(?:saw|seen|noticed|spotted|read|with|for|on|to|in)\s+(?:your|ur))\s+(?:work|talk|post|article|thread|piece|design|pen|project|tips|advice|help|input|quote|rebrand
      |launch|campaign|photos?|book|research|order|account|booking|ticket|invoice|parcel|delivery|request))\b""",
    re.IGNORECASE | re.VERBOSE,
)
# The word every branch of _SOCIAL starts with (a prefix of it), and every branch of _OWN
# holds whole: without one, neither can match. Only for ASCII text, where the patterns'
# IGNORECASE is plain ASCII case (Unicode text may match through "ſ" or "K").
_SOCIAL_WORDS = re.compile(
    r"\b(?:congrat|thank|thx|welcome|kudos|well|shout|happy|your|ur|loved|great|nice|good|lovely|fun|awesome"
    r"|wonderful|glad|proud|honou?red|grateful|sorry|apolog|refund|fair|best|get|condolences|hope|hoping|let"
    r"|just|featured|quoted|mentioned|included|credited|tagged)"
)
_OWN_WORDS = re.compile(r"\b(?:our|my|we|i|new|fresh|hot|up|out|live)\b")


def _gated(pattern: Lazy, words: re.Pattern[str], text: str) -> regex.Match[str] | None:
    """`pattern.search(text)`, skipped (~20-50 µs a post) when `words` says it cannot match."""
    if text.isascii() and words.search(text.lower()) is None:
        return None
    return pattern.search(text)
_MENTION = Lazy(r"(?<![\w@])@([A-Za-z0-9_][\w.]*(?:@[\w-]+(?:\.[\w-]+)+)?)")
# Words before a mention that make it a reference: a preposition ("with @X", "on @X"), credit
# ("thanks @X", "photo by @X") or a group the mention belongs to ("our brands @kfc").
_REFERENCE_BEFORE = frozenset(
    """with w/ in on at by from via to of about featuring feat feat. ft ft. alongside between among
    including include includes incl like per thanks thank thx congrats congratulations welcome featured interviewed
    hosted hosting interviewing welcoming celebrating introducing spotted join joined joining meet sponsored supported powered presented partnered partner partners brand brands
    friend friends colleague colleagues team teammates client clients sponsor sponsors family sister
    agency agencies company companies ceo cto cmo founder cofounder co-founder host hosts guest guests
    speaker speakers says said members member studio label my our your his her their a an the""".split()
)
# Words after a mention that make it the subject or owner of something: "@jane is speaking".
_REFERENCE_AFTER = Lazy(
    r"""^(?:['’]s\b|\s+(?:is|was|are|were|has|had|did|does|made|makes|built|builds|wrote|writes|created
    |designed|shipped|launched|published|says|said|shares|shared|talks|talked|explains|explained|joins|joined
    |will|who|on|about|at|from|discusses|discussed|spoke|speaks|hosts|hosted|gave|gives|presents|presented|interviewed
    |answers|answered|walks|breaks|dives|covers|covered|reports|reported|reviews|reviewed|takes|took|tells
    |told|just\s+(?:published|launched|shipped|dropped|released|wrote)|and\s+(?:i|me|we|us)|(?:&|\+)\s*(?:i|me|we))\b)""",
    re.IGNORECASE | re.VERBOSE,
)
_GREETING = frozenset("hey hi hello dear yo hiya morning cc fyi".split())
# Words that may stand between a reference word and the mention: "by the brilliant @sam",
# "with our good friends at @acme".
_MODIFIERS = frozenset(
    """the a an our my their his her very super truly brilliant amazing talented incredible lovely fantastic
    great awesome wonderful fabulous legendary inimitable one only good dear wise kind fellow new old
    friends friend folks team people at""".split()
)
# The rest of a spaced name after its tag: "@Maya Lopez", "@Manchester Evening News".
_NAME_RUN = Lazy(r"(?:[ \u00a0][A-Z][\w'\u2019-]*){1,3}(?=[\s,.:;!?)]|$)")
_NOT_NAMES = frozenset(
    """our my we i the a an new just this that here check have thought hi hey hello thanks thank you your
    is are was were will can could would did do does has had please so and or but if congrats congratulations
    happy proud read fancy tagging cc fyi sharing look""".split()
)
_SENT_TO = Lazy(
    r"""\b(?:send|sending|sent|forward|forwarding|forwarded|pass|passing|passed|flag|flagging|flagged|share|sharing)
    \s+(?:this|it|these|our\s+[\w-]+)(?:\s+one)?\s+(?:over\s+|along\s+|on\s+|straight\s+)?(?:to|with)\s*\Z""",
    re.IGNORECASE | re.VERBOSE,
)
_TAGGING = Lazy(
    r"\b(?:tagging|paging|pinging|looping\s+in|calling\s+(?:all\s+)?|cc'?ing)\b[^.!?\n@]{0,40}\Z", re.IGNORECASE
)
_TAGGING_HINTS = ("tagg", "pag", "ping", "loop", "call", "cc")
_SENTENCE_END = Lazy(r"[.!?\n]")
_LIST_GLUE = Lazy(r"^[\s,&+/]*(?:and|or|&)?[\s,&+/]*$", re.IGNORECASE)
# "our subsidiaries @acmeuk", "my co-host @sam": a possessive then a noun names who they are.
_OWNED_GROUP = Lazy(r"\b(?:our|my|their|his|her)\s+(?:[\w-]+\s+){0,2}?[\w-]+[\s,:]*$", re.IGNORECASE)


def _handle(name: str) -> str:
    return name.lower().lstrip("@")


def _sent_or_tagged(text: str, start: int) -> bool:
    """Whether the words just before the mention at `start` send or tag something to them."""
    lead = text[max(0, start - 60):start].lower()
    if ("to" in lead or "with" in lead) and _SENT_TO.compiled.search(text, max(0, start - 60), start):
        return True
    return any(word in lead for word in _TAGGING_HINTS) and _TAGGING.compiled.search(
        text, max(0, start - 60), start) is not None


def addressed(text: str, skip: frozenset[str], spaced_names: bool = False) -> list[str]:
    """The people `text` speaks to (not about), in order, without the handles in `skip`.

    With `spaced_names` (LinkedIn, Facebook) a tag may run on into the person's name:
    "@Maya Lopez our report is out" speaks to Maya Lopez.
    """
    found: dict[str, None] = {}
    previous_end = -1
    previous_addressed = False
    for match in _MENTION.finditer(text):
        name = match.group(1).rstrip(".")
        start, end = match.start(), match.start() + 1 + len(name)
        if spaced_names and name[:1].isupper():
            rest = _NAME_RUN.compiled.match(text, end)
            if rest and not _NOT_NAMES.intersection(rest.group(0).lower().split()):
                end = rest.end()
        if previous_end >= 0 and _LIST_GLUE.match(text[previous_end:start]):
            is_addressed = previous_addressed  # "@kfc, @pizzahut and @tacobell": one list
        elif start > 4 and _sent_or_tagged(text, start):
            is_addressed = True  # "sending this one to @marta", "tagging my favourite foodies @ella"
        elif (previous_end >= 0 and not previous_addressed and text[:start].rstrip().endswith(",")
              and not _SENTENCE_END.compiled.search(text, previous_end, start)):
            is_addressed = False  # "by @studio's newcomer of the year, @rosie": the same reference
        else:
            before = text[max(0, start - 40):start].split()
            # a word that ends a sentence governs nothing after it ("... in agencies. @mind give it a listen")
            last = before[-1] if before else ""
            word = "" if last[-1:] in ".!?\u2026" and len(last) > 1 else last.strip(
                "()[]\"'\u201c\u201d.,:;!?-\u2013\u2014").lower()
            if word in _MODIFIERS:  # look past "the brilliant" to the word that governs them
                for earlier in reversed(before[-4:-1]):
                    earlier = earlier.lower()
                    if earlier not in _MODIFIERS:
                        if earlier in _REFERENCE_BEFORE:
                            word = earlier
                        break
            after = text[end:]
            if word in _GREETING or after[:1] in (",", ":") and word not in _REFERENCE_BEFORE:
                is_addressed = True
            elif (word in _REFERENCE_BEFORE or _REFERENCE_AFTER.match(after)
                  or (text[start - 1:start] == "(" and after[:1] == ")" and start > 1 and text[start - 2].isspace())
                  or _OWNED_GROUP.search(text[max(0, start - 60):start])):
                is_addressed = False
            else:
                is_addressed = True
        previous_end, previous_addressed = end, is_addressed
        if is_addressed and _handle(name) not in skip:
            found.setdefault("@" + name, None)
    return list(found)


_SPACED_NAMES = frozenset({"linkedin", "facebook"})
# Our link is in the bio or a comment: the post points at it without carrying it.
_LINK_ELSEWHERE = Lazy(
    r"\blink\s+(?:is\s+)?(?:in|on)\s+(?:(?:our|my|the)\s+)?(?:bio|profile|(?:first\s+)?comments?|stories|story)\b",
    re.IGNORECASE,
)


# People tagged as the inspiration of our own piece: "thanks to @x whose work inspired it",
# "inspired by the work of @x, our essay is out". Credit in form, a push at them in effect.
_INSPIRED = Lazy(
    r"""\bwhose\s+(?:[\w-]+\s+){0,2}?(?:inspired|shaped|informed|sparked)\b
    |\binspired\s+by\s+(?:[\w-]+\s+){0,4}?@""",
    re.IGNORECASE | re.VERBOSE,
)
# Where the words to the person answered or thanked end: a sentence end or the end of a link.
_TURN_END = Lazy(r"[.!?](?=\s|$)|\n|https?://\S+")


def _tagged_after(text: str, at: int, skip: frozenset[str], spaced: bool) -> list[str]:
    """People addressed after the turn that holds `at`, other than those addressed in it."""
    end = _TURN_END.compiled.search(text, at)
    if end is None:
        return []
    seen = skip | frozenset(_handle(h) for h in addressed(text[:end.end()], skip, spaced_names=spaced))
    return addressed(text[end.end():], seen, spaced_names=spaced)


@MENTION_PUSH.post_check
def _pushes_at_people(post: Post, ctx: PostContext) -> Iterator[Hit]:
    """The patterns' verdict, given the speech model's second opinion (speech_model.py)."""
    if "@" not in post.text:
        return
    text = strip_quoted(post.text)
    skip = frozenset(_handle(h) for h in (post.author, *ctx.thresholds["own_handles"]) if h)
    tagged = addressed(text, skip, spaced_names=post.platform in _SPACED_NAMES)
    hits = list(_pattern_hits(post, ctx, text, skip, tagged)) or list(
        _courtesy_pushes(post, ctx, text, skip, tagged))
    if hits:
        yield from hits
        return
    if tagged and _ours(post, ctx, text) and _ROLE.search(text) is None and (
            words := model_evidence(MENTION_PUSH.id, text, post.kind)):
        who = " ".join(tagged[:5]) + (" …" if len(tagged) > 5 else "")
        yield Hit(
            message=f"Tags {who} to put our own news in front of them (“{words}”). "
            "Tag people to talk with them, credit them or answer them.",
            evidence=f"{who}: {words}",
        )


# People named in a role are credited, not pushed at: "Speakers: @Nadia Ali (Stripe), ...",
# "This week's guest editor is @writerkai", "As @Simon Sinek puts it".
_ROLE = Lazy(
    r"""\b(?:speakers?|panel(?:ists?)?|guests?|guest\s+editors?|hosts?|co-?hosts?|judges?|line-?up|mentors?|keynotes?
    |moderat(?:or|ors|ed\s+by)|presenters?|authors?|contributors?|editors?|jury)\b[^.!?\n@]{0,30}?(?:\bis\b|\bare\b|:|\u2014|-|\bincludes?\b)\s*@
    |\bas\s+@[\w.]+(?:\s+[A-Z][\w'-]*)?\s+(?:puts|put|says|said|writes|wrote|likes\s+to\s+say)\s+it\b""",
    re.IGNORECASE | re.VERBOSE,
)


def _ours(post: Post, ctx: PostContext, text: str) -> bool:
    """Whether the post can push something of ours, which the model is left to judge: it names
    our work, or links to our site; with our domains unknown, any link may be ours, and a post
    with no link may still push us. A reply must name our work or link to our site: a link
    alone in a reply is help in a thread (measured on a real archive left out of training)."""
    if ctx.own_domains and links_to(post, ctx.own_domains):
        return True
    if post.kind != "reply" and not (post.urls and ctx.own_domains):
        return True
    return _gated(_OWN, _OWN_WORDS, text) is not None  # (the costly test last)


def _pattern_hits(
    post: Post, ctx: PostContext, text: str, skip: frozenset[str], tagged: list[str]
) -> Iterator[Hit]:
    """What the patterns find: a push at the people `tagged`, or credit used as one."""
    lowered = text.lower()
    inspired = _INSPIRED.search(text) if "inspir" in lowered or "whose" in lowered else None
    if not tagged and inspired is None:
        return
    own = _gated(_OWN, _OWN_WORDS, text) if inspired else None
    if inspired and own:
        # "inspired by @x's book" credits a work of theirs; tags at our launch push it at them
        credited = [m.group(0) for m in _MENTION.finditer(text)
                    if _handle(m.group(1)) not in skip and text[m.end():m.end() + 2] not in ("'s", "\u2019s")]
        if credited:
            who = " ".join(credited[:5]) + (" …" if len(credited) > 5 else "")
            yield Hit(
                message=f"Tags {who} as the inspiration of our own piece (“{inspired.group(0)}”): "
                "credit reads as a push when it is a tag on a launch. Name them; tag them to talk.",
                evidence=f"{who}: {inspired.group(0)}",
            )
            return
    if not tagged:
        return
    own_link = links_to(post, ctx.own_domains) if ctx.own_domains else None
    if own_link is None and "link" in text.lower() and (elsewhere := _LINK_ELSEWHERE.search(text)):
        own_link = elsewhere.group(0)
    kind = post.kind
    social = _gated(_SOCIAL, _SOCIAL_WORDS, text) or _ANSWER_ANY.search(text) or (kind == "reply" and _ANSWER.search(text))
    if social:
        # the person answered or thanked is talked with; others tagged after that turn are not
        after = text[social.end():]
        if "@" not in after:
            return
        tagged = _tagged_after(text, social.end(), skip, post.platform in _SPACED_NAMES)
        if not tagged or _gated(_SOCIAL, _SOCIAL_WORDS, after) or _ANSWER_ANY.search(after):
            return
        if not (own_link or _PUSH.search(after) or _gated(_OWN, _OWN_WORDS, after)):
            return  # thanks and then a row of tags: the thanked, not an audience
        kind = "post"
    push = _PUSH.search(text)
    own = own or _gated(_OWN, _OWN_WORDS, text)
    # With no own domains configured, any link may be ours unless the post credits someone.
    guessed_link = not ctx.own_domains and bool(post.urls) and not _THIRD_PARTY.search(text)
    if kind == "reply":
        # a reply talks with someone: only pushing named own content is a push
        pushed = bool(push and (own or own_link))
    else:
        pushed = bool(own or own_link or (push and guessed_link))
    if not pushed and kind != "reply" and (amplify := _AMPLIFY.search(text)):
        push, pushed = amplify, True  # asked to spread or cover us (in a reply, that is talk)
    who = " ".join(tagged[:5]) + (" …" if len(tagged) > 5 else "")
    if pushed:
        said = _said(text, push, own, own_link)
        yield Hit(
            message=f"Tags {who} to push our own content at them (“{said}”). "
            "Tag people to talk with them, credit them or answer them.",
            evidence=f"{who}: {said}",
        )
    elif len(tagged) >= ctx.thresholds["tag_blast_mentions"] and (own_link or guessed_link):
        yield Hit(
            message=f"Tags {len(tagged)} people next to a link with no word for them. "
            "A tag is a notification on someone's phone: say why it is for them.",
            evidence=f"{len(tagged)} people tagged: {who}",
        )


# A courtesy to someone: congratulations, a welcome, thanks, good wishes. Not thanks for a
# question or a report ("Thanks for flagging @jo!"), which what follows answers, nor "you're welcome".
_COURTESY = LazyRe(
    r"""(?<!\byou're\s)(?<!\byou\sare\s)(?<!\ball\s)(?<!\bare\s)(?<!\bis\s)
    \b(?:congrat\w*|welcome|kudos|well\s+done|happy\s+birthday|(?:good|best\s+of)\s+luck|thanks?|thank\s+you|thx)\b
    (?!(?:\s+@[\w.]+(?:[ ][A-Z][\w'-]*){0,3})*,?\s+(?:so\s+much\s+|again\s+)?for\s+(?:the\s+|your\s+|this\s+)?
      (?:ask|asking|question|q|message|dm|note|reaching|getting\s+in\s+touch|flagging|report|reporting|letting|heads
      |patience|feedback|bug|request|enquiry|inquiry|order|catch|spotting|pointing)\b)""",
    re.IGNORECASE | re.VERBOSE,
)
_COURTESY_HINTS = ("congrat", "welcome", "kudos", "well done", "birthday", "luck", "thank", "thx")
# Our content aimed at the person: their needs ("if your team needs", "if you're hiring"), what
# it will do for them ("might help", "you'll want", "useful for you").
_AIMED = LazyRe(
    r"""\b(?:you|u)(?:'ll|\s+will|\s+might|\s+may|\s+would|'d|\s+could)\s+(?:\w+\s+)?(?:love|like|enjoy|find|want|need
      |appreciate|use)\b
    |\b(?:thought|figured)\s+(?:of\s+)?(?:you|u)\b
    |\b(?:might|may|could|should|will|would|can)\s+(?:\w+\s+)?(?:help|be\s+(?:useful|helpful|handy|relevant|of\s+(?:use|interest))
      |come\s+in\s+handy|interest\s+you|save\s+you)\b
    |\b(?:useful|helpful|handy|relevant)\s+(?:for|to)\s+(?:you|your)\b
    |\b(?:if|when|as)\s+(?:you|your\s+(?:[\w-]+\s+){0,2}?[\w-]+)(?:'re|\s+(?:are|is))?\s+(?:need|needs|want|wants|looking
      |struggl\w*|hiring|scaling|growing|planning|ever)\b
    |\byour\s+(?:[\w-]+\s+){0,2}?(?:team|company|business|brand|org|organi[sz]ation|staff|people|hires|clients|customers|users
      |startup)\s+(?:will|would|might|may|could|can|needs?|wants?)\b
    |\bfor\s+(?:you|your\s+(?:new\s+)?(?:team|company|business|brand|role|job|org|startup))\b
    |\b(?:you|u)\s+(?:should|need\s+to|have\s+to|must|gotta)\s+(?:\w+\s+)?(?:read|see|watch|check|try|grab|download)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# What may stand between a courtesy and the people it greets: "Congrats to @a and @b",
# "Welcome aboard, @max", "Thanks so much @jo".
_GREET_GAP = LazyRe(
    r"""(?:\s|[,:!&]|\band\b|\bto\b|\bso\s+much\b|\bagain\b|\bback\b|\baboard\b|\bon\s+board\b
    |\bthe\s+(?:team|family|club|crew|community|fold)\b)*""",
    re.IGNORECASE | re.VERBOSE,
)
_COURTESY_VERBS = {"congrat": "Congratulates", "welcome": "Welcomes", "thank": "Thanks", "thx": "Thanks"}


def _greeted(text: str, at: int, skip: frozenset[str], spaced: bool) -> list[str]:
    """The people a courtesy ending at `at` is said to: the tags straight after it."""
    found: list[str] = []
    position = at
    for match in _MENTION.compiled.finditer(text, at):
        if _GREET_GAP.compiled.fullmatch(text, position, match.start()) is None:
            break
        name = match.group(1).rstrip(".")
        position = match.start() + 1 + len(name)
        if spaced and name[:1].isupper() and (rest := _NAME_RUN.compiled.match(text, position)) \
                and not _NOT_NAMES.intersection(rest.group(0).lower().split()):
            name, position = name + rest.group(0), rest.end()
        if _handle(name.split()[0]) not in skip:
            found.append("@" + name)
    return found


def _courtesy_pushes(
    post: Post, ctx: PostContext, text: str, skip: frozenset[str], tagged: list[str]
) -> Iterator[Hit]:
    """A courtesy followed by our own content aimed at the people it is said to: the
    congratulation is the cover, the link the point."""
    lowered = text.lower()
    if not any(hint in lowered for hint in _COURTESY_HINTS) or _ANSWER_ANY.search(text):
        return
    courtesy = _COURTESY.search(text)
    if courtesy is None:
        return
    after = text[courtesy.end():]
    aim = _AIMED.search(after)
    if aim is None:
        return
    own_link = links_to(post, ctx.own_domains) if ctx.own_domains else None
    own = _gated(_OWN, _OWN_WORDS, after)
    if not (own or own_link):
        return
    spaced = post.platform in _SPACED_NAMES
    people = list(dict.fromkeys([*tagged, *_greeted(text, courtesy.end(), skip, spaced)]))
    if not people:
        return
    word = courtesy.group(0).lower()
    verb = next((v for k, v in _COURTESY_VERBS.items() if word.startswith(k)), "Greets")
    who = " ".join(people[:5]) + (" …" if len(people) > 5 else "")
    said = _clause(after, aim, own)
    yield Hit(
        message=f"{verb} {who}, then aims our own content at them (“{said}”): the courtesy "
        "reads as cover for a pitch. Keep the courtesy; share our work where they ask for it.",
        evidence=f"{who}: {said}",
    )


_CLAUSE_END = re.compile(r"[.!?:;\n]|https?://")


def _clause(text: str, aim: re.Match[str], own: regex.Match[str] | None) -> str:
    """The words that aim our content at someone, from the first of `aim` and `own` to the
    end of the clause that holds the later ("If your team needs help, our guide might help")."""
    start = min(aim.start(), own.start()) if own else aim.start()
    last = max(aim.end(), own.end()) if own else aim.end()
    stop = _CLAUSE_END.search(text, last)
    end = stop.start() if stop and stop.start() - start <= 160 else min(len(text), start + 160)
    return " ".join(text[start:end].split())


def _said(
    text: str, push: regex.Match[str] | None, own: regex.Match[str] | None, own_link: str | None
) -> str:
    """The words that push: the pushing phrase joined to the own content it names, if close."""
    if push is None and own is None:
        return own_link or ""
    spans = [m.span() for m in (push, own) if m is not None]
    start, end = spans[0]
    if len(spans) == 2 and abs(spans[1][0] - start) < 80:
        start, end = min(start, spans[1][0]), max(end, spans[1][1])
    return " ".join(text[start:end].split())
