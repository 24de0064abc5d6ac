"""Signals several rules share: is a post promoting the author's own things?

Kept in one place so `sales-pitch` (one post) and `self-promo-ratio` (a feed) agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from assistant.checks import pattern_cache
from assistant.checks.history import canonical_link
from assistant.checks.prefilter import Needs
from assistant.checks.prefilter import alternatives as prefilter_alternatives
from assistant.checks.prefilter import needs as prefilter_of
from assistant.models import Post
from assistant.text import on_domain, own_domains

if TYPE_CHECKING:
    import regex

_TOKEN = re.compile(r"[a-z0-9]+(?:['\u2019][a-z]+)?")
# ASCII in one pass, as bytes (a byte table is ~2x cheaper than str.translate's dict): upper
# case to lower, everything but letters and digits to a space. In a text without an
# apostrophe, the pieces left are exactly `_TOKEN`'s words.
_ASCII_WORDS = bytes(ord(c.lower()) if c.isalnum() else ord(" ") for c in map(chr, range(128))) + bytes(range(128, 256))


@lru_cache(maxsize=512)
def words_of(text: str) -> frozenset[str]:
    """The lower-case words of `text` ("don't" stays one word), remembered for the next rule."""
    if "'" not in text and text.isascii():  # most posts: ~2x cheaper than the pattern
        return frozenset(text.encode("ascii").translate(_ASCII_WORDS).decode("ascii").split())
    return frozenset(_TOKEN.findall(text.lower()))


_UNREAD: Any = object()  # a prefilter not worked out yet
# The flags `re` and `regex` give the same values (re.ASCII, 256, is regex's V1).
_SHARED_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.UNICODE


def compile_pattern(source: str, flags: int = 0) -> regex.Pattern[str]:
    """`regex.compile` for a pattern made at run time (a name, the user's phrases; rule
    patterns are `Lazy`): `regex` (~10 ms) loaded with the first pattern a text needs, not at
    start-up."""
    import regex

    return regex.compile(source, flags)


class Lazy:
    """A `regex` pattern compiled on first use, and searched only where it can match.

    Compiling every rule pattern at import cost about 85 ms of CLI start-up; most posts
    never need most patterns, so they are compiled when first searched (rebuilt from the
    compiled forms an earlier run kept, `pattern_cache`, when it has them). The literal text
    every match needs (`prefilter.needs`) is worked out then too: a post without it is
    answered by a few substring tests instead of a walk of the `regex` engine. `flags` are
    `re`'s (I, M, S, X and U: `regex` reads the same values; others are refused), so
    modules of patterns never load `regex` itself: a review whose text needs no pattern
    does not pay for its import. A pattern of many top-level alternatives is searched one
    alternative at a time, only those the text may match (`prefilter.alternatives`).
    """

    __slots__ = ("_alternatives", "_compiled", "_flags", "_needs", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        if flags & ~_SHARED_FLAGS:
            raise ValueError(f"flags {flags:#x}: only re's I, M, S, X and U mean the same to regex")
        self._source = source
        self._flags = flags
        self._compiled: regex.Pattern[str] | None = None
        self._needs: Needs | None = _UNREAD
        self._alternatives: tuple[Lazy, ...] | None = _UNREAD

    @property
    def compiled(self) -> regex.Pattern[str]:
        if self._compiled is None:
            self._compiled = pattern_cache.compiled(self._source, self._flags)
        return self._compiled

    def _ruled_out(self, text: str) -> bool:
        """True when `text` lacks every string a match needs (so no search can match)."""
        needs = self._needs
        if needs is _UNREAD:
            needs = self._needs = prefilter_of(self._source, self._flags)
        return needs is not None and not needs.possible(text)

    def _possible_alternatives(self, text: str) -> tuple[Lazy, ...] | None:
        """The pattern's top-level alternatives `text` may match, in order, when they are
        fewer than all (`prefilter.alternatives`); None when the whole pattern is searched."""
        alternatives = self._alternatives
        if alternatives is _UNREAD:
            found = prefilter_alternatives(self._source, self._flags)
            alternatives = self._alternatives = (
                None if found is None else tuple(Lazy(part, self._flags) for part in found))
        if alternatives is None:
            return None
        possible = tuple(a for a in alternatives if not a._ruled_out(text))
        return None if len(possible) == len(alternatives) else possible

    def search(self, text: str) -> regex.Match[str] | None:
        if self._ruled_out(text):
            return None
        possible = self._possible_alternatives(text)
        if possible is None:
            return self.compiled.search(text)
        # The match that starts first, the earlier alternative on a tie (an alternative's own
        # match: its `re` is the alternative's pattern, not the whole one).
        first = None
        for alternative in possible:
            match = alternative.compiled.search(text)
            if match is not None and (first is None or match.start() < first.start()):
                first = match
                if not match.start():  # none later can start earlier
                    break
        return first

    def match(self, text: str) -> regex.Match[str] | None:
        if self._ruled_out(text):
            return None
        possible = self._possible_alternatives(text)
        if possible is None:
            return self.compiled.match(text)
        for alternative in possible:  # at the start, the first alternative that matches
            match = alternative.compiled.match(text)
            if match is not None:
                return match
        return None

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        return iter(()) if self._ruled_out(text) else self.compiled.finditer(text)

    def findall(self, text: str) -> list[Any]:
        return [] if self._ruled_out(text) else self.compiled.findall(text)

    def sub(self, replacement: str, text: str) -> str:
        return text if self._ruled_out(text) else self.compiled.sub(replacement, text)


class Phrases:
    """Phrase patterns, each tried only when one of its trigger words is in the text.

    One big alternation in `regex` costs about a millisecond on a 200-character post;
    most posts contain none of a pattern's words, so gating keeps all post rules
    together well under 100 microseconds.
    """

    __slots__ = ("_by_word", "_patterns", "_triggers")

    def __init__(
        self,
        entries: Iterable[tuple[str, str]],
        flags: int = re.IGNORECASE | re.VERBOSE | re.MULTILINE,
    ) -> None:
        entries = list(entries)
        self._patterns = tuple(Lazy(pattern, flags) for _, pattern in entries)
        by_word: dict[str, list[int]] = {}
        for index, (triggers, _) in enumerate(entries):
            for word in triggers.split():
                by_word.setdefault(word, []).append(index)
        # word -> the patterns it may start, so a post with two trigger words costs two
        # lookups rather than a pass over every pattern
        self._by_word = {word: tuple(indexes) for word, indexes in by_word.items()}
        self._triggers = frozenset(self._by_word)

    @property
    def triggers(self) -> frozenset[str]:
        """Every word one of the patterns needs: a text with none of them matches none."""
        return self._triggers

    def possible(self, text: str) -> bool:
        """True when some pattern's trigger word is in `text` (a set lookup, no regex)."""
        return not self._triggers.isdisjoint(words_of(text))

    def search(self, text: str, words: frozenset[str] | None = None) -> regex.Match[str] | None:
        """The match of the first pattern (in declaration order) that matches `text`.

        `words` stands in for the words of `text` when the caller adds marks of its own.
        """
        # One set test answers "no trigger word at all" for most posts at once (without
        # building the intersection, which only the few posts with a trigger need).
        if words is None:
            words = words_of(text)
        if self._triggers.isdisjoint(words):
            return None
        present = self._triggers.intersection(words)
        if len(present) == 1:
            order: Iterable[int] = self._by_word[next(iter(present))]
        else:
            order = sorted({i for word in present for i in self._by_word[word]})
        for index in order:
            match = self._patterns[index].search(text)
            if match:
                return match
        return None


# Whom a service is for: "we run TikTok for small brands", "I design menus for food brands".
_CLIENTS = (
    r"(?:agencies|brands|businesses|companies|founders|coaches|startups|teams|clinics|shops|stores|restaurants|cafes"
    r"|creators|gyms|salons|bakeries|dentists|practices|retailers|schools|charities|nonprofits|firms|lawyers"
    r"|accountants|therapists|realtors|agents|hotels|venues|influencers|artists|musicians|authors|podcasters"
    r"|b2b|saas|ecommerce|e-commerce|d2c|dtc)"
)
_CLIENT_WORDS = (
    "agencies brands businesses companies founders coaches startups teams clinics shops stores restaurants cafes "
    "creators gyms salons bakeries dentists practices retailers schools charities nonprofits firms lawyers "
    "accountants therapists realtors agents hotels venues influencers artists musicians authors podcasters "
    "b2b saas ecommerce d2c dtc"
)
# A service statement: the author does something for a kind of client (not "we cooked for
# friends", not "I voted for teams that..."): one half of a cold pitch.
_SERVICE = (
    r"""\b(?:we|i)\s+(?!(?:were|was|had|did|went|got|are|am|love|loved|met|saw|spoke|talked|asked|worked|think|thought
    |feel|felt|need|needed|want|wanted|hope|know|knew|cook|cooked|shop|shopped|voted|pay|paid|buy|bought|root|rooted
    |cheer|cheered|fell|fall|care|cared|stand|stood|fight|fought)\b)[\w-]+(?:\s+(?:and|&)\s+[\w-]+)?\s+
    (?:[\w-]+\s+){0,4}?for\s+(?:\d+\+?\s+)?(?:[\w-]+\s+){0,2}?"""
    + _CLIENTS + r"\b"
)

