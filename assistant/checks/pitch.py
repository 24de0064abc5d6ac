"""A cold pitch read as a speech act: an offer to the reader, and a way to take it up.

A pitch has two moves, each ordinary alone. The offer: the author (we, I, our team or
tool, or the account's own name) doing a service for the reader or for clients like them,
or promising a measurable result ("we can get your restaurant 300 extra covers a month",
"our tool writes a month of posts in 5 minutes", "our clients post daily", "that's what
we deliver"). The take-up: a question that asks the reader for the next step ("free this
week for 10 mins?", "keen to hear more?", "what's your budget?", "who should I speak
to?") or an instruction to take it ("let's talk", "drop me a message for rates", "let me
know if you'd like a quote"). A bare trade ("I'm a copywriter") or "we offer SEO" is a
weak offer: its take-up must ask for business, not chat.

Shapes that need no "we": a price offered with its take-up ("£600/month ... message for
details"), something on sale with its availability and scarcity ("slots for March are
open ... limited to 5"), a limited release sold on time running out. In a DM a price, or
room for new clients, told to a stranger is the pitch on its own.

What is not an offer: the past ("we doubled our own sign-ups"), a request ("could we get
your feedback?"), a hypothesis ("if we could get 10 clients"), an act with no one to
benefit ("I'll book the venue"), selling told as a story ("I used to promise 10k"), or
rates pointed to ("our rates are on the website").
"""

from __future__ import annotations

import re

from assistant.checks.signals import Lazy, Phrases, clause_at, compile_pattern, words_of

