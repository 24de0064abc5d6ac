"""One account per audit: which posts of the given files belong to which account.

A file with several authors (an API dump of a conversation, a support data set, a CSV of
a team's accounts) is one account's feed plus other people's posts. Its account is the
author of most posts, or the one the user names (`author`); in a support file only the
side that answers can be it (`Parsed.account_authors`). Posts of others are left out
and counted, never judged as the account's words.

Several files: those of the same account (and platform) merge, as pages of one feed do;
files of different accounts stay apart, one group each. A file that names no author at
all (a scheduler's CSV) is its own account unless `name` (or `author`) says whose it is.
An owner-only file whose account name is only its file name (an X archive part without
the account's own media) joins the one account the other owner-only files of the same
platform show, else the one `name` (or `author`) says; archives that show different
usernames stay apart even under `name`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

from assistant.errors import InputError
from assistant.models import Post, PostRecord

from ._common import Parsed, most_common


def handle_key(author: str) -> str:
    """How two spellings of one handle compare: `@Brand` and `brand` are the same."""
    return author.strip().removeprefix("@").casefold()


@dataclass
class Group:
    """The posts of one account across the files that hold it."""

    platform: str
    account: str  # the name to show
    files: list[str] = field(default_factory=list)
    parts: list[Parsed] = field(default_factory=list)  # each file's posts of this account
    left_out: int = 0  # posts of other authors in these files
    others: set[str] = field(default_factory=set)  # those authors (keys)


def split_accounts(files: list[tuple[str, Parsed]], *, author: str | None = None,
                   name: str | None = None, platform: str | None = None) -> list[Group]:
    """Groups of posts by account, in the order their first file was given."""
    groups: dict[tuple[str, str], Group] = {}
    found = _found_owners(files, platform)
    for file_name, parsed in files:
        stand_in = found.get(platform or parsed.platform) \
            if parsed.owner_only and _guessed(parsed) else None
        key, shown, kept, others = _file_account(file_name, parsed, author, name, stand_in)
        file_platform = (platform or most_common([p.platform for p in kept])
                         or parsed.platform)
        group = groups.get((file_platform, key))
        if group is None:
            group = groups[(file_platform, key)] = Group(platform=file_platform, account=shown)
        group.files.append(file_name)
        # A guessed name is no author: the posts are the account's the file joined.
        guessed = parsed.owner_only and _guessed(parsed)
        fill = (stand_in or author or name or shown) if guessed else parsed.author or shown
        group.parts.append(Parsed(kept, account=parsed.account, platform=parsed.platform,
                                  author=fill, planned=parsed.planned))
        group.left_out += sum(others.values())
        group.others.update(others)
    result = [g for g in groups.values() if any(part.posts for part in g.parts)]
    for empty in groups.values():
        # A file with none of the chosen account's posts: all of it was left out.
        if not any(empty is group for group in result):
            for group in result:
                group.left_out += empty.left_out
                group.others.update(empty.others)
    if author is not None and not result:
        raise InputError(f"no posts by {author} in {', '.join(n for n, _ in files)}"
                         f"{_who(files)}")
    if name is not None and len(result) > 1:
        listing = ", ".join(f"{g.account} ({', '.join(g.files)})" for g in result)
        raise InputError(f"--name names one account, but the files hold {len(result)}: "
                         f"{listing}; audit them one at a time or choose one with --author")
    result = result or list(groups.values())[:1]
    if name is not None:
        for group in result:
            group.account = name
    return result


def _guessed(parsed: Parsed) -> bool:
    """The file's account name is the file's own name, not one its data shows."""
    return parsed.account_guessed or not parsed.account


def _found_owners(files: list[tuple[str, Parsed]], platform: str | None) -> dict[str, str]:
    """Per platform, the one account that owner-only files show in their data (the parts
    of an X archive with the account's own media), when exactly one does."""
    names: dict[str, dict[str, str]] = {}
    for _, parsed in files:
        if parsed.owner_only and not _guessed(parsed) and parsed.account:
            names.setdefault(platform or parsed.platform, {}).setdefault(
                handle_key(parsed.account), parsed.account)
    return {p: next(iter(found.values())) for p, found in names.items() if len(found) == 1}


def _file_account(file_name: str, parsed: Parsed, author: str | None, name: str | None,
                  stand_in: str | None = None) -> tuple[str, str, Sequence[Post | PostRecord], Counter[str]]:
    """(account key, name to show, the account's posts, other authors' post counts).

    `stand_in` is the account an owner-only file whose name is only a guess joins: the
    one the other files of this audit show."""
    stem = PurePath(file_name.replace("\\", "/")).stem or file_name
    if parsed.owner_only:
        # The file is the account's feed (a blog, an archive): bylines are not accounts.
        account = parsed.account or stem
        if _guessed(parsed):
            # A file name says nothing of whose posts these are: the account the other
            # files show, or the one the user names, has a better claim.
            claimed = stand_in or author or name
            if claimed is not None and (author is None
                                        or handle_key(author) == handle_key(claimed)):
                return handle_key(claimed), stand_in or author or account, parsed.posts, \
                    Counter()
        if author is not None and handle_key(author) != handle_key(account):
            return handle_key(author), author, [], Counter({handle_key(account):
                                                            len(parsed.posts)})
        return handle_key(account), account, parsed.posts, Counter()
    counts = Counter(handle_key(p.author) for p in parsed.posts if p.author)
    counts.pop("", None)
    if not counts:
        chosen = author or name
        if chosen is not None:
            return handle_key(chosen), name or chosen, parsed.posts, Counter()
        return f"\x00{file_name}", parsed.account or stem, parsed.posts, Counter()
    if author is not None:
        main = handle_key(author)
    else:
        allowed = {handle_key(a) for a in parsed.account_authors or ()}
        candidates = Counter({k: v for k, v in counts.items() if k in allowed}) \
            if allowed else counts
        main = (candidates or counts).most_common(1)[0][0]
    kept = [p for p in parsed.posts if not p.author or handle_key(p.author) == main]
    others = Counter({k: v for k, v in counts.items() if k != main})
    shown = next((p.author for p in kept if p.author), author or main)
    return main, shown, kept, others


def _who(files: list[tuple[str, Parsed]]) -> str:
    """" (authors there: a 12, b 3, ...)" to help choose."""
    counts: Counter[str] = Counter()
    for _, parsed in files:
        if parsed.owner_only:
            counts[parsed.account or "?"] += len(parsed.posts)
        else:
            counts.update(p.author for p in parsed.posts if p.author)
    if not counts:
        return " (no post names its author)"
    top = ", ".join(f"{a} {n}" for a, n in counts.most_common(5))
    return f" (authors there: {top}{', ...' if len(counts) > 5 else ''})"