# Words the sales patterns share.
_ACQUIRE = r"(?:buy|grab|get|order|book|claim|secure|snag|save|shop|join|enrol|enroll|register|sign\s+up|subscribe|own|access)"
_OFFER_NOUN = r"(?:discount|deal|offer|sale|early[-\s]bird|tickets?|seats?|spots?|pricing|price|bundle|code)"
_PRICE = r"[$\u20ac\u00a3]\s?\d[\d,]*(?:[.,]\d{1,2})?(?:\s?(?:k|m|bn))?\b"  # "$1k", "£1.5k" too
_RESULT = (
    r"(?:followers|leads|appointments|meetings|calls|clients|customers|bookings|sales|subscribers"
    r"|sign-?ups|demos|results|traffic|views|conversions|patients|students)"
)
# Before a number of followers the account itself reached ("We just hit 10k followers",
# "Thanks to you for 50k subscribers"): a milestone, not results promised. Never inside a number.
# Asked only where a number starts (the look-ahead): at every position of a long post the
# look-behind cost ~1.7x the whole search.
_REACHED = (
    r"""(?=[\d,.])(?<!\b(?:hit|hits|hitting|reached|reaching|passed|passing|crossed|crossing|surpassed|topped|celebrating|celebrate
    |celebrates|(?:us|we)\s+reach|(?:thanks|thank\s+you)(?:\s+(?:to\s+)?(?:you|y'?all|everyone|all\s+of\s+you|all))?\s+for)
    \s+(?:just\s+)?(?:over\s+|more\s+than\s+|the\s+|our\s+)?)(?<![\d.,])"""
)
_PRICE_LIST = r"(?:price\s+list|pricing|prices|rates|rate\s+card|packages|proposal|a\s+quote|brochure|media\s+kit)"

# For the poaching phrase, each asked after the phrase's first word (so the engine seeks that word
# first, not every position of a long post): that the word opens its sentence (a command); that
# no word before it makes it none (a condition, advice, a story); "us" the people (not "US" or
# "us-east-1"), ending its clause; and whom a client is told to leave.
_OPENS = r"(?<=(?:^|[.!?:;\u2026\u2014-][\"'\u201d\u2019)]*\s+)\w+)"
_NOT_TOLD = (r"(?<!\b(?:don'?t|don\u2019t|do\s+not|never|not|if\s+you|when\s+you|why\s+(?:we|i|you|they)|should"
             r"|would|could|to|will|won'?t|helping|help|helped)\s+\w+)")
_US = (r"(?-i:us|Us)(?![-\w])(?=\s*(?:$|[.!,:;)\u2014\u2013-]|\s+(?:today|now|instead|and|this\s+(?:week|month)"
       r"|for\s+(?:a\s+)?(?:better|real|half|less|free|faster))\b))")
_THEM = (r"(?:agency|agencies|provider|vendor|freelancer|smm|social\s+media\s+(?:manager|agency)|marketing\s+agency"
         r"|pr\s+(?:firm|agency)|consultant|marketer)")

