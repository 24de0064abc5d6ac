"""Blog feeds: RSS 2.0, RSS 1.0 and Atom, through feedparser (imported only when used).

Each entry becomes a `blog` post whose text is the plain text of the full content when the
feed carries it, else of the summary. An entry without a date takes the feed's own date
(channel `pubDate`/`lastBuildDate`, Atom `updated`); a feed with neither is an error,
because a made-up date would mislead every cadence check.

The article's own images (`<img>` in that same HTML) become the post's media with their alt
text, so `missing-alt-text` judges them: `alt` None when the tag has no alt attribute, ""
when it is empty. What the author did not put there is left out: tracking pixels, the feed
service's buttons (FeedBurner's FeedFlare, share and comment buttons), emoji, avatars and
spacers. So is an image the author marked decorative (`alt=""`, correct HTML) unless it
shows it carries meaning: a title, a caption, or the size of a picture (100 px or more each
way, as far as the HTML says). An `alt=""` kept is one left empty by mistake (old WordPress
wrote it on every image).
"""

from __future__ import annotations

import io
import re
import time
from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from assistant.errors import InputError
from assistant.models import Post
from assistant.text import html_to_text, on_domain

from ._common import UTC, Options, Parsed, entry, make_post, require_content


def parse_rss(data: bytes | str, name: str) -> list[Post]:
    """Posts from an RSS or Atom document (bytes as fetched; the XML declares its encoding)."""
    return [post for post in _read(data, name).posts if isinstance(post, Post)]  # all are


def _read(data: bytes | str, name: str) -> Parsed:
    import feedparser  # heavy: only when a feed is actually read

    raw = data.encode("utf-8") if isinstance(data, str) else data
    require_content(raw, name)
    # Three real feeds start with a newline before <?xml, which strict XML rejects.
    raw = raw.removeprefix(b"\xef\xbb\xbf").lstrip()
    # A file object, never a string: feedparser treats strings as URLs or paths to open.
    parsed = feedparser.parse(io.BytesIO(raw))
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        line = problem.getLineNumber() if hasattr(problem, "getLineNumber") else None
        reason = f" ({problem.getMessage()})" if hasattr(problem, "getMessage") else ""
        raise InputError(f"not an RSS or Atom feed{reason}", path=name, line=line)
    feed = parsed.feed
    title = str(feed.get("title") or "").strip() or None
    fallback = _moment(feed.get("published_parsed") or feed.get("updated_parsed"))
    posts = [_post(item, name, index, title, fallback)
             for index, item in enumerate(parsed.entries, start=1)]
    # Entry authors are bylines of one blog, not accounts of their own.
    return Parsed(posts, account=title, platform="blog", owner_only=True)


def _post(item: Any, name: str, index: int, feed_title: str | None,
          fallback: datetime | None) -> Post:
    """One entry as a blog post."""
    link = str(item.get("link") or "")
    what = f"entry {index} ({item.get('title') or link or 'untitled'})"
    with entry(name, what):
        created_at = _moment(item.get("published_parsed") or item.get("updated_parsed"))
        if created_at is None:
            created_at = fallback
        if created_at is None:
            raise ValueError("no published or updated date, and the feed has no date either")
        contents = item.get("content") or []
        body = str((contents[0].get("value", "") if contents else item.get("summary", "")) or "")
        fields = {
            "id": str(item.get("id") or link or f"{name}#{index}"),
            "platform": "blog",
            "kind": "post",
            "author": str(item.get("author") or feed_title or ""),
            "created_at": created_at,
            "title": str(item.get("title") or "") or None,
            "text": html_to_text(body),
            "urls": [link] if link else [],
            "media": article_images(body),
        }
    return make_post(fields, name, what)


def _moment(parsed: time.struct_time | None) -> datetime | None:
    """feedparser's parsed dates are UTC `struct_time`s."""
    if not parsed:
        return None
    return datetime(*parsed[:6], tzinfo=UTC)


def read(data: bytes, name: str, options: Options) -> Parsed:
    """The importer entry point; the account is the feed's title."""
    return _read(data, name)


# Images that are not the author's, by where they are served from: (host, path prefixes).
# A host matches its subdomains too (secure.gravatar.com).
_SERVICE_IMAGES: dict[str, tuple[str, ...]] = {
    # FeedBurner: /~r/ its 1x1 tracking pixel, /~f/ and (from about 2010) /~ff/ FeedFlare
    # buttons, /~a/ its ads.
    "feeds.feedburner.com": ("/~r/", "/~f/", "/~ff/", "/~a/"),
    "feedproxy.google.com": ("/~r/", "/~f/", "/~ff/", "/~a/"),
    "feedads.g.doubleclick.net": ("/",),
    # WordPress.com: the comment and share buttons under each post, stats pixels, emoji.
    "feeds.wordpress.com": ("/1.0/",),
    "stats.wordpress.com": ("/",),
    "pixel.wp.com": ("/",),
    "s.w.org": ("/images/core/emoji/",),
    "gravatar.com": ("/avatar/",),  # authors' and commenters' avatars
    "static.addtoany.com": ("/buttons/",),  # share buttons
    "addthis.com": ("/static/btn/", "/button"),
    "sharethis.com": ("/",),
    "feedsportal.com": ("/",),  # its tracking pixels and social buttons
}
# Boxes a feed service or a share plug-in fills with its own buttons: no image in them is
# the author's, whoever serves it.
_SERVICE_BOXES = frozenset({"feedflare", "sharedaddy", "addtoany_share_save_container",
                            "addthis_toolbox", "sharethis"})
