"""link-only: a link with nothing around it for the reader.

A bare link, or one dressed only in filler ("New post:", "Check it out", "Read more",
"Latest blog 👇", trailing hashtags, emoji, tags), asks for a click and gives nothing: no
point, no opinion, no reason to care. It fires when, after removing links, mentions,
trailing hashtags, emoji, numbers, punctuation and filler words, fewer than `min_words`
words remain; a hashtag inside the sentence ("#RxJS version 5") is a word. Japanese, Chinese
and Thai put no spaces between words: there about two characters make a word.

Left alone: replies (a link in answer to someone is help), blog posts (they have a body),
posts with a picture or video (the reader gets something without clicking), and quote
posts with any commentary at all (the quoted post is shown in full; "🔥" over it is a
reaction, which is what quoting is for). A quote of a post on X, Bluesky, Mastodon or
Threads counts as a quote whether the importer marked it or the text links the post.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator

from assistant.checks.registry import Hit, PostContext, rule
from assistant.models import Post
from assistant.text import LazyRe, extract_urls

LINK_ONLY = rule(
    "link-only",
    severity="warning",
    component="conversation",
    rationale=(
        "A bare link is a broadcast, not a conversation: say what is in it and why it "
        "matters to the reader, or there is no reason to click and nothing to reply to."
    ),
    thresholds={"min_words": 2},
    applies_to=("post", "quote", "dm"),
)

# Words that fill space around a link without saying anything about it.
_FILLER_WORDS = """
    new newest latest recent fresh just now today out live up here this that it its our my
    the a an post posts blog blogs article articles piece story video videos episode podcast
    pod read reading more check look looking see watch listen click tap link links below
    above bio in on at from via by of to for and is are please pls go find get full
    icymi case you missed fyi must worth must-read hot off press published posted dropped
    thread guide newsletter issue edition update updates ep vol part
"""
_FILLER = frozenset(_FILLER_WORDS.split())
# Punctuation to trim from a word; # and @ stay, so tags can be recognised and dropped.
_PUNCTUATION = string.punctuation.replace("#", "").replace("@", "") + "\u2018\u2019\u201c\u201d\u2026\u2013\u2014\u00ab\u00bb"


# A link to one post, which the platform shows as a quoted post: X/Twitter status,
# Bluesky post, Mastodon status (/@user/123 or /users/user/statuses/123), Threads post.
_POST_PERMALINK = re.compile(
    r"""^(?:https?://)?(?:www\.|mobile\.|m\.)?
        (?: (?:twitter|x)\.com/\w+/status(?:es)?/\d+
          | bsky\.app/profile/[^/\s]+/post/\w+
          | threads\.(?:net|com)/@[\w.]+/post/[\w-]+
          | [a-z0-9.-]+\.[a-z]{2,}/(?:@\w+|users/\w+/statuses)/\d{6,}
        )""",
    re.IGNORECASE | re.VERBOSE,
)
_SHOWN_MEDIA = frozenset({"image", "video", "gif"})


def _is_link(word: str) -> bool:
    """A link as written: with a scheme, from www., or a short link without either
    ("bit.ly/3AfAU"), as `extract_urls` reads one."""
    return ("://" in word or word.lower().startswith("www.")
            or ("/" in word and "." in word and bool(extract_urls(word))))


def quotes_a_post(post: Post) -> bool:
    """True for a quote: marked as one, or linking a single post that the platform
    shows inline (a status permalink)."""
    return post.kind == "quote" or any(_POST_PERMALINK.match(url) for url in post.urls)


def _commentary(text: str) -> str:
    """What a quote says besides its links: words, emoji, tags."""
    return " ".join(t for t in _unglued(text).split() if not _is_link(t)).strip()


def _sentence_end(tokens: list[str]) -> int:
    """Index just past the last token that is part of the sentence: what follows is a
    block of tags, links and emoji, whose hashtags are labels rather than words."""
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        if _is_link(token) or token.startswith(("#", "@")):
            continue
        if any(char.isalnum() for char in token):
            return index + 1
    return 0


def substantive_words(text: str, enough: int = 1_000) -> list[str]:
    """The words of `text` that say something: no links, tags, emoji, numbers or filler.

    Stops counting at `enough`. Splitting on white space is several times cheaper than a
    pattern over the whole post, and this runs on every post with a link.
    """
    words: list[str] = []
    tokens = _unglued(text).split()
    end = -1  # where the sentence ends, found when the first hashtag asks (most posts stop before one)
    for index, token in enumerate(tokens):
        if _is_link(token):
            continue
        core = token.strip(_PUNCTUATION).lower()
        if core.startswith("#"):
            if end < 0:
                end = _sentence_end(tokens)
            if index < end:  # a hashtag inside the sentence is a word
                core = core[1:]
        if not core or core[0] in "#@" or core in _FILLER or core.isdigit():
            continue
        if not (core.isalnum() or any(char.isalnum() for char in core)):  # emoji, arrows (most words: one C call)
            continue
        words.append(core)
        if not core.isascii():  # Japanese, Chinese, Thai: a sentence is one "word" between spaces
            words.extend([core] * (len(_UNSPACED.compiled.findall(core)) // _CHARS_A_WORD - 1))
        if len(words) >= enough:
            break
    return words


# Scripts written without spaces between words, and about how many of their characters make
# a word (Japanese and Chinese words are mostly one to three characters long). Compiled when
# a text beyond ASCII first needs it (~5 ms: these ranges are most of the BMP's letters).
_UNSPACED = LazyRe("[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CHARS_A_WORD = 2
_GLUED_LINK = re.compile(r"(?<=\S)(?=https?://)", re.IGNORECASE)


def _unglued(text: str) -> str:
    """`text` with a space before a link written straight after a word ("20%オフ！https://..."),
    as scripts without spaces do: the words before it are not part of the link."""
    # Most links follow a space: a look at each "://" answers that (~3x cheaper than the
    # pattern's scan of every position); the pattern rewrites the rest.
    at = text.find("://")
    while at >= 0:
        head = text[max(0, at - 6):at]
        if not head.isascii():  # (the pattern's case folding reads "ſ" as "s")
            return _GLUED_LINK.sub(" ", text)
        head = head.lower()
        start = at - 5 if head.endswith("https") else at - 4 if head.endswith("http") else 0
        if start > 0 and not text[start - 1].isspace():
            return _GLUED_LINK.sub(" ", text)
        at = text.find("://", at + 3)
    return text


def _filler_shown(text: str) -> str:
    return " ".join(t for t in _unglued(text).split() if not _is_link(t))


@LINK_ONLY.post_check
def _bare_link(post: Post, ctx: PostContext) -> Iterator[Hit]:
    if not post.urls or post.platform == "blog":
        return
    if any(m.type in _SHOWN_MEDIA for m in post.media):
        return
    if quotes_a_post(post):
        if not _commentary(post.text):
            yield Hit("A quote with nothing added: say why you share it, or just repost it.",
                      evidence=post.urls[0][:120])
        return
    enough = ctx.thresholds["min_words"]
    if len(substantive_words(post.text, enough)) >= enough:
        return
    around = _filler_shown(post.text)
    yield Hit(
        message=(
            "Just a link" + (" and filler" if around else "")
            + ": say what is in it and why it matters to the reader."
        ),
        evidence=(around or post.urls[0])[:120],
    )