# Who can offer: the author, or the author's team, firm or product.
_SELF = (
    r"""(?:\b(?:we|i)(?:'ve|\s+have)(?:\s+got)?\s+an?\s+(?:[\w-]+\s+){0,2}?(?:system|method|process|framework|tool|platform
      |playbook|formula|programm?e?|team)\s+(?:that|which)
    |\b(?:we|i|let\s+(?:us|me)(?=\s+(?!know\b)))
    |\b(?:our|my)\s+(?:[\w-]+\s+){0,2}?(?:team|agency|studio|tool|platform|app|system|service|software|programm?e?
      |course|method|framework|process|engine|bot|chatbot|assistant|widget|plugin|extension|network|newsletter|community
      |crew|company|firm
      |[\w-]+(?:ers|ists|ors)))"""
)
# What may stand between the subject and the verb: a modal, a contraction or an adverb.
_AUX = (
    r"""(?:'d\s+(?:like|love)\s+to|\s+would\s+(?:like|love)\s+to|'ll|'d|'ve|\s+(?:can|could|will|would|also|just|actually|really|usually|typically|then|have|has|now|already|recently|even
    |simply|currently|regularly|consistently|reliably|specifically|personally|literally|genuinely|basically|normally))*"""
)
# The service acts: done for someone, in the present or as a promise.
_SERVE = (
    r"""(?:(?:help(?<!(?:like|love)\s+to\s+help)|get|build|write|design|manage|run|handle|create|produce|shoot|film|edit|grow|double|triple|10x|cut|reduce
    |fill|book|deliver|put|turn\s+around|set\s+up|set\s+(?:it|this|that|everything|them|you)\s+up|rebuild|redesign|fix|scale|generate|drive|bring|land|launch|automate
    |save|boost|increase|quote(?=\s+(?:for|on)\b)|offer|provide|add|adds|speciali[sz]e|take\s+care\s+of|take\s+over|schedule|place|source|make
    |take\s+on|look\s+after|plan|craft|ghostwrite|optimi[sz]e|rank|audit|convert|supply|install|train|coach|transform
    |sort|power|streamline|turn|take|pull|work\s+with|partner\s+with|cost|charge|sell|photograph|animate|illustrate|translate|develop|maintain|moderate|repurpose|rebrand
    |refresh|revamp|overhaul|recover|remove|pitch|secure|negotiate|protect|clip)(?:s|es)?
    |do(?:es)?(?!\s+(?:not|care|love|like|think|know|want|need|hope|believe|feel|mean|see|get|understand|have|agree|wonder
      |miss|enjoy|appreciate|try|remember)\b)
    |helped|launched(?=\s+(?:a|an|our)\s+(?:[\w-]+\s+){0,3}?(?:service|tool|product|offer|package|platform|app|programm?e?)\b))"""
)
_OFFER = Lazy(
    rf"""\b(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:an?\s+)?(?:[\w-]+\s+){{0,2}}?(?:agency|studio|consultancy|freelancer|freelance\s+[\w-]+
      |consultant|team|manager|assistant|expert|copywriter|videographer|photographer|designer|developer|editor|strategist|coach|marketer|specialist)\b
      (?P<who>[^.!?\n]{{0,60}})
    |(?:\b(?:i'?d|we'?d|i\s+would|we\s+would)|(?<=(?:^|[.!?])\s*)would|(?<=\b(?:and|but|so)\s+)would)\s+(?:love|like|be\s+(?:happy|glad|delighted))\s+to\s+(?:quote\s+(?:for|on)|work\s+with|pitch|partner|take\s+(?:this|it)\s+off|offer|provide
      |give\s+you|extend|show\s+you
      |help\s+(?:you\s+|your\s+[\w-]+\s+)?(?:grow|scale|get|double|triple|increase|boost|build|fill|reach|hit|land|win))\b
    |\b(?:we|i)(?:'ll|\s+(?:can|could|will))\s+be\s+(?:your|that|the)\s+(?:[\w-]+\s+){{0,2}}?(?:team|agency|partner|studio
      |department|person|crew|hire|marketing|content)\b
    |\bthat'?s\s+(?:exactly\s+)?(?:what\s+(?:we|i)\s+(?:do|deliver|offer|provide|specialise\s+in|specialize\s+in|build)\b
      |our\s+(?:whole\s+|entire\s+)?(?:job|thing|speciality|specialty)\b|where\s+(?:we|i)\s+come\s+in\b
      |what\s+(?:we'?re|we\s+are|i'?m|i\s+am)\s+(?:here\s+)?for\b)
    |\b(?:our|my)\s+(?:rates|prices|pricing|packages|fees|rate\s+card)\b(?!\s+(?:are|is)\s+(?:all\s+)?(?:on|in|listed|published)\b)
    |(?<=(?:^|[.!?:;,\n])\s*)(?:our|my)\s+(?:clients|customers|students|members)\s+(?:now\s+|typically\s+|usually\s+|all\s+|regularly\s+)?
      (?!(?:are|were|was|is|have|had|asked|ask|said|say|told|tell|love|loved|hate|taught|teach|often|keep|kept)\b)[\w-]+
      (?<!ed)\b
    |\b(?:quick|short|brief|cheeky|little)\s+pitch\b
    |(?<=\b(?:can|could|may|shall)\s+)(?:i|we)\s+(?:do|make|create|send|put\s+together|build|write|design|run|shoot|record)\s+
      (?:you\s+)?(?:a|an|some)\s+(?:quick\s+)?free\s+
    |\bif\s+(?:i|we)\s+(?:could|can)\s+(?:get|bring|book|find|deliver|guarantee|show|fill|send)\s+(?:you|your)\b[^?\n]{{0,80}}?
      \bwould\s+(?:that|it|you)\b
    |\b(?:i|we)(?:'ve|\s+have)?\s+(?:put|pulled|thrown)\s+together\s+(?:a\s+few\s+|some\s+|\d+\s+|three\s+|a\s+)?(?:quick\s+|free\s+)?
      (?:ideas|mock-?ups?|concepts?|suggestions|plan|audit|proposal|strategy|recommendations)\s+(?:for|to|on)\b
    |\b(?:would|are|is)\s+(?:you|your\s+[\w-]+)\s+(?:be\s+)?(?:interested|open)\s+(?:in|to)\s+(?:a|an|our|my)\s+(?:[\w-]+\s+){{0,4}}?
      (?:package|service|retainer|audit|trial|partnership|proposal|campaign|programm?e?|course|membership|subscription)\b
    |\b(?:we'?ve|we\s+have|i'?ve|i\s+have)\s+(?:found|got|built|developed|created)\s+a\s+(?:[\w-]+\s+)?(?:way|system|method
      |process|framework)\s+to\b
    |\b(?:we'?ve|we\s+have|i'?ve|i\s+have|we'?ve\s+got|i'?ve\s+got)\s+(?:got\s+)?(?:some\s+|limited\s+|\d+\s+|a\s+few\s+|one\s+|two\s+|three\s+|four\s+|five\s+)?(?:new\s+)?(?:availability|capacity
      |space|room|slots?|spots?|openings?)\s+(?:for|from|in|this|next|again)\b
    |\b(?:we|i)(?:'re|\s+are|'m|\s+am)\s+(?:now\s+|currently\s+)?(?:helping|getting|building|growing|booking|running
      |managing|writing|designing|creating|producing|delivering|filling|scaling|driving|generating|bringing|putting)\b
      (?P<rest>[^.!?\n]{{0,90}})
    |(?<=(?:^|[.!?:;\n])\s*)(?:now\s+|currently\s+)?(?:accepting|taking\s+on|onboarding|opening)\s+(?:\d+\s+|a\s+few\s+|two\s+|three\s+
      |four\s+|five\s+|limited\s+)?(?:more\s+)?(?:new\s+)?(?:[\w-]+\s+)?(?:clients|brands|businesses|accounts|projects|customers|spots|slots|places)\b
    |\b(?:we'?re|we\s+are|i'?m|i\s+am)\s+(?:now\s+)?booking\s+(?:in\s+)?(?:[\w-]+\s+){{0,3}}?(?:sessions|shoots|clients|projects
      |slots|dates|calls|appointments|campaigns)\b
    |\b(?:we'?re|we\s+are|i'?m|i\s+am)\s+(?:now\s+)?(?:offering|taking\s+on|accepting|onboarding
      |opening(?:\s+up)?\s+(?:\d+|a\s+few|two|three|four|five|six|limited)\s+(?:[\w-]+\s+)?(?:spots?|slots?|places?|seats?))\b
    |(?<!\b(?:if|can|could|shall|should|may|might|would|will|do|did|when|unless|whether)\s+)(?<!\bused\s+to\s+)
    {_SELF}{_AUX}\s+(?:{_SERVE})\b(?P<rest>[^.!?\n]{{0,90}})""",
    re.IGNORECASE | re.VERBOSE,
)
# Who or what is served: the reader, clients of a kind, a measured result or a price, a
# whole job taken on ("we handle everything", "end to end"), work "that converts", or a
# plural object of the act ("we grow podcasts", "we build Shopify stores"). Each shape is
# tried only when its own words are there (one pattern of them all cost ~40 µs a sentence).
_NUMBER = "\u00a4"  # stands for a digit or a currency sign among the words (never a word itself)
_CLIENT_NOUNS = (
    "brand brands businesses companies founders coaches startups teams clinics shops stores restaurants cafes creators "
    "gyms salons bakeries dentists practices retailers agencies owners marketers firms clients customers people sellers "
    "studios venues hotels consultants freelancers experts leaders ceos cmos cfos ctos b2b saas d2c dtc ecommerce "
    "e-commerce firm company business clinic practice shop store restaurant"
)
_BENEFIT = Phrases([
    ("you your yours u ur", r"\b(?:you|your|yours|u|ur)\b"),
    (_CLIENT_NOUNS,
     r"""\b(?:brands?|businesses|companies|founders|coaches|startups|teams|clinics|shops|stores|restaurants|cafes|creators
      |gyms|salons|bakeries|dentists|practices|retailers|agencies|owners|marketers|firms|clients|customers|people\s+like
      |sellers|studios|venues|hotels|consultants|freelancers|experts|leaders|ceos|cmos|cfos|ctos|b2b|saas|d2c|dtc
      |e-?commerce|firm|company|business|clinic|practice|shop|store|restaurant)(?:'s|s'|')?\b"""),
    ("for",
     r"""\bfor\s+(?:[\w-]+\s+){0,2}?(?!(?:years|months|weeks|days|hours|minutes|ages|decades|times|reasons|us|ourselves)\b)
      [\w-]+s(?=\s*(?:[.,;:!?]|$|\s+(?:and|like|who|that|in|across|on)\b))
    | \bfor\s+(?:a\s+)?(?:fee|price)\b | \bfor\s+the\s+price\s+of\b"""),
    (_NUMBER,
     r"""[$\u20ac\u00a3]\s?\d | \d[\d,.]*\s*(?:k|m|x|%|\+)(?!\w)
    | \b\d[\d,.]*\s+(?:[\w-]+\s+){0,3}?(?:a|per|every|each)\s+(?:day|week|month|year|quarter)\b"""),
    (_NUMBER + " few two three ten",
     r"\b(?:in|within|under)\s+(?:\d+|a\s+few|two|three|ten)\s+(?:days|weeks|hours|minutes)\b"),
    ("half double twice triple quadruple 10x third quarter fraction",
     r"""\b(?:half|double|twice|triple)\s+the\b | \b(?:a\s+)?(?:half|third|quarter|fraction)\s+of\s+(?:that|the|what)\b
    | \b(?:double|triple|quadruple|10x)\s+(?:your\s+|their\s+|its\s+)?[\w-]+"""),
    ("monthly weekly flat fixed one", r"\b(?:monthly|weekly|flat|fixed|one)\s+(?:[\w-]+\s+)?(?:fee|price|rate)\b"),
    ("us", r"\bon\s+us\b"),
    ("cost charge", r"\bat\s+no\s+(?:extra\s+)?cost\b | \bfree\s+of\s+charge\b"),
    ("booked", r"\b(?:fully|completely)\s+booked\b"),
    ("that", r"\bthat\s+(?:actually\s+)?(?:converts?|sells?|works?|performs?|gets?\s+results|ranks?)\b"),
    ("everything all lot end from",
     r"\b(?:everything|it\s+all|the\s+lot|end[-\s]to[-\s]end|from\s+[\w-]+\s+to\s+[\w-]+)\b"),
], flags=re.IGNORECASE | re.VERBOSE)
_PLURAL_OBJECT = Lazy(
    r"""\s+(?!(?:our|my)\b)(?:[\w-]+\s+){0,2}?(?!(?:mistakes|things|plans|notes|calls|lots|ends|changes|decisions|friends
    |ourselves)\b)[\w-]{3,}s\b(?!')""",
    re.IGNORECASE | re.VERBOSE,
)