# Direct-response and offer language: the hard sell. Tolerant of wording: the patterns
# read phrases, not single keywords, so "shares fell 3%", "20% off target" or "a limited
# edition of the report" stay quiet.
_HARD_SELL = Phrases(
    [
        ("now today here before",
         r"""\b(?:buy|order|shop|grab|get|claim)
         (?<!\b(?:us|me|you|them|we|i|they|to|can|could|will|would|'ll|should|must|might|did|didn't|never|helped|help
           |let|finally|just|how|where)\s+\w+)\s+(?:it\s+|yours\s+|one\s+|them\s+
         |your\s+(?:[\w-]+\s+)?(?:copy|copies|ticket|tickets|seat|spot|place|pass|kit|bundle|order|access)\s+
         |the\s+(?:[\w-]+\s+)?(?:bundle|deal|offer|pack|kit|course|template|templates|book|ebook|guide|tickets?)\s+)?
         (?:now|today|here|before)\b(?!['\u2019]s)(?!\s+buttons?\b|\s*,?\s+pay\s+later\b)"""),
        ("act", r"\bact\s+(?:now|fast|today)\b"),
        ("limited",
         (r"\blimited[-\s](?:time\b(?!\s+(?:with|for|to|and|in|on|of)\b)|offer|spots?|slots?|seats?|places?|availability|stock"
          r"|appointments|tables|tickets|dates|spaces)\b")),
        # An offer for newcomers, and a price set against what it usually is: "First facial £35 (usually £55)"
        ("offer deal discount price special",
         r"""\b(?:new\s+(?:client|customer|patient|member|student)|intro(?:ductory)?|welcome|first[-\s]time)\s+(?:offer|deal|discount|price|special)\b"""),
        ("usually normally was rrp instead reduced",
         rf"""{_PRICE}[^.!?\n]{{0,20}}?\(?\s*(?:usually|normally|was|rrp|instead\s+of|down\s+from|reduced\s+from)\s+{_PRICE}"""),
        # The product shown on a call: "Fancy a quick demo on Thursday?"
        ("demo walkthrough walk-through discovery intro sales",
         r"""\b(?:fancy|up\s+for|keen\s+on|open\s+to|interested\s+in)\s+(?:a|an)\s+(?:quick\s+|short\s+|brief\s+|free\s+|live\s+)?
         (?:\d+[-\s]?min(?:ute)?\s+)?(?:demo|walkthrough|walk-through|discovery\s+call|intro\s+call|sales\s+call)\b[^?\n]{0,40}\?"""),
        (("spots spot seats seat places place copies units unit left slots slot tables table spaces space dates date "
          "appointments rooms weekends"),
         r"""\bonly\s+\d+\s+(?:spots?|slots?|seats?|places?|copies|units?|left)\b
         | \b(?:one|\d+|two|three|four|five|last)\s+(?:[\w-]+\s+)?(?:slots?|spots?|slots?|seats?|places?|spaces?|tables?|dates?
           |appointments?|rooms?|weekends?)\s+left\b"""),
        ("fast quickly",
         r"""\b(?:spots?|slots?|seats?|places?|tables?|tickets?|spaces?|dates?|rooms?)\s+(?:are\s+|always\s+|usually\s+|tend\s+to\s+)?
         (?:filling|going|go|fill|selling|sell|booking|book|get\s+snapped|getting\s+snapped)\s+(?:up\s+|out\s+)?(?:really\s+|very\s+|so\s+)?
         (?:fast|quickly|quick)\b"""),
        ("off",
         r"""\b\d{1,3}\s?%\s?off\b(?<!\b(?:ran|run|running|tried|tested|did|trialled|trialed)\s+(?:a|an|the|our|their)\s+[^\s]+\s?off)
         (?!\s+(?:target|track|pace|peak|plan|test|tests|experiment|the\s+(?:mark|pace|peak|high)))"""),
        ("save", r"\bsave\s+(?:up\s+to\s+)?\d{1,3}\s?%"),
        ("sale deal deals offer pricing price discount rate bundle special free",
         r"""\b(?:flash|black\s+friday|cyber\s+monday)\s+(?:sale|deals?|offer|pricing|bundle|special|discount)\b
         | \bfor\s+the\s+price\s+of\s+(?:one|1|two|2)\b | \bbuy\s+(?:\d+|one|two|three)[,\s]+get\s+(?:\d+|one|two)\s+(?:free|half)
         | \b(?:2|two)[-\s]for[-\s](?:1|one)\b
         | \b(?:special|exclusive|introductory|early[-\s]bird)\s+
           (?:offer|deal|pricing|price|discount|rate)\b"""),
        ("1 2 3 two three bogof",
         r"\b(?:2|two)[-\s]for[-\s](?:1|one)\b(?!\s+(?:rule|principle|ratio))|\b(?:3|three)[-\s]for[-\s](?:2|two)\b(?!\s+(?:rule|principle|ratio))|\bbogof\b"),
        ("ends end",
         r"""\b(?:sale|offer|deal|discount|pricing)\s+ends?\s+
         (?:today|tonight|tomorrow|soon|at\s+midnight|on\s+\w+|\w+day)\b"""),
        ("price prices", r"\bprices?\s+(?:go|goes|rise|rises|increase|increases|jump|jumps)\s+(?:up\s+)?(?:on|at|after|from|soon|tomorrow|next|in)\b"),
        ("call demo consultation session",
         r"""\b(?<!\b(?:could|can|shall|should|may)\s+(?:we|i)\s+)(?:book|schedule|grab|hop\s+on|jump\s+on|set\s+up|claim
         |reserve)\s+(?:(?:a|an|your)\s+(?:[\w-]+\s+){0,3}?)?(?:call|demo|consultation|session)\b"""),
        ("call chat demo meeting",
         r"""\b(?:open|free|available)\s+(?:to|for)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:call|chat|demo|meeting)\b"""),
        ("pricing prices rates quote details offer discount kit card packages",
         r"""\b(?:(?:dm|message|inbox|pm|email|contact)\s+(?:me|us)|slide\s+into\s+(?:my|our)\s+dms)\s+(?:for|to\s+get|about)\s+
         (?:(?:the|our|my)\s+)?(?:[\w-]+\s+(?:and|&)\s+)?(?:media\s+kit|rate\s+card|packages|pricing|prices|rates|a\s+quote|details
           |the\s+offer|a\s+discount)"""),
        ("guarantee guaranteed guarantees",
         rf"""\bguarantee[sd]?(?<!\b(?:no|not|never|aren't|isn't)\s+guarantee[sd]?)
         (?<!\b(?:if|when|whenever|unless)\s+(?:a|an|any|the|some|your)?\s*[\w-]+\s+guarantee[sd]?)
         (?<!\b(?:they|he|she|who|which|anyone|someone|nobody|vendor|vendors|agencies|agency|gurus?)\s+guarantee[sd]?)\s+(?:you\s+)?(?:at\s+least\s+|up\s+to\s+)?(?:[\w-]+\s+){{0,2}}?
         (?:results|roi|growth|leads|sales|success|rankings|\d+\s?x\b|[\d,.]+\s*k?\+?\s+(?:\w+\s+){{0,2}}?{_RESULT}
           |\d+\s?%\s+(?:more|increase|growth|roi|uplift)|more\s+{_RESULT}
           |(?:that\s+)?(?:you'?ll|you\s+will)\s+(?:get|see|gain|grow|double|triple|hit|reach|rank))
         | \b(?:money[-\s]back|satisfaction)\s+guarantee\b
         | \b{_RESULT}\b[^!?\n]{{0,40}}?[,.:;\u2014\u2013-]?\s*guaranteed\b(?!\s+(?:to|way))"""),
        # Results promised to the reader: "we can book 20 qualified appointments a month",
        # "5,000 real followers every month", "we'll grow your audience 10x".
        ("followers leads appointments meetings calls clients customers bookings sales subscribers signups sign demos results traffic views conversions patients students page google audience engagement reach revenue income business 10x",
         rf"""\b(?:we'?ll|we\s+will|we\s+can|i'?ll|i\s+will|i\s+can|let\s+(?:us|me))\s+(?:help\s+(?:you\s+)?)?
         (?:get|bring|book|deliver|generate|drive|land|send|add|fill|put|grow|double|triple|10x|boost|increase
           |skyrocket|scale)\s+(?:you\s+|your\s+)?(?:[\w-]+\s+){{0,3}}?
         (?:[\d,.]+\s*k?\+?\s+(?:[\w-]+\s+){{0,2}}?{_RESULT}|{_RESULT}|by\s+[\d,.]+|[\d,.]+\s?(?:x|%)
           |on\s+(?:the\s+)?(?:first|front)\s+page|(?:to\s+)?(?:the\s+)?top\s+of\s+google)\b"""),
        # (not "I've been getting 2/3 calls a day from a telemarketer": a complaint, not a promise)
        ("followers leads appointments bookings clients customers subscribers signups sign patients students",
         r"""(?<!\b(?:getting|receiving|received|got|gained|had|saw|seen|averaging|averaged)\s+(?:[\w/]+\s+)?)
         \b\d[\d,.]*\s*k?\+?\s+(?:(?:new|more|real|qualified|targeted|organic|extra|fresh|warm|booked|active)\s+){0,2}
         (?:followers|leads|appointments|bookings|clients|customers|subscribers|sign-?ups|patients|students)\s+(?:(?:a|per|every|each)\s+(?:day|week|month)|on\s+autopilot)"""),
        ("fee pay results",
         r"""\bno\s+(?:results|leads|sales|growth),?\s+no\s+(?:fee|pay|charge|invoice)\b
         | \b(?:or|else)\s+you\s+don'?t\s+pay\b | \bpay\s+only\s+for\s+results\b"""),
        ("risk", r"\brisk[-\s]free\b"),
        ("money refund", r"\bor\s+(?:(?:your|you\s+get\s+your)\s+money\s+back|(?:we\s+|we'?ll\s+)?refund\s+(?:you|your)|it'?s\s+free)\b"),
        ("now today",
         r"\b(?:sign\s+up|register|subscribe|enrol|enroll|join|upgrade|pre-?order|order)\s+(?:now|today)\b(?!['\u2019]s)"),
        ("here", r"\bupgrade\s+here\b"),  # "Premium members get priority support, upgrade here: <link>"
        ("last", r"\b(?:deal|offer|price|prices|discount|sale|pricing)s?\s+(?:won'?t|will\s+not|doesn'?t|don'?t)\s+last\b"),
        ("code coupon voucher",
         r"""\b(?:discount|promo|coupon|voucher)\s+code\b
         | \b(?:use|with|using|enter|apply)\s+(?:the\s+)?(?:code|coupon|voucher)\s*:?\s*["'\u201c]?(?-i:[A-Z][A-Z0-9]{2,})\b"""),
        ("off",
         rf"""{_PRICE}\s+off\s+(?:this\s+(?:week|weekend)|today|tonight|until|everything|all|your|with|when|for\s+(?:the\s+)?(?:first|next))\b"""),
        ("free", r"""\bfree(?<!\b(?:nobody|no\s+one|never|don'?t|doesn'?t|didn'?t|not|hate|hates)\s+(?:[\w-]+\s+){0,2}free)\s+(?:[\w-]+\s+){0,2}?(?:trial|consultation|audit|quote|strategy\s+call)\b
         (?!\s+(?:of|template|templates|checklist|guide|worksheet|sheet|spreadsheet|pdf|kit|tool|ended|expired|ran|runs|has|had|was
           |is\s+over|ends|expires|finishes|will\s+(?:end|expire)|is\s+(?:ending|expiring))\b)"""),
        ("lowest", r"\blowest\s+prices?\s+(?:of\s+the\s+(?:year|season)|ever|guaranteed|in\s+town)\b"),
        ("click tap",
         r"""\b(?:click|tap)\s+(?:the\s+link|here|below|the\s+button)\s+(?:to|and)\s+
         (?:buy|order|purchase|shop|book|sign\s+up|get\s+(?:yours|started|access))\b"""),
        ("reply comment dm type text message",
         r"""\b(?:reply|comment|dm|type|text|message)\s+(?:me\s+|us\s+)?["\u201c']?(?-i:[A-Z]{2,})["\u201d']?
         (?=\s*(?:[.!]|$)|\s+(?:and\s+(?:i'?ll|we'?ll|i\s+will|we\s+will)\s+(?:send|dm|share|message|email|show|walk|explain|give
           |teach|tell|reveal)|to\s+(?:get|claim|grab
           |receive|join|book|start)|for\s+(?:the|details|info|access|pricing|a\b|more|my|our)|below)\b)"""),
        # The price list offered: "want me to send over the price list?", "I'll send you our packages"
        ("send sending share email forward",
         rf"""\b(?:send|sending|share|email|forward)
         (?<!\b(?:could|can|would|will|please|pls|kindly)\s+(?:you\s+)?(?:please\s+)?(?:send|sending|share|email|forward))
         \s+(?:you|over|across|through|the|our|my)\b
         (?:\s+(?!(?:me|us)\b)[\w'-]+){{0,5}}?\s+{_PRICE_LIST}\b"""),
        ("list card pricing prices rates packages proposal quote brochure kit",
         rf"""\b(?:here'?s|here\s+(?:is|are)|attached\s+(?:is|are)|see|check\s+out|view|download)\s+(?:the|our|my)\s+
         {_PRICE_LIST}\b"""),
        ("limited close closes doors cart",
         r"""\b(?:spots?|slots?|seats?|places?|spaces?)\s+(?:are\s+)?(?:very\s+|strictly\s+)?limited\b
         | \b(?:doors|cart|enrol?ment|wait-?list|wait\s+list|pre-?orders)\s+(?:closes?|shuts?)\s+(?:tonight|at\s+midnight|today|tomorrow|soon
           |on\s+\w+|\w+day|in\s+(?:\d+|a\s+few|two|three)\s+(?:hours?|days?))\b"""),
        ("left",
         r"""\b(?:only\s+|just\s+)?(?:a\s+(?:week|day|few\s+(?:days|hours))|\d+\s+(?:days?|hours?)|hours|days)\s+left\s+to\s+
         (?:get|order|buy|grab|claim|book|shop|save|place|snap\s+up|lock\s+in)\b"""),
        ("founding",
         r"""\bfounding\s+(?:client|member|customer|subscriber|partner)s?(?:'|'s)?\s+(?:rate|price|pricing|discount|offer)\b
         | \b(?:keep|lock\s+in|locked\s+in)\s+(?:their|your|the|this)\s+(?:rate|price|pricing)\s+for\s+life\b"""),
        # Asking for the meeting: "worth a chat?", "do you have 15 minutes this week for a demo?"
        ("worth",
         r"""\bworth\s+a\s+(?:quick\s+|short\s+|brief\s+)?(?:\d+[-\s]?min(?:ute)?\s+)?
         (?:chat|call|conversation|convo|meeting|demo|intro|catch-?up)\b[^.!?\n]{0,50}\?"""),
        ("minutes mins min minute",
         r"""\b(?:do\s+you\s+have|have\s+you\s+got|got|could\s+you\s+spare|can\s+you\s+spare|free\s+for)\s+
         (?:a\s+few|\d+|five|ten|fifteen|twenty|thirty)\s*[-\s]?min(?:ute)?s?\b
         [^.!?\n]{0,40}\b(?:call|chat|demo|meeting|catch-?up|zoom|conversation)\b"""),
        ("call chat demo meeting connect talk",
         r"""\b(?:when(?:'s|\s+is|\s+would\s+be)|what'?s)\s+a\s+good\s+time\s+(?:for|to)\s+
         (?:a\s+)?(?:quick\s+|short\s+)?(?:call|chat|demo|meeting|connect|talk|hop\s+on)\b"""),
        ("hurry secure reserve enroll enrol stocks stock book claim",
         r"""\bhurry\b(?!\s+up\s+and\s+wait)(?=[^.\n]{0,60}(?:end|ends|left|last|offer|sale|ticket|seat|spot|price|%|\$))
         | \b(?:secure|reserve|claim|book)\s+your\s+(?:spot|seat|place|slot|ticket|copy|date|booking|session|table)\b
           (?!\s+(?:in|on|at)\s+the\s+(?:sun|shade|sofa|beach|grass|lawn|queue))
         | \b(?:enrol|enroll|register|book)\s+(?:now|today)\b
         | \bwhile\s+(?:stocks?|supplies|spaces?)\s+last\b"""),
        # A price for a few days only, or the price it goes back to: the clock as the reason to buy.
        ("only back",
         rf"""{_PRICE}[^.!?\n]{{0,40}}?\b(?:this\s+(?:week|weekend|month)|today|tonight|(?:for\s+)?(?:\d+|one|two|three)\s+(?:days|hours))\s+only\b
         | \b(?:this\s+(?:week|weekend)|today|tonight|(?:\d+|one|two|three)\s+(?:days|hours))\s+only\b[^.!?\n]{{0,40}}?{_PRICE}
         | \b(?:goes|go|going|jumps?|returns?)\s+back\s+(?:up\s+)?to\s+{_PRICE}"""),
        ("gone last final copies units tickets prints bottles boxes pieces",
         r"""\bonce\s+(?:they'?re|it'?s|they\s+are|it\s+is)\s+gone,?\s+(?:they'?re|it'?s|they\s+are|it\s+is)\s+gone\b
         | \b(?:last|final)\s+(?:\d+|few|two|three|four|five|six|handful\s+of)\s+(?:[\w-]+\s+)?(?:copies|units|tickets|prints|bottles
           |boxes|pieces|bundles|kits|seats|spots|places)\b(?!\s+(?:sold|went|were|have|had|got|are\s+(?:gone|sold)))"""),
        ("before gone",
         r"\b(?:get|grab|order|buy|claim)\s+(?:yours|one|it|them)\s+before\s+(?:they'?re|it'?s|they\s+are)\s+gone\b"),
        ("early bird tickets end ends",
         r"\bearly[-\s]?bird\s+(?:tickets?|pricing|prices?|rates?|offer|discount|spots?)\s+(?:ends?|closes?|expires?)\b"),
        ("link discount",
         r"\b(?:use|with)\s+(?:my|our)\s+(?:link|code|affiliate\s+link)\s+(?:for|to\s+get)\s+\d{1,3}\s?%"),
        # "last chance to grab the print", not "last chance to say goodbye to the old office"
        ("chance",
         rf"""\b(?:last|final)\s+chance\s+(?:to\s+(?:\w+\s+)?{_ACQUIRE}\b|for\s+(?:the\s+|our\s+)?{_OFFER_NOUN})
         | \b(?:last|final)\s+chance\b(?=[^.!?\n]{{0,50}}(?:{_PRICE}|\d\s?%|\b{_OFFER_NOUN}))"""),
        ("miss", r"\bdon'?t\s+miss\s+(?:out|this\s+(?:offer|deal))\b"),
        # A price offered, not a price mentioned: "for only $19" after get/grab/our course,
        # "packages start at $499", "starting at just $9.99". "Only $8.98 for a coffee" is a joke.
        ("only just for starting start starts from",
         rf"""\b(?:{_ACQUIRE}|our|my)\b[^.!?\n]{{0,60}}?\b(?:for|at)\s+(?:only|just)\s+{_PRICE}
         | \b(?:starting|start|starts|begin|begins)\s+(?:at|from)\s+(?:only\s+|just\s+)?{_PRICE}
         | \b(?:packages?|plans?|pricing|prices|rates|memberships?|retainers?|sessions?|courses?|programmes?|programs?)
           \s+(?:start|starts|begin|begins|from|starting)\s+(?:at\s+|from\s+)?(?:only\s+|just\s+)?{_PRICE}
         | \b(?:we|i)\s+offer\s+(?:\w+\s+){{0,3}}?from\s+(?:only\s+|just\s+)?{_PRICE}"""),
        ("10x double triple skyrocket explode",
         r"""\b(?:10x|double|triple|skyrocket|explode)\s+your\s+
         (?:sales|revenue|leads|followers|income|roi|business|growth|traffic)\b"""),
        ("help work partner support",
         r"\b(?:we|i)\s+(?:help|work\s+with|partner\s+with|support)\s+(?:[\w-]+\s+){1,3}?like\s+(?:you|yours)\b"),
        ("help",
         r"""\bi\s+help\s+(?:\S+\s+){1,4}?(?:to\s+)?
         (?:scale|grow|generate|land|close|10x|double|triple)\b"""),
        # Poaching a competitor's clients: "Switch to us today", "Ditch your agency", "Fire them and
        # hire us". Not a condition or a story ("if you switch to us", "helping Luma make the
        # switch to TikTok"), advice ("should you ditch your agency?", "don't fire your agency
        # before reading this"), the country ("move to US stores") or a room ("move over to us on
        # Thursday for lunch"): a command to leave them opens its sentence, and "us" ends one.
        ("switch move come",
         rf"""\b(?:switch|move|come){_NOT_TOLD}(?:\s+over)?\s+to\s+(?:{_US}|our\s+(?:team|agency|studio|service)\s+(?:today|now)\b)"""),
        ("ditch dump fire drop",
         rf"""\b(?:ditch|dump|fire|drop){_OPENS}\s+(?:your\s+(?:[\w-]+\s+)?{_THEM}\b(?!\s+(?:a|an)\s+(?:line|email|note|message|review)\b)
           |them\s+and\s+(?:hire|switch\s+to|come\s+to|try)\s+us\b)"""),
        ("switch",
         rf"""\b(?:switch{_OPENS}|make{_OPENS}\s+the\s+switch)\s+to\s+(?-i:[A-Z][\w-]+)\s+(?:today|now)\b
         | \bmake{_OPENS}\s+the\s+switch\s+(?:now|today)\b | \btime\s+to\s+switch\s+agencies\b"""),
        ("leave", rf"\bleave{_OPENS}\s+your\s+(?:[\w-]+\s+)?{_THEM}\s+behind\b"),
        ("try", rf"\btry{_OPENS}\s+us\s+(?:free|for\s+(?:free|\d+|a|one|two|three)|today|now)\b"),
        ("move bring transfer",
         rf"\b(?:move|bring|transfer){_OPENS}\s+your\s+(?:account|accounts|business|socials?|brand)\s+(?:over\s+)?to\s+us\b"),
    ]
)

