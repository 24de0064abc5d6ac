"""mention-push: tagging people to push the author's own content at them.

"@robert check out our latest post" or "@a @b thought you'd love our new guide <link>"
uses a person's notifications as an ad slot. Talking with people ("@robert congrats on
the launch!", "@robert what did you think of the keynote?") is the point of the platform
and never fires. It fires when a post that tags someone also
  - pushes (check out, have a look, thought you'd love, our new guide, ICYMI...) at
    content that is the author's own: "our/my ..." or a link (to one of the account's own
    domains when those are configured; any link otherwise, unless it credits a third
    party with "@x's", "their", "his" or "her"), or
  - blasts a link at `tag_blast_mentions` or more people with no word of thanks,
    congratulations or question.
A reply that answers ("here's our guide on that", "good question", "as promised") is
help, not a push.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from assistant.checks.registry import Hit, PostContext, rule
from assistant.checks.signals import Lazy, Phrases, links_to, strip_quoted
from assistant.models import Post

MENTION_PUSH = rule(
    "mention-push",
    severity="warning",
    component="promotion",
    rationale=(
        "Tagging people only to put our link in front of them is spam with a name on it: "
        "it spends their attention and our reputation. Tag people to talk with them, "
        "credit them or answer them."
    ),
    thresholds={"tag_blast_mentions": 3},
    applies_to=("post", "reply", "quote"),
)

_CONTENT = (
    r"(?:post|blog(?:\s+post)?|guide|article|episode|video|podcast|report|e-?book|webinar|course"
    r"|tool|app|product|thread|newsletter|case\s+study|white\s?paper|book|launch|piece|playbook"
    r"|template|checklist|survey|research|study|site|website|page|offer|deck|talk|work)"
)
_PUSH = Phrases(
    [
        ("check", r"\bcheck\s+(?:out|(?:this|it|these)\s+out)\b"),
        ("look peek read listen watch gander",
         r"""(?<!\b(?:let'?s|let\s+us|we'?ll|we\s+will|i'?ll|i\s+will|we|i|to|will|gonna|can|could|shall)\s+)
         \b(?:have|take)\s+a\s+(?:quick\s+)?(?:look|peek|read|listen|watch|gander)\b"""),
        ("give",
         rf"""\bgive\s+(?:it|this|them|(?:our|my)\s+(?:\w+\s+){{0,2}}?{_CONTENT})\s+a\s+
         (?:quick\s+)?(?:read|look|listen|watch|spin|try|go|share)\b"""),
        ("thought",
         r"""\bthought\s+(?:you|u|y'all|you\s+all|you\s+guys)(?:'d|\s+would|\s+might|\s+may)?\s+
         (?:love|like|enjoy|appreciate|find|be\s+interested|dig|want)\b"""),
        ("you'll you'd will might may would",
         r"""\b(?:you|u)(?:'ll|\s+will|\s+might|\s+may|\s+would|'d)\s+(?:\w+\s+)?
         (?:love|like|enjoy|find|appreciate|dig)\s+(?:our|my|this|it)\b"""),
        ("should need have must gotta ought",
         r"""\b(?:you|u)\s+(?:should|need\s+to|have\s+to|must|gotta|ought\s+to)\s+
         (?:read|see|watch|check|try|listen)\b"""),
        ("our my",
         rf"""\b(?:read|watch|listen\s+to|download|grab|see|try|sign\s+up\s+for|join)\s+(?:our|my)\b
         | \b(?:our|my)\s+(?:brand[-\s])?(?:new|latest|recent|fresh)\s+(?:\w+\s+){{0,2}}?{_CONTENT}\b"""),
        ("just recently",
         r"\b(?:just|recently)\s+(?:published|posted|dropped|released|launched|wrote|shipped|put\s+out)\b"),
        ("icymi missed link",
         r"""\bicymi\b | \bin\s+case\s+you\s+missed\s+it\b
         | \blink\s+in\s+(?:bio|(?:the\s+)?comments)\b"""),
        ("love",
         r"""\b(?:would|we'd|i'd)\s+love\s+(?:your|to\s+get\s+your|to\s+hear\s+your)\s+
         (?:thoughts|take|feedback|eyes|opinion)\s+on\s+(?:our|my)\b"""),
        ("worth", r"\b(?:worth|might\s+be\s+worth)\s+a\s+(?:read|look|listen|watch)\b"),
        ("useful helpful relevant",
         r"""\b(?:useful|helpful|relevant)\s+for\s+your\s+
         (?:followers|audience|network|readers|team|clients)\b"""),
    ]
)
_OWN = Lazy(rf"\b(?:our|my)\s+(?:[\w-]+\s+){{0,3}}?{_CONTENT}\b", regex.IGNORECASE)
# Crediting someone else's work: "@x's book", "their new site", "by @x", "@x did a great job".
_THIRD_PARTY = Lazy(
    r"""@[\w.]+['’]s\b|\b(?:their|his|her)\s+\w+
    |\b(?:by|from|via|thanks\s+to)\s+@[\w.]+
    |@[\w.]+\s+(?:did|made|built|wrote|created|designed|shipped|launched|published|has\s+made)\b""",
    regex.IGNORECASE | regex.VERBOSE,
)
_ANSWER = Lazy(
    r"""\b(?:here'?s|here\s+is|here\s+are|here\s+you\s+go|this\s+(?:might|should|may|will|could)\s+help
    |to\s+answer|you\s+asked|good\s+question|great\s+question|as\s+(?:promised|requested|discussed)
    |happy\s+to\s+help|hope\s+(?:this|that|it)\s+helps|in\s+answer)\b""",
    regex.IGNORECASE | regex.VERBOSE,
)
_SOCIAL = Lazy(
    r"""\b(?:congrat\w*|thanks?|thank\s+you|welcome|kudos|well\s+done|shout-?out|happy\s+birthday
    |loved|great\s+(?:talk|chat|meeting|work)|proud|honou?red)\b|\?""",
    regex.IGNORECASE | regex.VERBOSE,
)


def _tagged(post: Post) -> list[str]:
    own = post.author.lower().lstrip("@")
    seen: dict[str, None] = {}
    for mention in post.mentions:
        if mention.lower().lstrip("@") != own:
            seen.setdefault(mention, None)
    return list(seen)


@MENTION_PUSH.post_check
def _pushes_at_people(post: Post, ctx: PostContext) -> Iterator[Hit]:
    tagged = _tagged(post)
    if not tagged:
        return
    text = strip_quoted(post.text)
    if post.kind == "reply" and _ANSWER.search(text):
        return
    if ctx.own_domains:
        own_link = bool(links_to(post, ctx.own_domains))
    else:
        own_link = bool(post.urls) and not _THIRD_PARTY.search(text)
    who = " ".join(tagged[:5]) + (" …" if len(tagged) > 5 else "")
    push = _PUSH.search(text)
    own = _OWN.search(text) if push else None
    if push and (own_link or own):
        start, end = push.span()
        if own and abs(own.start() - start) < 80:
            start, end = min(start, own.start()), max(end, own.end())
        said = " ".join(text[start:end].split())
        yield Hit(
            message=f"Tags {who} to push our own content at them (“{said}”). "
            "Tag people to talk with them, credit them or answer them.",
            evidence=f"{who}: {said}",
        )
    elif (
        len(tagged) >= ctx.thresholds["tag_blast_mentions"]
        and own_link
        and not _SOCIAL.search(text)
    ):
        yield Hit(
            message=f"Tags {len(tagged)} people next to a link with no word for them. "
            "A tag is a notification on someone's phone: say why it is for them.",
            evidence=f"{len(tagged)} people tagged: {who}",
        )