def _serves(rest: str) -> bool:
    """Whether the words after an act name someone served or something promised."""
    if _PLURAL_OBJECT.match(rest):
        return True
    words = words_of(rest)
    if any(ch.isdigit() for ch in rest) or "$" in rest or "\u00a3" in rest or "\u20ac" in rest:
        words = words | {_NUMBER}
    return _BENEFIT.search(rest, words) is not None


# A price named: an amount, or a fee. ("Our rates haven't changed" names none.)
_PRICED = Lazy(
    r"""[$\u20ac\u00a3]\s?\d|\b(?:monthly|weekly|flat|fixed|one|set)\s+(?:[\w-]+\s+)?(?:fee|price|rate)\b""",
    re.IGNORECASE,
)

# The take-up, as a question: the next step offered to the reader.
_TAKE_UP_QUESTION = Lazy(
    r"""\b(?:call|calls|chat|talk|demo|trial|intro|meeting|mins?|minutes|free|available|open|keen|interested|fancy|worth
    |hear|learn|see|send|share|show|quote|budget|pencil|book|rates|pricing|prices|proposal|details|info|sense|examples
    |samples|next|useful|helpful|try|test|monday|tuesday|wednesday|thursday|friday|tomorrow|leads|clients|customers
    |followers|bookings|sales|growth|one|person|charge|responsible|decides?|handles|speak|contact|explain|pitch|ideas
    |exploring|works|suits|audit|something|look|want|valuable|value|interest|interesting|yes|help|radar|priority|plans?
    |considering|considered)\b
    |\b(?:like|want)\s+(?:me|us)\s+to\b""",
    re.IGNORECASE | re.VERBOSE,
)
_QUESTION_WORDS = frozenset(
    "call calls chat talk demo trial intro meeting min mins minutes free available open keen interested fancy worth hear "
    "learn see send share show quote budget pencil book rates pricing prices proposal details info sense examples "
    "samples next useful helpful try test monday tuesday wednesday thursday friday tomorrow leads clients customers "
    "followers bookings sales growth one person charge responsible decide decides handles speak contact explain pitch "
    "ideas exploring works suits audit something look want valuable value interest interesting yes help radar "
    "priority plan plans considering considered like".split()
)
# The take-up, as an instruction: how to take the offer.
_TAKE_UP_STEP = Phrases([
    ("let's let lets",
     r"""\blet'?s\s+(?:talk|chat|connect|jump|hop|grab|get\s+you)\b
    | \blet\s+(?:me|us)\s+know\s+which\s+(?:[\w-]+\s+)?(?:suits|works|fits|you'?d|you\s+would|you\s+want)\b
    | \blet\s+(?:me|us)\s+know\s+(?:if|when|whether)\s+(?:you'?d|you\s+would|you'?re|you\s+are|you\s+want|you'?d\s+like
      |you\s+need|you\s+fancy|(?:that|this|it)\s+(?:sounds|interests|appeals)|(?:you'?re\s+|you\s+are\s+)?interested)\b"""),
    ("drop send shoot flick",
     r"\b(?:drop|send|shoot|flick)\s+(?:me|us)\s+(?:a\s+)?(?:quick\s+)?(?:message|line|dm|note|email|msg|text)\b"),
    ("dm message email ping text call",
     r"""\b(?:dm|message|email|ping|text|call)
      (?<!\b(?:people|they|who|you|he|she|i|we|to|will|would|can|could|should|then|and|or)\s+(?:dm|message|email|ping|text|call))
      \s+(?:me|us)\b
    | \b(?:dm|message|email|text)\s+(?:me\s+|us\s+)?(?:for|to\s+(?:get|book|grab|claim|start))\b
    | \bemail\s+[\w.+-]+@"""),
    ("reply comment type dm",
     r"""\b(?:reply|comment|type|dm)\s+(?:with\s+)?["'\u2018\u201c]?(?-i:[A-Z]{2,})\b
    | \breply\s+(?:and|for|to|with|here|below|if|now|today|back)\b | \b(?:hit|just)\s+reply\b"""),
    ("book grab claim secure reserve",
     r"\b(?:book|grab|claim|secure|reserve)\s+(?:a|an|your)\s+(?:[\w-]+\s+)?(?:call|slot|demo|spot|chat|session|place|trial)\b"),
    ("bio profile touch", r"\blink\s+in\s+(?:bio|profile)\b | \bget\s+in\s+touch\b"),
    ("happy glad keen delighted",
     r"\b(?:happy|glad|keen|delighted|love)\s+to\s+(?:send|share|show|walk|jump|hop|chat|talk|explain)\b"),
    ("apply", r"\bapply\s+(?:at|here|now|via|below|today|through|on|in)\b"),
    ("request", r"\b(?:rates?|prices?|pricing|packages?|quotes?|details)\s+(?:are\s+|available\s+)?(?:on|upon)\s+request\b"),
    ("ask", r"\bask\s+(?:me|us)\s+(?:how|about)\b"),
    ("start sign join try",
     r"\b(?:start|sign\s+up|join|try\s+(?:it|us))\s+(?:now\s+|today\s+|free\s+|for\s+free\s+)?(?:at|on|via)\s+(?:https?://)?[\w-]+\.[a-z]{2,}"),
    ("love", r"\b(?:i'?d|we'?d|would)\s+love\s+to\s+(?:show|walk|give)\s+you\b"),
], flags=re.IGNORECASE | re.VERBOSE)
# Selling talked about in the past or renounced is a story, not a pitch.
_DISOWNED = Lazy(
    r"\b(?:used\s+to|back\s+when|years\s+ago|i\s+was\s+wrong|we\s+were\s+wrong|never\s+again|stopped)\b",
    re.IGNORECASE,
)

