"""missing-alt-text: an image or GIF without a description a screen reader can read.

Missing means no alt at all, an empty or blank one, or junk that describes nothing:
"image", "photo", "alt", "img_1234.jpg", "DSC_0042", "screenshot", "#teamwork #offsite",
a CMS's "image from x.typepad.com". Each bad image is its own finding ("image 2 of 3"), so
the person fixing it knows which one. Videos are left alone (they need captions, which
posts do not carry); reposts and DMs are skipped.

A blog article's images come from its HTML (`assistant.sources.rss`), which keeps `alt=""`
only on an image that carries meaning: there the alt was left empty by mistake, and the
finding says so ("alt left empty"), as the fix is to fill in the field the CMS shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.checks.registry import Hit, PostContext, rule
from assistant.checks.signals import Lazy
from assistant.models import Post

MISSING_ALT_TEXT = rule(
    "missing-alt-text",
    severity="warning",
    component="accessibility",
    rationale=(
        "Without alt text an image says nothing to people who use screen readers, and we "
        "tell clients to write it: a sentence on what the picture shows and why it is there."
    ),
    thresholds={"min_chars": 3},
    applies_to=("post", "reply", "quote"),
)

_JUNK = Lazy(
    r"""^\W*(?:
        (?:an?\s+|the\s+)?(?:image|img|photo|picture|pic|foto|graphic|photograph|screenshot
          |screen\s*shot|alt|alt\s*text|alt\s*tag|description|placeholder|untitled|gif|logo
          |banner|thumbnail|icon|media|attachment|file|jpe?g|png|null|none|n/?a|todo|tbd|test|unnamed)
          (?:\s*(?:of|for|here|below|\d+))?
      | (?:img|image|dsc|dscn|dcim|pxl|photo|screenshot|screen\s*shot|whatsapp\s+image|unnamed)
          [\s_-]*\d[\d\s_.:,-]*(?:at[\d\s_.:,-]*(?:[ap]m)?)?(?:\.\w{3,4})?
      | [\w.-]+\.(?:jpe?g|png|gif|webp|heic|bmp|tiff?|svg|avif)
      | \d+
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)


def alt_problem(alt: str | None, min_chars: int = 3) -> str | None:
    """Why `alt` does not describe an image ("no alt text", "junk alt text"), or None."""
    if alt is None or not alt.strip():
        return "no alt text"
    stripped = alt.strip()
    # Junk is short: file names, camera names and single words (a sentence never matches).
    if len(stripped) < min_chars or (len(stripped) <= 64 and _JUNK.match(stripped)):
        return "junk alt text"
    if all(word[0] in "#@" for word in stripped.split()):  # tags label, they do not describe
        return "junk alt text"
    if _source_only(stripped):
        return "junk alt text"
    return None


_PICTURE_WORDS = frozenset({"image", "img", "photo", "picture"})


def _source_only(alt: str) -> bool:
    """A CMS's default that says where the picture came from, not what it shows:
    "image from leonalane.typepad.com" (TypePad's), "photo via example.com/blog"."""
    words = alt.lower().split()
    if words[:1] in (["a"], ["an"]):
        words = words[1:]
    if len(words) != 3 or words[0] not in _PICTURE_WORDS or words[1] not in ("from", "via"):
        return False
    host = words[2].removeprefix("https://").removeprefix("http://").partition("/")[0]
    labels = host.split(".")
    return len(labels) > 1 and all(label and label.replace("-", "").isalnum() for label in labels)


@MISSING_ALT_TEXT.post_check
def _images_without_alt(post: Post, ctx: PostContext) -> Iterator[Hit]:
    images = [m for m in post.media if m.type in ("image", "gif")]
    for number, media in enumerate(images, start=1):
        if not media.alt_known:  # the export does not say (X archives): not a finding
            continue
        problem = alt_problem(media.alt, ctx.thresholds["min_chars"])
        if problem is None:
            continue
        which = f"{media.type} {number} of {len(images)}" if len(images) > 1 else f"the {media.type}"
        if problem == "junk alt text" and media.alt:
            shown, has = f"alt text “{media.alt.strip()}”", f"has {problem}"
        elif media.alt == "" and post.platform == "blog":  # HTML's alt="" on a meaningful image
            shown, has = "alt left empty", "has its alt left empty"
        else:
            shown, has = "no alt text", f"has {problem}"
        yield Hit(
            message=f"{which.capitalize()} {has}: describe what it shows for people "
            "who cannot see it.",
            evidence=f"{which}: {shown}",
        )