# Pointing at the author's own new thing: promotion, but not a hard sell.
_SELF_PROMO = Phrases(
    [
        ("our my",
         r"""
    \bcheck\s+out\s+(?:our|my)\s+(?:new|latest)\b
  | \b(?:our|my)\s+(?:new|latest)\s+(?:blog\s+)?(?:post|article|episode|video|course|ebook|e-book|
      product|offer|webinar|guide|report|podcast|newsletter|book|case\s+study|whitepaper)\b
    """),
    ]
)


# A cold pitch is two acts, each harmless alone: an offer of results ("we get brands 40+
# booked calls a month", "3x more inbound leads", "I run an agency that helps...") and a
# call to take it up ("Interested?", "are you free Thursday for a quick chat?", "shall I
# send details?"). Together they are the pitch, in a DM or a post.
_OFFER = Phrases(
    [
        ("help helps get gets deliver delivers offer provide run specialise specialize place generate generates book "
         "books drive build create design develop set launch scale partner work double triple 10x grow boost increase",
         rf"""\b(?:we|i)\s+(?:help|deliver|offer|provide|run|specialise|specialize|place|generate|book|drive|build|create
           |design|develop|partner\s+with|work\s+with)\b
         | \b(?:we|i)\s+(?:double|triple|10x|grow|boost|increase)\s+(?:your\s+)?(?:[\w-]+\s+){0,2}?(?:{_RESULT}|revenue|reach
           |engagement|pipeline|rankings?)\b
         | \b(?:we|i)\s+get\s+(?:you|your|(?:[\w-]+\s+){0,2}?(?:brands|businesses|clients|companies|founders|coaches
           |agencies|teams|people|shops|stores|startups))\b
         | \b(?:agency|company|firm|team|studio|consultancy|service|platform|tool)\s+that\s+(?:helps|gets|delivers|generates|books)\b"""),
        (_CLIENT_WORDS + " doubled tripled grew increased boosted love like happy able",
         _SERVICE + r"""
         | \b(?:we|i)\s+(?:doubled|tripled|grew|increased|boosted|10x'?d)\s+(?:[\w-]+\s+){0,3}?for\s+
         | \b(?:love|like|happy|able|glad)\s+to\s+offer\s+(?:you|your)\b"""),
        ("produce create deliver write shoot make design build edit film",
         r"""\b(?:we|i)\s+(?:can|could|will|'ll)\s+(?:produce|create|deliver|write|shoot|make|design|build|edit|film)\s+
         (?:you\s+)?(?:up\s+to\s+)?\d+\s+(?:[\w-]+\s+){0,2}?(?:a|per|every|each)\s+(?:week|month)\b"""),
        ("more x",
         rf"""\b(?:more|extra|\d+\s?x\s+(?:more\s+)?|{_REACHED}[\d,.]+\s*k?\+)\s+(?:[\w-]+\s+){{0,2}}?
         (?:{_RESULT}|demos|revenue|engagement|reach|inbound)\b"""),
        ("write create manage run handle build design produce deliver grow get double triple book bring generate "
         "care cut reduce boost increase save",
         r"""\b(?:we'?ll|we\s+will|we\s+can|we\s+could|i'?ll|i\s+will|i\s+can|i\s+could
           |our\s+(?:agency|team|studio|company|service|tool|platform)\s+(?:can|could|will))\s+(?:help\s+(?:you\s+)?)?
         (?:write|create|manage|run|handle|build|design|produce|deliver|grow|get|double|triple|book|bring|generate
           |take\s+care\s+of|cut|reduce|boost|increase|save|set\s+up|launch|scale)\s+(?:[\w-]+\s+){0,5}?(?:for\s+)?(?:you|your)\b"""),
        ("reaching agency studio consultancy firm company platform tool service app software product solution helped",
         r"""\b(?:i'?m|we'?re|i\s+am|we\s+are)\s+reaching\s+out\b
         | \b(?:we'?ve|we\s+have|i'?ve|i\s+have)\s+helped\s+(?:over\s+)?[\d,]+\+?\s+
         | \b(?:we'?re|we\s+are)\s+an?\s+(?:[\w-]+\s+){0,2}?(?:agency|studio|consultancy|firm|company)\b
         | \bour\s+(?:[\w-]+\s+){0,2}?(?:platform|tool|service|app|software|product|solution|system)\s+
           (?:cuts|helps|saves|doubles|triples|boosts|increases|reduces|gets|delivers|grows)\b"""),
        ("show walk",
         r"\b(?:show|walk)\s+(?:you\s+)?(?:through\s+)?(?:what|how)\s+(?:we|i)\s+(?:do|can|could|did\s+for|work|helped)\b"),
        ("done guaranteed our",
         rf"""\bdone[-\s]for[-\s]you\b | \bguaranteed\s+(?:engagement|results|growth|{_RESULT})
         | \bour\s+(?:services?|packages?|solution|offer(?:ing)?|programme|program|retainer)\b"""),
    ]
)
_TAKE_UP = Phrases(
    [
        ("interested interest",
         r"""\binterested\s*\? | \bany\s+interest\b | \binterest(?:ed)?\s+in\s+a\s+(?:quick\s+|short\s+)?(?:call|chat|demo)\b | \b(?:would|are)\s+(?:you|u)\s+(?:be\s+)?interested\b
         | \blet\s+me\s+know\s+if\s+(?:you'?re|you\s+are|you'?d\s+be)\s+interested\b"""),
        ("interest useful helpful interesting worth",
         r"""\b(?:would|could|might)\s+(?:that|this|it)\s+be\s+(?:of\s+(?:any\s+)?interest|useful|helpful|interesting
           |worth\s+(?:a|exploring|discussing))\b"""),
        ("want fancy need",
         r"""\b(?:want|fancy|need)(?<=(?:^|[.!?,:;\u2014\u2013]\s*)(?:want|fancy|need))
         \s+(?:a|an|the|me\s+to|us\s+to|in|some|our|my)\b[^.!?\n]{0,40}\?"""),
        ("worth exploring discussing",
         r"""\b(?:worth|open\s+to)\s+(?:exploring|discussing|a\s+(?:conversation|look|try|trial))\s*\?"""),
        ("monday tuesday wednesday thursday friday tomorrow free",
         r"""\b(?:monday|tuesday|wednesday|thursday|friday|tomorrow)\s+at\s+\d{1,2}(?::\d\d)?\s*(?:am|pm)?\s*\?
         | \b(?:are\s+you\s+)?free\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|tomorrow|this\s+week|next\s+week)
           (?:\s+(?:morning|afternoon|for\s+\w+))?\s*\?"""),
        ("keen show walk hold reserve save",
         r"""\b(?:keen|happy|love)\s+to\s+(?:show|walk)\s+you\s+(?:how|what|through)\b
         | \bwant\s+me\s+to\s+(?:hold|reserve|save|keep|pencil)\b"""),
        # routing a cold message: "are you the right person...?", "who would be best to speak to?"
        ("right best person",
         r"""\bare\s+you\s+the\s+(?:right|best)\s+person\b
         | \bwho\s+(?:would|'?d|is|'s)\s+(?:be\s+)?(?:the\s+)?(?:best|right)\s+(?:person\s+)?to\s+(?:speak|talk)\s+(?:to|with)\b"""),
        ("call chat demo meeting intro conversation catch coffee",
         r"""\b(?:(?:are|would)\s+(?:you|u)\s+(?:be\s+)?)?(?:free|open|available|up)(?:\s+\w+){0,2}?\s+(?:for|to)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?
         (?:quick\s+|short\s+|brief\s+)?(?:\w+\s+)?(?:call|chat|demo|meeting|intro|conversation|catch-?up|coffee)\b"""),
        ("open next",
         r"""\b(?:would|are)\s+(?:you|u)\s+(?:be\s+)?open\s+to\s+\w+ing\b
         | \bcould\s+(?:your|you)\s+(?:[\w-]+\s+){0,2}?be\s+next\s*\?"""),
        ("send share show walk set book hold reserve",
         r"""\b(?:shall|should|can|could|may)\s+(?:i|we)\s+(?:send|share|show|walk|set\s+(?:up|you\s+up)|book\s+you|hold|reserve)\b
         | \bwant\s+me\s+to\s+(?:send|share|show)\b
         | \bhappy\s+to\s+(?:share|show|walk|send)\s+(?:you\s+)?(?:how|more|details|the\s+details|what)\b
         | \b(?:send|share)\s+(?:you\s+)?(?:more\s+)?(?:details|info)\s*\?"""),
        ("learn hear know find like quote looking mins minutes",
         r"""\b(?:would\s+you\s+like|do\s+you\s+want|want)\s+to\s+(?:learn|hear|know|find\s+out)\s+more\b
         | \blet\s+me\s+know\s+if\s+(?:you'?d|you\s+would)\s+(?:like|want|love)\s+(?:a|to|more|me|us|the)\b
         | \bare\s+you\s+(?:looking\s+for|struggling\s+(?:to\s+get|with))\s+(?:more\s+)?(?:clients|leads|customers|sales
           |growth|followers|bookings|traffic)\b
         | \b\d+\s*(?:mins?|minutes)\s+(?:this|next)\s+(?:week|month|\w+day)\s*\?"""),
        ("time",
         r"""\b(?:do\s+you\s+have|have\s+you\s+got|got|any)\s+(?:some\s+)?time\s+for\s+a\s+(?:[\w-]+\s+)?
         (?:call|chat|demo|meeting|catch-?up|conversation)\b"""),
        ("fancy love demo chat call",
         r"""\bfancy\s+a\s+(?:[\w-]+\s+){0,2}?(?:chat|call|coffee|demo|catch-?up)\b
         | \b(?:quick\s+|short\s+|free\s+)?(?:chat|call|demo)\s+(?:this|next)\s+(?:week|\w+day)\s*\?
         | \b(?:i'?d|we'?d|i\s+would|we\s+would)\s+love\s+to\s+(?:show|walk)\s+you\b"""),
        ("let",
         r"\blet\s+(?:me|us)\s+know\s*(?:[!.]|$)"),
        ("work keen chat call talk demo",
         r"""\bwould\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:call|chat|demo|meeting)\s+(?:[\w-]+\s+){0,3}?work\s*\?
         | \b(?:keen|up\s+for|happy|free)\s+(?:to|for)\s+(?:a\s+)?(?:quick\s+)?(?:chat|call|talk|demo)\s*\?"""),
        ("could minutes mins",
         r"""\bcould\s+we\s+(?:get|grab|find|book|schedule)\s+(?:\d+|a\s+few|some|a)\b
         | \b(?:\d+|a\s+few|fifteen|twenty|thirty|ten)\s+min(?:ute)?s\s+in\s+(?:the|your)\s+(?:diary|calendar)"""),
    ]
)