_OPEN_FOR_BUSINESS = Lazy(
    r"\b(?:accepting|taking\s+on|onboarding|availability|capacity|openings?|room|space|booking)\b", re.IGNORECASE
)
# The words of a take-up that ask for business, which a bare trade ("I'm a copywriter") needs.
_COMMERCIAL = Lazy(
    r"""\b(?:call|chat|demo|trial|quote|rates|pricing|prices|proposal|interested|open|keen|fancy|worth|budget|sample|samples
    |examples|audit|portfolio|work\s+together|help|grow|hire|book|dm|message|email|reply|link|rate|services?|packages?)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_AVAILABLE = Lazy(
    r"""\b(?:dates?|spots?|slots?|places?|seats?|spaces?|openings?|tickets?)\s+(?:left|available|remaining|open)\b
    |\b(?:dates?|spots?|slots?|places?|seats?|spaces?|openings?)\s+(?:for\s+(?:[\w-]+\s+){1,2}?)?(?:are|is)\s+(?:now\s+)?(?:open|available|live)\b
    |\b(?:our|my)\s+(?:[\w-]+\s+){0,3}?(?:package|service|offer|programm?e?|course|retainer|membership|bootcamp|kit|bundle
      |workshop|masterclass|cohort)s?\s+(?:is|are)\s+(?:now\s+)?(?:back|live|open|available)\b
    |\bnew\s+(?:service|package|offer|offering)\s*[:\u2014\u2013-]|\bnow\s+(?:booking|taking\s+bookings)\b
    |\b(?:still\s+|now\s+)?available\s*[:\u2014\u2013-]\s*(?:\d+|a\s+few|one|two|three|four|five)\s+(?:[\w-]+\s+)?(?:dates?|spots?
      |slots?|places?|seats?|spaces?|openings?)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# Availability needs a thing offered and a word that it can be had; posts with both are few.
_AVAILABLE_THINGS = frozenset(
    "date dates spot spots slot slots place places seat seats space spaces opening openings ticket tickets package "
    "packages service services offer programme program course courses retainer membership bootcamp kit bundle "
    "workshop masterclass cohort booking bookings".split()
)
_AVAILABLE_STATES = frozenset("left available remaining open live back booking".split())
_SCARCE = Lazy(
    r"""\blimited\s+to\s+\d+|\bonly\s+(?:\d+|a\s+few|two|three|four|five)\s+(?:[\w-]+\s+)?(?:left|available|spots?|slots?|places?)
    |\bfirst\s+come,?\s+first\s+served\b|\bwhile\s+(?:they|it|stocks?|spaces?)\s+last\b""",
    re.IGNORECASE | re.VERBOSE,
)
# A release sold on time running out: "limited edition download for the next 7 days only",
# "only a few days left before the limited edition goes", and a free start on the product's site.
_LIMITED_RELEASE = Lazy(
    r"""\blimited[-\s](?:edition|run|release|drop|stock)\b(?=[^\n]{0,80}?(?:\bnext\s+\d+\s+(?:days|hours)|\bdays?\s+only\b
      |\b(?:goes|go|going)\s+(?:down|away|offline)\b|\bends?\b|\buntil\b))
    |\b(?:only\s+)?(?:a\s+few|\d+|two|three)\s+(?:days|hours)\s+left\b(?=[^\n]{0,60}?\blimited[-\s](?:edition|run|release
      |drop|stock)\b)
    |\b(?:start|try\s+(?:it|us|\w+))\s+(?:for\s+)?free\s+(?:at|on|via)\s+(?:https?://)?[\w-]+\.[a-z]{2,}""",
    re.IGNORECASE | re.VERBOSE,
)
_FREE_START = frozenset("start try".split())
_TRIAL = Lazy(
    r"""\bfree\s+(?:for\s+(?:\d+|a|one|two|three|seven|fourteen|thirty)\s+(?:days?|weeks?|months?)|trial)\b
    |\b(?:\d+|seven|fourteen|thirty)\s+days\s+free\b""",
    re.IGNORECASE | re.VERBOSE,
)
_PRICE = Lazy(r"[$\u20ac\u00a3]\s?\d")
# A price offered rather than mentioned: per unit, "from £499", or a list ("10 posts £300").
_PRICE_OFFERED = Lazy(
    r"""[$\u20ac\u00a3]\s?\d[\d,.]*\s*k?\s*(?:/\s?[a-z]+|per\s+\w+|an?\s+(?:month|week|hour|post|image|day|year|session|video)\b
      |each\b|flat\b|\+\s*vat\b)
    |\b(?:from|starting\s+at)\s+[$\u20ac\u00a3]\s?\d|\b\d+\s+[\w-]+\s+[$\u20ac\u00a3]\s?\d""",
    re.IGNORECASE | re.VERBOSE,
)
# Verbs whose object is the service itself: "we offer SEO, web design and social".
_SELLS = Lazy(r"\b(?:offers?|provides?|speciali[sz]es?|sells?)\b", re.IGNORECASE)
_OFFER_START = Lazy(
    r"\b(?:we|i|let|our|my|that|now|currently|accepting|taking|onboarding|opening|quick|short|brief|cheeky|little|would|are|is|if)\b",
    re.IGNORECASE,
)
# Start words of the rarer offer shapes, and the words each shape needs somewhere in the post.
_START_NEEDS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("is", "are", "would"), frozenset("interested open love like happy glad delighted".split())),
    "if": frozenset(("could", "can")),
    "that": frozenset(("that's",)),
    **dict.fromkeys(("quick", "short", "brief", "cheeky", "little"), frozenset(("pitch",))),
    **dict.fromkeys(("now", "currently"), frozenset("accepting taking onboarding opening".split())),
}
_DISOWNED_WORDS = frozenset("used back years wrong never stopped".split())
_NEAR = 3  # sentences between an offer and its take-up
_SENTENCE = Lazy(r"[^.!?\n]+(?:[.!?]+|\n|$)")
# Words one of which every offer contains, and every take-up: most posts lack one or the other.
_OFFER_WORDS = frozenset(
    "we i let our my i'm we're we've i've we'd i'd we'll i'll that's accepting taking onboarding opening pitch interested currently".split()
)
_TAKE_UP_WORDS = frozenset(
    "let's let\u2019s lets let drop send shoot flick dm message email ping text call reply book grab claim secure reserve bio "
    "profile touch happy glad keen delighted apply comment type ask email request start sign join try love".split()
)


