"""missing-alt-text: an image or GIF without a description a screen reader can read.

Missing means no alt at all, an empty or blank one, or junk that describes nothing:
"image", "photo", "alt", "img_1234.jpg", "DSC_0042", "screenshot", "#teamwork #offsite",
a CMS's "image from x.typepad.com". Each bad image is its own finding ("image 2 of 3"), so
the person fixing it knows which one (surfaces show the images with the same problem
together: `shown_together`). Videos are left alone (they need captions, which
posts do not carry); reposts and DMs are skipped.

A blog article's images come from its HTML (`assistant.sources.rss`), which keeps `alt=""`
only on an image that carries meaning: there the alt was left empty by mistake, and the
finding says so ("alt left empty"), as the fix is to fill in the field the CMS shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from assistant.checks.registry import Hit, PostContext, rule
from assistant.checks.signals import Lazy
from assistant.models import Finding, Post

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
    r"""^\W*(?:copy\s+of\s+)?(?:
        (?:an?\s+|the\s+)?(?:(?:instagram|facebook|linkedin|social(?:\s+media)?|canva|untitled)\s+)?
          (?:image|img|photo|picture|pic|foto|graphic|photograph|screenshot|screen\s*shot|alt
          |alt\s*text|alt\s*tag|description|placeholder|untitled|gif|logo|banner|thumbnail|icon
          |media|attachment|file|jpe?g|png|null|none|n/?a|todo|tbd|test|unnamed|slide|carousel
          |design|post|story|reel|canva)
          (?:[\s_-]*(?:\(?\d+\)?(?:\s*(?:of|/)\s*\d+)?|of|for|here|below))?
      | (?:img|image|dsc|dscn|dcim|pxl|photo|screenshot|screen\s*shot|whatsapp\s+image|unnamed)
          [\s_-]*\d[\d\s_.:,-]*(?:at[\d\s_.:,-]*(?:[ap]m)?)?(?:\s+copy(?:\s+\d+)?)?(?:\.\w{3,4})?
      | [\w.-]+(?:\s+copy(?:\s+\d+)?)?\.(?:jpe?g|png|gif|webp|heic|bmp|tiff?|svg|avif)
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


# --- shown together ---------------------------------------------------------------------------
# Surfaces show a post's images with the same problem as one finding ("4 of 11 images have no
# alt text"), so a carousel's ten findings do not bury the others. Only the showing: the score
# charges each image, and JSON (the machine contract) lists each.

_PER_IMAGE = re.compile(r"(image|gif) (\d+) of (\d+): (.*)", re.DOTALL)
_HAVE = {"no alt text": "have no alt text", "junk alt text": "have junk alt text",
         "alt left empty": "have their alt left empty"}
_ALTS_SHOWN = 3  # junk alts quoted in a group's evidence; past that, "and N more"


def shown_together(findings: Sequence[Finding]) -> list[Finding]:
    """`findings` with this rule's per-image findings of one post, severity and problem (no
    alt text, junk alt text, alt left empty) as one finding, in the place of the first: "4 of
    11 images have no alt text", its evidence naming the images. One image stays as it is,
    and so does every other finding."""
    keys = [_group_key(f) for f in findings]
    members: dict[tuple[object, ...], list[Finding]] = {}
    for finding, key in zip(findings, keys, strict=True):
        if key is not None:
            members.setdefault(key, []).append(finding)
    shown: list[Finding] = []
    placed: set[tuple[object, ...]] = set()
    for finding, key in zip(findings, keys, strict=True):
        if key is None or len(members[key]) == 1:
            shown.append(finding)
        elif key not in placed:  # the group's first member: the group goes here, once
            placed.add(key)
            shown.append(_together(members[key]))
    return shown


def _image(finding: Finding) -> tuple[str, int, int, str] | None:
    """(kind, number, of how many, what was wrong) from this rule's evidence on one of a
    post's images ("image 2 of 11: no alt text"); None for any other finding (another
    rule's, the critique's, a post's only image: "the image")."""
    if finding.rule != MISSING_ALT_TEXT.id or finding.source != "rule":
        return None
    match = _PER_IMAGE.fullmatch(finding.evidence)
    return None if match is None else (match[1], int(match[2]), int(match[3]), match[4])


def _problem(shown: str) -> str:
    """The problem an image's evidence names: "no alt text", "alt left empty", or a junk
    alt quoted ("alt text “IMG_123”")."""
    return shown if shown in ("no alt text", "alt left empty") else "junk alt text"


def _group_key(finding: Finding) -> tuple[object, ...] | None:
    """What a per-image finding shares with those it is shown with; None: shown alone."""
    image = _image(finding)
    if image is None:
        return None
    return finding.severity, finding.post_id, image[2], _problem(image[3])


def _together(group: list[Finding]) -> Finding:
    """One finding for two or more images of a post with the same problem."""
    images = [image for image in map(_image, group) if image is not None]
    total, problem = images[0][2], _problem(images[0][3])
    kinds = sorted({kind for kind, *_ in images}, reverse=True)  # "image" before "gif"
    nouns = " and ".join(f"{kind}s" for kind in kinds)
    if len(images) < total:
        many = f"{len(images)} of {total}"
    else:
        many = "Both" if total == 2 else f"All {total}"
    if len(kinds) == 1:
        which = f"{kinds[0]}s {_numbers([number for _, number, *_ in images])}"
    else:
        which = _and([f"{kind} {number}" for kind, number, *_ in images])
    shown = problem
    if problem == "junk alt text":  # each alt once, quoted as the image's evidence quotes it
        alts = list(dict.fromkeys(image[3].removeprefix("alt text ") for image in images))
        if len(alts) > _ALTS_SHOWN:
            alts = [*alts[:_ALTS_SHOWN], f"{len(alts) - _ALTS_SHOWN} more"]
        shown = f"alt text {_and(alts)}"
    first = group[0]
    return Finding(
        rule=first.rule, severity=first.severity, post_id=first.post_id, source=first.source,
        message=f"{many} {nouns} {_HAVE[problem]}: describe what they show for people who "
        "cannot see them.",
        evidence=f"{which} of {total}: {shown}",
    )


def _numbers(numbers: list[int]) -> str:
    """"2, 3, 5 and 9"; a run of three or more as a range: "1–4, 6 and 9"."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    items: list[str] = []
    for run in runs:
        items += [f"{run[0]}–{run[-1]}"] if len(run) >= 3 else [str(n) for n in run]
    return _and(items)


def _and(items: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