# Stands for a currency or % sign among a text's words (`words_of` never yields this sign).
_MONEY_WORD = "\u00a4"

# The handles a reply opens with ("@joe_b, @ana: ..."), each ended by a space, comma or colon:
# what follows is said to them, while the end of a handle is no word of the post
# ("@zappos_shop where is my parcel?" tells nobody to shop).
OPENING_HANDLES = r"(?:@[\w.-]+[\s,:]+)+"
# A clause starts a post or line, after its punctuation, after "to", after an emoji, or after
# the opening handles ("@joe_b Upgrade to Premium ...": the imperative is said to them).
# A pattern asks it after a look-ahead at the words that may follow: its look-behinds, tried
# at every position of a long post, cost ~3x the rest of the search.
_START = (r"(?:^|(?<=[.!?:;\n\u2013\u2014(]\s*)|(?<=\s-\s*)|(?<=\bto\s+)|(?<=\p{Extended_Pictographic}\ufe0f?\s*)"
          rf"|(?<=^\s*{OPENING_HANDLES}))")
# The parts of a sales message. One part alone is ordinary talk ("free advice", "DM us",
# "our clients grew 40%"); two different parts together are a pitch: "reserve yours today"
# plus "going fast", "1,000 new followers" plus "DM me", "our program" plus "open to exploring?".
_PARTS: tuple[tuple[str, Phrases], ...] = (
    ("price", Phrases([
        # a price or a percentage: tried only where a currency or % sign is
        (_MONEY_WORD,
         rf"""\b(?:for|now|only|just|from|at)\s+(?:only\s+|just\s+)?{_PRICE}
         | {_PRICE}\s*(?:flat\b|/\s?(?:mo|month|hr|hour|post)\b|per\s+(?:month|hour|post|head)\b|an?\s+(?:month|hour|post|head)\b)
         | \b\d{{1,3}}\s?%\s?(?:off|discount)\b | \bsave\s+(?:up\s+to\s+)?(?:{_PRICE}|\d{{1,3}}\s?%)
         | \bnormally\s+{_PRICE} | {_PRICE}\s+(?:instead\s+of|rather\s+than|down\s+from|reduced\s+from|(?:\(\s*)?was)\s+{_PRICE}
         | \bprices?\s+(?:drops?|falls?|cut|reduced|slashed)\s+to\s+{_PRICE}"""),
        # an offer in words
        ("free half lifetime bonus founder early bird access launch intro introductory special member vip discounted "
         "sale",
         r"""\bhalf[-\s]price\b
         | \b(?:a\s+)?free\s+(?:month|months|week|weeks|trial|audit|consultation|shipping|gift|session|strategy\s+call
           |setup|set-up|delivery|onboarding|installation|upgrade|bonus)\b(?!\s+(?:of|ran|runs|has|had|was|expired|ended)\b)
         | \b(?:\d+|one|two|three|a|first)\s+(?:months?|weeks?)\s+free\b | \bfirst[ \t]+(?:[\w-]+[ \t]+)?free\b
         | \blifetime\s+(?:deal|access|licen[cs]e|plan|membership)\b | \bbonus\s+[\w-]+(?:\s+for\s+free)?\b
         | \b(?:founder|early[-\s]?bird|early[-\s]access|launch|intro(?:ductory)?|special|member|vip|discounted)\s+(?:pricing|prices?|rates?|discount|offer|deal|tickets?)\b
         | \b(?:our|biggest|annual|summer|winter|spring|autumn|flash|clearance|end[-\s]of[-\s]season|january|holiday)\s+
           (?:[\w-]+\s+){0,3}?sale\b(?!\s+of\s+(?:the\s+|a\s+|our\s+)?(?:company|business|house|building|shares|firm)) | \bsale\s+(?:is\s+)?(?:now\s+)?(?:on|live)\b"""),
        ("us", r"""\b(?:\d+|one|two|three|a|first)\s+(?:months?|weeks?)\s+on\s+us\b | \bfirst[ \t]+(?:[\w-]+[ \t]+)?on[ \t]+us\b"""),
        ("fee fixed flat", r"\bfor\s+a\s+(?:flat|fixed|set|monthly)\s+(?:fee|price|rate)\b | \b(?:fixed|flat)[-\s](?:price|fee|rate)\b"),
        ("rates prices pricing packages", r"(?:^|(?<=\n))[ \t]*(?:rates|prices|pricing|packages)[ \t]*[:\u2014\u2013-]"),
    ])),
    ("urgency", Phrases([
        ("ends closes expires sell sells selling gone fast left limited hurry lock midnight sunday monday tuesday "
         "wednesday thursday friday saturday prices only stocks supplies miss call chance days hours spots seats "
         "places spaces last wait tonight tomorrow handful ends closes expires few tickets copies next",
         r"""\b(?:ends?|closes?|expires?)\s+(?:tonight|today|tomorrow|at\s+midnight|midnight|soon|on\s+\w+|this\s+\w+|\w+day)\b
         | \bbefore\s+(?:it|they)\s+sells?\s+out\b | \bbefore\s+(?:they'?re|it'?s|they\s+are)\s+gone\b
         | \bsell(?:s|ing)\s+out\b | \b(?:going|filling|selling)\s+(?:up\s+)?fast\b
         | \bonly\s+(?:a\s+(?:few|couple(?:\s+of)?)|\d+|two|three|four|five)\s+(?:days?|hours?|spots?|slots?|seats?|places?|spaces?|left)\b
         | \b(?:days?|hours?|spots?|slots?|seats?|places?)\s+left\b | \blast\s+(?:call|chance)\b | \bhurry\b
         | \ba\s+handful\s+of\s+(?:spots|seats|places|spaces|tickets|copies)\b
         | \blast\s+few\s+(?:tickets|spots|seats|places|copies|days|hours)\b | \b(?:tickets?|copies)\s+left\b
         | \bfor\s+(?:the\s+)?next\s+\d+\s+(?:hours|days)\b
         | \blimited[-\s](?:time|offer|spots?|slots?|seats?|places?|spaces?|availability|stock|edition|run|numbers?|capacity|tables)\b
         | \b(?:spots?|slots?|seats?|places?|spaces?|numbers?|availability|stock)\s+(?:are\s+|is\s+)?limited\b
         | \block\s+in\b | \bbefore\s+(?:midnight|sunday|monday|tuesday|wednesday|thursday|friday|saturday|prices?\s+go)
         | \bwhile\s+(?:stocks?|supplies)\b | \b(?:today|tonight|this\s+week(?:end)?)\s+only\b | \bdon'?t\s+miss\s+out\b
         | \b(?:until|till|ends?)\s+(?:midnight|tonight|tomorrow|sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b
         | \b(?:book|register|order|sign\s+up|enrol|enroll|apply|buy)\s+(?:\w+\s+)?by\s+(?:\w+day|midnight|tomorrow|tonight)\b
         | \bwon'?t\s+last\b | \bdon'?t\s+wait\b
         | \b(?:ends?|closes?|expires?)\s+in\s+(?:\d+|a\s+few|two|three)\s+(?:hours?|days?)\b"""),
        ("disappointment", r"\bto\s+avoid\s+disappointment\b"),
        # scarcity of places: "two spots open", "accepting 3 new clients"
        ("capacity room",
         r"""\b(?:capacity|room|space|availability)\s+for\s+(?:one|two|three|\d+|a\s+few|a\s+couple\s+of)\s+(?:more\s+)?(?:new\s+)?
         (?:[\w-]+\s+)?(?:clients?|projects?|brands?|retainers?|customers?|accounts?)\b"""),
        ("spots slots places seats open accepting onboarding taking opening",
         r"""\b(?:spots?|slots?|places?|seats?|spaces?)\s+(?:are\s+|is\s+)?(?:now\s+)?open\b
         | \bopening\s+(?:up\s+)?(?:\d+|a\s+few|two|three|four|five)\s+(?:new\s+)?(?:spots|slots|places|seats|spaces)\b
         | \b(?:accepting|onboarding|(?:now\s+)?(?:taking\s+on|opening\s+up))\s+(?:\d+|a\s+few|two|three|four|five|limited)\s+(?:new\s+)?
           (?:[\w-]+\s+)?(?:clients|partners|brands|students|projects|customers|accounts)\b"""),
    ])),
    ("buy", Phrases([
        # an imperative at the start of a clause ("Reserve yours today", "... to shop the collection")
        ("buy grab order shop book reserve claim secure lock sign register enrol enroll subscribe download join "
         "upgrade pre hire",
         rf"""(?=buy|grab|order|pre|shop|book|reserve|claim|secure|lock|sign|register|enrol|subscribe|download|join|upgrade)
         {_START}(?:buy|grab|order|pre-?order|shop|book|reserve|claim|secure|lock\s+in|sign\s+up|register|enrol|enroll
         |subscribe|download|join|upgrade)\b | \b(?:hire|work\s+with|partner\s+with)\s+us\b
         | ,\s*(?:reserve|book|grab|order|claim|secure)\s+(?:yours|your\s+(?:spot|seat|place|table|ticket|copy)s?|now|today)\b"""),
    ])),
    ("ask", Phrases([
        ("dm bio profile comments learn want exploring interested send book schedule grab how free talk tap click open "
         "sponsor advertise",
         r"""\bdm\s+(?:me|us)\b(?!\s+(?:your|the|with\s+your)\b) | \bdm\s+(?:for|to\s+get)\s+(?:rates|pricing|prices|a\s+quote|details)\b | \blink\s+in\s+(?:bio|profile|(?:the\s+)?comments)\b
         | \blearn\s+more\s+(?:at|via|here|in|on)\b | \bwant\s+in\s*\? | \bopen\s+to\s+(?:exploring|it|learning|hearing)\b
         | \bopen\s+to\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:trial|call|demo|chat|meeting|intro|partnership)\b
         | \bwant\s+(?:the\s+|more\s+)?(?:details|info)\s*\?
         | \b(?:rates|pricing|prices|details|info|menu)\s+in\s+(?:bio|profile|(?:the\s+)?comments)\b
         | \b(?:sponsor|advertise\s+(?:in|with))\s+(?:our|us)\b
         | \binterested\s*\? | \b(?:shall|can|could|may)\s+(?:i|we)\s+send\b
         | \bsend\s+(?:you\s+)?(?:[\w-]+\s+){0,4}?(?:pricing|prices|rates|case\s+stud(?:y|ies)|proposal|details|info)\b
         | \b(?:book|schedule|grab)\s+a\s+(?:[\w-]+\s+)?(?:call|demo|chat)\b
         | \b(?:would|do)\s+you\s+(?:like|want)\s+to\s+(?:see|learn|hear|know)\s+how\b | \bfree\s+for\s+a\b
         | \b(?:tap|click)\s+(?:the\s+link|here|below)\b"""),
        # the ways of asking for the next step added since, each tried only on its own words
        ("let's lets", r"\blet'?s\s+(?:talk|chat|connect|hop\s+on\s+a\s+call)\b"),
        ("comment", r"\bcomment\b[^.!?\n]{0,24}?\band\s+(?:i'?ll|we'?ll|i\s+will|we\s+will)\s+(?:send|dm|message|share)\b"),
        ("started book order enquire inquire secure claim",
         r"""\b(?:dm|message|email|call|contact)\s+(?:me\s+|us\s+)?(?:to|for)\s+(?:book|order|enquire|inquire|start|secure|claim|grab
           |get\s+started)\b"""),
        ("applications enrolment enrollment enrolments enrollments registration registrations bookings doors waitlist "
         "packages preorders pre orders",
         r"""\b(?:applications|enrol?ments?|registrations?|bookings|doors|waitlist)\s+(?:are\s+|is\s+)?(?:now\s+)?open\b
         | \b(?:packages|bookings|pre-?orders|orders)\s+(?:are\s+|is\s+)?(?:now\s+)?(?:live|open|available)\b"""),
        ("hold reserve pencil", r"\bwant\s+me\s+to\s+(?:hold|reserve|save|keep|pencil)\b"),
        ("want fancy",
         r"""\b(?:want|fancy)(?<=(?:^|[.!?,:;\u2014\u2013]\s*)(?:want|fancy))
         \s+(?:a|an|the|me\s+to|us\s+to|in|some|our|my)\b[^.!?\n]{0,40}\?"""),
        ("proposal quote deck brochure pricing prices rates",
         r"""\b(?:shall|can|could|may)\s+(?:i|we)\s+(?:drop|email|forward|pop|put\s+together)\s+(?:you\s+|over\s+)?(?:[\w-]+\s+){0,2}?
           (?:proposal|quote|deck|case\s+stud(?:y|ies)|pricing|prices|rates|details|info|brochure)\b
         | \bhappy\s+to\s+(?:share|send|email)\s+(?:over\s+)?(?:our\s+|my\s+|the\s+)?(?:rates|pricing|prices|a\s+quote|packages
           |price\s+list|rate\s+card)\b"""),
        ("enquire inquire touch",
         r"\b(?:enquire|inquire|get\s+in\s+touch|contact\s+us|call\s+us|message\s+us|email\s+us)\s+(?:today|now)\b"),
        ("something", r"\bis\s+(?:this|that|it)\s+something\s+(?:you'?d|you\s+would|you\s+might|you'?re|your\s+team|worth)\b"),
        ("speak",
         r"\bwho\s+(?:would|'?d|is|'s)\s+(?:be\s+)?(?:the\s+)?(?:best|right)\s+(?:person\s+)?to\s+(?:speak|talk)\s+(?:to|with)\b"),
        ("mins minutes min",
         r"\b(?:can|could|shall)\s+(?:we|i)\s+(?:get|grab|find|book|schedule)\s+(?:\d+|a\s+few|ten|fifteen|twenty)\s*[-\s]?min\w*\b"),
    ])),
    ("result", Phrases([
        ("guarantee guaranteed guarantees page google helped boost grow increase double triple 10x skyrocket seen reach front "
         "listeners users readers viewers followers leads appointments meetings bookings clients customers subscribers signups sign demos",
         rf"""{_REACHED}\b\d[\d,.]*\s*k?\+?\s+(?:(?!(?:a|an|the|of|and|or|to|in|on)\b)[\w-]+\s+){{0,2}}
           (?:followers|leads|appointments|meetings|bookings|clients|customers|subscribers|sign-?ups|demos)\b
         | \b(?:boost|grow|increase|double|triple|10x|skyrocket)\s+(?:your|their)\s+(?:[\w-]+\s+){{0,2}}?
           (?:{_RESULT}|engagement|revenue|reach|audience|rankings?|income|business)\b
         | \bhelped\s+(?:[\w-]+\s+){{1,3}}?(?:triple|double|grow|10x|increase|boost)\b
         | \b(?:seen\s+by|(?<!\b(?:us|we)\s+)reach|in\s+front\s+of)\s+(?:over\s+|more\s+than\s+)?[\d,.]+\s*k?\+?\s+(?:[\w-]+\s+)?(?:people|followers
           |readers|viewers|subscribers|listeners|users|customers|marketers|buyers|decision[-\s]makers|eyeballs)\b
         | \bpage[-\s](?:one|1)\b | \bfirst\s+page\s+of\s+google\b | \btop\s+of\s+google\b
         | \bguarantee[sd]?\b(?<!\b(?:no|not|never|can't|cannot|nobody|no\s+one)\s+(?:\w+\s+)?guarantee[sd]?)
           (?!\s+(?:to|way))"""),
    ])),
    ("offer", Phrases([
        ("offering our done fit ideal perfect typically usually specialise specialize card programme program coaching course "
         "retainer membership bootcamp masterclass",
         r"""\b(?:we'?re|we\s+are|i'?m|i\s+am)\s+offering\b
         | \b(?:our|my)\s+(?:[\w-]+\s+){0,2}?(?:program(?:me)?|service|services|package|packages|solution|offer|course|coaching
           |retainer|management|membership|masterclass|bootcamp|tool|platform|app|software)\b
         | \bno\s+(?:credit\s+)?card\s+(?:needed|required)\b
         | \bdone[-\s]for[-\s]you\b | \b(?:great|perfect|good)\s+fit\s+for\s+our\b
         | \bwe\s+(?:typically|usually|specialise|specialize)\b
         | \b(?:ideal|perfect)\s+(?:client|fit)\s*:"""),
        (_CLIENT_WORDS, _SERVICE),
        ("want",
         r"""\bwant\s+(?:your|a|an)\s+(?:[\w-]+\s+){0,3}?(?:managed|done|handled|written|designed|built|fixed|sorted|shot
           |taken\s+care\s+of|that\s+(?:actually\s+)?(?:converts|works|sells))\b"""),
    ])),
)