def _sentences(text: str) -> list[str]:
    return [s.group(0) for s in _SENTENCE.finditer(text) if s.group(0).strip()]


def _disowned(sentence: str, words: frozenset[str]) -> bool:
    """Whether `sentence` tells of selling in the past; `words` (the whole text's) rule most out at once."""
    return not _DISOWNED_WORDS.isdisjoint(words) and _DISOWNED.search(sentence) is not None


def _offer(sentences: list[str], words: frozenset[str]) -> tuple[str, bool, bool, int] | None:
    """The first offer said in `sentences`: its words, whether it names a price, whether it only
    states a trade, and the index of its sentence; or None."""
    pattern = _OFFER.compiled
    weak: tuple[str, bool, bool, int] | None = None
    for index, sentence in enumerate(sentences):
        if _disowned(sentence, words):
            continue
        # the full pattern is tried only where an offer can start (a search costs ~30 µs a post)
        for start in _OFFER_START.finditer(sentence):
            needs = _START_NEEDS.get(start.group(0).lower())
            if needs is not None and needs.isdisjoint(words):
                continue  # "is", "if", "that"... start an offer only beside their own words
            match = pattern.match(sentence, start.start())
            if match is None:
                continue
            rest = match.group("rest")
            sells_only = False
            if rest is not None and not _serves(rest):
                if not _SELLS.search(match.group(0)[:-len(rest) or None]):
                    continue  # nobody is served and nothing is promised: "I'll book the venue"
                sells_only = True  # "we offer SEO and web design": an offer, but a weak one
            found = " ".join(match.group(0).split()), bool(_PRICED.search(sentence)), False, index
            if match.group("who") is None and not sells_only:
                return found
            # a trade stated ("I'm a freelance editor") is the weakest offer: kept only if no other comes
            weak = weak or (found[0], found[1], True, index)
    return weak


