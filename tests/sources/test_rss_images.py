"""The images of a blog article: read from the entry's HTML with their alt text, leaving out
what the author did not put there (tracking pixels, feed-service buttons, emoji, spacers)
and images the author rightly marked decorative."""

from __future__ import annotations

import json
from collections import Counter
from html import escape

import pytest

from assistant.sources import load_feed
from assistant.sources.rss import article_images, parse_rss
from tests.conftest import REALDATA, REPO

PIXEL = ('<img src="http://feeds.feedburner.com/~r/hermanshead76/~4/518270504" '
         'height="1" width="1" />')
FLARE = ('<div class="feedflare"><a href="http://feeds.feedburner.com/~f/hermanshead76?a=cn3w1f.P">'
         '<img src="http://feeds.feedburner.com/~f/hermanshead76?i=cn3w1f.P" border="0" /></a></div>')
TITLED_EMPTY_ALT = ('<img class="alignleft" title="For Sale" src="http://farm2.static.flickr.com/'
                    '1172/1111941469_afc92b177c_m.jpg" alt="" width="240" height="160" />')
NO_ALT = '<img src="http://aws.typepad.com/files/devpay_reqpay_flow.png" style="float: right;" />'
GOOD_ALT = ('<img alt="MediaWhiz Payoneer Card" src="http://blog.mediawhiz.com/wp-content/uploads/'
            '2008/08/mediawhiz-debit-card.jpg" width="414" height="276" />')


def images(markup: str) -> list[tuple[str, str | None]]:
    return [(m["url"], m["alt"]) for m in article_images(markup)]


def test_a_tracking_pixel_is_left_out() -> None:
    assert images(PIXEL) == []
    # 1x1 from any host, and a pixel on FeedBurner's newer host without a size.
    assert images('<img src="https://stats.example.net/t.gif?u=1" width="1" height="1" alt="">') == []
    assert images('<img src="http://feedproxy.google.com/~r/Blog/~4/abc">') == []


def test_feed_service_buttons_are_left_out() -> None:
    assert images(FLARE) == []
    assert images('<a href="http://feeds.wordpress.com/1.0/gocomments/blog.wordpress.com/12/">'
                  '<img alt="" border="0" src="http://feeds.wordpress.com/1.0/comments/blog.wordpress.com/12/"></a>') == []


def test_emoji_spacers_and_avatars_are_left_out() -> None:
    assert images('<img src="https://s.w.org/images/core/emoji/14.0.0/72x72/1f600.png" alt="😀" '
                  'class="wp-smiley" style="height: 1em; max-height: 1em;">') == []
    assert images("<img src='http://blog.example/wp-includes/images/smilies/icon_smile.gif' alt=':)'>") == []
    assert images('<img src="http://blog.example/img/spacer.gif" width="10" height="20">') == []
    assert images('<img src="https://secure.gravatar.com/avatar/0a1b?s=96" alt="" class="avatar">') == []


def test_a_titled_photo_with_alt_left_empty_is_kept_with_its_empty_alt() -> None:
    assert images(TITLED_EMPTY_ALT) == [
        ("http://farm2.static.flickr.com/1172/1111941469_afc92b177c_m.jpg", "")]


def test_a_photo_with_no_alt_attribute_is_kept_with_none() -> None:
    assert images(NO_ALT) == [("http://aws.typepad.com/files/devpay_reqpay_flow.png", None)]


def test_an_image_with_good_alt_text_is_kept_with_it() -> None:
    assert images(GOOD_ALT) == [
        ("http://blog.mediawhiz.com/wp-content/uploads/2008/08/mediawhiz-debit-card.jpg",
         "MediaWhiz Payoneer Card")]


def test_empty_alt_is_kept_only_where_the_image_carries_meaning() -> None:
    # Decorative: small, untitled, uncaptioned (or of unknown size): alt="" is correct.
    assert images('<img src="http://b.example/rule.png" alt="" width="400" height="8">') == []
    assert images('<img src="http://b.example/ornament.png" alt="">') == []
    assert images('<figure><img src="http://b.example/ornament.png" alt=""></figure>') == []
    # Picture-sized, by its attributes or its inline style; titled; or captioned.
    assert images('<img src="http://b.example/a.jpg" alt="" width="500" height="300">') != []
    assert images('<img src="http://b.example/a.jpg" alt="" style="width: 595px">') != []
    assert images('<img src="http://b.example/a.jpg" alt title="Our team">') == [
        ("http://b.example/a.jpg", "")]
    assert images('<figure><img src="http://b.example/a.jpg" alt=" "><figcaption>The team'
                  '</figcaption></figure>') == [("http://b.example/a.jpg", "")]
    assert images('<div class="wp-caption"><img src="http://b.example/a.jpg" alt="">'
                  '<p class="wp-caption-text">Launch night</p></div>') != []
    # A caption belongs to its own box, not to an image in the next one.
    assert images('<figure><img src="http://b.example/a.jpg" alt=""></figure>'
                  '<figure><img src="http://b.example/b.jpg" alt="The team">'
                  '<figcaption>Us</figcaption></figure>') == [("http://b.example/b.jpg", "The team")]


