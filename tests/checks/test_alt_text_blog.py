"""missing-alt-text on blog articles: an empty alt kept by the RSS importer is one left empty
by mistake and is called that; a CMS's "image from <site>" describes nothing."""

from __future__ import annotations

import pytest

from assistant.checks.rules.alt_text import alt_problem
from assistant.checks.ruleset import RuleSet
from assistant.models import Finding, Post
from assistant.sources import load_feed
from tests.checks.examples import img, p
from tests.conftest import REALDATA

RULES = RuleSet.from_config()


def alt_findings(post: Post) -> list[Finding]:
    return [f for f in RULES.check_post(post) if f.rule == "missing-alt-text"]


def test_an_empty_alt_on_a_blog_image_is_called_left_empty() -> None:
    [hit] = alt_findings(p("Our offsite", platform="blog", media=[img("")]))
    assert hit.evidence == "the image: alt left empty"
    assert hit.message == ("The image has its alt left empty: describe what it shows for "
                           "people who cannot see it.")
    hits = alt_findings(p("Our offsite", platform="blog", media=[img(None), img(""), img("A")]))
    assert [h.evidence for h in hits] == ["image 1 of 3: no alt text", "image 2 of 3: alt left empty",
                                          "image 3 of 3: alt text “A”"]


def test_an_empty_alt_elsewhere_is_still_no_alt_text() -> None:
    """On a social post an empty alt is the field nobody filled in: the wording is unchanged."""
    [hit] = alt_findings(p("Team day!", media=[img("")]))
    assert hit.evidence == "the image: no alt text"
    assert hit.message.startswith("The image has no alt text:")


@pytest.mark.parametrize("alt", [
    "image from leonalane.typepad.com", "Image from thatlongyellowline.typepad.com",
    "an image from http://curlybirds.typepad.com/curly-birds/", "photo via example.com",
])
def test_a_cms_default_naming_only_the_source_is_junk(alt: str) -> None:
    assert alt_problem(alt) == "junk alt text"


@pytest.mark.parametrize("alt", [
    "Photo from our trip to Paris", "image from the archive", "Mommy Shorts",
    "Nav_bar_design", "Photo of Jane speaking at the conference", "picture from space.",
])
def test_alt_that_says_something_is_not_junk(alt: str) -> None:
    assert alt_problem(alt) is None


def test_a_real_blog_gets_a_finding_per_bad_image() -> None:
    feed = load_feed([REALDATA / "rss/DarrenHermanMarketingAdvertisingMediaandTechnologyBlo.xml"])
    post = next(x for x in feed.posts if x.id == "http://www.darrenherman.com/?p=875")
    assert [h.evidence for h in alt_findings(post)] == [
        "image 1 of 3: alt left empty", "image 2 of 3: alt left empty", "image 3 of 3: alt left empty"]
    flares_only = next(x for x in feed.posts if x.id == "http://www.darrenherman.com/?p=894")
    assert flares_only.media == [] and alt_findings(flares_only) == []
