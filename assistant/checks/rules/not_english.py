"""not-english: a note that the English-only rules could not read a post.

share-begging, sales-pitch and mention-push read English only. A Spanish "¡Compra ahora!
50% de descuento solo hoy" or a German "Jetzt kaufen – nur heute 30 % Rabatt!" passed them
unchecked and came back clean, scored 100: the reviewer trusted a verdict the tool never
formed. This note says so, names the language when it is told reliably (else the script,
else "not English"; see `assistant.checks.language`), and asks for someone who reads it.

It is a note, not a fault (`component=None`): a post is no worse for its language, so it
moves neither a review's score or verdict nor a feed's health. It reads the kinds of post
the English-only rules read (not reposts, someone else's words), names only those of them
in force, and is left out when none is. Posts too short to tell ("¡Gracias!", a link and
an emoji) get no note; they hold too little for a pitch or a request anyway.
"""

from __future__ import annotations

from functools import lru_cache

from assistant.checks.language import foreign_language
from assistant.checks.registry import TEXT_KINDS, Hit, PostContext, rule
from assistant.models import Post

SPEAKS_FOR = ("share-begging", "sales-pitch", "mention-push")
# What each of them looks for, as the note names it.
_LOOKS_FOR = {"share-begging": "share requests", "sales-pitch": "sales pitches",
              "mention-push": "mention pushes"}

NOT_ENGLISH = rule(
    "not-english",
    severity="info",
    component=None,
    rationale=(
        "share-begging, sales-pitch and mention-push read English only: a post in another "
        "language passes them unchecked, and a clean review of it would be a verdict nobody "
        "formed. This note says which post was not read and in which language, so someone "
        "who reads it can check. A post is no worse for its language: the note moves no score."
    ),
    applies_to=TEXT_KINDS,
    speaks_for=SPEAKS_FOR,
)


@lru_cache(maxsize=64)
def unread(in_force: frozenset[str] | None) -> tuple[str, str] | None:
    """What the rules in force that the note speaks for look for ("share requests, sales
    pitches or mention pushes") and "those checks read" or "that check reads"; None when
    none of them is in force. The note on a post and an audit's sentence
    (`assistant.audit_summary`) both name them so: what one says the other says."""
    looked_for = [_LOOKS_FOR[r] for r in SPEAKS_FOR if in_force is None or r in in_force]
    if not looked_for:
        return None
    if len(looked_for) == 1:
        return looked_for[0], "that check reads"
    return ", ".join(looked_for[:-1]) + " or " + looked_for[-1], "those checks read"


@NOT_ENGLISH.post_check
def _not_read(post: Post, ctx: PostContext) -> tuple[Hit, ...]:
    found = foreign_language(post.text)
    if found is None:
        return ()
    said = unread(ctx.in_force)
    if said is None:
        return ()
    looked_for, those = said
    return (Hit(
        message=f"Not checked for {looked_for}: this {found.says}, and {those} English only. "
                "Have someone who reads it check.",
        evidence=f"{found.label}: {found.evidence}",
        post_id=post.id,
    ),)