def test_the_images_of_an_entry_are_its_media_in_order() -> None:
    body = f"<p>{TITLED_EMPTY_ALT}Intro.</p><p>{NO_ALT}</p><p>{GOOD_ALT}</p>{FLARE}{PIXEL}"
    feed = f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Agency blog</title>
<item><title>With pictures</title><link>https://agency.example/p</link>
<pubDate>Mon, 02 Mar 2026 10:00:00 +0100</pubDate><description>{escape(body)}</description></item>
<item><title>Without</title><link>https://agency.example/q</link>
<pubDate>Tue, 03 Mar 2026 10:00:00 +0100</pubDate><description>Just text</description></item>
</channel></rss>"""
    pictured, plain = parse_rss(feed.encode(), "blog.xml")
    assert [(m.type, m.alt) for m in pictured.media] == [("image", ""), ("image", None),
                                                          ("image", "MediaWhiz Payoneer Card")]
    assert plain.media == []


def test_an_entry_without_images_is_not_parsed_for_them() -> None:
    assert article_images("<p>No pictures here, just <b>words</b>.</p>") == []
    assert article_images("") == []


RSS_FILES = sorted(f"rss/{path.name}" for path in (REALDATA / "rss").glob("*.xml"))


@pytest.mark.parametrize("file", RSS_FILES)
def test_every_real_blog_post_with_images_is_judged_for_alt_text(file: str) -> None:
    """The labelled set judges every real RSS post that shows an image, so the importer
    cannot start reading an image nobody looked at."""
    labels = [json.loads(line) for line in
              (REPO / "tests/labelled/posts.jsonl").read_text(encoding="utf-8").splitlines()
              if line.strip()]
    judged = {d["id"] for d in labels if d["file"] == file and d["rule"] == "missing-alt-text"}
    pictured = {p.id for p in load_feed([REALDATA / file]).posts if p.media}
    assert pictured <= judged


def test_the_real_feeds_keep_the_authors_images_only() -> None:
    """What the real feeds hold, counted by hand: FeedBurner's pixels and FeedFlare buttons
    (Darren Herman's, MediaWhiz's, TypePad's) are gone, the authors' images are all there."""
    counts = Counter()
    for file in RSS_FILES:
        for post in load_feed([REALDATA / file]).posts:
            counts[file] += len(post.media)
            assert not any("feedburner.com" in m.url for m in post.media), post.id
    assert counts == Counter({
        "rss/AmazonWebServicesBlog.xml": 34,
        "rss/DarrenHermanMarketingAdvertisingMediaandTechnologyBlo.xml": 8,
        "rss/LinkBuildingBlog.xml": 6,
        "rss/TypePadNews.xml": 22,
    })


def test_newer_feedflare_share_plugins_and_their_boxes_are_left_out() -> None:
    """FeedBurner's buttons from about 2010 live under /~ff/; share plug-ins (AddThis,
    ShareThis, Feedsportal) and anything inside a feedflare or share box are the service's."""
    assert images('<a href="http://feeds.feedburner.com/~ff/Blog?a=x1"><img '
                  'src="http://feeds.feedburner.com/~ff/Blog?d=yIl2AUoC8zA" border="0"></a>') == []
    assert images('<img src="http://s7.addthis.com/static/btn/lg-share-en.gif" width="125" height="16">') == []
    assert images('<img src="http://res3.feedsportal.com/social/twitter.png" border="0">') == []
    assert images('<div class="feedflare"><img src="http://cdn.example/flare/digg.png" alt=""></div>'
                  + NO_ALT) == [("http://aws.typepad.com/files/devpay_reqpay_flow.png", None)]


def test_a_wordpress_caption_list_keeps_its_empty_alt_image_as_captioned() -> None:
    """Old WordPress wrote [caption] as a <dl class="wp-caption"> with the caption in a <dd>."""
    markup = ('<dl class="wp-caption alignleft"><dt><img src="http://blog.example/chart.png" alt="" '
              'width="80" height="60"></dt><dd class="wp-caption-dd">Reach by month, 2009</dd></dl>')
    assert images(markup) == [("http://blog.example/chart.png", "")]