def _take_up(sentences: list[str], words: frozenset[str]) -> str | None:
    """The first question or instruction in `sentences` that asks the reader to take an offer up."""
    steps = not _TAKE_UP_WORDS.isdisjoint(words)
    for sentence in sentences:
        question = sentence.rstrip().endswith("?")
        if not (question or steps) or _disowned(sentence, words):
            continue
        if question and _TAKE_UP_QUESTION.search(sentence):
            return " ".join(sentence.split())
        if steps:
            step = _TAKE_UP_STEP.search(sentence, words)
            if step:
                return step.group(0)
    return None


def take_up(text: str) -> str | None:
    """The first question or instruction in `text` that asks the reader to take an offer up, as
    written, or None: the ask to quote beside an offer another reading found."""
    text = text.replace("\u2019", "'")
    return _take_up(_sentences(text), words_of(text))


def _named(text: str, name: str) -> bool:
    """Whether `name` stands in `text` as a word, not inside a link, a domain or an @handle."""
    lowered = text.lower()
    start = lowered.find(name)
    while start >= 0:
        end = start + len(name)
        before = lowered[start - 1] if start else " "
        after = lowered[end] if end < len(lowered) else " "
        if not (before.isalnum() or before in "@./-_") and not (after.isalnum() or after in "./-_"):
            return True
        start = lowered.find(name, end)
    return False