# The price part's words that mean money without a currency sign.
_NEAR = 160  # characters: two parts of one pitch sit in the same short passage


# Every part's trigger words: a post with none of them and no money sign has no part at all.
_PART_TRIGGERS = frozenset().union(*(parts._triggers for _, parts in _PARTS))


def _two_parts(text: str) -> str | None:
    """Two different parts of a sales message close together in `text`, joined, or None."""
    words = words_of(text)
    # a currency or % sign is a trigger of the price part (four substring tests: 4x cheaper than a class)
    if "$" in text or "%" in text or "\u00a3" in text or "\u20ac" in text:
        words = words | {_MONEY_WORD}
    elif words.isdisjoint(_PART_TRIGGERS):  # most posts: one set test, no part tried
        return None
    candidates = [parts for _, parts in _PARTS if not parts._triggers.isdisjoint(words)]
    if len(candidates) < 2:  # most posts: no regex at all
        return None
    seen: list[regex.Match[str]] = []
    for index, parts in enumerate(candidates):
        if len(seen) + len(candidates) - index < 2:  # too few parts left to make a pair
            return None
        match = parts.search(text, words)
        if match is None:
            continue
        for other in seen:
            if abs(match.start() - other.start()) <= _NEAR:
                first, second = sorted((other, match), key=lambda m: m.start())
                return f"{first.group(0).strip()} … {second.group(0).strip()}"
        seen.append(match)
    return None


