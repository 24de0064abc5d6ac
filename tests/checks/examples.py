"""Example tables for the post rules (proselint style): texts that must fire, texts that must not.

`EXAMPLES[rule_id]["fire"]` and `["quiet"]` hold cases: a plain string is an X post by
@brightpixel; a `Post` (built with `p(...)`) sets platform, kind, media and the rest.
Every case is reviewed with `RuleSet.from_config().check_post(post, own_domains=OWN_DOMAINS)`.

Other tables plug in by living next to this file as `tests/checks/examples_<topic>.py` with
a module-level dict whose name starts with `EXAMPLES` and the same shape; a case there may
also be `(history_posts, post)` for rules that read the account's history.
`all_examples()` merges every such table, and test_post_rules.py checks that each rule
with a post check has both kinds of example somewhere.
"""

from __future__ import annotations

import importlib
import pkgutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.models import Media, Post

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
AUTHOR = "@brightpixel"
OWN_DOMAINS = frozenset({"bp.agency"})
Case = Any  # str | Post | tuple[list[Post], Post]


def p(text: str, platform: str = "x", kind: str = "post", **fields: Any) -> Post:
    """A post by the agency account at NOW."""
    fields.setdefault("id", "ex")
    fields.setdefault("author", AUTHOR)
    fields.setdefault("created_at", NOW)
    return Post(text=text, platform=platform, kind=kind, **fields)  # type: ignore[arg-type]


def img(alt: str | None, kind: str = "image") -> Media:
    return Media(type=kind, url="https://cdn.bp.agency/a.jpg", alt=alt)  # type: ignore[arg-type]


def as_post(case: Case) -> tuple[list[Post] | None, Post]:
    """(history, post) for any case form."""
    if isinstance(case, str):
        return None, p(case)
    if isinstance(case, Post):
        return None, case
    history, post = case
    return list(history), post