def cold_pitch(text: str, kind: str, author: str = "") -> str | None:
    """The offer and its take-up in `text` (a post or a DM), joined, or None.

    In a DM an offer that names its price is a pitch on its own. The account's own name
    (`author`, a handle) as the subject offers as "we" does.
    """
    text = text.replace("\u2019", "'")  # "we’ll" is "we'll"
    name = author.lower().lstrip("@")
    words = words_of(text)
    if len(name) >= 3 and name in words and _named(text, name):  # the account named as the one who offers
        text = compile_pattern(rf"(?<![@\w.]){re.escape(name)}(?![\w.])", re.IGNORECASE).sub("we", text)
        words = words_of(text)
    if "$" in text or "\u00a3" in text or "\u20ac" in text:
        offered = _PRICE_OFFERED.search(text)
        priced = offered or _PRICE.search(text)
        available = _AVAILABLE.search(text) if priced else None
        if priced and available:
            return f"{priced.group(0)} … {available.group(0)}"
        if offered:
            ask = _take_up(_sentences(text), words)
            if ask:
                return f"{offered.group(0)} … {ask}"
    if ("limited" in words or ("free" in words and not _FREE_START.isdisjoint(words))) and (
            release := _LIMITED_RELEASE.search(text)):
        return release.group(0)
    if "free" in words and (trial := _TRIAL.search(text)) and (step := _TAKE_UP_STEP.search(text, words)):
        return f"{trial.group(0)} … {step.group(0)}"  # a free trial and the way to start it
    if not _AVAILABLE_THINGS.isdisjoint(words) and not _AVAILABLE_STATES.isdisjoint(words):
        available = _AVAILABLE.search(text)
        if available:
            sentences = _sentences(text)
            scarce = _SCARCE.search(text)
            ask = scarce.group(0) if scarce else _take_up(sentences, words)
            if ask:
                return f"{available.group(0)} … {ask}"
    if _OFFER_WORDS.isdisjoint(words):
        return None
    asks = "?" in text or not _TAKE_UP_WORDS.isdisjoint(words)
    if kind != "dm" and (not ("?" in text and not _QUESTION_WORDS.isdisjoint(words))
                         and (not asks or _TAKE_UP_STEP.search(text, words) is None)):
        return None  # a post needs a take-up: the post's words and one search rule most posts out
    sentences = _sentences(text)
    if kind != "dm" and (not asks or _take_up(sentences, words) is None):
        return None  # a post needs a take-up; looking for one first is the cheaper test
    offer = _offer(sentences, words)
    if offer is None:
        return None
    said, priced, trade, where = offer
    if trade and kind != "dm":
        return None
    # a pitch is said in one breath: the take-up within a few sentences of the offer
    sentences = sentences[max(0, where - _NEAR):where + _NEAR + 1]
    ask = _take_up(sentences, words) if asks else None
    if ask and trade and not any(_COMMERCIAL.search(sentence) for sentence in sentences
                                 if ask in " ".join(sentence.split())):
        ask = None  # "I'm a designer too. How do you handle clients who ghost?" is shop talk
    if ask and ask == said:  # one phrase offers and asks ("I'd love to show you"): its clause quoted
        at = text.find(said)
        return clause_at(text, at) if at >= 0 else said
    if ask:
        return f"{said} … {ask}"
    if kind == "dm" and (priced or any(_PRICED.search(sentence) for sentence in sentences)
                         or _OPEN_FOR_BUSINESS.search(said)):
        return said  # a price, or room for new clients, told to a stranger is the pitch
    return None


def disowned(text: str, evidence: str) -> bool:
    """True when the sentence holding `evidence` tells of selling in the past or renounces it."""
    if _DISOWNED_WORDS.isdisjoint(words_of(text)):
        return False
    start = text.find(evidence)
    if start < 0:
        return False
    sentences = [s for s in _SENTENCE.finditer(text) if s.start() <= start < s.end()]
    return bool(sentences and _DISOWNED.search(sentences[0].group(0)))
