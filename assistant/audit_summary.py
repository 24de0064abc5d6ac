"""How an audit says, in plain words, what one post rule found at one severity.

"3 of 405 posts (0.7%) are over the platform's limit" reads as what it is (every output
puts the rule id in front: "too-long: 3 of 405 ..."); "too-long in 228 of 405 posts" did
not say whether a post would be rejected or merely runs long. The words are per rule and
severity, singular and plural; a rule without words here (a new or a custom one) still
gets a correct sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.text import count

if TYPE_CHECKING:
    from assistant.models import FeedStats

# (rule, severity or None for any) -> (what one post does, what several posts do)
_SAYS: dict[tuple[str, str | None], tuple[str, str]] = {
    ("too-long", "error"): ("is over the platform's limit", "are over the platform's limit"),
    ("too-long", "info"): ("is longer than what performs", "are longer than what performs"),
    ("too-long", None): ("is too long", "are too long"),
    ("sales-pitch", "error"): (
        "pitches in the first DM of a conversation", "pitch in the first DM of a conversation"),
    ("sales-pitch", None): ("reads as a sales pitch", "read as a sales pitch"),
    ("share-begging", None): ("asks for shares", "ask for shares"),
    ("mention-push", None): (
        "tags people only to put a link in front of them",
        "tag people only to put a link in front of them"),
    ("link-only", None): (
        "is a bare link with nothing said about it", "are bare links with nothing said about them"),
    ("hashtag-stuffing", "error"): (
        "has more hashtags than the platform allows", "have more hashtags than the platform allows"),
    ("hashtag-stuffing", None): (
        "has more hashtags than the platform's norm", "have more hashtags than the platform's norm"),
    ("missing-alt-text", None): (
        "has a picture without alt text", "have pictures without alt text"),
    ("repeat-post", None): ("repeats an earlier post", "repeat earlier posts"),
    ("stale-latest", None): (
        "calls an old link new", "call old links new"),
}


# The kinds of post as a count names them: (one, several).
_NOUNS = {"post": ("post", "posts"), "reply": ("reply", "replies"), "repost": ("repost", "reposts"),
          "quote": ("quote", "quotes"), "dm": ("DM", "DMs")}


def summary(rule: str, count: int, of: int, severity: str | None = None,
            kinds: list[str] | None = None, in_force: frozenset[str] | None = None) -> str:
    """"N of M posts (share) do what the rule says", with the verb agreeing with N.

    `severity` is the severity the rule's check gave these hits, or None when they are of
    several kinds (a rule re-graded in config puts all its hits at one severity). `kinds`
    are the kinds of post counted when the rule checks only some of a feed's ("9 of 171
    posts and quotes": the feed's replies were not counted), else None. `in_force` are the
    ids of the rules in force (None: every rule): not-english names only the checks of
    them that did not read the posts, as its note on each post does.
    """
    if rule == "not-english":
        one, several = _not_read(in_force)
    else:
        one, several = (
            _SAYS.get((rule, severity)) or _SAYS.get((rule, None)) or ("is flagged", "are flagged")
        )
    return f"{count} of {of} {_counted(of, kinds)} ({percent(count / of)}) {one if count == 1 else several}"


def _not_read(in_force: frozenset[str] | None) -> tuple[str, str]:
    """not-english's words, one post and several: which checks in force did not read them,
    in the words of the note on each post (`not_english.unread`), so that the two agree."""
    # Imported here: the rules load for an audit's sentence, not for every surface that
    # imports this module for its notes (a Slack or Teams card).
    from assistant.checks.rules.not_english import unread

    said = unread(in_force)
    if said is None:  # none of the checks it speaks for in force: the rule set leaves it out
        return "does not read as English", "do not read as English"
    looked_for, those = said
    return (f"does not read as English, so nothing checked it for {looked_for} ({those} English "
            "only): have someone who reads it check",
            f"do not read as English, so nothing checked them for {looked_for} ({those} English "
            "only): have someone who reads them check")


def _counted(of: int, kinds: list[str] | None) -> str:
    """What M counts: "posts", or the kinds counted ("posts, quotes and DMs")."""
    if not kinds:
        return "post" if of == 1 else "posts"
    if of == 1 and len(kinds) == 1:
        return _NOUNS[kinds[0]][0]
    names = [_NOUNS[kind][1] for kind in kinds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def percent(share: float) -> str:
    """One decimal, but never "0.0%" for a rule that did fire."""
    return "<0.1%" if 0 < share < 0.001 else f"{share:.1%}"


def posts_in_all(stats: FeedStats) -> str:
    """"2096 posts in all (77 replies, 87 reposts)": every item of the feed, with the kinds it
    holds said to be among them. "2096 posts, 77 replies, 87 reposts" read as 2,260 items,
    and as 77 replies beside a rule's "34 replies" (to others) with nothing to tell why."""
    kinds = [count(n, noun) for n, noun in ((stats.replies, "reply"), (stats.reposts, "repost"),
                                            (stats.quotes, "quote"), (stats.dms, "DM")) if n]
    return f"{count(stats.posts, 'post')} in all" + (f" ({', '.join(kinds)})" if kinds else "")


def later_note(stats: FeedStats) -> str:
    """What an audit left out as not posted yet ("20 posts dated later not audited"), or ""
    when nothing was: every surface says it in the same words."""
    return f"{count(stats.later, 'post')} dated later not audited" if stats.later else ""


def left_out_short(stats: FeedStats) -> str:
    """Other authors' posts an audit left out, where the card names the account judged ("80
    posts of other accounts left out"), or "" when none was."""
    return f"{count(stats.left_out, 'post')} of other accounts left out" if stats.left_out else ""


def left_out_note(source: str, account: str, left_out: int, other_accounts: int) -> str:
    """Whose posts an audit of a file of several authors judged, and what it left out: every
    surface says it in the same words."""
    return (f"{source}: audited {account}; left out {count(left_out, 'post')} of "
            f"{count(other_accounts, 'other account')}")