EXAMPLES: dict[str, dict[str, list[Case]]] = {
    "share-begging": {
        "fire": [
            "Our 2026 social benchmark report is out! Please share 🙏 https://bp.agency/report",
            "pls RT, we need 200 more responses to the survey",
            "RT if you agree: agencies should practise what they preach.",
            "Retweet this if you've ever been asked to 'make it go viral'.",
            "Could you share this with your network? It would really help us.",
            "Share this with your network if you found it useful ♻️",
            "It would mean the world if you shared our new guide with a friend.",
            "Smash that like button and we'll post part 2 tomorrow!",
            "Like & share if this helped you plan your Q1 content.",
            "Follow us for more tips on running a calm content calendar.",
            "Follow for daily productivity tips.\n\nNew content every day.",
            "Help us reach 10k followers before the end of the year! 🚀",
            "Tag a friend who still posts the same link four times a day 😅",
            "We're hiring a community manager in Lisbon. Spread the word!",
            "Share this tweet and follow us for more from #DevConf",
            "@robert please RT our launch, it would help a lot",
            "We'd be grateful if you could share our survey with your team.",
            "RTs appreciated 🙏 https://bp.agency/jobs/designer",
            "Sharing is caring ❤️ https://bp.agency/blog/alt-text",
            "New guide on alt text. Share it far and wide!",
            p("Boosts welcome! We're looking for beta testers.", platform="mastodon"),
            p("If you found this useful, repost it ♻️ and follow me for more.", platform="linkedin"),
            p("Hi Robert, thanks for connecting! Could you share our latest post with your "
              "followers?", kind="dm", platform="linkedin"),
            p("Don't forget to like our page on Facebook for weekly tips!", platform="facebook"),
            p("Double tap if you agree 👇", platform="instagram"),
            p("♻️ Repost if you found this useful. Mind giving it a share?", platform="linkedin"),
            "Know someone who'd benefit? Send this to a friend who needs it.",
            "Could you tweet this out to your followers? It would really help.",
            "RT until we find her. Last seen in Hackney on Tuesday.",
            "Would love a share from anyone who works in retail marketing 🙏",
        ],
        "quiet": [
            "Thanks for sharing! That thread on attribution was excellent.",
            "Thank you so much for sharing this, it made our day.",
            "Ad-tech shares fell 3% after the earnings call.",
            "Our CTO will share lessons from the migration at #DevConf on Friday.",
            "I retweeted @sam's thread because it is the best explainer on consent banners.",
            "We'd love to hear your thoughts on the new report.",
            "Share your experience in the replies: what made you unfollow a brand?",
            "Please share your feedback in the comments, we read every one.",
            'A client once told us to "please RT everything" and it did not end well.',
            "RT @jane: Please share this with everyone you know",
            "Follow up with your client within a day; silence reads as indifference.",
            "Follow these three steps to write alt text that helps.",
            "Boost your productivity with three small habits.",
            "Could you share the slides from your talk? Keen to read them again.",
            "Share with us your best tip for a Monday morning.",
            "Likes and shares went up 20% this quarter, replies went up 60%.",
            "Follow @jane, she writes the best threads on analytics.",
            "Something like this: https://example.com/sketch",
            "We're trying to spread the word about accessible captions at every talk we give.",
            "We share this belief with every client: answer first, post second.",
            "Please post your questions about the new dashboard in the forum.",
            "Got a win this week? Share it in the replies!",
        ],
    },
    "sales-pitch": {
        "fire": [
            "Buy now: our social audit template, this week only!",
            "Limited time offer: 30% off every workshop seat.",
            "Get 20% off with code AUDIT20 until Friday.",
            "Only 3 spots left for our January cohort. Book a call today!",
            "Book a free strategy call and we'll show you how to 10x your leads.",
            "DM me for pricing on our done-for-you content package.",
            "Guaranteed results in 30 days or your money back.",
            "Last chance! Early-bird pricing ends tonight.",
            "Sign up today and get a free audit of your Instagram.",
            "We help brands like yours double your revenue with social. Grab a demo here.",
            p("Hi Sam, great to connect! I help B2B SaaS founders scale to $1M ARR. Would you be "
              "open to a quick 15-minute call this week?", kind="dm", platform="linkedin"),
            p("Black Friday deal: our whole course for only $49!", platform="instagram"),
            p("Reply YES and I'll send pricing for the 12-week programme.", platform="linkedin"),
            "Click the link to buy the template pack.",
            p("10k new followers a month, guaranteed. Want me to send over the price list?",
              kind="dm", platform="linkedin"),
            p("Loved your profile! We help coaches like you fill their calendar. Worth a chat?",
              kind="dm", platform="linkedin"),
            "Spaces for the bootcamp are going fast - reserve yours today.",
        ],
        "quiet": [
            "Ad-tech shares fell 3% after the earnings call.",
            "We're 20% off target on replies this month; here's what we're changing.",
            "A limited edition of the report is printed for the conference.",
            "There are no guaranteed results in SEO, whatever anyone promises you.",
            "I booked a call with my mum this weekend. Priorities.",
            "What would you change first in your content calendar?",
            "We wrote up what 40 client audits taught us about reply times.",
            "Use code review for posts like you use it for software: two pairs of eyes.",
            "Join today's AMA at 3pm: ask us anything about community management.",
            "Thanks for connecting, Sam! Loved your talk on community at SMW.",
            p("Thanks for the intro, Robert. What are you working on this quarter?", kind="dm"),
            "The free trial of our scheduling tool ran out, so we wrote our own checklist.",
            "Black Friday is a tough week for community managers: be kind in the replies.",
            "Last chance to say goodbye to the old office before the move. Drinks at 6!",
            "Only $8.98 for a coffee in this airport. Send help.",
            "HTML Variables for PayPal Buy Now Buttons https://example.com/paypal",
        ],
    },
    "mention-push": {
        "fire": [
            "@robert check out our latest post!",
            "@ana @sam thought you'd love our new guide https://bp.agency/guide/alt-text",
            "Hey @jane, have a look at our new case study: https://bp.agency/work/acme",
            "@mark you'll love our latest podcast episode 🎧 https://bp.agency/pod/12",
            "@lee @kim @max @joe ICYMI https://bp.agency/blog/q4",
            "@priya would love your thoughts on our new report https://bp.agency/report",
            "@ceo_jo you should read this https://bp.agency/blog/hiring",
            "@tom give our new checklist a read 👉 https://bp.agency/checklist",
            "@amy @raj @liz @omar https://bp.agency/blog/reels",
            p("@robert check out my new article on hiring designers https://bp.agency/blog/hiring",
              platform="linkedin"),
            p("@sam thought you might find our latest newsletter useful", kind="reply"),
            "@press thought of you when we published this https://bp.agency/report",
            "@techdaily any chance you'd cover our launch? https://bp.agency/launch",
        ],
        "quiet": [
            "@robert congrats on the launch!",
            "@robert what did you think of the keynote?",
            "@jane loved your talk at #SMWLondon, the bit on reply times stuck with me.",
            "Thanks @ana and @sam for an evening of great questions 🙏",
            p("@jane here's our guide on that: https://bp.agency/guide/alt-text", kind="reply"),
            p("@sam good question! We wrote it up here https://bp.agency/blog/faq", kind="reply"),
            "Check out our latest post on reply times https://bp.agency/blog/replies",
            "@robert congrats on the launch! Check out their new site, it's lovely https://acme.io",
            "Congrats @lee @kim @max @joe on the award! https://news.example.com/awards",
            ("Huge shoutout to @a11yjo @capt_liz @danny_v who spoke at our meetup "
            "https://bp.agency/events/nov"),
            "@jane check out @sam's new book, it's the best thing on community we've read.",
            "In an interview with @Forbes, our CEO talks about reply times https://forbes.com/x",
            ("Our brands @kfc, @pizzahut and @tacobell are hiring across the UK "
             "https://bp.agency/jobs"),
            "Catch our CEO on @CNBC tonight at 8 https://bp.agency/press",
        ],
    },
    "link-only": {
        "fire": [
            "https://bp.agency/blog/reply-times",
            "New post: https://bp.agency/blog/reply-times",
            "Check it out 👉 https://bp.agency/blog/reply-times",
            "Read more: https://bp.agency/blog/reply-times #marketing #socialmedia",
            "Latest blog 👇\nhttps://bp.agency/blog/reply-times",
            "📺 https://youtu.be/abc123",
            "lol https://example.com/meme",
            "ICYMI https://bp.agency/blog/q4",
            "Our new article on accessibility https://bp.agency/blog/a11y",
            "🔥🔥🔥 https://bp.agency/work/acme",
            p("In case you missed it: https://bp.agency/blog/q4", platform="linkedin"),
            p("https://bp.agency/pricing", kind="dm"),
            "New post: seramony https://bp.agency/blog/seramony #winamp #avs",  # trailing tags are labels
            "ブログ https://ramen.example.jp/blog/2",  # "blog": one word in a script without spaces
            "新着！https://ramen.example.jp/blog/2",  # "new arrival", written straight into the link
            "https://x.com/bp_agency/status/1839000000000000001",  # a quote with nothing added
            p("https://bp.agency/blog/q4", media=[Media(type="link", url="https://bp.agency/blog/q4")]),
        ],
        "quiet": [
            ("Replies beat reach: we answered every mention for a month and doubled saves "
            "https://bp.agency/blog/reply-times"),
            "Dark mode is here! https://example.com/changelog",
            # Japanese and Chinese put no spaces between words: a sentence is not one word
            ("新しいブログ記事を公開しました。自家製麺の作り方と、十二時間かけて炊くスープの秘密を"
             "詳しく解説しています。 https://ramen.example.jp/blog/1"),
            "今週末は全品20%オフ！https://ramen.example.jp/sale",
            "本店新菜单上线，欢迎品尝 https://cafe.example.cn/menu",
            "Pretty clever way to add a QR code to any site: https://example.com/qr",
            "Google just announced a SWF to HTML5 converter. https://example.com/swf",
            ("New post: 5 tips for alt text that actually describes the picture "
            "https://bp.agency/blog/alt-text"),
            "What do you do when a client wants to post the same link four times a day?",
            p("@jane https://bp.agency/guide/alt-text", kind="reply"),
            p("Five lessons from our rebrand https://bp.agency/blog/rebrand", platform="blog",
              title="Five lessons from our rebrand"),
            ("Unbreaking the internet just a little bit. More of this please! 👏 "
            "https://example.com/post"),
            "Good morning from the Lisbon office ☕",
            # quotes with commentary: the quoted post is shown, the reaction is the point
            "🔥 https://twitter.com/sindresorhus/status/716298539874258949",
            p("lol https://bsky.app/profile/ana.bsky.social/post/3kx2abc", platform="bluesky"),
            p("@yves this one", kind="quote", urls=["https://x.com/tdeekens/status/827163936114036737"]),
            p("😂 https://fosstodon.org/@ana/111688601930857250", platform="mastodon"),
            # a picture or video gives the reader something without a click
            p("New post: https://bp.agency/blog/q4", media=[img("Chart: replies by hour of day")]),
            p("📺 https://youtu.be/abc123", media=[img(None, kind="video")]),
            # a hashtag inside the sentence is a word
            "A Look at #RxJS Version 5 - https://youtu.be/COviCoUtwx4",
            "at last, #avs on the #iphone ;) https://example.com/photo/1",
        ],
    },
    "too-long": {
        "fire": [
            "Short posts work. " * 17,  # 306 weighted characters on X: over the limit
            p("日本語" * 50, platform="x"),  # 150 code points, each weighs 2: 300
            p("a" * 301, platform="bluesky"),
            p("é" * 200 + "\U0001f469\u200d\U0001f4bb" * 101, platform="bluesky"),  # 301 graphemes
            p("x" * 501, platform="mastodon"),
            p("x" * 2201, platform="instagram"),
            p("Links: " + " ".join(f"https://e.com/{i}" for i in range(6)), platform="threads"),
            p("A long thought. " * 20, platform="facebook"),  # 320 characters: 4x what performs
            p("x" * 2900, platform="linkedin"),  # 2.2x the 1,300 that performs (info)
        ],
        "quiet": [
            "Short and to the point.",
            "Replies beat reach: we answered every mention for a month. " * 2,
            # 300 weighted: one long link counts as 23
            "Read it: https://bp.agency/blog/" + "a" * 300,
            p("a" * 300, platform="bluesky"),
            p("x" * 470 + " https://bp.agency/blog/" + "a" * 200, platform="mastodon"),
            p("x" * 1800, platform="linkedin"),  # over the 1,300 that performs, not far over
            p("A long essay. " * 1000, platform="blog"),
            p("x" * 5000, kind="dm"),
        ],
    },
    "hashtag-stuffing": {
        "fire": [
            "Our Q4 report is out #marketing #socialmedia #growth",
            p("New case study #marketing #socialmedia #branding #digital #content #growth",
              platform="linkedin"),
            p("Weekend vibes " + " ".join(f"#tag{i}x" for i in range(16)), platform="instagram"),
            p("So many tags " + " ".join(f"#tag{i}x" for i in range(31)), platform="instagram"),
            p("Tips #a11y #accessibility #alttext", platform="facebook"),
            p("Post " + " ".join(f"#t{i}x" for i in range(6)), platform="mastodon"),
        ],
        "quiet": [
            "Our Q4 report is out #marketing",
            "Two tags is fine #SMWLondon #a11y",
            p("New case study #marketing #socialmedia #branding", platform="linkedin"),
            p("Sunset at the office " + " ".join(f"#tag{i}x" for i in range(12)),
              platform="instagram"),
            p("Notes from the launch " + " ".join(f"#t{i}x" for i in range(8)), platform="blog"),
            "Issue #42 of the newsletter is out: reply times, alt text and more",
        ],
    },
    "missing-alt-text": {
        "fire": [
            p("Team day!", media=[img(None)]),
            p("Team day!", media=[img("")]),
            p("Team day!", media=[img("   ")]),
            p("Team day!", media=[img("image")]),
            p("Team day!", media=[img("IMG_1234.jpg")]),
            p("Team day!", media=[img("alt")]),
            p("Launch day", media=[img("The whole team cheering at the launch party"), img("photo")]),
            p("Our reaction", media=[img(None, kind="gif")]),
            p("@ana here's the chart", kind="reply", media=[img("Screenshot 2026-11-02 at 10.22.33")]),
            p("Offsite!", media=[img("#teamwork #offsite #fun")]),  # tags label, not describe
            # a scheduler's numbering and Canva's, Windows' and macOS's default file names
            *(p("Ten tips, swipe through", platform="instagram", media=[img(alt)])
              for alt in ("Image 1 of 7", "Slide 3 of 7", "Slide 3/7", "Photo 1 of 4", "carousel",
                          "slide", "Untitled design (3)", "Canva design", "Screenshot (14)",
                          "IMG_1234 copy.jpg", "Copy of Instagram Post - 1", "Instagram post")),
        ],
        "quiet": [
            p("Team day!", media=[img("Eight of us on the office roof, squinting into the sun")]),
            p("Team day!"),
            p("Our reel", media=[Media(type="video", url="https://cdn.bp.agency/v.mp4")]),
            p("Chart", media=[img("Screenshot of the analytics dashboard showing a 40% rise")]),
            p("Team day!", kind="repost", media=[img(None)]),
            p("Photo of the week", media=[img("Photo of Jane speaking at the conference")]),
            p("Offsite!", media=[img("@jess and @sam kayaking on #LakeComo at sunset")]),
            *(p("Ten tips, swipe through", platform="instagram", media=[img(alt)])
              for alt in ("Slide 1: our founder at the launch", "Logo of Acme Bakery",
                          "A carousel horse at the fair", "Design sprint board covered in sticky notes",
                          "Canva dashboard showing the brand kit")),
        ],
    },
}


def all_examples() -> dict[str, dict[str, list[Case]]]:
    """This table merged with every `examples_*.py` table beside it (by rule id)."""
    merged: dict[str, dict[str, list[Case]]] = {
        rid: {k: list(v) for k, v in table.items()} for rid, table in EXAMPLES.items()
    }
    folder = Path(__file__).parent
    for module_info in sorted(pkgutil.iter_modules([str(folder)]), key=lambda m: m.name):
        if not module_info.name.startswith("examples_"):
            continue
        module = importlib.import_module(f"{__package__}.{module_info.name}")
        for name, value in vars(module).items():
            if not name.startswith("EXAMPLES") or not isinstance(value, dict):
                continue
            for rule_id, table in value.items():
                into = merged.setdefault(rule_id, {"fire": [], "quiet": []})
                for outcome in ("fire", "quiet"):
                    into.setdefault(outcome, []).extend(table.get(outcome, []))
    return merged