# Classes blogs give smileys, emoji and avatars; folders of smiley images.
_SERVICE_CLASSES = frozenset({"wp-smiley", "emoji", "avatar"})
_SMILEY_FOLDERS = ("/smilies/", "/smileys/", "/emoticons/")
_SPACER_NAMES = frozenset({"spacer", "blank", "clear", "pixel", "transparent", "1x1"})
# Where a caption sits: <figure><figcaption>, WordPress's [caption] and TypePad's photo-wrap.
_CAPTION_BOXES = frozenset({"wp-caption", "photo-wrap"})
_CAPTIONS = frozenset({"wp-caption-text", "wp-caption-dd", "photo-caption"})
_BOX_TAGS = frozenset({"figure", "figcaption", "div", "dl", "p", "dd", "span"})
_IMG_TAG = re.compile("<img", re.IGNORECASE)
_PICTURE_SIZE = 100  # px each way: no decoration is this big


@dataclass(slots=True)
class _Image:
    url: str
    alt: str | None
    meaningful: bool  # titled, or picture-sized: an alt="" on it is a mistake
    box: int | None  # the caption box it sits in, if any


def article_images(markup: str) -> list[dict[str, Any]]:
    """The author's images in an article's HTML as media: {type, url, alt}, in order."""
    if not _IMG_TAG.search(markup):
        return []  # most entries of most feeds: no parse
    parser = _ImageParser()
    parser.feed(markup)
    parser.close()
    return [{"type": "image", "url": image.url, "alt": image.alt}
            for image in parser.images
            if image.alt != "" or image.meaningful
            or (image.box is not None and parser.captioned[image.box])]


class _ImageParser(HTMLParser):
    """The author's <img> tags, and which caption box each sits in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.images: list[_Image] = []
        self.captioned: list[bool] = []  # per caption box: whether it has a caption
        # open <figure>/<div>/<dl>: their caption box, and whether a service fills it
        self._open: list[tuple[str, int | None, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self._image(dict(attrs))
            return
        if tag not in _BOX_TAGS:
            return
        classes = set((dict(attrs).get("class") or "").split())
        if tag == "figcaption" or classes & _CAPTIONS:
            box = self._box()
            if box is not None:
                self.captioned[box] = True
        service = bool(classes & _SERVICE_BOXES)
        if tag == "figure" or (tag in ("div", "dl") and classes & _CAPTION_BOXES):
            self._open.append((tag, len(self.captioned), service))
            self.captioned.append(False)
        elif tag in ("div", "dl"):
            self._open.append((tag, None, service))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("figure", "div", "dl"):
            # Close the innermost open one of that tag (and any left open inside it).
            for depth in range(len(self._open) - 1, -1, -1):
                if self._open[depth][0] == tag:
                    del self._open[depth:]
                    break

    def _box(self) -> int | None:
        return next((box for _, box, _ in reversed(self._open) if box is not None), None)

    def _image(self, attrs: dict[str, str | None]) -> None:
        url = (attrs.get("src") or "").strip()
        if not url or any(service for _, _, service in self._open):
            return
        width, height = _size(attrs)
        if not _authors(url, attrs.get("class") or "", width, height):
            return
        alt = attrs.get("alt")
        if "alt" in attrs and not (alt and alt.strip()):
            alt = ""  # <img alt> and alt=" " are alt=""
        sizes = [n for n in (width, height) if n is not None]
        meaningful = bool((attrs.get("title") or "").strip()) or bool(
            sizes and min(sizes) >= _PICTURE_SIZE)
        self.images.append(_Image("" if url.startswith("data:") else url, alt, meaningful,
                                  self._box()))


def _authors(url: str, classes: str, width: int | None, height: int | None) -> bool:
    """False for an image the author did not put in the article (see the module docstring)."""
    if (width is not None and width <= 1) or (height is not None and height <= 1):
        return False  # a tracking pixel or a spacer, whoever serves it
    if _SERVICE_CLASSES & set(classes.lower().split()):
        return False
    parts = urlsplit(url)
    host, path = (parts.hostname or "").removeprefix("www."), parts.path
    for service, prefixes in _SERVICE_IMAGES.items():
        if on_domain(host, (service,)) and path.startswith(prefixes):
            return False
    lowered = path.lower()
    if any(folder in lowered for folder in _SMILEY_FOLDERS):
        return False
    stem, _, extension = lowered.rpartition("/")[2].rpartition(".")
    return not (extension in ("gif", "png") and stem in _SPACER_NAMES)


def _size(attrs: dict[str, str | None]) -> tuple[int | None, int | None]:
    """Width and height in px from the attributes, else from an inline style (else None)."""
    style = {}
    for declaration in (attrs.get("style") or "").split(";"):
        prop, _, value = declaration.partition(":")
        style[prop.strip().lower()] = value
    return (_pixels(attrs.get("width") or style.get("width")),
            _pixels(attrs.get("height") or style.get("height")))


def _pixels(value: str | None) -> int | None:
    """A length in px ("240", "240px"); None for none, a percentage or "auto"."""
    text = (value or "").strip().lower().removesuffix("px").strip()
    if not text:
        return None
    whole = text.partition(".")[0]
    return int(whole) if whole.isdigit() else None
