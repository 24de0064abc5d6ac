"""missing-alt-text as people read it: a post's images with the same problem are one finding
("4 of 10 images have no alt text") naming the images, in the place of the first; a lone
bad image, other rules and the critique's findings are shown as they are."""

from __future__ import annotations

from assistant.checks.ruleset import RuleSet
from assistant.models import Finding, Post
from assistant.render.present import shown_findings
from assistant.review import review_post
from tests.checks.examples import img, p

RULES = RuleSet.from_config()
EACH = "describe what it shows for people who cannot see it."
THEY = "describe what they show for people who cannot see them."


def shown(post: Post) -> list[tuple[str, str]]:
    """(message, evidence) of the post's missing-alt-text findings as shown."""
    return [(f.message, f.evidence) for f in shown_findings(review_post(post, RULES).findings)
            if f.rule == "missing-alt-text"]


def test_no_alt_and_junk_alt_are_two_findings_naming_their_images() -> None:
    post = p("Ten sketches", platform="instagram", media=[
        img("A designer sketching the new logo"), img(None), img(""), img("IMG_123"), img(None),
        img("DSC_0042"), img("Swatches on a wall"), img("Sticky notes"), img(None), img("A tote bag")])
    assert shown(post) == [
        (f"4 of 10 images have no alt text: {THEY}", "images 2, 3, 5 and 9 of 10: no alt text"),
        (f"2 of 10 images have junk alt text: {THEY}",
         "images 4 and 6 of 10: alt text “IMG_123” and “DSC_0042”"),
    ]


def test_a_lone_bad_image_reads_as_before_beside_a_group() -> None:
    post = p("Team day", media=[img("Our team on the beach"), img(None), img("IMG_1"), img("photo")])
    findings = review_post(post, RULES).findings
    alone = next(f for f in findings if f.evidence == "image 2 of 4: no alt text")
    assert shown(post) == [
        (f"Image 2 of 4 has no alt text: {EACH}", "image 2 of 4: no alt text"),
        (f"2 of 4 images have junk alt text: {THEY}", "images 3 and 4 of 4: alt text “IMG_1” and “photo”"),
    ]
    assert any(f is alone for f in shown_findings(findings))  # the very finding, not a copy
    single = p("Team day", media=[img(None)])
    assert shown(single) == [(f"The image has no alt text: {EACH}", "the image: no alt text")]


def test_blog_images_left_empty_and_a_whole_post_of_images_and_gifs() -> None:
    blog = p("Our offsite", platform="blog", media=[img(""), img(""), img(None)])
    assert shown(blog) == [
        (f"2 of 3 images have their alt left empty: {THEY}", "images 1 and 2 of 3: alt left empty"),
        (f"Image 3 of 3 has no alt text: {EACH}", "image 3 of 3: no alt text"),
    ]
    mixed = p("Launch", platform="mastodon", media=[img(None), img(None, "gif")])
    assert shown(mixed) == [(f"Both images and gifs have no alt text: {THEY}",
                             "image 1 and gif 2 of 2: no alt text")]


def test_a_run_of_images_is_a_range_and_many_junk_alts_are_capped() -> None:
    post = p("Carousel", platform="instagram",
             media=[img(f"IMG_{n}") for n in range(1, 8)] + [img("photo")] * 3)
    assert shown(post) == [(f"All 10 images have junk alt text: {THEY}",
                            "images 1–10 of 10: alt text “IMG_1”, “IMG_2”, “IMG_3” and 5 more")]


def test_the_group_takes_its_first_members_place_and_leaves_the_rest_alone() -> None:
    post = p("Team day", media=[img(None), img(None), img(None)])
    first, second, third = review_post(post, RULES).findings
    other = Finding(rule="too-long", severity="warning", message="Long", evidence="image 1 of 3: no alt text")
    critique = Finding(rule="missing-alt-text", severity="warning", message="m",
                       evidence="image 9 of 9: no alt text", source="llm")
    info = Finding(rule=second.rule, severity="info", message=second.message, evidence=second.evidence)
    result = shown_findings([other, first, critique, info, third])
    assert [f.message for f in result] == [
        "Long", f"2 of 3 images have no alt text: {THEY}", "m", f"Image 2 of 3 has no alt text: {EACH}"]
    assert result[0] is other and result[2] is critique and result[3] is info
    assert result[1].evidence == "images 1 and 3 of 3: no alt text"