# Where a sentence ends: ".", "!" or "?" before a space or the end (not the dot of a link or of
# "£4.99"), a line break, or an ellipsis (which also joins the parts of evidence).
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n|\u2026")
QUOTED_AT_MOST = 100  # characters of a sentence or a clause quoted as evidence


def sentence_end(text: str, at: int) -> int:
    """Where the sentence of `text` that runs at `at` ends, its closing "?" or "!" kept."""
    end = _SENTENCE_END.search(text, at)
    if end is None:
        return len(text)
    return end.start() if end.group(0) in ("\n", "\u2026") else end.end()


def sentence_start(text: str, at: int) -> int:
    """Where the sentence of `text` that runs at `at` starts."""
    start = 0
    for end in _SENTENCE_END.finditer(text, 0, at):
        start = end.end()
    return start


def clause_at(text: str, start: int, stop: int | None = None) -> str:
    """`text` from `start` to the end of its sentence or `stop`, whichever comes first, when
    that is short enough to quote; else up to the last whole word that is. As written, so that
    the rules find it in the post again."""
    end = sentence_end(text, start)
    said = text[start:end if stop is None else min(end, stop)].rstrip(" .,;:-\u2013\u2014")
    return said if len(said) <= QUOTED_AT_MOST else said[:QUOTED_AT_MOST].rsplit(" ", 1)[0]


