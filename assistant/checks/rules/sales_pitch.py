"""sales-pitch: hard-sell, direct-response language; worst in the first DM after connecting.

A pitch in a public post is a warning. A pitch in a DM is worse, and the first DM of a
conversation (the message right after connecting) that pitches is an error.

Which DM is the first: the account's history is asked for earlier DMs of the same
conversation (`History.dms`, a list of DM posts, when the history keeps them). With no
history, or a history without DMs, the DM counts as the first: a reviewer pastes a draft
DM when they are about to send it, and we would rather over-warn than let a cold pitch
through. Same conversation: the same `in_reply_to` (thread or conversation id), a reply to
one of those DMs, or the same people (author plus @mentioned recipients, either way round).
A DM that names no recipient and no conversation is the first only if the history holds
no earlier DM at all.

Selling words that sell nothing now stay quiet: an offer looked back on, someone else's
offer passed on, amends in a reply or DM, an account notice, and a call to register, apply
or book for a free event or resource, a job, a cause or a community meeting, and a sale whose
proceeds all go to a cause unless it hurries the reader. So do offers refused ("no sale here"),
over, given as a price-change notice, warned about, reported from someone else's question or
the news, used as a yardstick ("my gran's idea of a flash sale"), or given to the office dog,
unless the post presses to buy now, and answers to the reader's own question in a reply or DM
(a reply that opens as one, "@maria yes, there's a free trial: <link>", unless it presses or
urges the offer), and what follows a conversation the reader took part in ("following up on our
call: here's the proposal we discussed") unless it presses to close now. Followers the account
reached ("we just hit 10k followers") are a milestone, not results promised, and "no sales pitch"
names no sale. In a DM, where a free offer is usually a lead magnet (a free webinar, workshop or
demo is a pitch), only an invitation to a free gathering, to speak or to a job of ours, with
nothing sold beside it, stays quiet.

An upsell is no amends and no answer: a reply or DM that apologises or thanks the reader for
getting in touch, then tells them to upgrade ("sorry about the wait! Upgrade to Premium ...")
sells more to a customer who complained, and after an apology the upgrade alone is the pitch.
"Paid" in a job title ("our Head of Paid Social") is no price. The evidence quotes what a reader
can judge: an offer to the end of its clause, the sentence the speech model weighed most rather
than its strongest words, and the price that makes a free event's call to register a sale.

`opening_pitch` gives this judgement, with the rule's default thresholds, to the conversation
rules: a DM that opens its conversation with a pitch is cold outreach there, not conversation,
whether or not the user shows this rule's findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from assistant.checks.history import greeted, people_of
from assistant.checks.pitch import cold_pitch, disowned, take_up
from assistant.checks.registry import Hit, PostContext, rule
from assistant.checks.signals import (
    OPENING_HANDLES,
    QUOTED_AT_MOST,
    Lazy,
    clause_at,
    extra_phrase,
    hard_sell_phrase,
    sentence_end,
    sentence_start,
    strip_quoted,
    words_of,
)
from assistant.checks.speech_model import model_evidence
from assistant.models import Post
from assistant.text import strip_urls

SALES_PITCH = rule(
    "sales-pitch",
    severity="warning",
    component="promotion",
    rationale=(
        "People follow us to learn and talk, not to be sold to: buy-now, limited-time and "
        "book-a-call language reads as an ad and gets scrolled past. In a DM it is worse, and "
        "pitching in the first message after connecting burns the connection."
    ),
    thresholds={"extra_phrases": []},
)


# The other side asked for it: an offer they requested is service, not a pitch.
# A DM that opens by granting a request ("Of course! Prices for...") answers the reader.
_GRANTED = Lazy(
    r"^\W*(?:(?:hi|hey|hiya|hello)\s+[\w-]+[,!.]?\s+)?(?:of\s+course|sure(?:\s+thing)?|absolutely|no\s+problem|no\s+worries)\b[!.,]",
    re.IGNORECASE,
)
_INVITED = Lazy(
    r"""\b(?:as\s+(?:you\s+)?(?:asked|requested)|you\s+asked\s+(?:for|about|me|us)
    |per\s+your\s+request|at\s+your\s+request|following\s+up\s+on\s+your\s+(?:question|request)
    |(?:like|as)\s+you\s+(?:wanted|asked|requested)|(?:thanks|thank\s+you)\s+for\s+(?:asking|your\s+(?:question|enquiry|inquiry))
    |you\s+(?:wanted|were\s+after)\s+(?:our|the|my)\s+(?:price|rates|prices|pricing))\b""",
    re.IGNORECASE | re.VERBOSE,
)
# A conversation the reader took part in ("following up on our call", "the proposal we
# discussed", "great speaking with you"): what follows it was asked for. Not "following up on
# my last message", the cold pitch's nudge, and not a call still to come ("after our call next week").
_FOLLOW_UP = Lazy(
    r"""\b(?:(?:following\s+up|further)\s+(?:on|from|after|to)\s+(?:our|the|yesterday'?s|today'?s|this\s+morning'?s
      |(?:mon|tues|wednes|thurs|fri|satur|sun)day'?s)\s+(?:[\w-]+\s+){0,2}?(?:call|chat|conversation|meeting|catch-?up|talk
      |discussion|coffee|zoom|visit)
    |as\s+(?:you\s+|we\s+)?(?:promised|discussed|agreed)|(?:like|as)\s+we\s+(?:discussed|agreed|spoke\s+about|talked\s+about)
    |(?:we|you\s+and\s+i)\s+(?:discussed|agreed\s+on|talked\s+through|went\s+through)
    |(?:as\s+)?per\s+our\s+(?:[\w-]+\s+)?(?:conversation|call|chat|meeting|discussion)
    |after\s+our\s+(?:[\w-]+\s+)?(?:call|chat|conversation|meeting|catch-?up)(?!\s+(?:next|tomorrow|later|on\s+\w+day))
    |(?:great|good|lovely|nice)\s+(?:speaking|talking|chatting)\s+(?:with|to)\s+you
    |(?:great|good|lovely|nice)\s+to\s+(?:speak|talk|chat)\s+(?:with|to)\s+you\s+(?:earlier|today|yesterday|this\s+morning
      |on\s+the\s+(?:phone|call))
    |(?:thanks|thank\s+you)\s+(?:again\s+)?for\s+(?:the\s+(?:[\w-]+\s+)?(?:call|chat|meeting)|your\s+time\s+(?:today|yesterday
      |earlier|this\s+morning|on\s+the\s+(?:phone|call))))\b""",
    re.IGNORECASE | re.VERBOSE,
)
# A percentage off (or on offer: "20% offer") or a call to sign now: what presses any message to close now.
# A follow-up (`_CLOSE_NOW`) and an answer or an invitation (`_PRESSED`) each add their own;
# these phrases live here alone, so the two never disagree on them.
_SIGN_OR_SAVE_NOW = r"""\d\s?%\s*off(?:ers?)?\b|\bif\s+you\s+sign\b|\bsign\s+(?:up\s+)?(?:today|now)\b"""
# What presses a follow-up to close now: `_SIGN_OR_SAVE_NOW`, and what closes a deal already
# talked through: a discount, signing, committing or confirming by a date, a price that runs out.
# Broader than `_PRESSED` on purpose: "confirm by Monday" after a proposal closes a sale, while
# in an invitation it asks for a reply.
_CLOSE_NOW = Lazy(
    rf"""{_SIGN_OR_SAVE_NOW}
    |\b(?:sign|signing|signed|commit|confirm)\s+(?:it\s+|up\s+)?(?:tonight|this\s+week|by|before)\b
    |\b(?:sign\s+it|(?:signing|signed|commit|confirm)(?:\s+it|\s+up)?)\s+(?:today|now)\b
    |\bif\s+you\s+(?:commit|confirm)\b|\block\s+(?:it\s+|this\s+|that\s+|the\s+)?(?:rate\s+|price\s+)?in\b
    |\b(?:price|rate|offer|quote|proposal|discount|deal|pricing)\s+(?:[\w-]+\s+){{0,3}}?(?:holds?|stands?|is\s+valid|valid
      |expires?|ends?|is\s+good|available)\s+(?:only\s+)?(?:until|till|through|by|before|today|tonight|on
      |for\s+(?:\d+|a\s+few|two|three)\s+(?:days|hours))\b
    |\bdiscount(?:ed|s)?\b|[$\u20ac\u00a3]\s?\d[\d,.]*k?\s+off\b
    |\b(?:it|that|this|the\s+price|prices?|rates?)\s+(?:goes|go|will\s+go|is\s+going|are\s+going|rises?|increases?)\s+up\b
    |\bprices?\s+(?:rise|rises|increase|increases)\b""",
    re.IGNORECASE | re.VERBOSE,
)


def _followed_up(text: str) -> bool:
    """Whether `text` follows up a conversation the reader took part in, without pressing to
    close now: like "the reader asked", what they discussed is service, not a pitch."""
    return _FOLLOW_UP.search(text) is not None and _CLOSE_NOW.search(text) is None and _URGENT.search(text) is None


# A sentence that names selling as its topic ("How to write a limited-time offer that
# doesn't sound desperate", "Why 'book a call' CTAs fail") talks about a pitch; it is not one.
_TOPIC = Lazy(
    r"""(?:^|(?<=[.!?:\n]))\s*(?:how\s+to|how\s+(?:we|i|they|brands|agencies|teams)|why|what\s+makes|when\s+to
    |the\s+(?:problem|trouble|truth|art|psychology|science|anatomy)\s+(?:with|of|behind)
    |\d+\s+(?:ways|tips|rules|mistakes|lessons)|stop\s+(?:using|writing|saying|adding))\b[^.!?:\n]*""",
    re.IGNORECASE | re.VERBOSE,
)


# A sentence that judges an offer ("3 months for the price of 2 is not a strategy") names it.
_VERDICT = Lazy(
    r"""(?:^|(?<=[.!?\n]))[^.!?\n]*?\b(?:is|are|isn'?t|aren'?t)\s+(?:not\s+|never\s+|rarely\s+)?(?:a|an)\s+(?:[\w-]+\s+)?
    (?:strategy|plan|tactic|business\s+model|brand|personality|gimmick|crutch|habit|trap|red\s+flag|shortcut)\b[^.!?\n]*""",
    re.IGNORECASE | re.VERBOSE,
)


# The author as the one who buys: "Me: I'll just buy one thing. Also me: 40% off?", "$14 for
# a sandwich at the airport". Said with no mark of a seller, selling words are a joke.
_BUYER = Lazy(
    r"""\b(?:i|me)(?:'ll|'m|'d|\s+will|\s+am|\s+just|\s+really)*\s+(?:just\s+)?(?:buy|bought|paid|pay|spent|spend|paying|buying)\b
    |(?:^|\n|[.!?]\s+)(?:also\s+)?me\s*:|[$\u20ac\u00a3]\s?\d[\d.,]*\s+for\s+(?:a|an|one|two)\s+(?:[\w-]+\s+){0,3}?(?:at|in|on)\s+
      (?:the|this|an?)\b|\bsend\s+help\b|\bmy\s+(?:dignity|wallet|bank\s+(?:account|balance)|overdraft|pay\s?check|salary
      |will\s+to\s+live|sanity|soul)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_SELLER_WORDS = frozenset(
    "we we're we've we'll our ours us dm link book order visit available client clients customer customers bio".split()
)
_BUYER_WORDS = frozenset("i me i'll i'm i'd help my".split())


def _buyer_joking(text: str) -> bool:
    """Whether the author speaks as the buyer, with no mark of a seller anywhere in `text`."""
    words = words_of(text)
    if not _SELLER_WORDS.isdisjoint(words) or "http" in text or "www." in text:
        return False
    return (not _BUYER_WORDS.isdisjoint(words) or "for a" in text) and _BUYER.search(text) is not None


def _without_topics(text: str) -> str:
    """`text` without the sentences that are about selling rather than selling."""
    lowered = text.lower()
    if any(word in lowered for word in ("how", "why", "what", "when", "the ", "stop", "ways", "tips",
                                        "rules", "mistakes", "lessons")):
        text = _TOPIC.sub(" ", text)
    if " is" in lowered or " are" in lowered:
        text = _VERDICT.sub(" ", text)
    return text


# Nothing to pay and nothing sold: "Register now for our free open day", "Volunteers needed,
# spaces are limited to 12". A lead magnet (a free trial, audit, consultation or call, a month
# or 14 days free, "or we work for free") is still the start of a sale, and so is any price,
# discount or order in the post.
_NO_CHARGE = Lazy(
    r"""(?<!\b(?:month|months|week|weeks|one|1|two|2|session|get|gets|plus)\s+)
    (?<!\b(?:\d+|a|one|two|three|five|seven|ten|fourteen|thirty)[\s-]days?\s+)
    (?<!\b(?:start|starts|started|try|trying|get\s+started|sign\s+up|join)\s+(?:it\s+|us\s+|now\s+|today\s+)?(?:for\s+)?)
    (?<!\bor\s+(?:[\w']+\s+){0,3}?(?:for\s+)?)(?<!\b(?:bonus|extra)\s+(?:[\w-]+\s+){0,2}?)(?<!\b(?:get|gets|plus|with)\s+(?:a|an|your)\s+)\bfree\b
    (?!\s+(?:[\w-]+\s+)?(?:trials?|consultations?|consults?|audits?|quotes?|demos?|strategy\s+calls?|discovery\s+calls?)\b)
    (?!\s+(?:trial|consultation|consult|audit|quote|strategy|call|demo|shipping|delivery|returns|gift|upgrade|month|week
      |session|sample|samples|with|when|if|on\s+orders|for\s+(?:the\s+)?first|for\s+(?:\d+|a|one|two|three|seven|fourteen
      |thirty)\s+(?:days?|weeks?|months?)|\d|(?:[\w-]+\s+){0,2}?(?:with|when\s+you)\s+(?:every|each|any|your|a)\b))
    |\bno\s+(?:charge|cost)\b|\bvolunteers?\b|\bfree\s+of\s+charge\b""",
    re.IGNORECASE | re.VERBOSE,
)
# "Paid" before a channel names the discipline, not a price: "our Head of Paid Social".
_MONEY = Lazy(
    r"""[$\u20ac\u00a3]|\d\s?%|\b(?:today|tonight|this\s+week(?:end)?)\s+only\b|\b(?:buy|order|orders|shop|checkout|purchase|discount|discounts|sale|sales|code|price|prices
    |pricing|paid(?!\s+(?:social|media|search|ads?|advertising)\b)|pay|rates?|deposit|packages?|retainer|upgrade|premium
    |pro\s+plan|trial|clients?)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# A word each of _MONEY's worded shapes needs, as `words_of` splits it.
_MONEY_WORDS = frozenset(
    "today tonight week weekend buy order orders shop checkout purchase discount discounts sale sales code price "
    "prices pricing paid pay rate rates deposit package packages retainer upgrade premium pro trial client clients".split()
)


# Selling refused in so many words ("No sales pitch, just coffee", "not a sales call"): it names
# no price and no sale, so it neither asks the model nor sells what the post gives away.
_SELLING_REFUSED = Lazy(
    r"""\b(?:no|not\s+an?|never\s+an?|zero|without\s+(?:a|any|the))\s+(?:hard[-\s])?(?:selling
    |sales?\s+(?:pitch(?:es)?|talk|spiel|patter|chat|calls?|agenda|stuff|push))\b""",
    re.IGNORECASE | re.VERBOSE,
)


def _money(text: str) -> bool:
    """Whether `text` names a price, a sale or a paying client (`_MONEY`), asked of most posts;
    selling refused ("no sales pitch") names none."""
    # In ASCII text without an apostrophe every word `\b` bounds is one of `words_of`'s
    # words, and no case folding reaches past ASCII: none of the words means no match.
    if ("$" not in text and "%" not in text and "'" not in text and text.isascii()
            and _MONEY_WORDS.isdisjoint(words_of(text))):
        return False
    if _MONEY.search(text) is None:
        return False
    lowered = text.lower()  # a refusal is rare: looked for only where it could be what matched
    if "sale" not in lowered and "selling" not in lowered:
        return True
    return _MONEY.search(_SELLING_REFUSED.sub(" ", text)) is not None


# Calls to apply, register or book for what nobody sells: a job, a cause, a community event.
# A salary or a charity ticket has a price, so here only the words of a sale count against it.
_NOT_FOR_SALE = Lazy(
    r"""\b(?:we'?re\s+hiring|now\s+hiring|hiring|vacanc(?:y|ies)|(?:part|full)[-\s]time\s+[\w-]+\s+(?:wanted|needed)
    |apply\s+in\s+person|apply\s+with\s+(?:a\s+|your\s+)?cv|internships?|apprenticeships?|job\s*:|salary|per\s+annum|living\s+wage
    |charit(?:y|ies)|hospice|fundrais\w*|proceeds|raising\s+(?:money|funds)|money\s+raised|donat\w+|petition
    |community\s+(?:event|day|clean-?up|litter\s+pick|garden|centre|center|fun\s+day|meeting)|litter\s+pick|clean-?up
    |members'?\s+meeting|agm|residents'?\s+meeting|town\s+hall\s+meeting|adopt(?:ion|ed|ing)?|rehom\w*|foster(?:ing|ers?)?)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_SALE_WORDS = Lazy(
    r"""\d\s?%|/\s?(?:mo|month|yr|year)\b|\b(?:buy|order|orders|shop|checkout|purchase|discount|discounts|sale|code|pricing|rates?
    |deposit|packages?|retainer|upgrade|premium|trial|clients?|course|coaching|bootcamp|masterclass|enrol|enroll|subscription
    |per\s+month|a\s+month|monthly|merch|bundle|services?|demo|audit|quote|proposal|consultation|(?:we|i)\s+help|work\s+with
    |(?:strategy|discovery|sales|intro)\s+calls?)\b""",
    re.IGNORECASE | re.VERBOSE,
)


# A sale whose every penny goes to a cause ("Trees from £30, all money to summer camp") is
# fundraising; only urgency makes it a hard sell.
_FOR_A_CAUSE = Lazy(
    r"""\b(?:all|every\s+penny\s+of)\s+(?:the\s+)?(?:money|profits|proceeds|takings)\s+(?:raised\s+)?(?:goes\s+|go\s+|going\s+)?to
    |\bevery\s+penny\s+(?:raised\s+)?(?:goes\s+)?to|\b100\s?%\s+of\s+(?:the\s+)?(?:profits|proceeds|takings)""",
    re.IGNORECASE | re.VERBOSE,
)
_URGENT = Lazy(
    r"""\b(?:hurry|last\s+chance|don'?t\s+miss|today\s+only|while\s+(?:it|they|stocks?)\s+lasts?|act\s+now|only\s+\d+\s+left
    |selling\s+fast|ends?\s+(?:today|tonight|soon|at\s+midnight))\b""",
    re.IGNORECASE | re.VERBOSE,
)


def _nothing_sold(text: str) -> bool:
    """Whether `text` gives something away, hires, or calls people to a cause, with nothing for sale."""
    lowered = text.lower()
    if ("free" in lowered or "volunteer" in lowered or "no c" in lowered) and _NO_CHARGE.search(text) is not None \
            and not _money(text):
        return True
    if ("to" in lowered and ("all" in lowered or "penny" in lowered or "%" in lowered)
            and _FOR_A_CAUSE.search(text) is not None and _URGENT.search(text) is None):
        return True
    return _NOT_FOR_SALE.search(text) is not None and _SALE_WORDS.search(text) is None


# What a first DM may invite someone to without selling: a free gathering of peers ("a free
# roundtable", "free drinks"), a turn to speak, or a job of ours (not "saw you're hiring", the
# recruiter's opener). A free webinar, workshop or demo is the classic lead magnet: not here.
_GATHERING = (
    r"""(?:round-?tables?|meet-?ups?|panels?|talks?|breakfasts?|drinks|dinners?|lunch(?:es)?|socials?|get-?togethers?
    |open\s+(?:days?|evenings?)|community\s+days?|screenings?|book\s+clubs?|networking\s+(?:evenings?|nights?|events?))\b"""
)
# The lead magnets themselves: a free webinar, workshop, demo or class shows the product.
_MAGNET = r"""(?:webinars?|workshops?|demos?|demo\s+days?|masterclass(?:es)?|trainings?|courses?|classes|bootcamps?
    |live\s+sessions?)\b"""
_INVITATION = Lazy(
    rf"""\bfree\s+(?!to\b)(?:(?!{_MAGNET})[\w-]+\s+){{0,3}}?{_GATHERING}(?!\s+{_MAGNET})
    |\b{_GATHERING}[^.!?\n]{{0,60}}?\b(?:it'?s|it\s+is|entry\s+is)\s+(?:completely\s+|totally\s+)?free\b(?!\s+to\b)
    |\b(?:up\s+for|fancy|like\s+to|love\s+you\s+to)\s+speaking\b|\bgive\s+a\s+talk\b
    |\b(?:we'?re|we\s+are|i'?m|i\s+am)\s+(?:now\s+|currently\s+)?(?:hiring|recruiting)\b
    |\b(?:would|do)\s+you\s+(?:like|want)\s+to\s+apply\b|\b(?:fancy|consider)\s+applying\b""",
    re.IGNORECASE | re.VERBOSE,
)
# The author's product shown there makes it a sales event: "our new reporting tool".
_OUR_PRODUCT = Lazy(
    r"\b(?:our|my)\s+(?:[\w-]+\s+){0,3}?(?:tools?|apps?|platforms?|software|products?|plugins?|systems?|solutions?)\b",
    re.IGNORECASE,
)


# A free lead magnet offered in a DM ("We're hosting a free webinar on churn next Tuesday"), not
# the reader's own ("loved your free workshop").
_LEAD_MAGNET = Lazy(
    rf"""(?<!\b(?:your|their|his|her)\s+)\bfree\s+(?:(?!(?:to|for|time)\b)[\w-]+\s+){{0,2}}?{_MAGNET}""",
    re.IGNORECASE | re.VERBOSE,
)


def _lead_magnet(post: Post, text: str) -> str | None:
    """The free webinar, workshop or demo a DM offers, or None: right after connecting it is the
    classic lead-magnet opener, a pitch like any other (an event of ours with nothing sold is a
    gathering, `_INVITATION`, not this)."""
    if post.kind != "dm" or "free" not in text.lower():
        return None
    match = _LEAD_MAGNET.search(text)
    return match.group(0) if match else None


def _invited_to_nothing_sold(text: str) -> bool:
    """Whether a DM invites to a free gathering, to speak or to our job, with no sale, service,
    client or product of ours anywhere in it, and nothing pressing the reader."""
    return (_INVITATION.search(text) is not None and _nothing_sold(text) and _SALE_WORDS.search(text) is None
            and _OUR_PRODUCT.search(text) is None and not _pressed(text))


# An offer looked back on ("Our 20% off weekend in March brought in 300 customers", "early
# bird pricing ended last night"), with nothing in the post to take up now, is history. Work
# shown as what it did for a client ("I'd love to show you what we did for Loomly") is not.
_PAST = Lazy(
    r"""\b(?:brought\s+in|drove|generated|ended|finished|closed|backfired|flopped|(?<!\bwhat(?:'s|\s+has)?\s+)worked|sold(?:\s+out)?
    |(?<!\bwhat\s+)(?:we|they|i)\s+(?:ran|did|tried|offered|had)
    |was|were|last\s+(?:week|month|year|weekend|night|summer|spring|autumn|winter|christmas|easter)|ago
    |in\s+(?:january|february|march|april|june|july|august|september|october|november|december|20[0-2]\d))\b""",
    re.IGNORECASE | re.VERBOSE,
)
_LIVE = Lazy(
    r"""\b(?:now|today|tonight|tomorrow|until|till|ends|ending|this\s+(?:week|weekend|month)|book|shop|order|grab|claim
    |use\s+code|code|bio|still\s+(?:time|on|open|available|going|live|running|valid|a\s+few|some|\d)|don'?t\s+miss|while|hurry|chance|left|back\s+in\s+stock|next)\b|https?://""",
    re.IGNORECASE | re.VERBOSE,
)
# Someone else's offer passed on ("The gym down the road is doing 50% off memberships"), in a post
# where the author sells nothing of their own.
_OTHERS_OFFER = Lazy(
    r"""\b(?:the|that|this|my\s+(?:local|favourite|favorite))\s+(?:[\w'-]+\s+){0,4}?(?:is|are)\s+(?:doing|running|offering|having
    |giving)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# ... or their habit told as a story: "Every January the gym offers 50% off". Its subject is
# someone named: not a clause of our own ("I run an agency that does ghostwriting").
_OTHERS_HABIT = Lazy(
    r"""\b(?:the|that|this|my\s+(?:local|favourite|favorite))\s+(?:(?!(?:that|which|who)\b)[\w'-]+\s+){1,4}?(?:always\s+|still\s+
    |usually\s+)?(?:offers|runs
    |gives|does|offered|ran|gave|did|had)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_OWN_WORDS = frozenset("we we're we've we'll our ours us i'm i've my".split())
# Amends in a reply or DM: "so sorry your parcel arrived damaged... here's 15% off". Not the
# cold opener "sorry to bother you" or "sorry for the cold message".
_AMENDS = Lazy(
    r"""\bsorry\s+to\s+hear\b|\bsorry\s+(?:that|your|you\b(?!\s+(?:to|for))|(?:about|for)\s+(?!(?:the|this|my|a)\s+(?:cold|random|unsolicited|out[-\s]of|intrusion
      |interruption|bother|long|quick)|bothering|intruding|reaching))
    |\b(?:as\s+an\s+apology|our\s+apologies|apologies\s+for|goodwill\s+gesture|to\s+make\s+up\s+for)\b
    |\b(?:late|wrong|delayed|missing|broken|damaged|expired|mistake|error|wait|behind)\b[^.!?\n]{0,60},\s*sorry\s*[!.]|\byou'?re\s+(?:quite\s+|absolutely\s+|totally\s+)?(?:right|correct)(?:\s+(?:that|about)\b|\s*[,.!])
    |\bdue\s+to\s+(?:a|an|our)\s+(?:[\w-]+\s+)?(?:bug|glitch|error|mistake|mix-?up|fault)\b""",
    re.IGNORECASE | re.VERBOSE,
)


# A notice about the reader's own account ("your free trial ends on Friday, nothing will be
# charged") that asks them to buy nothing.
_NOTICE = Lazy(
    r"""\byour\s+(?:free\s+)?(?:trial|subscription|plan|membership|order|renewal|booking|refund|parcel|delivery)\s+(?:\#?\w+\s+)?
    (?:ends|ended|expires|expired|has|is|was|will|shipped|arrived|renews|renewed|went\s+through|came\s+through)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_UPSELL = Lazy(
    r"""\b(?:upgrade|buy|subscribe|purchase|renew\s+now|add\s+a\s+card|keep\s+(?:your|going)|grab|claim|code|discount|offer|deal
    |\d+\s?%|last\s+chance)\b|https?://""",
    re.IGNORECASE | re.VERBOSE,
)


# A clock or a call with nothing to sell: "Limited time only: the sunrise", "Happy to jump on a
# call whenever suits you". These phrases alone only press; they sell when something is for sale
# or when the call is asked for right after connecting (the classic cold pitch).
_CLOCK_OR_CALL = Lazy(
    r"""\blimited[-\s]time(?:\s+(?:only|offer|deal))?\b|\bact\s+(?:now|fast|today)\b|\bhurry\b
    |\b(?:book|schedule|grab|hop\s+on|jump\s+on|set\s+up|claim|reserve)\s+(?:(?:a|an|your)\s+(?:[\w-]+\s+){0,3}?)?call\b
    |\b(?:open|free|available)\s+(?:to|for)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:call|chat|meeting)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_FOR_SALE = Lazy(
    r"""[$\u20ac\u00a3%]|https?://|\bwww\.|\b(?:buy|order|orders|shop|store|sale|sales|discount|deal|deals|offer|offers|price|prices
    |pricing|rates?|packages?|services?|products?|course|coaching|subscription|trial|demo|clients?|customers?|agency|tool
    |platform|software|app|shipping|tickets?|code|quote|proposal|consultation|audit|plans?|membership|checkout|cart|stock
    |collection|launch|leads|sign\s+up|book\s+now|yours|stores?|menu|spots?|slots?|seats?|places?|left|sell|selling|sold
    |bookings|followers|revenue|results|growth|roi|guarantee[sd]?|refund|double|triple|for\s+free)\b
    |\b(?:great|nice|good|lovely|glad|pleasure)\s+to\s+connect|\bthanks?\s+(?:you\s+)?for\s+(?:connecting|the\s+connection
      |accepting|adding\s+me)""",
    re.IGNORECASE | re.VERBOSE,
)


_SOLD_MARKS = ("$", "\u20ac", "\u00a3", "%", "http", "www.")  # what `_FOR_SALE` finds without a word


def _nothing_offered(text: str, evidence: str) -> bool:
    """Whether `evidence` is only a clock or a call and the rest of `text` offers nothing for sale."""
    if _CLOCK_OR_CALL.compiled.fullmatch(evidence.strip()) is None or any(mark in text for mark in _SOLD_MARKS):
        return False
    rest = _CLOCK_OR_CALL.sub(" ", text)
    return _FOR_SALE.search(rest) is None and hard_sell_phrase(rest) is None and cold_pitch(rest, "post") is None


def _sentence_of(text: str, evidence: str) -> str | None:
    """The sentence of `text` that holds the start of `evidence`, or None."""
    start = text.find(evidence.split(" \u2026 ")[0])
    if start < 0:
        return None
    before = max(text.rfind(mark, 0, start) for mark in ".!?\n")
    ends = [i for i in (text.find(mark, start) for mark in ".!?\n") if i >= 0]
    return text[before + 1:min(ends) if ends else len(text)]


# An upsell: the reader told to pay for a better plan ("Upgrade to Premium", "go Pro", "upgrade
# your plan"), at the start of a clause (not "we've upgraded you", "you can upgrade any time").
# Said beside an apology or thanks for getting in touch, it sells more to a customer who
# complained: the support reply's pitch, not amends nor an answer.
_UPSOLD = Lazy(
    rf"""(?:^|(?<=[.!?:;\n\u2013\u2014]\s*)|(?<=^\s*{OPENING_HANDLES}))
    (?:upgrade\s+(?:to\s+(?:our\s+|the\s+|a\s+)?(?:premium|pro|plus|business|team|unlimited|paid|annual|gold|vip|enterprise)
      |your\s+(?:plan|subscription|membership))|go\s+(?:premium|pro|plus))\b
    # a call, not a statement about an upgrade ("Upgrade to Pro isn't available in your region yet")
    (?!\s+(?:is|isn'?t|isn’t|are|aren'?t|was|wasn'?t|will|won'?t|won’t|has|hasn'?t|doesn'?t|does|can'?t|can’t|cannot)\b)""",
    re.IGNORECASE | re.VERBOSE,
)


def _upsold(text: str, evidence: str) -> bool:
    """Whether the pitch in `text` sells the reader more: its evidence an upgrade ("upgrade
    here"), or an upgrade to a better plan said (`_UPSOLD`)."""
    return "upgrade" in words_of(evidence) or _UPSOLD.search(text) is not None


_APOLOGY_WORDS = frozenset("sorry apologies apologise apologize apology".split())


def _upsell_after_apology(post: Post, text: str) -> str | None:
    """The upsell a reply or DM makes where it apologises ("Really sorry the sync keeps
    dropping. Upgrade to Pro and you'll get priority fixes"), quoted to the end of its clause,
    or None: however it is worded, selling more to whom we apologise is a pitch."""
    if post.kind not in ("dm", "reply") or _APOLOGY_WORDS.isdisjoint(words_of(text)):
        return None
    upsell = _UPSOLD.search(text)
    return clause_at(text, upsell.start()) if upsell else None


def _not_selling_now(post: Post, text: str, evidence: str) -> bool:
    """Whether the offer in `evidence` is history, someone else's, or amends for a mistake."""
    if post.kind in ("dm", "reply") and (
            (_AMENDS.search(text) and not _upsold(text, evidence))
            or (_NOTICE.search(text) and not _UPSELL.search(text))):
        return True
    sentence = _sentence_of(text, evidence)
    if sentence is None:
        return False
    if _PAST.search(sentence) and not _LIVE.search(text):
        return True
    if _OTHERS_HABIT.search(sentence) and _OWN_WORDS.isdisjoint(words_of(text)) and not _LIVE.search(text):
        return True
    return _OTHERS_OFFER.search(sentence) is not None and _OWN_WORDS.isdisjoint(words_of(text)) \
        and "http" not in text


# What makes selling words sell now: a way to buy, a deadline, a code, a link. Without it a
# refused, finished or noticed offer is only talked about.
_PRESSURE = Lazy(
    r"""\b(?:buy|shop|order\s+(?:now|today|yours|here)|lock\s+in|hurry|last\s+chance|don'?t\s+miss|grab|claim|sign\s+up
    |subscribe|use\s+code|codes?\s+[\w-]*\d|today\s+only|while\s+(?:it|they|stocks?)\s+lasts?|before\s+(?:it'?s|they'?re|prices?|the)
    |act\s+now|book\s+(?:now|today|yours|a)|still\s+(?:time|on|open|available)|extended|link\s+in\s+bio|lock\s+(?:it\s+)?in
    |(?:next|for)\s+\d+\s+(?:hours|days)|closes?\s+(?:today|tonight|soon|at|on|this|next|midnight|\w+day)
    |(?:dm|message|call|email|text)\s+(?:us|me)\s+to\s+(?:book|order|buy|grab|claim)|price\s+(?:drop|cut)s?
    |this\s+(?:week|weekend)\s+only|only\s+for\s+[^.!?\n]{0,30}?\bthis\s+(?:week|weekend|month)
    |ends?\s+(?:today|tonight|soon|at|on|this|next|midnight|sunday|monday|tuesday|wednesday|thursday|friday|saturday))\b
    |https?://""",
    re.IGNORECASE | re.VERBOSE,
)
# Selling refused before it is named: "We're not running a Black Friday sale this year".
_REFUSED = Lazy(
    r"""\b(?:not|never|no\s+longer|won'?t\s+be|won'?t|isn'?t|aren'?t|don'?t|doesn'?t|didn'?t)\s+
    (?!(?:miss|wait|forget|hesitate|delay|sleep|regret|let)\b)(?:[\w'][\w'-]*\s+){0,4}?\Z
    |\bno\s+(?:[\w'-]+\s+)?\Z""",
    re.IGNORECASE | re.VERBOSE,
)
# A sale over: "That's the end of our 25% off week!", "and that's a wrap on the spring sale".
_OVER = Lazy(
    r"""\b(?:the\s+end\s+of|that'?s\s+a\s+wrap|(?:is|are|was)\s+(?:now\s+|officially\s+)?(?:over|done|finished|closed)
    |has\s+(?:now\s+)?(?:ended|closed|finished)|thanks?\s+(?:you\s+)?(?:to\s+everyone\s+who|for\s+(?:every|all\s+the|all\s+your|your)\s+
    (?:orders?|purchases?|shopping|support)))\b""",
    re.IGNORECASE | re.VERBOSE,
)
# A plan or billing notice, beside the price changes below: "our Basic plan is £12 (was £10)".
_PRICE_NOTICE = Lazy(
    r"""\bplan\s+(?:update|change|changes|increase|rise|notice)\b|\(\s*(?:was|previously)\s+[$\u20ac\u00a3]\s?\d""",
    re.IGNORECASE | re.VERBOSE,
)
# The change itself announced, which a link to its details leaves a notice: "Pricing update: from
# 1 March our Team plan moves from $12 to $15 per seat. Full details: https://..."
_PRICE_CHANGE = Lazy(
    r"""\b(?:price|pricing|prices|billing)\s+(?:update|change|changes|increase|rise|notice|is\s+changing|are\s+changing)\b
    |\b(?:moves?|moving|goes|going|rises?|rising|changes?|changing)\s+(?:up\s+)?from\s+[$\u20ac\u00a3]\s?\d[\d.,]*\s+to\s+[$\u20ac\u00a3]""",
    re.IGNORECASE | re.VERBOSE,
)
# A warning about someone else's pitch: "Beware of 'agencies' offering 10k followers for £49".
_WARNING = Lazy(
    r"\b(?:beware|warning|psa|scams?|scammers?|scammy|watch\s+out|red\s+flags?|fraud|fraudsters?|phishing|bots)\b",
    re.IGNORECASE,
)
# Selling words given to what sells nothing: "My dog is now offering a limited-time deal".
_MOCK_SELLER = Lazy(
    r"""\b(?:our|my|the)\s+(?:[\w-]+\s+){0,2}?(?:dog|dogs|cat|cats|puppy|kitten|toddler|kids?|son|daughter|baby|boss|brain
    |inbox|fridge|kettle|printer|coffee\s+machine|plants?|wi-?fi|sofa|alarm|husband|wife|landlord|hangover|washing\s+machine
    |body|knees?|back)\s+(?:(?:is|are|has\s+been)\s+(?:now\s+|currently\s+|apparently\s+)?(?:offering|running|having|doing|selling
    |giving)|(?:has|have|had|runs|ran|offers|offered|sells|gives|does)\s+(?:[^.!?\n]{0,20}?\s)?(?:a|an|its\s+own|her\s+own
    |his\s+own))\b""",
    re.IGNORECASE | re.VERBOSE,
)
# The reader asked: a reply or DM that answers their own question about price or an offer.
_ANSWERED = Lazy(
    r"""\b(?:(?:good|great|fair|excellent)\s+question|since\s+you\s+asked|to\s+answer\s+your\s+question
    |you\s+asked\b
    |(?:thanks|thank\s+you)\s+(?:so\s+much\s+)?for\s+(?:reaching\s+out|getting\s+in\s+touch|contacting\s+us|asking\s+about
      |your\s+(?:message|enquiry|inquiry|email|dm|note|interest\s+in\s+our)|the\s+(?:message|enquiry|inquiry)))\b""",
    re.IGNORECASE | re.VERBOSE,
)
# A post answering what people asked: "Just a reminder since a few folks asked".
_ASKED_PUBLICLY = Lazy(
    r"""\b(?:since|as|because)\s+(?:a\s+few\s+|some\s+|many\s+|several\s+|lots\s+)?(?:of\s+you|folks|people|you\s+all|y'?all
    |customers|members|followers|readers)\s+(?:have\s+|keep\s+|kept\s+)?ask(?:ed|ing)?\b""",
    re.IGNORECASE | re.VERBOSE,
)

# Someone else's words reported: "A reader asked whether our 20% off codes are real", "the
# retailer said it will offer staff 20% off", "my horoscope says there's a limited-time
# opportunity", a press release or a report.
_REPORTED = Lazy(
    r"""\b(?:(?:a|an|one|our|my|some|many|several|the|two|three)\s+(?:[\w'-]+\s+)?(?:readers?|customers?|clients?|followers?|people
      |person|interns?|friends?|members?|listeners?|viewers?|subscribers?|users?|parents?|students?|mum|mom|dad|gran|nan|grandma
    |grandad|partner|neighbou?r|kid|son|daughter|boss|colleague|accountant)|someone|somebody|people)\s+
      (?:(?:on|in|at|from)\s+(?:the\s+|a\s+|our\s+|my\s+)?[\w-]+\s+)?(?:asked|asks|keep\s+asking|wanted\s+to\s+know|wondered|wonder)\b
    |(?<!\b(?:i|we)\s+(?:[\w']+\s+)?)\b(?:says|said|claims|claimed|reckons|told\s+(?:me|us|him|her|them))\s+
      (?:that\s+|there'?s\s+|there\s+(?:is|are|was|were|will\s+be)\s+|it'?s\s+|:\s*
      |(?:we|i|you|they)\s+(?:could|would|can|will|should|might)\s+)
    |\b(?:press\s+release|according\s+to|reportedly|reported\s+by|reports?\s+that
      |(?:the\s+)?(?:company|firm|retailer|chain|brand|group|supermarket|airline|operator)\s+(?:said|says|announced|confirmed|will|plans))\b""",
    re.IGNORECASE | re.VERBOSE,
)

# Selling words said with a raised eyebrow: "Act fast, apparently 🙃".
_IRONIC = Lazy(r"\b(?:apparently|supposedly|allegedly|so\s+they\s+say|or\s+so\s+(?:i'?m|we'?re)\s+told)\b", re.IGNORECASE)
# An offer used as a yardstick: "My gran's idea of a flash sale is the fridge light going on".
_DEFINED = Lazy(r"\b(?:idea|definition|version)\s+of\s+(?:a|an|the)?\s*\Z", re.IGNORECASE)

# A standing discount for who the reader is ("a student discount: 50% off with a .edu email, all
# year round"): a policy stated, not a sale pushed; any clock or call to buy still makes it one.
_STANDING = Lazy(
    r"""(?<!\bfounding[-\s])\b(?:student|students|nhs|military|veterans?|forces|nonprofit|non-profit|charity|senior|pensioner
    |key\s+worker|teacher|teachers|educator|staff|loyalty)\s+(?:discount|rate|pricing|price)s?\b
    |\b(?:discount|\d{1,3}\s?%\s?off)\b[^.!?\n]{0,60}?\b(?:all\s+year(?:\s+round)?|every\s+day\s+of\s+the\s+year|no\s+end\s+date)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# Thanks for someone else's offer: "Thank you @greenleafgc for the 20% off voucher you gave".
_THANKED_FOR = Lazy(
    r"""(?:^|[.!?\n]\s*)(?:a\s+(?:huge|big)\s+)?(?:thanks|thank\s+you|shout-?out|cheers)\b[^.!?\n]{0,40}?\bfor\s+(?:the|their|your)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# Someone else's pitch turned down: "thanks for the offer... but we're all set".
_DECLINED = Lazy(
    r"""\b(?:thanks?|thank\s+you)\s+(?:so\s+much\s+)?for\s+(?:the|your)\s+(?:kind\s+)?offer\b|\b(?:we'?re|i'?m)\s+(?:all\s+set|sorted
    |covered)\b|\bno\s+thanks\b|\b(?:we'?ll|i'?ll)\s+pass\b""",
    re.IGNORECASE | re.VERBOSE,
)


# What presses a reader to take an offer now, besides `_PRESSURE`'s buy-now words: a discount
# to close or a call to sign now (`_SIGN_OR_SAVE_NOW`), scarcity, a deadline, a call to book
# now, a keyword to reply with ("Reply DEAL"). An answer or an invitation that carries one is
# still a pitch ("message me to save a seat" is how an invitation is answered, not pressure).
_PRESSED = Lazy(
    rf"""{_SIGN_OR_SAVE_NOW}|\blimited\s+(?:spots|spaces|places|seats|availability)\b
    |\b(?:spots|spaces|places|seats)\s+(?:are\s+)?(?:left|remaining|limited)\b
    |\border\s+by\b|\b(?:book|register)\s+(?:now|today|here)\b|\bsign\s+up\s+here\b""",
    re.IGNORECASE | re.VERBOSE,
)
_REPLY_KEYWORD = Lazy(r"\b(?:[Rr]eply|REPLY|[Tt]ext|TEXT)\s+[A-Z]{2,}\b")


def _pressed(text: str) -> bool:
    """Whether `text` presses the reader to take an offer now: `_PRESSURE` (its links left
    out), `_URGENT`, `_PRESSED` or a keyword to reply with."""
    return (_PRESSURE.search(strip_urls(text)) is not None or _URGENT.search(text) is not None
            or _PRESSED.search(text) is not None or _REPLY_KEYWORD.search(text) is not None)


# A reply that opens as an answer ("@maria yes, there's a free 14-day trial: <link>", "@sam it
# does!") gives the facts someone asked for. The answer stands alone before its punctuation, so
# "no pressure, but..." or "there's a trial" is not one.
_ANSWER_OPENING = Lazy(
    rf"""\s*{OPENING_HANDLES}(?:yes|yep|yeah|yup|no|nope|sure|correct|of\s+course|not\s+yet|afraid\s+not
    |it\s+(?:does|doesn'?t|is|isn'?t|will|won'?t|can|can'?t)|there\s+(?:is|are|isn'?t|aren'?t))\s*[,.!:;\u2014\u2013-]""",
    re.IGNORECASE | re.VERBOSE,
)
# ... unless a sentence of it urges the reader to take the offer: "Yes!! Try the free trial",
# "Upgrade here".
_URGED = Lazy(
    r"""(?:^|(?<=[.!?:;\n]))\s*(?:try|start|grab|get|join|claim|sign\s+up|check\s+(?:it\s+|us\s+)?out|upgrade|order
    |buy|book|subscribe|register|switch)\b""",
    re.IGNORECASE | re.VERBOSE,
)


def _answers(text: str) -> bool:
    """Whether a reply opens as an answer and states the offer without pressing or urging it."""
    return (_ANSWER_OPENING.compiled.match(text) is not None and not _pressed(text)
            and _URGED.search(text) is None)


def _only_talked_about(post: Post, text: str, evidence: str) -> bool:
    """Whether the offer in `evidence` is refused, over, a notice, a warning or a joke, with
    nothing in `text` that presses the reader to buy now."""
    if post.kind in ("dm", "reply") and (
            (_ANSWERED.search(text) and not _upsold(text, evidence)) or _DECLINED.search(text)):
        return True
    if post.kind == "reply" and _answers(text):
        return True
    pressure = _PRESSURE.search(text)
    if pressure and not pressure.group(0).lower().startswith("http"):
        return False
    notice = _PRICE_CHANGE.search(text) is not None or _STANDING.search(text) is not None
    if pressure and (not notice or _PRESSURE.search(strip_urls(text))):
        return False  # (a notice's "details" link presses nobody)
    if notice or _OVER.search(text) or _PRICE_NOTICE.search(text) or _MOCK_SELLER.search(text) \
            or _ASKED_PUBLICLY.search(text):
        return True
    sentence = _sentence_of(text, evidence)
    if sentence is None:
        return False
    start = sentence.find(evidence.split(" \u2026 ")[0])
    if start >= 0 and (_REFUSED.search(sentence[:start]) or _REPORTED.search(sentence[:start])
                       or _DEFINED.search(sentence[:start]) or _THANKED_FOR.search(sentence[:start])):
        return True
    if _IRONIC.search(sentence) and _OWN_WORDS.isdisjoint(words_of(sentence)):
        return True
    return _WARNING.search(text) is not None and _OWN_WORDS.isdisjoint(words_of(sentence))


def is_first_dm(post: Post, earlier: Iterable[Post]) -> bool:
    """True when none of `earlier` is a DM of the same conversation sent before `post`. A DM
    with no thread and naming nobody follows any earlier DM, unless both greet different
    people by name ("Hi Priya, ..." then "Hi Tom, ...": a campaign's first DMs)."""
    people = people_of(post)
    identified = bool(post.in_reply_to or post.mentions)
    name = None if identified else greeted(post.text)
    for other in earlier:
        if other.kind != "dm" or other.id == post.id or other.created_at >= post.created_at:
            continue
        if not identified:
            if name is not None and (theirs := greeted(other.text)) is not None and theirs != name:
                continue  # another person greeted: another conversation
            return False
        if post.in_reply_to and post.in_reply_to in (other.in_reply_to, other.id):
            return False
        if len(people) > 1 and people_of(other) == people:
            return False
    return True


def pitch_evidence(post: Post, extra_phrases: Sequence[str] = ()) -> str | None:
    """The words that make `post` a sales pitch by this rule's judgement, or None.

    `extra_phrases` are the user's own (the `extra_phrases` threshold); with the default, none,
    it is the rule's judgement alone. Whether the post is a first DM does not enter: see
    `opening_pitch`."""
    text = strip_quoted(post.text)
    evidence = hard_sell_phrase(text)
    seen = bool(evidence)  # the patterns saw selling words, whether or not they stand
    if evidence:  # look again without sentences about selling (rare, so only when needed)
        narrowed = _without_topics(text)
        if narrowed != text:  # (most pitches hold no such sentence: the same text, the same answer)
            text, evidence = narrowed, hard_sell_phrase(narrowed)
    if evidence and disowned(text, evidence):
        evidence = None
    if evidence and post.kind != "dm" and _buyer_joking(text):
        evidence = None  # the author buying, not selling: a joke about prices
    if not evidence and cold_pitch(text, post.kind, post.author):  # an offer and its take-up, however worded
        seen = True
        evidence = cold_pitch(_without_topics(text), post.kind, post.author)
    if not evidence and (found := _lead_magnet(post, text) or _upsell_after_apology(post, text)):
        seen, evidence = True, found
    weighed = None  # the model's words, when it is the model that found the pitch
    if not seen and (post.kind == "dm" or _money(text)):
        # a pitch worded past the patterns; what they read and set aside stays set aside
        evidence = weighed = model_evidence(SALES_PITCH.id, text, post.kind)
    if evidence and (_not_selling_now(post, text, evidence) or _only_talked_about(post, text, evidence)
                     or _nothing_offered(text, evidence)):
        evidence = None
    if evidence and (_nothing_sold(text) if post.kind != "dm" else _invited_to_nothing_sold(text)):
        evidence = None  # a free event, a job or a cause: the call to sign up sells nothing
    evidence = evidence or extra_phrase(text, extra_phrases)
    if not evidence or _INVITED.search(text) or _followed_up(text) or (
            post.kind == "dm" and _GRANTED.search(text)):
        return None
    if evidence == weighed:
        return _sentence_quoted(text, evidence)
    return _with_price(text, evidence) if post.kind != "dm" else evidence


def _sentence_quoted(text: str, words: str) -> str:
    """The sentence of `text` that holds `words` (the n-gram the model weighed most), and the
    reader's take-up (`take_up`) when another sentence says it: the offer and the ask a reader
    can judge ("Shall I lock it in for you?", not "for you"). `words` when not found, or when
    the sentence is too long to quote."""
    start = text.find(words)
    if start < 0:
        return words
    begin, end = sentence_start(text, start), sentence_end(text, start + len(words))
    said = text[begin:end].strip()
    if len(said) > QUOTED_AT_MOST:
        return words
    ask = take_up(text)
    if ask is None or ask in said or " ".join(said.split()) in ask:
        return said
    return f"{ask} … {said}" if 0 <= text.find(ask) < begin else f"{said} … {ask}"


_PRICE_SIGNS = frozenset("$£€¥%")


def _with_price(text: str, evidence: str) -> str:
    """`evidence` (one phrase), and the price or sale word that makes the free offer of `text` a
    sale when `evidence` does not quote it: "Last chance to register … £20" says why a free
    webinar is sold, where "Last chance to register" alone would not be."""
    if " \u2026 " in evidence or "free" not in text.lower() or _NO_CHARGE.search(text) is None:
        return evidence
    said = strip_urls(text)  # (a sale in a link's path is no word of the post)
    money = _MONEY.search(said)
    if money is None:
        return evidence
    begin = max(said.rfind(" ", 0, money.start()), said.rfind("\n", 0, money.start())) + 1
    ends = [i for i in (said.find(" ", money.end()), said.find("\n", money.end())) if i >= 0]
    word = said[begin:min(ends, default=len(said))].strip(".,;:!?()\"'")
    # only a price says why ("£20", "50%"): `_MONEY` also reads sale words ("sales teams",
    # "clean code", "our clients"), which would send the reader after the wrong words
    if not any(c.isdigit() or c in _PRICE_SIGNS for c in word) or word.lower() in evidence.lower():
        return evidence
    return f"{evidence} … {word}"


def opening_pitch(post: Post, earlier: Iterable[Post]) -> str | None:
    """The pitch a DM opens its conversation with, or None: cold outreach.

    `post` is a DM, the first of its conversation among `earlier` (the account's DMs,
    `is_first_dm`), and pitches by this rule's judgement with its default thresholds: the
    post check's error, whatever the user made of the rule in their config (the conversation
    rules count such a DM as outreach, not as talking with someone, even where sales-pitch is
    ignored). The first-DM test comes first: `earlier` holds the few DMs that may share the
    conversation (`DmThreads`), while the pitch is read by the patterns and the model."""
    if post.kind != "dm" or not is_first_dm(post, earlier):
        return None
    return pitch_evidence(post)


@SALES_PITCH.post_check
def _hard_sell(post: Post, ctx: PostContext) -> Iterator[Hit]:
    evidence = pitch_evidence(post, ctx.thresholds["extra_phrases"])
    if not evidence:
        return
    if post.kind != "dm":
        yield Hit(
            message=f"Reads as a sales pitch (“{evidence}”). Lead with something useful; "
            "let people come to the offer.",
            evidence=evidence,
        )
        return
    # only the DMs that may share its conversation: a feed of thousands of DMs is not read
    # whole for each pitch
    earlier: Iterable[Post] = ctx.history.conversations.earlier(post) if ctx.history is not None else ()
    if is_first_dm(post, earlier):
        yield Hit(
            message=f"Pitches in the first DM of the conversation (“{evidence}”). Nobody "
            "connected to be sold to: start a conversation and save the offer.",
            evidence=evidence,
            severity="error",
        )
    else:
        yield Hit(
            message=f"Pitches in a DM (“{evidence}”). Make sure they asked for it.",
            evidence=evidence,
        )