def hard_sell_phrase(text: str) -> str | None:
    """The first hard-sell phrase in `text`, a cold pitch's offer and ask, or two parts of a
    sales message together; else None. Used by sales-pitch.
    """
    match = _HARD_SELL.search(text)
    if match:
        return match.group(0)
    pitch = _two_parts(text)
    if pitch:
        return pitch
    ask = _TAKE_UP.search(text) if _OFFER.possible(text) else None
    if ask:
        # the offer must be said apart from the ask ("could we get 20 minutes" offers nothing)
        start, end = ask.span()
        offer = _OFFER.search(text[:start] + " " * (end - start) + text[end:])
        if offer:
            # the offer quoted to the end of its clause: "I run a small agency that does LinkedIn
            # ghostwriting for founders", not "I run"
            stop = start if start > offer.start() else None
            return f"{clause_at(text, offer.start(), stop)} … {ask.group(0)}"
    return None


# Every word a promotional phrase needs, as bytes (the words of plain ASCII text are tested
# as bytes: no decoding).
_PROMO_TRIGGERS = frozenset(w.encode("ascii") for w in _HARD_SELL.triggers | _SELF_PROMO.triggers if w.isascii())


def promotional_phrase(text: str) -> str | None:
    """The first promotional phrase in `text` (hard sell or own new content), or None."""
    # Asked of every post of a feed, one after another: `words_of` remembers too few posts
    # for the post rules to find these again, so plain text is tested word by word without
    # building its set of words (~2 µs a post less).
    if ("'" not in text and text.isascii()
            and _PROMO_TRIGGERS.isdisjoint(text.encode("ascii").translate(_ASCII_WORDS).split())):
        return None
    match = _HARD_SELL.search(text) or _SELF_PROMO.search(text)
    return match.group(0) if match else None


def links_to(post: Post, domains: Iterable[str]) -> str | None:
    """The first link of `post` whose host is one of `domains` (or a subdomain), or None."""
    return first_link_to(post.urls, domains)


def first_link_to(urls: Sequence[str], domains: Iterable[str]) -> str | None:
    """The first of `urls` whose host is one of `domains` (or a subdomain), or None."""
    if not urls:
        return None
    wanted = _own(domains) if type(domains) is frozenset else own_domains(domains)
    if not wanted:
        return None
    for url in urls:
        # `url_host` from the canonical form, which the feed rules have often remembered already
        if on_domain(canonical_link(url).split("/", 1)[0].split("?", 1)[0], wanted):
            return url
    return None


@lru_cache(maxsize=8)
def _own(domains: frozenset[str]) -> frozenset[str]:
    """`own_domains` of a rule's own domains, put in normal form once, not once a post."""
    return own_domains(domains)


# Someone else's words inside a post: a quotation, or a manual retweet "RT @x: ..." to the end.
_QUOTED = Lazy(
    r"""\"[^\"\n]{1,300}\"|\u201c[^\u201d\n]{1,300}\u201d|\u00ab[^\u00bb\n]{1,300}\u00bb
    |\u2018[^\u2019\n]{1,300}\u2019(?!\w)|\bRT\s+@[\w.]+:.*
    |(?<![\w'])'(?=\w)(?:[^'\n]|(?<=\w)'(?=\w)){1,300}?\s(?:[^'\n]|(?<=\w)'(?=\w)){1,300}?(?<=[\w.!?])'(?![\w'])""",
    re.VERBOSE | re.DOTALL,
)


@lru_cache(maxsize=16)  # three post rules strip the same post in a row
def strip_quoted(text: str) -> str:
    """`text` without what it quotes from others, so their requests are not the author's."""
    # a straight single quote opens a quotation only after a space ("don't" is no quotation)
    # one substring test a mark (a generator over the marks cost ~1 µs a post more)
    if ("RT" not in text and '"' not in text and "\u201c" not in text and "\u00ab" not in text
            and "\u2018" not in text and " '" not in text and not text.startswith("'")):
        return text
    return _QUOTED.sub(" ", text)


@lru_cache(maxsize=64)
def _phrase_pattern(phrases: tuple[str, ...]) -> regex.Pattern[str] | None:
    # re.escape differs from regex.escape only on white space beyond ASCII, which matches
    # itself either way outside VERBOSE.
    words = [re.escape(p.strip()) for p in phrases if p.strip()]
    if not words:
        return None
    return compile_pattern(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE)


def extra_phrase(text: str, phrases: Sequence[str]) -> str | None:
    """The first of the workspace's own phrases (plain text, any case) found in `text`."""
    if not phrases:
        return None
    pattern = _phrase_pattern(tuple(phrases))
    match = pattern.search(text) if pattern else None
    return match.group(0) if match else None
