"""The tune set for the speech-act rules: hand-written drafts an expert would flag, and clean
look-alikes that share their words but not their act.

This is the set the patterns were developed against (so its numbers flatter them); the
held-out set that measures them is written separately. `TUNE_SECOND` was written after
the first round of work and measured once before any pattern saw it (recall 34/50, clean
false positives 2/50); `TUNE_THIRD` likewise after the second round (recall 27/38, false
positives 0/38), `TUNE_FOURTH` after the third (recall 29/38, false positives 1/38) and
`TUNE_FIFTH` after the fourth (recall 24/38, false positives 1/38) and `TUNE_SIXTH` after
the fifth (recall 30/38, false positives 1/38), `TUNE_SEVENTH` after the sixth (recall 29/38,
false positives 2/38) and `TUNE_EIGHTH` after the seventh (recall 27/38, false positives
3/38), `TUNE_NINTH` after the eighth (recall 31/38, false positives 2/38), and `TUNE_TENTH` after the
ninth (share-begging 6/8 and 0/8, sales-pitch 13/22 and 3/22, mention-push 5/6 and 0/14)
and `TUNE_ELEVENTH` after the tenth (sales-pitch 8/18 and 4/20, mention-push 6/6 and 3/18)
and `TUNE_TWELFTH` after the eleventh (share-begging 5/6 and 0/6, sales-pitch 9/12 and 0/12,
mention-push 3/4 and 0/8) and `TUNE_THIRTEENTH` after the twelfth (share-begging 3/4 and 0/4,
sales-pitch 6/14 and 1/16, mention-push 5/5 and 0/12) and `TUNE_FOURTEENTH` after the
thirteenth (share-begging 4/4 and 0/4, sales-pitch 6/14 and 1/16, mention-push 4/4 and 1/10).
The later batches were written after the speech-act models (`assistant/checks/pitch.py`,
`assistant/checks/spread.py`), each before the round of work it fed, and measured untuned
once (recall, then false positives on the batch's own look-alikes):

| batch | share-begging | sales-pitch | mention-push |
|---|---|---|---|
| fifteenth (before the models) | 13/16, 1/16 | 19/30, 1/30 | 8/8, 0/8 |
| sixteenth | 10/12, 0/12 | 6/14, 0/14 | 3/4, 0/4 |
| seventeenth | 5/6, 0/6 | 7/12, 0/12 | 2/2, 0/2 |
| eighteenth | 7/8, 0/8 | 14/18, 1/18 | 3/3, 0/3 |
| nineteenth | 3/6, 0/6 | 8/12, 1/12 | 2/2, 0/2 |
| twentieth | 3/8, 0/8 | 10/16, 1/16 | 2/2, 0/2 |
| twenty-first | 3/8, 1/8 | 11/16, 0/16 | 2/2, 1/2 |
| twenty-second | 4/6, 0/6 | 10/12, 1/12 | 2/2, 0/2 |
| twenty-third | 7/8, 0/8 | 6/10, 1/10 | 2/2, 0/2 |
| twenty-fourth (the acts the targets name) | 8/8, 0/8 | 10/14, 0/14 | 4/4, 0/4 |
| twenty-fifth | 5/6, 0/6 | 5/8, 0/8 | 2/2, 0/2 |
| twenty-sixth | 5/6, 0/6 | 7/8, 0/8 | 2/2, 0/2 |
| twenty-seventh | 4/6, 1/6 | 9/10, 0/10 | 2/2, 0/2 |
| twenty-eighth | 4/6, 0/6 | 6/8, 0/8 | 1/1, 0/1 |
| twenty-ninth (several platforms, "@First Last" names) | 8/14, 0/14 | 8/8, 2/12 | 11/14, 0/14 |
| thirtieth | - | - | 8/10, 0/10 |
| thirty-first | - | - | 9/16, 0/16 |
| thirty-second (after the thirtieth's round) | - | - | 10/12, 1/12 |
| thirty-third | 9/12, 0/12 | 7/8, 0/10 | - |
| thirty-fourth | 6/8, 0/8 | 6/6, 2/18 | - |
| thirty-fifth | - | - | 11/14, 0/14 |
| thirty-sixth | 6/8, 0/8 | - | 8/10, 0/10 |
| thirty-seventh | - | 5/6, 0/12 | - |
| thirty-eighth | - | - | 8/10, 0/10 |
| thirty-ninth | 7/12, 0/12 | - | - |
| fortieth | 8/12, 0/12 | - | - |
| forty-first | - | 4/6, 2/12 | - |
| forty-second | - | - | 7/8, 0/8 |
| forty-third | 12/16, 1/16 | - | - |
| forty-fourth | - | 5/8, 0/16 | - |
| forty-fifth | 10/14, 0/16 | - | - |
| forty-sixth | - | 5/6, 0/16 | - |
| forty-seventh | - | 4/6, 3/18 | - |
| forty-eighth | 8/12, 0/14 | - | - |
| forty-ninth | - | 4/5, 5/14 | - |
| fiftieth | 3/8, 0/8 | 3/4, 0/8 | - |
| fifty-first | 5/10, 0/12 | - | - |
| fifty-second | 8/8, 0/8 | 4/4, 0/8 | - |
| fifty-third | - | 3/4, 5/10 | - |
| fifty-fourth | 6/10, 0/10 | - | - |
| fifty-fifth | 4/8, 0/8 | 3/4, 0/8 | - |
| fifty-sixth | 8/12, 0/12 | - | - |
| fifty-seventh | - | 2/4, 0/10 | - |
| fifty-eighth | 5/8, 0/8 | 4/4, 0/8 | - |
| fifty-ninth | - | 4/4, 0/14 | - |
| sixtieth | 4/8, 0/8 | - | - |
| sixty-first | 6/8, 0/8 | - | - |
| sixty-second | 4/6, 0/6 | 3/4, 0/6 | - |
| sixty-third | 6/6, 0/6 | - | - |
| sixty-fourth (look-alikes that sell nothing, idioms, tags at own work) | 4/6, 4/10 | 7/8, 1/20 | 1/6, 0/4 |
| sixty-fifth (more of the same look-alikes) | - | 4/4, 3/20 | - |
| sixty-sixth (other voices) | - | 4/4, 3/18 | - |
| sixty-seventh (after the round on the three before) | 2/4, 0/6 | 2/4, 0/12 | 2/3, 1/3 |
| sixty-eighth (pitch look-alikes in new shapes) | - | 4/4, 0/16 | - |
| sixty-ninth (share asks beside idioms and staff notes; tags after thanks, at launches) | 6/6, 0/8 | - | 6/6, 0/4 |
| seventieth (calm announcements, service DMs, priced community events, irony, reported speech) | - | 14/14, 4/57 | - |
| seventy-first (after the seventieth's round: the same settings in harder shapes) | - | 8/8, 2/30 | - |
| seventy-second (calm launches saying where to buy, logistics, negation and irony in new words) | - | 6/6, 2/28 | - |
| seventy-third (paid things announced calmly, thanks and reviews, public answers, retold pitches) | - | 5/6, 3/24 | - |
| seventy-fourth (the same settings in new voices: florist, gym, dentist, parish, union, newsroom) | - | 6/6, 4/24 | - |
| seventy-fifth (tickets and enrolment without pressure, own habits negated, retold pitches) | - | 5/5, 2/22 | - |
| seventy-sixth (after the seventy-fifth's round: bike shop, nursery, library, recruiter, podcast, venue) | - | 4/4, 0/18 | - |
| seventy-seventh (every setting of the seven before, in new words) | - | 5/5, 0/24 | - |

All were then tuned on, so the set's own figures flatter the rules; the untuned column is
the fairer guide to what a new set will show. Cases follow `examples.py`: a plain
string is an X post by @brightpixel, `p(...)` sets platform and kind. Links to bp.agency are
the account's own (OWN_DOMAINS); other links are someone else's.
"""

from __future__ import annotations

from typing import Any

from tests.checks.examples import p

DM = {"kind": "dm", "platform": "linkedin"}

TUNE: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "Could you tweet this out to your followers? It would really help.",
            "Would love a share from anyone who works in retail marketing 🙏",
            "Know a founder who'd find this useful? Send this their way.",
            "RT until we find her. Last seen in Hackney on Tuesday.",
            "If you could spread this around, that'd be amazing.",
            "Mind passing this along to your team?",
            "Any RTs would be lovely, we're a tiny team.",
            "Please circulate widely: our call for speakers closes Friday.",
            "Feel free to share with anyone who might be interested!",
            "Help us get this in front of more hiring managers.",
            "Would you be willing to share our job ad with your network?",
            "It'd help a ton if you retweeted this.",
            "Boost for reach please, we need testers on Android.",
            "We need your RTs to get the petition to 10k.",
            "Signal boost appreciated 🙏 https://bp.agency/jobs",
            "A quick retweet from you would make our week.",
            "Keep sharing until every agency has read it!",
            "Can everyone please repost this to their story?",
            "Help this reach the people who need it: share, share, share.",
            "Do us a favour and pass it on.",
            "Please post this in your Slack communities, it really helps.",
            "We'd really appreciate a share if the guide helped you.",
            "Would you mind reposting our launch announcement?",
            "Let's get this to 1,000 retweets!",
            "Forward this to anyone planning a rebrand next year.",
            "Do share it with your colleagues if you found it useful.",
            p("Hi Sam! Would you mind sharing our new report with your followers? "
              "https://bp.agency/report", **DM),
            p("Hey Jo, any chance you could retweet our launch post today?", **DM),
            p("Could you give our latest post a boost? It needs a little help.", platform="mastodon"),
            p("If this helped, please reshare it so it reaches more marketers.", platform="linkedin"),
            "Tweet it, post it, share it: the more people see this the better.",
            "Help us spread our message about accessible captions.",
            "Please get the word out about our free workshop.",
            "Make this go viral: RT and tag a friend.",
            "Share if you agree, ignore if you don't.",
        ],
        "quiet": [
            "Thanks for the RT, Jo! Glad the guide helped.",
            "Please post your questions about the new dashboard in the forum.",
            "Share your story in the replies: what was your worst brief?",
            "Could you share the slides from your keynote? Keen to read them again.",
            "We'd love to share what we learned from 40 client audits.",
            "I tweeted about this back in 2019 and nothing has changed.",
            "She posted it yesterday and it already has 300 replies.",
            "Happy to share our template if anyone wants it, just ask.",
            "Would you mind sending the invoice to accounts@bp.agency?",
            "Mind the gap between what we preach and what we post.",
            "Until we meet again, Lisbon. Thank you for a wonderful week.",
            "Spread the butter thinly: one idea per post.",
            "Pass on the hype: three trends we are not chasing in 2027.",
            "Shares of the ad giant fell 4% in early trading.",
            "Retweets are a poor proxy for reach; here is what we measure instead.",
            "The share button moved again in the latest app update.",
            "We shared this on our blog last week: replies beat reach.",
            "Please send this form back to HR by Friday.",
            "Help us improve the newsletter: what should we cut?",
            "Boosting posts rarely pays off for small accounts.",
            "We will keep posting until the launch, then take a break.",
            "Can you tell me how that is done? I can't find the docs.",
            "Would love your feedback on the draft before we publish.",
            "Please share your thoughts on the new layout.",
            "Please DM us your order number so we can help.",
            "Posting this from the train, so forgive the typos.",
            "Spreading ourselves too thin was our biggest mistake this year.",
            "Our team will share a recap of the workshop on Monday.",
            p("Thanks for sharing the deck, Sam. Very helpful!", **DM),
            p("Could you send me the brief when you have a minute?", **DM),
            "If you tweet at us we answer within the hour, promise.",
            "Tag your posts with #SMWLondon so we can find them.",
            "Don't forget to share your screen before the demo starts.",
            "RT @jane: please share this with everyone you know",
            "How often should a brand repost its own content? Our rule of thumb.",
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Sam, 10k new followers a month, guaranteed. Want me to send over the price "
              "list?", **DM),
            p("Loved your profile! We help coaches like you fill their calendar. Worth a chat?",
              **DM),
            p("Hey Jo, we can book 20 qualified appointments a month for your sales team. "
              "Open to a quick call?", **DM),
            p("Great to connect! Do you have 15 minutes this week for a quick demo?", **DM),
            p("Thanks for connecting. I'd love to show you how we got a client 3x more leads. "
              "When's a good time for a call?", **DM),
            p("Hi Robert, are you the right person to talk to about your social media? We "
              "offer packages from $299/month.", **DM),
            p("We'll get you on the first page of Google in 30 days or you don't pay.", **DM),
            p("Quick question: would it make sense to hop on a call next week?", **DM),
            "Our packages start at $499 a month. DM for details.",
            "Grow your Instagram by 5,000 real followers every month. Guaranteed.",
            "Secure your spot now: only a handful of seats left for the masterclass.",
            "Hurry, early bird tickets end Friday!",
            "Get the complete template bundle for only $19 today.",
            "Use my link for 20% off your first month.",
            "Reserve your seat now, doors close at midnight.",
            "Order today and get free shipping on every print.",
            "Last chance to grab the limited edition print before it's gone!",
            "No results, no fee. That's our promise.",
            "Comment GROWTH below and I'll send you the playbook.",
            "Enroll now: the spring cohort starts Monday.",
            "While stocks last: 2-for-1 on all workshop tickets.",
            "Want more clients? We guarantee 10 new leads a week.",
            "Don't wait: prices go up on 1 December.",
            "Book your free audit today: link in bio.",
            "Tired of posting into the void? We'll grow your audience 10x in 90 days. Let's talk.",
            p("Here's our rate card for the quarter. Shall I send you a proposal?", **DM),
            p("Interested? Reply to this message and I'll send you our packages.", **DM),
            "Get yours before they're gone 👉 https://bp.agency/shop",
            "Starting at just $9.99 a month, cancel anytime.",
            "Claim your free consultation now.",
            p("Hi Priya, I noticed you're hiring. We place vetted designers in under 2 weeks. "
              "Can I send you a few profiles and our rates?", **DM),
            "Double your bookings this month or your money back.",
        ],
        "quiet": [
            "Last chance to say goodbye to the old office before the move. Drinks at 6!",
            "Only $8.98 for a coffee in this airport. Send help.",
            "How to add Buy Now buttons to a product page without breaking checkout.",
            "Buy now, pay later schemes are changing how young people shop.",
            "Worth a read: a great thread on reply times https://example.com/thread",
            "Our call with the client went well: they want more replies, fewer posts.",
            "Nothing in social media is guaranteed, least of all virality.",
            "We gained 10k new followers this year and we owe it all to you. Thank you!",
            "How we got 500 leads from one webinar (and what we'd do differently).",
            "Last chance to see the autumn colours in the park, the leaves are nearly gone.",
            "The sale of the company closed on Friday; here's what changes for clients.",
            "Grab a coffee and read our notes from the conference.",
            "I help my daughter with her maths homework every evening.",
            "Hurry up and wait: the story of every product launch.",
            "Prices of ad inventory went up 12% this quarter.",
            "We booked the venue for the summer party!",
            "Free shipping is the most misunderstood perk in ecommerce.",
            "Enrollment in the design course at the library is open to everyone, free.",
            "Black Friday is a tough week for community managers: be kind in the replies.",
            p("Hi Sam, great to meet you at the conference! How did your talk go?", **DM),
            p("Thanks for the intro. What are you working on this quarter?", **DM),
            p("Happy to jump on a call whenever suits you, as you asked.", **DM, in_reply_to="c1"),
            "It costs only $5 a month to run our community server, which surprised us.",
            "Our rate of replies doubled this month.",
            "Don't wait for the perfect post: publish and listen.",
            "A guaranteed way to lose followers: post the same link four times a day.",
            "Reserve judgement until you've read the whole report.",
            "Order matters: reply first, post second.",
            "Claim your spot in the sun this weekend, it's finally warm!",
            "Ten followers who reply beat ten thousand who scroll.",
            "The price list for the venue was a shock, so we moved the party to the office.",
            "Is it worth a chat with legal before you run a giveaway? Yes, always.",
        ],
    },
    "mention-push": {
        "fire": [
            "@press thought of you when we published this https://bp.agency/report",
            "@jane figured you'd want to see this https://bp.agency/blog/reels",
            "@sam @lee this one's for you 👉 https://bp.agency/guide",
            "@editor story idea for you: our new research on reply times https://bp.agency/research",
            "@techdaily any chance you'd cover our launch? https://bp.agency/launch",
            "@robert this might interest you https://bp.agency/blog/attribution",
            "@ana you might want to see our latest report",
            "@kim something for your readers: https://bp.agency/guide/alt-text",
            "@mark saw you're hiring, our hiring guide might help https://bp.agency/blog/hiring",
            "@jo @raj @liz @tom new post is up https://bp.agency/blog/q4",
            "Our new guide to alt text is live, check it out @ana @sam https://bp.agency/guide",
            "@dana we wrote this with people like you in mind https://bp.agency/blog/cmo",
            "@cnn @bbc @reuters our survey of 2,000 marketers https://bp.agency/survey",
            "@priya would you feature our new report in your newsletter? https://bp.agency/report",
            "Hey @max, just dropped a new episode you'll love https://bp.agency/pod/13",
            p("@sam you should definitely read my new article on hiring", platform="linkedin"),
            p("@lee curious what you make of our new benchmark https://bp.agency/benchmark",
              platform="linkedin"),
            "@journalist exclusive data for your next piece: https://bp.agency/data",
            "@amy @ben @cat @dan our latest thinking on reels https://bp.agency/blog/reels",
            "@omar don't miss our webinar on Thursday https://bp.agency/webinar",
        ],
        "quiet": [
            "In an interview with @Forbes, our CEO talks about reply times https://forbes.com/x",
            ("Our brands @kfc, @pizzahut and @tacobell are hiring across the UK "
            "https://bp.agency/jobs"),
            "Catch our CEO on @CNBC tonight at 8 https://bp.agency/press",
            "Featured in @TechCrunch today: our new report https://bp.agency/report",
            "As seen on @BBCNews: how we answer every mention https://bp.agency/blog/replies",
            "Thanks @jane for having us on the podcast https://bp.agency/pod/12",
            "Great chat with @sam about community building https://bp.agency/pod/11",
            "Our new campaign with @oxfam is live https://bp.agency/work/oxfam",
            "We partnered with @acme on a study of reply times https://bp.agency/study",
            "Proud to work with @lego on their new site https://bp.agency/work/lego",
            "Speaking at @SMWLondon on Tuesday about reply times https://bp.agency/events",
            "Our report, covered by @guardian this morning https://bp.agency/report",
            "Photo by @sam_shoots from our team day https://bp.agency/blog/team",
            "New episode with @jane on writing alt text https://bp.agency/pod/14",
            "@robert congrats on the launch! https://acme.io",
            "@jane here's the link you asked for https://bp.agency/guide",
            "@lee @kim @max @joe congrats on the award, so deserved! https://bp.agency/awards",
            "Read @jane's take on the new algorithm https://example.com/jane",
            "@sam what did you think of the keynote?",
            ("Thanks to our partners @acme and @globex for making the meetup happen "
            "https://bp.agency/events/nov"),
            "On @LinkedIn this week: what 40 audits taught us https://bp.agency/blog/audits",
            "Our sister agency @pixelnorth just published their own report https://pixelnorth.io/r",
            "Interview: @dana on leading a remote creative team https://bp.agency/blog/dana",
            "Big welcome to @priya, who joins us as head of strategy https://bp.agency/team",
            ("@ana @sam @lee @kim just to let you know we featured your work here, hope you don't "
            "mind https://bp.agency/showcase"),
        ],
    },
}

# The second batch: new phrasings, measured untuned once, then tuned on.
TUNE_SECOND: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "Would massively appreciate a retweet on this one.",
            "Anyone able to share this with their network? We're looking for a junior designer.",
            "Please help this get seen by people in Leeds.",
            "Pls spread far and wide 🙏",
            "Be a legend and RT this?",
            "If you've got a sec, a repost would be ace.",
            "Do me a favour, share this with a founder you know.",
            "Reposts help small accounts like ours more than you'd think. Just saying 👀",
            "Could you all boost this please? Need beta testers.",
            "Hit share if you've ever been ghosted by a client.",
            "Put this in front of your marketing team, they'll thank you.",
            "Shout about this from the rooftops please!",
            "It would mean so much if you'd pass this on.",
            "Can I ask a favour? Share our fundraiser with your followers.",
            p("Hey Ana, hope you're well! Any chance you could share our job post on your page?", **DM),
            "RT to win a signed copy of the book!",
            "We need as many shares as possible to reach our target!",
            "Send this to someone who needs to hear it today.",
            "Share this with 3 people who'd love it.",
            "Help spread the word about our new podcast!",
        ],
        "quiet": [
            "Who else shares our frustration with the new algorithm?",
            "Please share how you handle difficult clients, we're all ears.",
            "Tweet us a photo of your desk setup!",
            "She retweeted our guide yesterday and we're still grinning.",
            "Our CEO posted her notes from the summit.",
            "Could you send the final files by Monday?",
            "Help us understand what you need from the app: 3-minute survey.",
            "Can you pass the sugar? - every meeting ever",
            "We will share the recording with attendees.",
            "RT count isn't a KPI.",
            "Stop posting to everyone and start talking to someone.",
            "Sharing our screens made the remote workshop work.",
            "Until next week, keep replying to your comments!",
            "Please don't post client work without sign-off.",
            "Boost morale with a Friday team lunch.",
            "Would you share your salary with colleagues? Interesting thread.",
            "Thanks for the boost yesterday, it made our week!",
            "If you could change one thing about LinkedIn, what would it be?",
            "Pass on what you learn. That's how craft survives.",
            "We need to talk about sharing buttons on blogs.",
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Laura, I came across your profile and thought you'd be a great fit for our lead-gen program. We typically add 30+ meetings a month. Open to exploring?", **DM),
            p("Hey! We're offering a free month of our social media management to a few select brands. Want in?", **DM),
            p("Hi, quick question - who handles your marketing? We can boost your Instagram engagement by 200%.", **DM),
            p("Good morning Raj, would you like to see how we helped Acme triple their leads? I can send a short case study and pricing.", **DM),
            "Spaces for the bootcamp are going fast - reserve yours today.",
            "Ends midnight: 40% off annual plans.",
            "Grab the course now for $29 (normally $99).",
            "Only a few days left to lock in founder pricing!",
            "Want 1,000 new followers by Friday? DM me.",
            "Tap the link in bio to shop the collection before it sells out.",
            "Book a discovery call and get a free content audit.",
            "Our done-for-you service means you never write another post. Learn more at the link.",
            "Sign up before Sunday and save $200.",
            "Get 3 months free when you subscribe today.",
            "Book now, limited availability for January.",
            p("Loved your recent post! We specialise in helping B2B brands grow on LinkedIn. Free for a 15-min chat next week?", **DM),
            "We can guarantee page-one rankings within 60 days.",
            "Exclusive deal for our followers: 25% off with code FOLLOW25.",
            "Last call for early-bird tickets!",
            "Claim your free trial now and see the difference.",
        ],
        "quiet": [
            "Last chance to hear our CEO speak before she retires.",
            "This coffee cost me $7 and it was worth every cent.",
            "We talk a lot about pricing pages on this blog. Here's why.",
            "Free advice: reply to your comments within the hour.",
            "Sale season is stressful for retail social teams.",
            "We called it: short video won 2026.",
            "Save the date: our summer party is on 12 July!",
            "Our goal this quarter: double our reply rate.",
            "Nobody can guarantee you virality, so stop paying people who claim to.",
            "How to write a limited-time offer that doesn't sound desperate.",
            "Booked a table for the team at the new ramen place 🍜",
            "Interested in how we run our retros? We wrote it all down.",
            "Order of operations for a launch: listen, write, post, reply.",
            "The best deal we ever made was hiring a community manager.",
            "Our clients grew 40% this year. Proud of the team!",
            p("Hi Jo, thanks for having me on the panel. Would love to stay in touch!", **DM),
            p("Thanks for the coffee chat yesterday! Here are the notes you asked for.", **DM),
            "Don't miss the sunset from the roof terrace tonight.",
            "Just $3 bought us the best domain name of our lives.",
            "Get in touch if you want our old office chairs, free to a good home.",
        ],
    },
    "mention-push": {
        "fire": [
            "@marketingweek you'll want to see our latest findings https://bp.agency/findings",
            "@sara @ben we made this for teams like yours https://bp.agency/toolkit",
            "@guardian_tech our new data on screen time might make a good story https://bp.agency/data",
            "@lin have you seen our new course yet? https://bp.agency/course",
            "Hey @growthguy, our latest episode answers your question from last week https://bp.agency/pod/20",
            "@kate @jon @amir @li @mo new blog post 👇 https://bp.agency/blog/new",
            "@danielle don't forget to read our guide before Friday https://bp.agency/guide",
            "@hubspot thoughts on our new report? https://bp.agency/report",
            "@press_team we just launched, would love coverage https://bp.agency/launch",
            "@ed take a look at what we built https://bp.agency/app",
        ],
        "quiet": [
            "We were on @BBCRadio4 this morning talking about screen time https://bp.agency/press",
            "Loved working with @nike on this one https://bp.agency/work/nike",
            "Our subsidiaries @acmeuk and @acmeus are recruiting https://bp.agency/careers",
            "@jane happy birthday! 🎂",
            "Congratulations to @sam on the promotion https://bp.agency/news",
            "Our founder joined @TheDrum for a chat about AI https://thedrum.com/x",
            "Great piece by @jane on reply times https://example.com/jane",
            "Hosted by @sam and @lee, our new podcast is out https://bp.agency/pod",
            "@jo thanks for the mention in your newsletter! https://bp.agency/blog/x",
            "@rob as discussed, here's our deck https://bp.agency/deck",
        ],
    },
}

# The third batch: measured untuned once, then tuned on.
TUNE_THIRD: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "Retweets really help us out 🙏",
            "Quick favour: could you RT our hiring post?",
            "We'd be so grateful for a repost ❤️",
            "Anyone fancy sharing this? Small business, big dreams.",
            "Please help us share the news: we're open on Sundays now!",
            "Share, share, share! Every view counts.",
            "If you're on Mastodon, a boost would be lovely.",
            "Shares hugely appreciated 🙌 https://bp.agency/launch",
            "Can someone with a big following RT this please",
            "Make sure your friends see this: hit share.",
            p("Hi Jo, would you be up for sharing our webinar with your community? It's free.", **DM),
            "Pass it along to anyone who needs a laugh today.",
            "Please retweet so more people see it.",
            "Would anyone be kind enough to share our fundraiser?",
            "Could you spread the word to your local groups?",
        ],
        "quiet": [
            "We shared our numbers openly because transparency builds trust.",
            "Retweeting your own old posts is fine, within reason.",
            "Who's sharing the cab to the airport?",
            "Share prices in media are down this week.",
            "Please share any accessibility issues you find with our support team.",
            "The post office lost our parcel again.",
            "Kindly send over the signed contract when you can.",
            "RT is short for retweet, but you knew that.",
            "If you could live anywhere, where would it be?",
            "Help us pick the name for our new office plant 🌱",
            "Tweet your question with #AskBP and we'll answer live.",
            "Would you share a meal with your biggest competitor?",
            "Boost your reply rate with three small habits.",
            "We'd love to hear what you'd change about our newsletter.",
            "Mind your tone in client emails: warmth beats speed.",
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Ana, we run paid social for DTC brands and average 4x ROAS. Open to a 15-minute intro call?", **DM),
            p("Hey Tom, quick pitch: we'll write 20 LinkedIn posts a month for your CEO, £900 flat. Interested?", **DM),
            p("Congrats on the new role! Our agency could double your inbound in a quarter. Can I send a proposal?", **DM),
            "Cyber Monday only: every template 60% off.",
            "Doors close Friday for the community manager course. Enrol here.",
            "Get your ticket now before prices rise on Monday!",
            "Only 3 places left on Thursday's workshop. Book now.",
            "Our content packages start at just $199/month.",
            "Want more leads? Book a free 20-minute strategy session.",
            "Lifetime access for $49 today only.",
            "We'll get you 500 new followers in 30 days or your money back.",
            "Shop the sale now, ends tonight!",
            p("Hi! Saw your company is growing fast. We help SaaS teams cut churn by 30%. Worth a quick call this week?", **DM),
            "DM me 'AUDIT' for a free Instagram audit this week only.",
            "Join 2,000 marketers in our paid community. First month free!",
        ],
        "quiet": [
            "Last chance to see our team at the conference this year: we're on stand 12.",
            "This lamp was only $12 and it's the best thing on my desk.",
            "Doors open at 6 for tonight's meetup. See you there!",
            "We got our first 1,000 followers by replying to everyone. No tricks.",
            "The psychology of 'limited time' offers, explained.",
            "Prices rise, budgets shrink: how agencies can adapt in 2027.",
            "Free coffee in the office kitchen, come say hi.",
            "Our call for speakers is open until Friday.",
            "We guarantee one thing: we'll always answer your messages.",
            "Sale of the old office furniture went to charity. Thank you all!",
            p("Thanks for the referral! I'll send the invoice for last month's work today.", **DM),
            p("Great chatting today. As promised, here's our rate card.", **DM),
            "Shopping for a new CRM? Here's our honest comparison of five.",
            "Want more leads? Stop posting links and start answering questions.",
            "Book club this Friday: we're reading 'Contagious'.",
        ],
    },
    "mention-push": {
        "fire": [
            "@sarah @dev you two should read our new report on hybrid work https://bp.agency/report",
            "@wired this is right up your street: our new study https://bp.agency/study",
            "@ana check out what we just shipped https://bp.agency/changelog",
            "@max new episode out now, you're going to love it https://bp.agency/pod/21",
            "@ben @kat @raj @liv @sol our latest guide https://bp.agency/guide",
            "@mike take a peek at our redesign https://bp.agency/work/redesign",
            "@newsdesk press release attached, would love a mention https://bp.agency/press",
            "@jo have you read our new post yet? https://bp.agency/blog/new",
        ],
        "quiet": [
            "Huge thanks to @ana for the kind words about our report https://bp.agency/report",
            "Tonight on @BBCOne, our founder talks about social media and kids https://bp.agency/press",
            "Co-written with @ben, our guide to alt text https://bp.agency/guide",
            "@max loved your episode on burnout, so true",
            "We're proud to sponsor @SMWLondon this year https://bp.agency/events",
            "Our partners @globex and @initech join us on stage https://bp.agency/events",
            "@jo congrats on the new job! Go smash it",
            "Shoutout to @raj for the photo https://bp.agency/blog/team",
        ],
    },
}

# The fourth batch: measured untuned once, then tuned on.
TUNE_FOURTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "If you can, please give this a quick RT 🙏",
            "Spare a retweet? We're trying to reach 500 signatures.",
            "Would really appreciate it if you could share this around.",
            "Share to your story if you agree 👇",
            "Please repost - we're looking for volunteers in Bristol.",
            "Help us out by sharing this with your followers!",
            "It'd be amazing if you all could boost this.",
            "Could I ask you to share this with anyone looking for a job?",
            "Please forward to anyone who might be interested.",
            "Tag three friends and share this post to enter!",
            p("Hi Sam! Would you mind giving our latest post a share? Would mean the world.", **DM),
            "Go on, hit repost. You know you want to.",
            "Your retweets keep this little account going 💛",
            "Anyone willing to share? Every bit helps.",
            "Get this trending! #SaveOurLibrary",
        ],
        "quiet": [
            "We're not going to ask you to share this. Just read it.",
            "Thanks to everyone who shared our post last week!",
            "Share of voice is a vanity metric, change our mind.",
            "Please repost responsibly: credit the original creator.",
            "Could you share more about how you measure reach?",
            "Forward planning saves campaigns.",
            "She tagged three friends in the comments and that's how we met.",
            "If you can, take a break this weekend.",
            "Help us understand your needs: what's your biggest challenge?",
            "Kindly note our office is closed on Monday.",
            "The retweet button was nearly called 'share'.",
            "Passing this milestone took us five years.",
            "We post every Tuesday and Thursday; here's why.",
            "Please send your CV to jobs@bp.agency",
            "Could you send me the link to your portfolio?",
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Sam, I help agencies land 5-10 new retainer clients a month using LinkedIn. Would you be open to a quick chat?", **DM),
            p("Hey Priya! We build custom chatbots that convert 3x better. Can I show you a 10-min demo?", **DM),
            p("Hello, we provide SEO services at affordable rates. Reply YES for a free audit.", **DM),
            "Flash sale! 48 hours only. Everything must go.",
            "Save 30% on all plans when you upgrade today.",
            "Register by Friday to get the early-bird rate.",
            "Our Black Friday bundle is live: 5 courses for the price of 1.",
            "Buy one, get one free on all workshop tickets this week.",
            "Want to grow your brand? Our social media packages are now 20% off.",
            "Limited seats - secure your place now.",
            "Ready to 10x your content? Book your onboarding call today.",
            "Get instant access to 200+ templates for just $29.",
            "Don't miss our biggest sale of the year. Ends Sunday!",
            p("Hi Mark, loved your post on hiring. We offer recruitment marketing for tech startups. Any interest in a quick call?", **DM),
            "Clients see results in 14 days, guaranteed. Apply now.",
        ],
        "quiet": [
            "We're hiring a sales lead. Apply by Friday: https://bp.agency/jobs",
            "Our biggest lesson this year: sell less, listen more.",
            "The free version of the tool is enough for most small teams.",
            "Flash photography isn't allowed at the gallery, sadly.",
            "Register for the meetup to help us plan the pizza order.",
            "Book recommendations for community managers, anyone?",
            "Save the drafts you love and delete the rest.",
            "Buy-in from leadership is the hardest part of any social strategy.",
            "Early bird catches the worm, so we're at the office at 7.",
            "Three offers we turned down this year and why.",
            p("Hi Priya, thanks for the connection! I enjoyed your talk at SMW.", **DM),
            p("Hey Sam, following up on your question: yes, we can run the workshop in March.", **DM),
            "Our prices haven't changed since 2024 and won't this year.",
            "Black Friday? We're closed and spending it with our families.",
            "A 20% increase in replies this month. Small wins.",
        ],
    },
    "mention-push": {
        "fire": [
            "@lena we think you'd find our new whitepaper useful https://bp.agency/whitepaper",
            "@tom @ana @li don't miss this 👇 https://bp.agency/blog/latest",
            "@guardian hi! We have a story you might like: https://bp.agency/news",
            "@marco you need to see our latest case study https://bp.agency/work/marco",
            "@kat thought this might be useful for your team https://bp.agency/guide",
            "@bea have a listen to our new podcast ep https://bp.agency/pod/22",
            "@zara check this out https://bp.agency/blog/new",
            "@emma @raj sharing our latest research with you https://bp.agency/research",
        ],
        "quiet": [
            "Thank you @zara for featuring us in your newsletter https://bp.agency/press",
            "Our CEO @dana_bp spoke at the summit today https://bp.agency/events",
            "Happy to announce our partnership with @oxfam https://bp.agency/news",
            "@kat great to see you at the meetup! Let's grab coffee soon",
            "Watch our interview on @BBCNews https://bp.agency/press",
            "@raj brilliant thread, agree with every word",
            "A big welcome to our new clients @acme and @globex https://bp.agency/news",
            "@emma thanks for sharing our guide! https://bp.agency/guide",
        ],
    },
}

# The fifth batch: measured untuned once, then tuned on.
TUNE_FIFTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "Pls pls pls retweet, our cat is missing in Leeds 😿",
            "Could everyone share this far and wide? Missing dog in Cardiff.",
            "Please amplify: we need translators for Ukrainian refugees.",
            "Help get this to as many designers as possible!",
            "Would you be so kind as to RT our survey?",
            "If you like it, please share it.",
            "A retweet from you would go a long way 🙏",
            "Do share widely, the more the merrier.",
            "We're 50 signatures short. Please send this to everyone you know.",
            "RT for the algorithm 🙏",
            p("Hi Priya, might you be able to share our call for speakers with your members?", **DM),
            "Boost this so people see it!",
            "Can you all please help share this post?",
            "Drop this in your group chats!",
            "Everyone, please repost!",
        ],
        "quiet": [
            "If you like it, say so in the replies - we read them all.",
            "Please share your wins from this week below 👇",
            "Do share your thoughts, we're genuinely curious.",
            "Can you all see the livestream OK? Let us know.",
            "Could everyone check their inbox for the invite?",
            "Please send us your questions ahead of the AMA.",
            "We retweeted the wrong account yesterday. Sorry @acme!",
            "Drop your best tip in the comments.",
            "Boosting engagement starts with replying.",
            "Send in your photos from the event and we'll feature some!",
            "She shared the stage with three amazing speakers.",
            "Would love to hear from anyone who's tried this.",
            "Help! Our coffee machine is broken.",
            "Anyone able to recommend a good alt text guide?",
            "Please tag your photos #BPMeetup so we can find them.",
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Jo, I'm reaching out because we help e-commerce brands increase conversion by 25%. Would you like to learn more?", **DM),
            p("Quick intro: we're a full-service agency. Our rates are very competitive. Let me know if you'd like a quote.", **DM),
            p("Hey! Are you looking for more clients? We can set up a done-for-you LinkedIn outreach system for you.", **DM),
            "Tickets are flying! Grab yours before they're gone.",
            "Summer sale: all courses half price until Sunday.",
            "Upgrade today and get 2 months on us.",
            "New clients get their first audit free - book by Friday.",
            "Use code SPRING for 15% off your order.",
            "Our masterclass is back! Only 20 spots, sign up now.",
            "Stop wasting money on ads. Hire us and watch your sales grow. DM for rates.",
            "Enrolment closes at midnight. Don't miss out!",
            "Last day to claim your 40% discount!",
            p("Saw your post about hiring - our recruiting platform cuts time-to-hire in half. 15 mins next week?", **DM),
            "Pre-order now and save $50.",
            "Don't wait - this deal won't last.",
        ],
        "quiet": [
            "Last day in the old office. Feeling nostalgic.",
            "Pre-ordered the new book from our favourite author!",
            "We don't do discounts, and here's why.",
            "The deal with our biggest client took two years of conversations.",
            "Grab yours: a free PDF of our alt text checklist, no email required.",
            "Code review for social posts: have someone read it first.",
            "Book of the month: 'Building a StoryBrand'.",
            "Last chance to tell us what you think of the newsletter before we redesign it.",
            "Our rates of reply went from 10% to 80% this year.",
            "Hurry up and finish your coffee, the stand-up starts in 5.",
            "Ends on a high note: the best conference talk we've seen this year.",
            "Sign up for nothing, just come and say hi at stand 12.",
            p("Thanks Sam! I'll send the quote you asked for by Friday.", **DM),
            "We said no to a $50k deal because it didn't fit our values.",
            "Interested in joining our book club? Everyone's welcome.",
        ],
    },
    "mention-push": {
        "fire": [
            "@jess @omar here's something you'll enjoy: our new report https://bp.agency/report",
            "@techcrunch we'd love for you to cover our launch https://bp.agency/launch",
            "@liam this is exactly what you were after 👉 https://bp.agency/guide",
            "@vogue our latest collection is live https://bp.agency/collection",
            "@nina @eli @tom @ava read this https://bp.agency/blog/new",
            "@sara would you share our new guide with your followers? https://bp.agency/guide",
            "@pete new video up, let me know what you think! https://bp.agency/video",
            "@ana check our bio for the new guide",
        ],
        "quiet": [
            "Great to see @jess at our workshop today https://bp.agency/events",
            "Congrats to our client @acme on 10 years! https://bp.agency/news",
            "Our founder on @CNN tonight: why replies matter https://bp.agency/press",
            "@liam what's your favourite alt text tool?",
            "Thanks for the shoutout @vogue! https://bp.agency/press",
            "Photos from @sara's talk are up https://bp.agency/gallery",
            "@pete sorry for the delay, fixed now!",
            "As featured in @FastCompany https://bp.agency/press",
        ],
    },
}

# The sixth batch: measured untuned once, then tuned on.
TUNE_SIXTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "Sharing would be massively appreciated!",
            "Please share with anyone who might be interested in volunteering.",
            "Retweet to spread awareness 💙",
            "Could you do me a favour and pass this on to your followers?",
            "Repost if you're hiring too! Let's help each other.",
            "Please help us reach more people by sharing this.",
            "We need your help to get the word out about the closure.",
            "Share this thread with someone who's just starting out.",
            "Please RT, it'd mean a lot to the team.",
            p("Hey, I'd be grateful if you could share our new job listing with your network.", **DM),
            "Would be amazing if this got some shares 🙏",
            "Send this to your boss. Trust us.",
            "Please consider sharing our fundraiser.",
            "Help boost this, we've only got two days left!",
            "Know someone in Bristol who needs a job? Pass this on!",
        ],
        "quiet": [
            "Please consider our planet before printing this email.",
            "We're sharing this update on behalf of our client.",
            "Thanks for all the retweets yesterday, we're overwhelmed!",
            "Could you pass on our thanks to the organisers?",
            "Send your boss this survey only if you're feeling brave (joke).",
            "Repost culture is changing how small creators get credit.",
            "Please help yourself to coffee in reception.",
            "We need your help: what should our next guide cover?",
            "Spread out across three floors, the new office is huge.",
            "Sharing is the hardest part of creative work: showing unfinished ideas.",
            "If you agree, tell us why in the replies.",
            "Forwarding emails is not a strategy.",
            "Retweet this? No. Reply to it? Yes.",
            "Boost or not boost: a guide to paid amplification for small brands.",
            "Pass the mic to someone who hasn't spoken yet.",
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Tom, hope you're well. We work with agencies like yours to scale content production. Do you have time for a call this week?", **DM),
            p("Hi! I noticed your posts don't get much engagement. We can fix that for $300/month. Want details?", **DM),
            p("Dear Sarah, we'd love to offer you an exclusive partnership package. Can we schedule a call?", **DM),
            p("Hey, are you open to a free trial of our scheduling tool? No card needed.", **DM),
            "Act fast: only 10 copies of the signed edition left!",
            "Save big this weekend: 25% off everything with code WEEKEND.",
            "Ready to scale? Apply for our accelerator today, spots are limited.",
            "Get our complete social media toolkit for just £15.",
            "Get 3 months of premium for the price of one. Offer ends soon!",
            "Ends tonight: lifetime deal on our analytics tool.",
            "Secure your seat at the masterclass for just $49.",
            "Treat yourself: our prints are 30% off this week only.",
            "Shop now and get free delivery on orders over £30.",
            "Want your brand seen by 100k people? Sponsor our newsletter. Rates in bio.",
            "Special offer for new followers: 50% off your first order!",
        ],
        "quiet": [
            "Shop talk: what's the best scheduling tool for small teams?",
            "Act like you've been there before. Confidence helps.",
            "Our newsletter hit 100k readers. Thank you for reading!",
            "Offer feedback, not criticism.",
            "This weekend we're painting the office. Wish us luck!",
            "Get out and enjoy the sun, the posts can wait.",
            "Save your energy for the things that matter.",
            "We're sponsoring the local hackathon this year. Good luck to all teams!",
            "Our prints from the workshop are up on the wall.",
            "The free version is fine. Honestly.",
            "Limited edition? Everything is limited when you think about it.",
            "Secure your accounts: turn on two-factor authentication today.",
            "Special thanks to everyone who came to the meetup.",
            p("Hi Tom, it was great to meet you at the conference. How's the new job going?", **DM),
            p("Thanks for the invite! Happy to join the call on Thursday.", **DM),
        ],
    },
    "mention-push": {
        "fire": [
            "@anna @ben new article: why brands should reply more https://bp.agency/blog/reply",
            "@carla thought you might like our newest playbook https://bp.agency/playbook",
            "@dan our free template is here if you need it https://bp.agency/template",
            "@eva @finn you'd love this one from our blog https://bp.agency/blog/love",
            "@bloomberg fresh data from our survey of CMOs https://bp.agency/survey",
            "@greg see what we did for @acme https://bp.agency/work/acme",
            "@hana our webinar starts in an hour, join us! https://bp.agency/webinar",
            "@ivan just published this, keen for your take https://bp.agency/blog/take",
        ],
        "quiet": [
            "Congratulations @anna on the award, well deserved https://bp.agency/news",
            "Beautiful work by @carla on our new identity https://bp.agency/work/identity",
            "@dan yes! The template is free, link's in the guide",
            "Spent the day with @eva and the team at @acme https://bp.agency/blog/day",
            "Quoted in @bloomberg today on ad spend https://bp.agency/press",
            "@greg we're so sorry, we'll fix that today",
            "Live from @SXSW with our friends @hana and @ivan https://bp.agency/sxsw",
            "A thread by our strategist @jo_bp on brand voice https://bp.agency/blog/voice",
        ],
    },
}

# The seventh batch: measured untuned once, then tuned on.
TUNE_SEVENTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "RTs and shares very welcome, we're a tiny charity.",
            "Please pass on to anyone in the Manchester area!",
            "Could you give us a retweet? It'd really help.",
            "Feel free to repost this anywhere.",
            "Do us a favour and share this with your mum.",
            "Share the link with your team if you think it'd help.",
            "Would love some help spreading the word 🙏",
            "Retweeting would be a huge help!",
            "Can you help us get this in front of hiring managers?",
            p("Hi Lee! If you have a sec, could you repost our announcement?", **DM),
            "Please like and share so we can reach more volunteers.",
            "One retweet could change someone's life. Please share.",
            "Want to help? Share this with three friends.",
            "Let's make this go viral and find his bike!",
            "Pls boost, we're short on volunteers for Saturday.",
        ],
        "quiet": [
            "RTs are not endorsements, as every bio used to say.",
            "Please pass on your feedback to our team at hello@bp.agency.",
            "Could you give us a call back when you're free?",
            "Feel free to reply with questions.",
            "Do us a favour and tell us what you'd like to read next.",
            "Share the stage, share the credit.",
            "We'd love some help choosing our next podcast guest: ideas?",
            "Retweeting without reading is how misinformation spreads.",
            "Can you help us find a good venue for the meetup?",
            "Let's make this Friday a good one.",
            "Boost your confidence before a pitch: rehearse out loud.",
            "One retweet from a big account changed our year. Still grateful.",
            "Want to help? Tell us what's missing from the guide.",
            "Please like this only if you mean it (we can't tell anyway).",
            "Pass on the pitch deck, tell the story instead.",
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Maria, we specialise in TikTok growth for restaurants. We've helped 50+ venues fill tables. Fancy a chat?", **DM),
            p("Hello! Our agency offers affordable social media packages starting at £199. Let me know if interested.", **DM),
            p("Hey, noticed you're launching soon. We do launch PR with guaranteed coverage. Shall I send our deck?", **DM),
            p("Hi Sam, I'd love to show you how our tool saves marketers 10 hours a week. Free demo this Thursday?", **DM),
            "Last call: applications for the cohort close Friday. Apply now!",
            "Only 48 hours left to save 40% on annual plans.",
            "Buy 2, get 1 free on all prints this weekend.",
            "Grab the bundle now and get a bonus masterclass for free.",
            "New: our content calendar template. Get yours today for $12.",
            "Get started for free, upgrade anytime. Sign up now.",
            "Want more bookings? Our done-for-you ads service is now open. DM 'ADS'.",
            "Hurry, prices go up at midnight!",
            "Our Black Friday deals are live - up to 70% off.",
            "Book a free consultation and get a custom growth plan.",
            "Only a handful of spots remain for January coaching. Reply to claim yours.",
        ],
        "quiet": [
            "Last call for questions before we close the AMA!",
            "Applications for our internship close Friday. Apply here: https://bp.agency/jobs",
            "We bought 2 prints from a local artist for the office.",
            "Get started with alt text: three rules that cover most images.",
            "Our content calendar template is now public and free, no sign-up.",
            "Up to 70% of posts get no replies. Here's how to change that.",
            "Hurry slowly: the best advice we got this year.",
            "The consultation with our lawyer was very useful.",
            "We're open! New office, same team, come say hi.",
            "Prices went up at our favourite café. We're still going.",
            "Spots remain for the free community meetup - all welcome.",
            "Grab a seat, this thread is long.",
            p("Hi Maria, congrats on the restaurant's anniversary! The photos look amazing.", **DM),
            p("Hey Sam, as discussed, here's the quote for the workshop.", **DM),
            "Black Friday makes our inboxes unbearable. Unsubscribe with us.",
        ],
    },
    "mention-push": {
        "fire": [
            "@kim @leo this might help with your hiring: our new guide https://bp.agency/hiring",
            "@mo here's the link to our latest report https://bp.agency/report",
            "@nat ICYMI our webinar recording is up https://bp.agency/webinar",
            "@olga @pia @quin @rob new post 🔥 https://bp.agency/blog/fire",
            "@sam fancy a read? https://bp.agency/blog/read",
            "@forbes we've got numbers on remote work you'll want https://bp.agency/data",
            "@tess would you mind sharing our new guide? https://bp.agency/guide",
            "@uma you should check out our new app https://bp.agency/app",
        ],
        "quiet": [
            "@kim lovely to meet you today!",
            "Proud to be named in @forbes' top agencies https://bp.agency/press",
            "With thanks to @leo for the illustrations https://bp.agency/blog/illus",
            "Join @mo and @nat for our panel on Thursday https://bp.agency/events",
            "@olga happy to help! Drop us a DM",
            "Our client @pia launched today, go team! https://pia.io",
            "@quin great question - we don't, but we should",
            "Recorded at @TheDrum studio https://bp.agency/video",
        ],
    },
}

# The eighth batch: measured untuned once, then tuned on.
TUNE_EIGHTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            p("♻️ Repost to help someone in your network.", platform="linkedin"),
            p("If this resonated, a share would help it reach more founders.", platform="linkedin"),
            p("Boosts appreciated! #fediverse #jobs", platform="mastodon"),
            p("Save this and share it with a friend who needs it 💕", platform="instagram"),
            "Retweet so your followers see it too.",
            "PLEASE SHARE. Our community garden is at risk.",
            "Would you mind boosting this? Looking for a new role.",
            "Help me find my lost camera: please RT!",
            "Go share this with your group chat right now.",
            "Can we get this to 10k shares?",
            "If everyone who reads this shares it, we'll hit our goal today.",
            p("Hi Ali, any chance you'd share our open roles with your team? Thanks!", **DM),
            "Kindly retweet, we're trying to trace the owner.",
            "Pls share far & wide!",
            "Tag and share with someone who'd love this!",
        ],
        "quiet": [
            p("Repost from last year because it still matters: reply to your comments.", platform="linkedin"),
            p("Save this for later: five alt text examples.", platform="instagram"),
            p("Boosts and favourites are not the same thing on Mastodon.", platform="mastodon"),
            "Share buttons on blogs barely get used anymore.",
            "Can we get real about vanity metrics?",
            "Help me understand why brands still buy followers.",
            "If everyone who reads this replies, we'll read every one.",
            "Go outside. The feed will still be here.",
            "Would you mind if we quoted you in our newsletter?",
            "Tag your brand in your own posts? Here's when it helps.",
            "Kindly remember to log your hours by Friday.",
            "PLEASE stop posting the same link four times a day.",
            "Retweet counts are hidden now, and that's fine.",
            p("Hi Ali, thanks for sharing the role! I've applied.", **DM),
            "Share your screen, not your whole desktop.",
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Ben, we've helped 200+ coaches get booked out. Want me to show you how?", **DM),
            p("Hello Fatima, is growing your Instagram a priority this quarter? We offer a 30-day growth sprint. Let me know!", **DM),
            p("Hi, I'll be brief: we build Shopify stores that convert. Packages from $2k. Worth a conversation?", **DM),
            p("Congrats on the funding! Our team can help you hire your first 10 engineers fast. Can we set up a call?", **DM),
            "New drop: limited run of 100 tees. Shop now before they sell out!",
            "Early access pricing ends in 24 hours.",
            "Get 20% off your first month with code HELLO20.",
            "This week only: free setup for every new account.",
            "Join the waitlist now, founding members get 50% off for life.",
            "Registration closes tomorrow. Secure your spot!",
            "Stop guessing. Book a strategy call and get a clear plan in 30 minutes.",
            "Our course has helped 5,000 students land jobs. Enrol today.",
            "Hurry! The sale ends at midnight.",
            "Need more customers? Call us today for a free quote.",
            "The price goes up Monday - buy now and save.",
        ],
        "quiet": [
            "New drop on the blog: what we learned from 100 client audits.",
            "Early access to our research goes to the people who answered the survey. Thank you!",
            "Registration is open for the free community meetup - no tickets needed.",
            "Stop guessing what your audience wants. Ask them.",
            "Our course on writing alt text is free and always will be.",
            "The sale of our old domain funded the new office.",
            "We've helped 200 clients, and we've learned from every one.",
            "Need more customers? Start by answering the ones you have.",
            "Call us old-fashioned, but we still send thank-you cards.",
            "Our price list is on the website, no 'contact us for pricing' games.",
            p("Hi Ben, loved your post on coaching. What's been your biggest lesson this year?", **DM),
            p("Hi Fatima, following up on your question about our packages - here they are, as promised.", **DM),
            "Secure your spot in the sun: our summer picnic is on Saturday!",
            "Hurry up and slow down: our take on content velocity.",
            "Buy-in matters more than budget.",
        ],
    },
    "mention-push": {
        "fire": [
            "@ali @ben fresh off the press: our Q3 report https://bp.agency/q3",
            "@cara you'll find our new guide handy https://bp.agency/guide",
            "@deano take a look: https://bp.agency/work/deano",
            "@ellie this is for you 💛 https://bp.agency/blog/ellie",
            "@frank @gail @hal @ida @jon check our latest https://bp.agency/latest",
            "@ken might be worth a read https://bp.agency/blog/worth",
            "@lara would you feature us in your roundup? https://bp.agency/press",
            "@mia psst, our sale is live https://bp.agency/shop",
        ],
        "quiet": [
            "@ali thanks so much for the kind review!",
            "Spotted @ben in our audience today, thanks for coming! https://bp.agency/events",
            "In conversation with @cara about creative burnout https://bp.agency/pod/30",
            "@deano here's the guide you asked for https://bp.agency/guide",
            "Our friends at @ellie_studio made this beautiful film https://ellie.studio/film",
            "Thanks @frank, @gail and @hal for judging the awards https://bp.agency/awards",
            "Hosting @ken tonight for a fireside chat https://bp.agency/events",
            "Welcome to the team, @lara! https://bp.agency/team",
        ],
    },
}

# The ninth batch: measured untuned once, then tuned on.
TUNE_NINTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "Every repost counts - thank you!",
            "Your shares make a real difference to small creators like us.",
            "Please do share, we're a two-person team.",
            "Could you amplify our call for speakers?",
            "If you have a minute, a quick share would help enormously.",
            "Mind giving this a boost? Thanks in advance.",
            "Spread this far, spread this wide.",
            "Please RT & follow for more updates on the strike.",
            p("Hey! Would you be willing to repost our launch today? It'd mean a lot.", **DM),
            "Help a small business out and share this post ❤️",
            "We'd appreciate it if you'd pass this along.",
            "Retweet if you're going to the conference!",
            "Share with a friend who needs a laugh today.",
            "Get this seen: RT!",
            "Could somebody please share this in the design Slack?",
        ],
        "quiet": [
            "Every reply counts. We read them all.",
            "Your feedback makes a real difference to how we write.",
            "Please do share your own experience in the replies.",
            "Amplify other voices: quote, credit, link.",
            "If you have a minute, tell us one thing we could do better.",
            "Mind the details: alt text, captions, contrast.",
            "Spread the work across the week, not the night before.",
            "We follow up on every complaint within a day.",
            p("Thanks for reposting our launch, it made our day!", **DM),
            "Help a small business out: buy local this Christmas.",
            "We'd appreciate your patience while we move offices.",
            "Retweeting yourself every hour isn't a strategy.",
            "Share prices don't measure community.",
            "Get this: our intern wrote the best post of the year.",
            "Could somebody explain threads vs carousels to me?",
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Nora, we partner with B2B brands to generate qualified leads on autopilot. Would a 15-minute call next week work?", **DM),
            p("Hey Omar, love what you're building. We offer white-label design for agencies at half the usual price. Keen to chat?", **DM),
            p("Hi there! Do you need help with your social media? I'm a freelancer offering monthly packages. DM me for prices.", **DM),
            "Last few tickets left for Friday's workshop - book now!",
            "Price drops to $99 for the next 48 hours only.",
            "We're giving away a free audit to the first 10 people who reply.",
            "Get the ebook today and save 50%.",
            "Limited-time: buy the course, get the templates free.",
            "Still thinking about it? Doors close tonight.",
            "Our agency can triple your leads. Contact us today.",
            "Reserve your copy now, ships in March.",
            "Introductory offer: first session just £25!",
            "Sign up today and your first month is on us.",
            "Book your slot before they're gone.",
            "Want to 10x your reach? Join our paid programme, link in bio.",
        ],
        "quiet": [
            "Last few days in Lisbon, then back to London.",
            "The price of a great brand is saying no to most things.",
            "We're giving away our old monitors to a local school.",
            "Get the basics right before you buy any tool.",
            "Limited time with clients means every meeting counts.",
            "Doors close at 10 tonight, so come early for the talk.",
            "Our agency tripled its replies by answering faster.",
            "Reserve judgement on AI tools until you've tried them.",
            "Introductory posts on LinkedIn work best when they're short.",
            "Sign up for the free newsletter if you like this kind of thing.",
            "Book recommendations welcome!",
            "Want to 10x your reach? You can't buy it. Earn it.",
            p("Hi Nora, as requested, here's our pricing for the workshop.", **DM),
            p("Hey Omar, loved your talk. Would you like to grab a coffee next time you're in London?", **DM),
            "Price drops and sales: how retail brands should talk about them.",
        ],
    },
    "mention-push": {
        "fire": [
            "@pat we wrote about exactly this https://bp.agency/blog/exact",
            "@quinn @ray our latest edition is out https://bp.agency/newsletter/12",
            "@sue you might want to bookmark our new guide https://bp.agency/guide",
            "@teo would love you to try our new app https://bp.agency/app",
            "@una @vic @wes @xia ICYMI our report https://bp.agency/report",
            "@yan have you seen our latest episode? https://bp.agency/pod/40",
            "@zoe any interest in featuring our study? https://bp.agency/study",
            "@abe this one's worth your time https://bp.agency/blog/worth",
        ],
        "quiet": [
            "@pat congrats on the book deal!",
            "Thanks to @quinn and @ray for the great session https://bp.agency/events",
            "Cover art by @sue https://bp.agency/newsletter/12",
            "@teo good shout, we'll add it",
            "Our newest client @una, welcome! https://bp.agency/news",
            "@vic sorry to hear that, DM us and we'll sort it",
            "As seen in @zoe's newsletter this week https://bp.agency/press",
            "With @abe and @yan at the awards tonight https://bp.agency/awards",
        ],
    },
}


# The tenth batch: measured untuned once, then tuned on.
TUNE_TENTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "If you know anyone hiring juniors, please send them our portfolio.",
            "Pop this in your team chat if it's useful 🙏",
            "Tag someone who needs to hear this.",
            p("Hi Priya, would you be up for resharing our hiring post? We're a tiny team.", **DM),
            "Shares really help us reach more parents. Thank you!",
            "Give this a repost if you think brands should pay creators on time.",
            "Could I ask you to share this with your students?",
            "Please boost: we're looking for a freelance motion designer.",
        ],
        "quiet": [
            "We sent the portfolio to three studios last week.",
            "Pop into the studio on Friday for mince pies.",
            "Tag your photos #BPWeek and we'll pick a favourite.",
            p("Hi Priya, thanks for resharing our hiring post!", **DM),
            "Shares are a vanity metric if nobody clicks.",
            "Reposting old content is fine if it's still true.",
            "Could I ask you a question about your onboarding process?",
            "Please boost your contrast: grey on grey is unreadable.",
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Marcus, I run a lead-gen agency for dentists. We average 30+ new patient bookings a month "
              "for our clients. Could I send you a case study?", **DM),
            p("Hey Lena, I noticed your Instagram hasn't been updated in a while. We manage accounts for "
              "cafés for £350/month, content included. Interested?", **DM),
            p("Hi Tom, congrats on the new role! Quick one: we're running 40% off our LinkedIn ghostwriting "
              "this month. Want the details?", **DM),
            p("Good morning! I'm reaching out because we help SaaS founders book 10-15 demos a week "
              "without cold calling. Is this something you'd explore?", **DM),
            p("Hi Ade, I can get your podcast in front of 50k listeners in 60 days. Happy to share rates.",
              **DM),
            p("Hello! We build Shopify stores from £1,200. Can I drop you a proposal?", **DM),
            p("Hey, saw your post about hiring. Before you do, our done-for-you content service costs less "
              "than a junior. Let's chat?", **DM),
            p("Hi Gwen, your competitors are already using short-form video. We can produce 20 reels a "
              "month for a flat fee. Can we book 15 mins?", **DM),
            "We guarantee 3x ROI on your ad spend in 90 days or we work for free.",
            "New clients get their first month at half price. Spots limited - DM me 'GROW'.",
            "Looking for more leads? We deliver 50 qualified B2B leads every week. Link in bio.",
            "Rates: logo £300, brand kit £900, full identity £2,500. DM to book.",
            "DM me for rates 📩 Taking on 2 new clients this month.",
            "Black Friday: 30% off all social media audits. Use code BF30 at checkout.",
            "Still doing your own socials? Let us take it off your hands. Packages from $199/mo.",
            "Want a website that actually converts? Book a free discovery call today.",
            "Only 3 slots left for January content shoots. Grab yours before they go.",
            "Get 1,000 targeted followers in 7 days. Real people, no bots. Order now.",
            p("Thanks for accepting! We've helped 200+ agencies automate reporting. Would you be open to "
              "a 20 minute demo next Tuesday?", **DM),
            p("Hi Sara, not sure if you're the right person, but we help clinics fill empty appointment "
              "slots. Who would be best to speak to?", **DM),
            "Your brand deserves better photos. Shoots from £150. Enquire today!",
            "Holiday offer: buy 2 coaching sessions, get the third free. Ends Sunday.",
        ],
        "quiet": [
            "We used to promise clients 10k followers. We stopped, and retention went up.",
            "The worst DM I got this week: 'I can guarantee you 50 leads a month'. Delete.",
            "Pricing pages are the most visited page on most agency sites. Here's what we learned.",
            "A discount is a promise you'll have to keep making.",
            "Ran a 30% off test for a client. Sales up, margin down, repeat buyers flat.",
            "Our rates went up in January, and we told clients three months ahead.",
            "Cold DMs that start with 'quick question' have a 0% reply rate from me.",
            "We booked 20 demos last month, almost all from replies to our newsletter.",
            "Got 3 'guaranteed followers' pitches before lunch. Impressive dedication.",
            "Honest question: does anyone still buy from LinkedIn DMs?",
            "Our client doubled their bookings after fixing the mobile menu. No ads.",
            "Would love to chat with other agency owners about pricing. Coffee in Leeds?",
            "Happy to share how we priced our first retainer if it helps anyone.",
            "The phrase 'limited spots' has lost all meaning.",
            "Book club pick this month: 'Building a StoryBrand'. Who's in?",
            "We're hiring a sales rep! Remote, UK hours.",
            p("Hi Marcus, thanks for the call today. As discussed, the proposal is attached.", **DM),
            p("Hey Lena, the café photos look great! Did you shoot them yourself?", **DM),
            p("Hi Tom, congrats on the new role! Hope the first week is going well.", **DM),
            p("Thanks for connecting, Ade. Loved your episode on community building.", **DM),
            "Last orders at the bar at 11, the awards start at 8.",
            "Free coffee in the lobby for everyone at the meetup tomorrow.",
        ],
    },
    "mention-push": {
        "fire": [
            "@kim_writes we just put out a benchmark you'll want for your column https://bp.agency/bench",
            "@leo @mia new on the blog: why reply time beats reach https://bp.agency/blog/reply",
            ("Hey @nina, fresh episode with a fintech CMO, would be great if you gave it a listen "
              "https://bp.agency/pod/41"),
            "@oscar saw your thread on churn, we wrote the playbook on that https://bp.agency/churn",
            "@pia @quin @rob @sal our free template is live, grab it https://bp.agency/template",
            "@tess reckon your readers would like this one https://bp.agency/blog/readers",
        ],
        "quiet": [
            "Great chat with @kim_writes about the future of newsletters https://bp.agency/pod/41",
            "New episode with @leo, on building a team that replies fast https://bp.agency/pod/42",
            "Congratulations @nina on 10 years of the studio!",
            "@oscar we hear you. Sorry about the wait, a human is on it now.",
            "Proud to partner with @pia and @quin for this year's Social Summit https://bp.agency/summit",
            "Big thanks to @tess for the brilliant illustrations in our report https://bp.agency/report",
            "Speaking at @websummit next week alongside @rob and @sal https://bp.agency/events",
            "@uma that's a fair point, we should have flagged the delay sooner.",
            "Our CEO chatted to @bbcbusiness about the four-day week https://bp.agency/press",
            "As reported by @TechCrunch today, we've raised our Series A https://bp.agency/news",
            "Shot on location with @vera_photo. More soon.",
            "@will good luck at the awards tonight!",
            "We're at @SMWLondon all week, come and say hi at stand 14.",
            "Announcing this year's speakers: @xena, @yuri and @zack https://bp.agency/summit",
        ],
    },
}

# The eleventh batch: measured untuned once, then tuned on.
TUNE_ELEVENTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {
        "fire": [
            p("Hi Jonas, hope you're well. We specialise in TikTok ads for DTC brands and typically cut CPA "
              "by 35%. Worth exploring?", **DM),
            p("Hey! Noticed you're growing the team. We place senior marketers in 2 weeks, fee only on hire. "
              "Fancy a quick intro call?", **DM),
            p("Hi Chloe, we've just opened 3 spots for our LinkedIn growth programme. Want me to hold one for "
              "you?", **DM),
            p("Hi, I'm Dev from Loopline. We automate client reporting for agencies, saving 10+ hours a week. "
              "Can I show you a 10-minute walkthrough?", **DM),
            p("Hello Ms Patel, our team can increase your Google reviews by 5x in a month. Reply YES and I'll "
              "send details.", **DM),
            p("Hi Ben, following up on my last message. Still keen to show you how we doubled inbound for "
              "Acme. Thursday at 2?", **DM),
            p("Hey Mo, would you be interested in a free social media audit? No strings.", **DM),
            "Need UGC that converts? Our creators start at $150 per video. Message us to get started.",
            ("We're offering 20% off our brand strategy sprint until the end of the month. Book your spot "
              "via the link."),
            ("Struggling to get clients? My 6-week coaching programme has helped 300+ coaches sign their "
              "first 5 clients. Applications open now."),
            "Guaranteed page-one rankings in 90 days. Message for a free quote.",
            "Websites from £499. Fast turnaround, free hosting for a year. Get in touch today.",
            "Agencies: white-label our reporting tool for £49/month. Free 14-day trial, no card needed.",
            "Book a 30-minute strategy call and get our content calendar template free.",
            "Only 2 retainer spots left for Q1. If you want in, DM me now.",
            "Tired of posting into the void? We'll grow your LinkedIn to 10k followers in 6 months. DM 'LI'.",
            "Special offer for startups: full brand identity for £1,500 (normally £3,000).",
            "Slide into my DMs for the media kit and rates 💌",
        ],
        "quiet": [
            "We cut a client's CPA by 35% by pausing half their ads. Sometimes less is more.",
            "Three spots I love for a team lunch in Shoreditch 🧵",
            "Our founder on why she stopped offering discounts: https://bp.agency/blog/discounts",
            "If a vendor guarantees rankings, run.",
            "'Book a call' is the laziest CTA in B2B. Tell me why I'd want to.",
            "Nobody wants a free audit from a stranger. They want an answer to their question.",
            "Our studio is closed until 3 January. Happy holidays!",
            "Anyone recommend a good accountant for a small agency? DM me.",
            "Reply YES if you'd like us to run another AMA next month.",
            "The best sales DM I ever got was a question about my work, not a pitch.",
            "We're hiring: senior designer, £45-55k, hybrid in Manchester.",
            "Had a great call with a potential client today. Fingers crossed!",
            "Websites from 2010 still rank if the content is good.",
            "Tickets for the meetup are free, but we'd love you to RSVP so we order enough pizza.",
            "Price isn't the objection. Trust is.",
            "Just cancelled a tool that 'guaranteed' 2x engagement. It did not.",
            "We charge by project, not by hour. Here's why that works for us and our clients.",
            "Launch day! Thank you to everyone who helped us get here.",
            p("Hi Jonas, lovely to meet you at the conference. Let's stay in touch!", **DM),
            p("Hey Mo, following up on your question: our rates are on the site, but happy to explain.", **DM),
        ],
    },
    "mention-push": {
        "fire": [
            "@ana_m @ben_k here's the deck we mentioned, our new pricing research https://bp.agency/research",
            "@carla this might be right up your street, our latest case study https://bp.agency/work/case",
            "@dion you should check out what we did for @acme https://bp.agency/work/acme",
            "@eli @fay @gus @hana @ivo new post, have a read https://bp.agency/blog/new",
            "@jess if you're ever short of ideas, our template library is free https://bp.agency/templates",
            "@kai give our latest episode a listen, you'd enjoy it https://bp.agency/pod/43",
        ],
        "quiet": [
            "@ana_m here's the refund link, sorry again for the mix-up https://bp.agency/help/refunds",
            "Loved hosting @carla at our studio yesterday. Recap here: https://bp.agency/blog/recap",
            "@dion great question! Our help page covers it: https://bp.agency/help/export",
            "Huge congrats to our client @acme on the award https://bp.agency/news/acme",
            "Honoured to be featured by @adweek today https://bp.agency/press",
            "Our new office, designed by @studio_fern https://bp.agency/news/office",
            "Live now on @LinkedIn: our CEO and @jess talk creator pay https://bp.agency/live",
            "@kai you're right, we got that wrong. Updated the post.",
            "Catch @lina and @max from our team at the @HubSpot booth today",
            "In partnership with @unicef, our new campaign launches today https://bp.agency/unicef",
            "@nora thank you for having us on the show! https://bp.agency/pod/44",
            "Our report was picked up by @guardian this morning https://bp.agency/report",
            "Welcome @omar_dev, our new head of engineering!",
            "@paul that's on our roadmap for spring, we'll keep you posted.",
            "Joined @rita on her podcast to talk agency pricing https://bp.agency/pod/45",
            "Lovely review from @sam_eats of our new menu campaign https://bp.agency/work/menu",
            "Today's speakers include @tia, @uli and @vik. Tickets: https://bp.agency/summit",
            "@wren happy 10th birthday to the studio!",
        ],
    },
}

# The twelfth batch: measured untuned once, then tuned on.
TUNE_TWELFTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "Know someone who'd be perfect for this role? Send them the link!",
            "A repost from you would mean the world to our tiny team.",
            "If this resonated, hit repost so more founders see it.",
            p("Hey Kat! Any chance you'd share our fundraiser in your stories?", platform="instagram", kind="dm"),
            "Please help us find Biscuit: share this in local groups.",
            "Could our friends in Bristol pass this on?",
        ],
        "quiet": [
            "Know someone who'd be perfect for this role? Tell them to apply by Friday.",
            "A reply from you means more to us than a like.",
            "If this resonated, tell us which part in the replies.",
            p("Hey Kat! Thanks for sharing the fundraiser, it raised £400!", platform="instagram", kind="dm"),
            "Biscuit is home! Thank you all for sharing.",
            "Our friends in Bristol passed on some great advice about hiring.",
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Raj, I help e-commerce founders recover abandoned carts with SMS. Most clients see 15% "
              "more revenue in month one. Open to a quick chat next week?", **DM),
            p("Hey Ellie, just checking you saw my note? We've got one onboarding slot left this month "
              "and I thought of you.", **DM),
            p("Hi Nick, we're a boutique PR firm. We recently got a client into Forbes and TechCrunch. "
              "Would love to do the same for you. Free Thursday?", **DM),
            p("Hello, we offer Instagram management for restaurants: 12 posts, 30 stories, £400/month. "
              "Shall we set up a call?", **DM),
            "Your competitors are on page one. You're not. Let's fix that - free SEO audit at the link.",
            "Early bird ends Friday: £99 instead of £149 for the full workshop day.",
            "We still have 4 tables left for the awards dinner. Grab one before they're gone.",
            "Need a logo by Monday? Express design from $89. Order today.",
            "Booking now for spring shoots - message me for availability and packages.",
            "Want more 5-star reviews? Our software automates review requests. Start your free trial today.",
            "I'll write your LinkedIn posts for a month for $500. First 5 people to comment get 20% off.",
            "Book a demo this week and get onboarding free.",
        ],
        "quiet": [
            "Our studio went from 2 to 12 people without a single cold DM. Here's how.",
            "Awards dinner tonight! 4 tables of our team, wish us luck.",
            "Page one of Google is nice. Page one of your customer's mind is better.",
            "We tried SMS for a client's abandoned carts. Revenue up 15%, unsubscribes up too.",
            "Spring shoots are booked in! Thanks to everyone who came back to us this year.",
            "Nothing kills a brand faster than a permanent 'sale'.",
            "PSA: if someone DMs you promising 10k followers, it's bots.",
            "How much should a logo cost? Anywhere from $50 to $50,000, and both can be right.",
            p("Hi Raj, great to meet you at the meetup. How did the launch go?", **DM),
            p("Hey Ellie, just checking you got the files OK?", **DM),
            "Our clients don't need more followers. They need more replies.",
            "Free Thursday afternoon, so I finally cleared my inbox.",
        ],
    },
    "mention-push": {
        "fire": [
            "@gina @hugo you'll like the new data in our report, page 12 https://bp.agency/report",
            "@ivy thought this would help with your launch: our checklist https://bp.agency/checklist",
            "Hi @jack, we've put together a guide for teams like yours https://bp.agency/guide",
            "@kate @liam @mona @ned quick one - new case study up https://bp.agency/work/case2",
        ],
        "quiet": [
            "@gina @hugo thanks both for the feedback on the report!",
            "Great panel on creator pay with @ivy and @jack https://bp.agency/events/panel",
            "Our CEO's interview on @SkyNews this morning https://bp.agency/press/sky",
            "We partnered with @oxfam on their winter appeal https://bp.agency/work/oxfam",
            "@kate sorry, the link was broken. Here's the right one: https://bp.agency/report",
            "Fun morning at @BrightonDigital with @liam and @mona",
            "@ned ha, fair enough. We'll let you have that one.",
            "Celebrating five years with @acme today https://bp.agency/news/acme5",
        ],
    },
}

# The thirteenth batch: measured untuned once, then tuned on.
TUNE_THIRTEENTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "If you've got a minute, pass this on to anyone job hunting in Leeds.",
            "Please share far and wide, we close applications on the 12th.",
            "Would love for you to share this with your team 💛",
            "Help us reach 500 signatures - RT!",
        ],
        "quiet": [
            "If you've got a minute, tell us what you'd change about the app.",
            "Please share feedback in the survey, it takes two minutes.",
            "Would love for you to join us at the meetup on Thursday.",
            "We reached 500 signatures! Thank you all.",
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Amir, quick intro: I'm a fractional CMO for Series A startups. I've helped 12 founders "
              "double pipeline in 6 months. Open to a 15-min call?", **DM),
            p("Hey Beth, we noticed your ads are running without retargeting. We could set that up for "
              "£600 one-off. Want a quick audit first?", **DM),
            p("Hi Carlos! Our influencer network reaches 2M Gen Z buyers. Rates from $1k per campaign, "
              "want the deck?", **DM),
            p("Hello Dana, I work with estate agents to get 20+ valuation requests a month from Facebook. "
              "Can I send a 2-minute video explaining how?", **DM),
            p("Evening Eoin! We've got a January promo: 3 months of SEO for the price of 2. Want in?", **DM),
            p("Hi Fran, I'll keep it short: we double organic traffic or refund you. Would that be of "
              "interest?", **DM),
            "Accepting 3 new brand partners for Q2. Apply at the link in bio ✨",
            "Content packages now available: 8 posts £200, 16 posts £360, 30 posts £600. DM to order.",
            "Get featured in front of 40k marketers: newsletter sponsorship slots open for March.",
            "Tired of guessing? Book your free 20-minute brand review now, limited slots.",
            "Podcast editing from £35 an episode. Send me a message to get started!",
            "Last 48 hours: all templates 50% off with code SPRING.",
            "We help plumbers get more jobs from Google. Free quote in 24h - just reply to this post.",
            "New service alert 🚨 LinkedIn ghostwriting, £750/month for 12 posts. Two spots open.",
        ],
        "quiet": [
            "A fractional CMO told me last week: 'pipeline fixes nothing if the offer is wrong'.",
            "Retargeting without a frequency cap is how you annoy people at scale.",
            "Our influencer network? It's just people we've worked with and trust.",
            "Estate agents are quietly the best video marketers on Facebook. Thread 🧵",
            "3 months of SEO for the price of 2 is not a strategy, it's a discount.",
            "We refunded a client once. Best decision we ever made, and they came back.",
            "Accepting that not every post will land is half of the job.",
            "Content packages are easy to sell and hard to deliver well.",
            "Featured in front of 40k marketers this week thanks to @marketingweek. Surreal!",
            "Booked a brand review with our own team. Humbling.",
            "Podcast editing is the most underrated skill in audio.",
            "Last 48 hours in Tokyo were a blur. Back to the inbox tomorrow.",
            "Plumbers on TikTok are the best marketing case study of the year.",
            "New service alert at the coffee shop: they now do oat flat whites 🙌",
            p("Hi Amir, congrats on the Series A! Drinks on us when you're next in town.", **DM),
            p("Hey Beth, I've had a look at your ads as promised. Two quick fixes in the doc.", **DM),
        ],
    },
    "mention-push": {
        "fire": [
            "@amy_l @bo_r would love to hear what you make of our new trends report https://bp.agency/trends",
            "Yo @cal, you'll dig this - our latest episode on creator pay https://bp.agency/pod/46",
            "@dee @eve @finn our summer reading list for marketers is up https://bp.agency/reading",
            "@gil worth flagging our new salary guide to your members? https://bp.agency/salaries",
            "@hal have you tried our free caption checker yet? https://bp.agency/tools/captions",
        ],
        "quiet": [
            "Fascinating chat with @amy_l and @bo_r on the future of agencies https://bp.agency/pod/47",
            "Reading @cal's new book on the train. Chapter 3 is brilliant.",
            "Congratulations to @dee, @eve and @finn, this year's rising stars! https://bp.agency/awards",
            "@gil yes, the salary guide covers freelancers too.",
            "@hal thanks for flagging, the caption checker is fixed now.",
            "Our interview with @ivan_c is live: how he built a 100k community https://bp.agency/blog/ivan",
            "Presenting at @CannesLions with our partners @meta and @tiktok https://bp.agency/cannes",
            "Just landed in Berlin for @OMR. Who's around?",
            "So proud of @jo_design for the new identity work https://bp.agency/work/identity",
            "Spotted in @Campaignmag today: our work for @oatly https://bp.agency/press/oatly",
            "@kit good morning! How was the conference?",
            "Thanks @lou for the shoutout in your newsletter this week!",
        ],
    },
}

# The fourteenth batch: measured untuned once, then tuned on.
TUNE_FOURTEENTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "Repost to help a fellow freelancer find work 🙏",
            "Could you all give this a share? We need 50 more survey responses.",
            p("hey!! would mean so much if u shared my new single 🥺", platform="instagram", kind="dm"),
            "Sharing is caring: send this to a marketer who needs a laugh.",
        ],
        "quiet": [
            "Reposting old wins is how we remind ourselves we can do hard things.",
            "Could you all give us your honest take on the new logo?",
            p("hey!! loved your new single, on repeat all week 🥺", platform="instagram", kind="dm"),
            "Sharing our 2026 plan with the team this afternoon. Nervous!",
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Grace, I came across your bakery on Instagram. I design menus and packaging for independent "
              "food brands - would you be open to seeing some samples?", **DM),
            p("Hey Ivan, we're a Manchester video studio. Our brand films start at £2,000 and we have a gap "
              "in our March schedule. Any projects coming up?", **DM),
            p("Hi Jade, I manage socials for 15 local gyms and they've each gained 200+ members this year. "
              "Could your gym be next?", **DM),
            p("Hi Kofi, I'd love to offer you a free trial of our scheduling tool, no card needed. Shall I "
              "set up your account?", **DM),
            p("Hey Lucy, we're looking for 5 agencies to beta-test our AI reporting tool at 70% off for life. "
              "Interested in one of the spots?", **DM),
            p("Hi, is your website bringing you clients? If not, we can rebuild it in 10 days for a fixed "
              "price. Reply 'SITE' and I'll send examples.", **DM),
            "Your customers are on TikTok. Are you? We set up and run TikTok for small brands from £299/month.",
            ("PSA for founders: we'll write your investor deck in 72 hours. Fixed price, unlimited revisions. "
              "Book via the link."),
            "Restocked! The planner is back, and this time there are only 200. Shop now before they're gone.",
            "Spring menu shoot packages are live. Secure your date with a 25% deposit.",
            "Running a Cyber Week deal on all website audits - £99 instead of £250 until Monday.",
            "Want your ads managed by people who actually reply? Let's talk: hello@bp.agency",
            "I have capacity for one more retainer client from April. Ideal fit: B2B SaaS, 10-50 staff.",
            "Join 2,000+ marketers in our paid community. Doors open for 72 hours only.",
        ],
        "quiet": [
            "I came across a bakery on Instagram that does the best packaging I've seen all year.",
            "Brand films don't need a £20k budget. Our favourite one this year cost £2,000.",
            "15 local gyms, one lesson: people join for the community, not the kit.",
            "Free trial ended, so we're back to spreadsheets. Honestly? Fine.",
            "Beta-testing our own reporting tool this month. Bugs everywhere, loving it.",
            "Reply 'SITE' in our Slack if you want the examples we talked about in the workshop.",
            "Your customers are on TikTok. That doesn't mean your brand has to be.",
            "Writing an investor deck in 72 hours is possible. Writing a good one isn't.",
            "Restocked the studio fridge. Priorities.",
            "Menu shoot today for @bella_bakes 📸 The cinnamon buns did not survive.",
            "Cyber Week is when our clients' inboxes need us most, so we're all hands on deck.",
            "Let's talk about why agencies undercharge for strategy.",
            "We have capacity for exactly zero more meetings this week, send help.",
            "Joined a paid community this year and it's the best £20 a month I spend.",
            p("Hi Grace, thanks for the samples you sent over - the team loved them!", **DM),
            p("Hey Ivan, is the March shoot still on for the 14th? Let me know what you need from us.", **DM),
        ],
    },
    "mention-push": {
        "fire": [
            "@mark_b @nat_s we ran the numbers you were arguing about - it's in our new study https://bp.agency/study2",
            "@ola pinging you since you cover agencies - our annual report drops today https://bp.agency/annual",
            "Psst @pete, the template we built is free this week https://bp.agency/template2",
            "@quinn @rae @stu @tom new blog: 9 hooks that worked this quarter https://bp.agency/blog/hooks",
        ],
        "quiet": [
            "@mark_b @nat_s you were both right, it turns out. Fun debate!",
            "Thrilled to be named in @ola's list of agencies to watch https://bp.agency/press/watch",
            "@pete sorry to hear the link didn't work, try this one: https://bp.agency/template2",
            "We've teamed up with @quinn_co to bring the report to Australia https://bp.agency/au",
            "Watching @rae present at #SMWLDN right now. Packed room!",
            "Recording today with @stu and @tom for season 3 of the pod.",
            "@uma_uk morning! Yes, the office is open over Easter.",
            "Sending love to @vida and the whole team after this week's news.",
            "Our founder's thoughts in @FT today on the future of agencies https://bp.agency/press/ft",
            "New mural by the brilliant @walt_art in our reception https://bp.agency/news/mural",
        ],
    },
}

# The fifteenth batch: measured untuned once, then tuned on. Written around the speech act
# rather than phrasing: who offers what to whom, and what the reader is asked to do next.
TUNE_FIFTEENTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "If you know anyone job hunting in Leeds, pass this on 🙏",
            "Would be grateful for any reposts, our little shop needs the love.",
            "Could you do me a favour and share our fundraiser page with your friends?",
            "Help a small business out: hit share on this post!",
            "Drop this in your team chat, someone there needs it.",
            "Boosts welcome, we're looking for a designer in Lisbon.",
            "Please amplify: missing dog, answers to Biscuit, last seen near Clapham Common.",
            "Pop this in your newsletter if you think your readers would like it.",
            "Anyone willing to repost this? We're 20 sign-ups off our goal.",
            "Share far and wide 🙏 https://bp.agency/jobs",
            "Would mean the world if you shared this with one friend today.",
            p("Hey Sam, would you mind giving our launch a shout on your channels?", **DM),
            "Know someone who'd be perfect for this role? Tag them or send it over!",
            "If this made you laugh, send it to a friend who needs it today.",
            "Retweets = more eyes on the petition. You know what to do.",
            "Your share could be the one that finds her a home. 🐾",
        ],
        "quiet": [
            "We'll pass this on to the kitchen team, thanks for the feedback!",
            "Sharing our notes from the workshop below.",
            "Send it over when it's ready and we'll take a look.",
            "Would love to hear how you share drafts with clients.",
            "Reposting old content is fine if you update it first.",
            "Could you send the logo files as PNGs?",
            "Our boost budget is gone for the month, oops.",
            "Thanks to everyone who shared the job ad! We had 200 applicants.",
            "Spread the cream cheese evenly, then add the salmon.",
            "Feel free to pass on feedback, we read everything.",
            "Tell your clients the truth about reach: it's down everywhere.",
            "Pop this in your calendar: our Q&A is Thursday at 4pm.",
            "Drop your questions in the chat below.",
            "She shared it with her whole team and they loved it.",
            "Don't share passwords over DM, ever.",
            "Your share of voice matters less than your share of replies.",
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Priya, I run a small team that writes LinkedIn posts for accountants. Could I send you a "
              "couple of examples?", **DM),
            p("Hey Tom, we've helped 40+ dental practices get fully booked. Happy to share how if useful?", **DM),
            p("Quick one: we can get your restaurant 300 extra covers a month through Instagram. Free this "
              "week for 10 mins?", **DM),
            p("Thanks for accepting! Our packages start from £299/month. Shall I pop the brochure over?", **DM),
            p("Hi! Noticed your feed hasn't been updated in a while. We manage socials end to end for £450 a "
              "month. Keen to hear more?", **DM),
            "We're taking on two new retainer clients this quarter. Reply 'GROW' and I'll send details.",
            p("Hello Maria, guaranteed 5,000 real Instagram followers in 30 days or your money back. Can I "
              "send the rates?", **DM),
            p("Congrats on the new role! We build Shopify stores that convert 2x better. Open to a 15-minute "
              "intro next week?", **DM),
            "Want 50 new leads by Friday? Our outreach system does it for you. Message me 'LEADS'.",
            p("Hi Dev, love what you're doing at Brewhouse. Would it make sense to jump on a call so I can "
              "show you how we doubled a similar brand's sales?", **DM),
            p("Hey, I'm a freelance video editor. I can turn around 10 reels a week for $600. Interested in "
              "a trial?", **DM),
            p("Hi Sara, our AI tool writes a month of posts in 5 minutes. Can I give you a free demo?", **DM),
            "Only 3 spots left in my 1:1 coaching this month. Book your call via the link in bio.",
            p("Good morning! We get B2B founders booked on 5 podcasts a month. Would you like me to send our "
              "media kit?", **DM),
            p("Hi Ben, hope you're well. We specialise in TikTok ads for fitness brands and usually cut CPA "
              "in half. Any chance you're free Thursday?", **DM),
            "Struggling to get clients? My 6-week program will fix that. DM me 'READY' to apply.",
            p("Hey! Just connected. I help agency owners hit $50k months. Worth a 10 minute call?", **DM),
            p("Hi Lena, I'd love to quote for your next campaign shoot. What's your budget?", **DM),
            p("Hi, we're offering 20% off website audits for new clients this month. Want one?", **DM),
            "Your competitors are already on TikTok. We'll get you there in 14 days. Let's talk, link in bio.",
            p("Hey Carl, saw you're hiring a social media manager. We could do the job for half the cost. "
              "Happy to send over a proposal?", **DM),
            p("Hi Anna! We put brands in front of 2M engaged readers every week. Shall I share our ad rates?",
              **DM),
            p("Thanks for connecting, Raj. Are you the person who handles marketing spend? We've found a way "
              "to cut it by 30%.", **DM),
            "Need more bookings? We fill salons' diaries in 30 days, guaranteed. Reply 'BOOK' to start.",
            p("Hi Chloe, do you outsource your content? We write, design and schedule it all for one monthly "
              "fee. Let me know if you'd like a quote.", **DM),
            p("Hey Mo, 3 slots free for our growth retainer in January. Want me to pencil you in?", **DM),
            "Black Friday: 40% off every template pack, today only 🛒",
            p("Quick question, Dan: would an extra 20 sales calls a month help your team? That's what we "
              "deliver.", **DM),
            p("Hi Jess, I'm reaching out because I think we can triple your email list. Could we chat "
              "Tuesday?", **DM),
            "Looking for a social media agency? We've got availability from March. Drop me a message for rates.",
        ],
        "quiet": [
            p("Hi Priya, could you send me a couple of examples of your LinkedIn posts? Loved the last one.",
              **DM),
            p("Thanks for the call today. As promised, here's our pricing sheet.", **DM),
            "We helped 40 dental practices last year and learned one thing: reply speed beats ad spend.",
            "Guaranteed: someone will ask 'can you make the logo bigger?' this week.",
            p("Are you free Thursday for coffee? It's been ages!", **DM),
            "Last chance to see the exhibition before it closes on Sunday. We loved it.",
            "Our clients grew 40% on average this year. Here's what they had in common (thread).",
            "I used to promise clients 10k followers a month. I was wrong, and here's why.",
            p("Hey Dev, want to grab lunch next week? My treat.", **DM),
            "Black Friday is the worst week to post organic content. Here's why.",
            p("Congrats on the new role, Ben! Well deserved.", **DM),
            "Stop sending 'worth a chat?' DMs to people you've never spoken to.",
            p("Hi Sara, is 3pm still good for our call? I'll send the agenda shortly.", **DM),
            "We doubled our own newsletter sign-ups by asking fewer questions on the form.",
            p("Thanks for asking about rates, they're attached. Any questions, shout.", **DM),
            "Only 3 days left until our team offsite. Can't wait!",
            p("Would you be open to being interviewed for our blog about your rebrand?", **DM),
            "Our packages arrived at the wrong office again 🙃",
            "Free coffee in the studio this morning, come say hi if you're in the building.",
            p("Hi Carl, saw you're hiring. I know a great candidate, want me to introduce you?", **DM),
            "Is a 15-minute call ever really 15 minutes?",
            "Our intern grew our TikTok to 10k followers in a month. So proud of her.",
            p("Hey Jess, what's your budget for the team party? I'll book the venue.", **DM),
            "Want more leads? Start by answering the ones you already get.",
            p("Hi Anna, we're putting together a panel on creator pay. Would you like to speak?", **DM),
            "I help my dad run his bakery at weekends. Best sourdough in town.",
            "Pricing pages that hide the price lose trust. Show the number.",
            p("Hey Mo, the January shoot is pencilled in. Which days suit you best?", **DM),
            "Looking for a social media agency? Ask them how they report, before anything else.",
            "Struggling to get clients? You're not alone. Here's what worked for us in year one.",
        ],
    },
    "mention-push": {
        "fire": [
            "@lucy_writes you'd love our new guide on newsletter growth https://bp.agency/guide",
            ("Hey @markets_daily, our latest report on creator pay might be one for your readers "
            "https://bp.agency/report"),
            "@tom_k @ana_m @raj_p @ben_s new episode of our podcast is up https://bp.agency/pod",
            "@sarahk reminded me of our post from last week: https://bp.agency/blog/reply-times",
            "@ukbizdesk data for your next piece: we surveyed 500 agencies https://bp.agency/survey",
            "@jen_c @pat_o take a look at what we shipped today https://bp.agency/launch",
            "@devon this is right up your street https://bp.agency/guide",
            "@hr_weekly we wrote about exactly this https://bp.agency/blog/hiring",
        ],
        "quiet": [
            "Great chat with @lucy_writes on newsletter growth today",
            "Our new guide features tips from @ana_m and @raj_p https://bp.agency/guide",
            p("@sarahk sorry to hear that! DM us your order number and we'll sort it.", kind="reply"),
            p("@tom_k yes, the slides are here as promised https://bp.agency/slides", kind="reply"),
            "Listen to @markets_daily's episode on creator pay https://example.com/pod",
            "Congrats @ben_s on the launch!",
            "@jen_c what did you think of the conference?",
            "Photo by @pat_shoots, taken at our office party.",
        ],
    },
}

# The sixteenth batch: written after the offer/take-up and referral models, measured untuned
# once, then tuned on.
IG_DM = {"kind": "dm", "platform": "instagram"}
TUNE_SIXTEENTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "Not asking for money, just a retweet. Our shelter is full and these dogs need homes.",
            "One RT from you could put this in front of the right hiring manager.",
            "Help me out and send this to your group chat 😂",
            "If this thread was useful, you know where the repost button is 😉",
            "Would you all mind boosting this? Small creators get buried.",
            "Our Kickstarter ends Sunday. Every repost brings us closer!",
            p("Hiya! Could you possibly pop our open day on your stories? 💛", **IG_DM),
            "Got a friend who runs a café? Forward this to them, we're giving away 10 free menus.",
            "Can I ask a favour? Share this with anyone in Bristol who needs a room.",
            "Please circulate to your networks: we're recruiting a head of content.",
            "Do me a solid and give this a quick RT.",
            "Put this in front of your boss. Seriously.",
        ],
        "quiet": [
            "Not asking for much from 2027: fewer meetings, more making.",
            "One RT from a big account once crashed our site. Good times.",
            "Help me out: what's the best scheduling tool for a team of three?",
            "If this thread was useful, tell me what you'd like next.",
            "Would you all mind keeping the kitchen tidy this week? Thanks team.",
            "Our Kickstarter ended Sunday and we're still processing it. Thank you all.",
            p("Hiya! Loved your stories from the open day 💛", **IG_DM),
            "Got a friend who runs a café? Ask them what their busiest hour is. It's never lunch.",
            "Can I ask a favour? Tell me honestly if our new site is slow for you.",
            "We circulated the draft internally and got 40 comments. Brutal, useful.",
            "Reposts with a comment do better than plain ones, in our data.",
            "Put your phone down after 9pm. Seriously.",
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Ella, just checking: is Instagram something you handle in-house? We take it off founders' "
              "plates for a flat monthly rate. Happy to send numbers.", **DM),
            p("Hey! Your products are gorgeous but your Reels could be pulling way more. I do short-form video "
              "for skincare brands. Fancy seeing a few?", **IG_DM),
            p("Hi Omar, we place D2C brands in 300+ UK newsletters on a pay-per-click basis. Would next week "
              "work for a 15-minute intro?", **DM),
            p("Morning! I specialise in LinkedIn ghostwriting for CFOs. My clients average 40k impressions a "
              "post. Could I pitch you a few ideas?", **DM),
            p("Hi there, our team builds Webflow sites in two weeks. If that's ever useful, I'd be glad to "
              "jump on a call.", **DM),
            p("Hi Sophie, we noticed your Google reviews are down to 3.9. We can fix that within 60 days. "
              "Shall we talk?", **DM),
            ("Tired of posting into the void? We'll run your socials for 90 days and you only pay if you grow. "
            "Apply at bp.agency/grow"),
            "New service: done-with-you content days. Two hours, 30 posts, £750. Three dates left in May.",
            "Booking now for Q1: paid social audits for e-commerce brands, £400 flat. DM 'AUDIT'.",
            p("Hey Kai, congrats on the funding! Growth usually means hiring for content. We can be that team "
              "from day one. Worth exploring?", **DM),
            p("Hi Nadia, I'll keep this short: 12 new patients a month for your clinic or you don't pay. "
              "Can I explain how?", **DM),
            p("Hello, we're a Leeds studio that shoots product photos for Etsy sellers. Prices start at £15 "
              "an image.", **DM),
            ("I've opened 4 spots for my January cohort: we'll take your account from 0 to 10k. Comment 'IN' "
            "below."),
            p("Hi Rob, hope the week's going well. We've just helped another recruitment firm double its "
              "inbound applications. Keen to see the case study?", **DM),
        ],
        "quiet": [
            p("Hi Ella, quick question: is Instagram something your team handles in-house? Writing a piece "
              "about it.", **DM),
            p("Hey! Your products are gorgeous. Where did you get the packaging done?", **IG_DM),
            p("Hi Omar, would next week work for the review meeting we discussed?", **DM),
            "My clients taught me more about LinkedIn than any course did.",
            p("Hi there, our team is at the Webflow conference next week. Are you going?", **DM),
            "Google reviews below 4.0 cost restaurants real money. We looked at 2,000 of them.",
            "Tired of posting into the void? Same. Here's what we changed in our own feed.",
            "New service from our favourite bakery: sourdough delivered on Saturdays. Life improved.",
            "Booking now for Q1 is a sign the market is back. Budgets are moving again.",
            p("Hey Kai, congrats on the funding! Well deserved, the team must be thrilled.", **DM),
            p("Hi Nadia, I'll keep this short: the shoot moves to Thursday. Can you make 10am?", **DM),
            "We're a Leeds studio and we've just moved into a bigger space. Come and see us.",
            "I opened my first agency account 10 years ago today. Still here.",
            p("Hi Rob, hope the week's going well. The case study draft is attached for your comments.", **DM),
        ],
    },
    "mention-push": {
        "fire": [
            ("@kira_m since you asked about reels last month, we just put out a full breakdown "
            "https://bp.agency/blog/reels"),
            ("@dan_writes @lee_ux @mo_pm our state-of-agencies report is out, would love your eyes on it "
            "https://bp.agency/report26"),
            "This one's for you @fintech_fran: our new guide to compliant social https://bp.agency/compliance",
            "@coffee_co your menu would look great with our new template pack https://bp.agency/templates",
        ],
        "quiet": [
            "@kira_m you asked about reels last month: we'd rather talk than send a link. Coffee?",
            ("Our state-of-agencies report is out, with interviews from @dan_writes and @lee_ux "
            "https://bp.agency/report26"),
            "Brilliant panel with @fintech_fran on compliant social today.",
            "Lunch from @coffee_co again, third time this week.",
        ],
    },
}

# The seventeenth batch: pitches whose offer is not "we do X for you" (a product or the
# reader as subject, "let us", a testimonial, a price list), measured untuned once, then
# tuned on.
TUNE_SEVENTEENTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "Retweet so more parents see this before the deadline on Friday.",
            "If you've got 2 seconds, a repost would genuinely help us find a flatmate.",
            "Big ask: can this reach 500 shares by tonight? Lost cat, ginger, very loud.",
            "Be a star and send this to the one friend who always forgets to back up their photos.",
            "Spread it around, the more people know the better 📢",
            "Hey friends, it would make my day if this got a few more eyes on it. Share away!",
        ],
        "quiet": [
            "Retweet counts are hidden now, and honestly our mood improved.",
            "If you've got 2 seconds, tell us your favourite font. Research purposes.",
            "Big ask: can anyone recommend a quiet café near Old Street for a client call?",
            "Be a star and bring biscuits to the team meeting.",
            "Spread out your posting times and watch what happens to reach.",
            "Hey friends, it made my day to see so many of you at the meetup. Thank you!",
        ],
    },
    "sales-pitch": {
        "fire": [
            p("What if your calendar filled itself? That's our whole job. Reply and I'll explain.", **DM),
            "Full social media management, £600/month, cancel any time. Message for details.",
            p("Hi Leo, BrightPixel handles everything from strategy to posting. Want a free audit of your "
              "account?", **DM),
            "Let us handle your socials while you run your business. Book a free call today.",
            p("You'll get 20 posts, 4 reels and a monthly report, all from £499. Shall I send the contract?",
              **DM),
            "Our last client went from 2k to 20k followers in six months. You could be next. DM me.",
            p("Hi Amy, could I grab 15 minutes on Thursday to show you how we'd grow your clinic's "
              "bookings?", **DM),
            p("Our rates: 10 posts £300, 20 posts £550. Which works better for you?", **DM),
            p("Hey! We can feature your brand on our 500k page for $50. Interested?", **IG_DM),
            p("Hi, I can put your website on the first page of Google. Reply for a free report.", **DM),
            "Want to grow on LinkedIn? I'm opening 5 coaching spots this month. Link in bio.",
            p("Hi Fran, quick idea for your gym: a 30-day Reels sprint, fully done for you. Want the details?",
              **DM),
        ],
        "quiet": [
            "What if your calendar filled itself? Ours never does, and that's fine.",
            "Full social media management at £600/month is a myth. Here's what it actually costs.",
            p("Hi Leo, BrightPixel here: your invoice for October is attached. Any questions, shout.", **DM),
            "Let us know how you handle your socials while running a business. Curious!",
            p("You'll get the slides after the session, promise. Shall I send them to this address?", **DM),
            "Our last client meeting went from tense to great in 10 minutes. Listening works.",
            p("Hi Amy, could I grab 15 minutes on Thursday to go over the contract changes?", **DM),
            "Our rates went up in January and we explained why to every client. Nobody left.",
            p("Hey! Loved the feature on your page last week. Who shot the photos?", **IG_DM),
            "The first page of Google isn't the goal. Being the answer is.",
            "Want to grow on LinkedIn? Post less, comment more.",
            p("Hi Fran, quick idea for the gym launch video: shoot it at 6am when it's empty?", **DM),
            p("Our rates haven't changed since last year, so the renewal is the same as before.", **DM),
            p("Sorry, our rates page was down this morning. It's back now.", **DM),
        ],
    },
    "mention-push": {
        "fire": [
            "@lara_b @noah_k our pricing calculator is live, have a play https://bp.agency/calc",
            "Hey @tina_cmo, we put together a checklist your team might find handy https://bp.agency/checklist",
        ],
        "quiet": [
            "Our pricing calculator is live, built with @lara_b and @noah_k https://bp.agency/calc",
            "@tina_cmo what a keynote. Your point on budgets stuck with me all day.",
        ],
    },
}

# The eighteenth batch: measured untuned once, then tuned on.
TUNE_EIGHTEENTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "Please help by sharing: our food bank needs volunteers this Saturday.",
            "Could this get to the right people? A share from you might do it.",
            "Would hugely appreciate it if you'd pass this to anyone in fintech.",
            "Sending this into the void, but if you can boost it, please do 🙏",
            "Share this with your mum. Seriously, she needs to see these scams.",
            p("Hey Priya! Any chance you could put our hiring post in your newsletter?", **DM),
            "Tag three friends who need a coffee today ☕",
            "Got 10 seconds? Repost this for a stranger who needs it.",
        ],
        "quiet": [
            "Please help by answering our 3-question survey in the replies.",
            "Could this get any better? Sunshine, coffee, a finished deck.",
            "Would hugely appreciate your feedback on the new logo.",
            "Sending this to the printers today. Fingers crossed!",
            "Shared this with my mum and she asked what a 'reel' is.",
            p("Hey Priya! Loved your newsletter this week, especially the hiring section.", **DM),
            "Three friends, one coffee and a whiteboard: how our agency started.",
            "Got 10 seconds? Here's the fastest tip we know: reply to every comment.",
        ],
    },
    "sales-pitch": {
        "fire": [
            "Guaranteed page-one rankings in 90 days. Ask me how.",
            p("Hello! We provide verified Instagram growth, 1k-3k real followers monthly. Shall I share our "
              "packages?", **IG_DM),
            p("Hi Marcus, saw your post about needing more demos. We book 15+ qualified demos a month for "
              "SaaS teams. Worth a quick chat?", **DM),
            "Doors are open! My Content Engine course is $297 until Sunday, then it goes up to $497.",
            p("Hey, hope all's good. Would you like more 5-star reviews? We automate the whole ask for dental "
              "clinics. Can I show you a 2-minute video?", **DM),
            ("Accepting 3 new brands for January. If you want consistent content without the headache, send "
            "me a DM."),
            p("Hi Grace, I'm Tom from Pixelwise. We're helping bakeries like yours sell out every weekend "
              "through local ads. Open to hearing how?", **DM),
            p("Hey! I'm a UGC creator and I'd love to make some videos for your brand. My rates are $150 per "
              "video. Let me know!", **IG_DM),
            p("Hi Yusuf, I'll get straight to the point: we can cut your ad spend by 25% without losing "
              "sales. Is this something you'd want to look at?", **DM),
            ("Need a website that actually converts? We design and build them in 3 weeks. Reply 'WEB' for "
            "our portfolio."),
            p("Hey Jo, loved your last post! Btw we run influencer campaigns for beauty brands, 50+ creators "
              "per launch. Could we send you a proposal?", **IG_DM),
            p("Hi, are you still looking for a marketing partner? We have a special offer this month: first "
              "month half price. Interested?", **DM),
            "Your podcast deserves listeners. We'll grow it to 10k downloads per episode, or you don't pay.",
            p("Hi Sam, we help B2B companies get 30-50 warm leads every month through LinkedIn. Would you be "
              "open to a short call this week?", **DM),
            p("Hey Ana! Congrats on the launch. If you ever need help with ads, we manage Meta campaigns for "
              "a fixed fee of £500/month.", **DM),
            ("Stop wasting money on ads that don't work. Book your free strategy session today: "
            "bp.agency/session"),
            p("Morning Lisa, we've got a proven system that gets coaches 20 booked calls a week. Want me to "
              "send you the breakdown?", **DM),
            p("Hi Pete, just reaching out as we've worked with several firms in your area. We can take your "
              "social media completely off your hands. Free for a call Wednesday?", **DM),
        ],
        "quiet": [
            "Anyone who guarantees page-one rankings in 90 days is lying to you.",
            p("Hello! Could you share the packages you mentioned in the meeting? Our budget is approved.",
              **DM),
            p("Hi Marcus, saw your post about needing more demos. Have you tried shorter landing pages? "
              "Worked for us.", **DM),
            "Doors are open at the studio this Saturday for our summer party. Bring friends!",
            p("Hey, hope all's good. Did the 5-star review thing work out for the clinic?", **DM),
            "Accepting that January will be quiet and planning our own content instead.",
            p("Hi Grace, I'm Tom from Pixelwise, we met at the bakery expo. Great to connect properly!", **DM),
            p("Hey! I'm a UGC creator too. Loved your last video, how long did the edit take?", **IG_DM),
            p("Hi Yusuf, I'll get straight to the point: the campaign report is late because of the data "
              "issue. Sorry.", **DM),
            "Need a website that actually converts? Start with one clear call to action per page.",
            p("Hey Jo, loved your last post! Where do you find your creators for beauty launches?", **IG_DM),
            p("Hi, are you still looking for a marketing partner? A friend of mine is brilliant, happy to "
              "intro.", **DM),
            "Your podcast deserves listeners, but listeners deserve a reason. What's yours?",
            p("Hi Sam, we're moving our weekly call to Thursdays. Does 2pm still work?", **DM),
            p("Hey Ana! Congrats on the launch. The ads looked fantastic.", **DM),
            "Stop wasting money on ads that don't work. Fix the landing page first. It's free.",
            p("Morning Lisa, got your message about the booked calls dropping. Let's look at it together "
              "tomorrow?", **DM),
            p("Hi Pete, we've worked with several firms in your area and the common thread is reviews. Any "
              "thoughts for our article?", **DM),
        ],
    },
    "mention-push": {
        "fire": [
            ("@nina_pr our new data on creator pay is ready, you might want it for Friday's piece "
            "https://bp.agency/data"),
            "@bob_t @cat_r @dee_w @eve_s our webinar starts in 1 hour, join us https://bp.agency/webinar",
            "Morning @sam_j! Figured our new case study would interest you https://bp.agency/case",
        ],
        "quiet": [
            "@nina_pr great piece on creator pay on Friday, we shared it with the whole team.",
            "Our webinar starts in 1 hour with @bob_t and @cat_r as guests https://bp.agency/webinar",
            "Morning @sam_j! How did the pitch go?",
        ],
    },
}

# The nineteenth batch: measured untuned once, then tuned on.
TUNE_NINETEENTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "Can I ask you all to share this? A friend's bakery was flooded and they need customers this week.",
            "It takes one second to retweet. It could change everything for this family.",
            "Please let as many people as possible know about Saturday's free clinic.",
            "If you can't donate, sharing helps just as much 💙",
            p("Hi Raj! Would you consider sharing our volunteer call with your followers?", **DM),
            "Put this on your story if you believe every kid deserves a laptop.",
        ],
        "quiet": [
            "Can I ask you all something? What's your most used emoji at work?",
            "It takes one second to reply to a customer. It could change everything.",
            "Please let us know if the event time doesn't work for you.",
            "If you can't make it to the clinic, the recording will be online.",
            p("Hi Raj! Would you consider speaking at our volunteer evening?", **DM),
            "Put this on your calendar: our free clinic runs every Saturday.",
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Tara, we turn podcast episodes into 12 clips a week for creators. Would you like a free "
              "sample edit?", **DM),
            p("Hey Luis, I noticed you're posting once a month. Our clients post daily without lifting a "
              "finger. Want to know how?", **DM),
            "Only taking 2 more clients before Christmas. Want in? Comment below.",
            p("Hi Beth, your competitors are outranking you for 'wedding florist Leeds'. I can get you to "
              "number one in 60 days. Can I send a quick audit?", **DM),
            p("Hello Dr Patel, we specialise in patient acquisition for private clinics: typically 25 new "
              "patients a month. Could we book a call?", **DM),
            "Tired of DIY social? For £399/month we'll plan, shoot and post for you. DM 'SOCIAL' to start.",
            p("Hey Zoe, quick pitch: a monthly newsletter written for your brand, £250, first issue free. Yes "
              "or no?", **DM),
            p("Hi Owen, I've helped 70+ realtors double their listings with video. Free for 10 minutes on "
              "Monday?", **DM),
            p("Hey there! Our agency can manage your TikTok, Instagram and Facebook for one price. Let me "
              "know if you want a quote 😊", **DM),
            ("Want 10k followers by summer? I'll show you exactly how in my 4-week bootcamp. Spots limited, "
            "link in bio."),
            p("Hi Kim, I'll be brief. We write high-converting product descriptions for Shopify stores at $20 "
              "each. Interested?", **DM),
            p("Hi Nick, we recently helped a brewery like yours grow their Instagram from 3k to 30k. Would a "
              "similar result be valuable to you?", **DM),
        ],
        "quiet": [
            p("Hi Tara, loved the clip from episode 12! Who edits your videos?", **DM),
            p("Hey Luis, I noticed you're posting once a month now. Everything OK? You used to be "
              "everywhere.", **DM),
            "Only taking 2 days off over Christmas. Want in on the office secret Santa? Comment below.",
            p("Hi Beth, your florist shop came up at our team lunch, the window display is stunning.", **DM),
            p("Hello Dr Patel, thank you for the referral. Could we book a call to say thanks properly?",
              **DM),
            "Tired of DIY social? Totally normal. Here are 3 things to automate first.",
            p("Hey Zoe, quick question: yes or no to the blue version of the logo?", **DM),
            p("Hi Owen, great to meet you at the realtor meetup. Free for a coffee on Monday?", **DM),
            "Our agency can't manage everything, and that's fine. We say no to about half the briefs we get.",
            "Want 10k followers by summer? Wrong goal. Want 100 people who reply? Better.",
            p("Hi Kim, I'll be brief: the shoot has moved to 3pm. OK with you?", **DM),
            p("Hi Nick, we recently moved offices, so please use the new address for the invoice.", **DM),
        ],
    },
    "mention-push": {
        "fire": [
            ("@mia_h saw you're hiring a content lead: our new salary report could help "
            "https://bp.agency/salaries"),
            "@ops_dan @kay_r this is the guide we mentioned at lunch, our latest https://bp.agency/ops",
        ],
        "quiet": [
            "@mia_h saw you're hiring a content lead, congrats on the growth!",
            "@ops_dan @kay_r lunch was great, same time next month?",
        ],
    },
}

# The twentieth batch: public pitches as well as DMs, measured untuned once, then tuned on.
TUNE_TWENTIETH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            p("Reblog if you remember MSN Messenger.", platform="mastodon"),
            "Please, please, PLEASE share our crowdfunder. 3 days to go and we're at 60%.",
            "Forward to a founder who's drowning in admin.",
            "Could you help us find Jo's bike? Share so it reaches Bristol folks.",
            "Hoping this reaches the right person. Shares very much appreciated.",
            "Whoever shares this, thank you from the bottom of our hearts.",
            p("Hey! Would you be able to share my Etsy shop on your story? It would help so much 🥹", **IG_DM),
            "Put it on your Facebook, your Insta, your nan's fridge. Just get it out there!",
        ],
        "quiet": [
            p("Reblogged content does worse on Tumblr than people think.", platform="mastodon"),
            "Please, please, PLEASE back up your laptop. 3 days of work, gone.",
            "Forwarded the brief to our design lead, she's on it.",
            "Could you help us understand why the link won't open on Android?",
            "Hoping this reaches you in good health, Grandma. Happy 90th!",
            "Whoever stole our office plant, it needs watering on Fridays.",
            p("Hey! Would you be able to send the Etsy shop link again? It expired 🥹", **IG_DM),
            "Put it on your calendar, your phone, your nan's fridge. The party is Saturday!",
        ],
    },
    "sales-pitch": {
        "fire": [
            ("Running a small business and hate social media? Hand it to us. Plans from £199/month 👉 "
            "bp.agency/plans"),
            ("We've got two openings for monthly retainers starting February. First come, first served. "
            "Email hello@bp.agency"),
            "🚨 Flash sale 🚨 All our Canva templates half price this weekend only.",
            "I'll write your LinkedIn About section for $99. 48-hour turnaround. DM me.",
            ("If your Instagram isn't bringing in customers, it's costing you money. We fix that. Free audit "
            "via the link."),
            ("Agency owners: I'll fill your calendar with discovery calls or you don't pay a penny. Comment "
            "'CALLS'."),
            "Looking for more bookings this summer? Our done-for-you ads package is back. Limited to 5 venues.",
            "New: Social Media Starter Kit, 50 templates + 3 video lessons, just £29. Grab yours.",
            ("Brands: want your product in front of 80k engaged foodies? Our sponsored post slots for March "
            "are open."),
            ("Still writing your own captions? We'll do a month of them for the price of a nice dinner. Ask me "
            "how."),
            p("Hi Alex, hope you don't mind the message. We're a team of ex-Meta ad buyers and we'd like to run "
              "a test campaign for you at no cost. Could I get 20 minutes?", **DM),
            p("Hey Mira, your reels are great but the captions could sell harder. I write captions that "
              "convert, want to see before/afters?", **IG_DM),
            p("Hello Tom, I run a PR agency and we've placed clients in Forbes and The Times. Would you be "
              "open to a conversation about coverage?", **DM),
            p("Hi Jen, do you have a plan for Black Friday yet? We do end-to-end campaign builds for Shopify "
              "stores. Happy to share what we did for similar brands.", **DM),
            p("Hey, just followed you back! I help small brands go viral on TikTok. Let me know if you'd like "
              "a free strategy.", **IG_DM),
            p("Hi Pat, saw your job ad for a content writer. I freelance for B2B SaaS and could start next "
              "week at £300/day.", **DM),
            "Limited edition prints of the poster, available for the next 5 days only.",
            "Only a few days left before the limited edition tote goes away for good!",
            "Everything you need for your content calendar in one place. Start free at bp.agency",
        ],
        "quiet": [
            ("Running a small business and hate social media? You're not alone. Here's a 10-minute weekly "
            "routine."),
            "We've got two new starters joining in February! Say hi to Mo and Jen.",
            "Flash sales train customers to wait for the next one. Think twice.",
            "I wrote my own LinkedIn About section in 10 minutes and it's the best thing on my profile.",
            "If your Instagram isn't bringing in customers, look at your bio first. Most problems start there.",
            "Agency owners: when did you last take a full week off? Asking for a friend.",
            "Looking for more bookings this summer? So is every venue in town. Stand out with your story.",
            "New: our office dog has her own lanyard. Security was not consulted.",
            "Brands: want your product in front of more people? Make it easy to photograph.",
            "Still writing your own captions? Good. Nobody knows your voice like you do.",
            p("Hi Alex, hope you don't mind the message. We met at the Meta ads workshop. Could I get your "
              "slides?", **DM),
            p("Hey Mira, your reels are great! What app do you use for the captions?", **IG_DM),
            p("Hello Tom, I run the PR society at uni. Would you be open to a conversation with our students "
              "about your career?", **DM),
            p("Hi Jen, do you have a plan for the team's Black Friday lunch yet? Happy to book somewhere.",
              **DM),
            p("Hey, just followed you back! Loved your post about sourdough.", **IG_DM),
            p("Hi Pat, saw your job ad for a content writer. My cousin might apply, is it remote?", **DM),
            "The limited edition vinyl sold out in 2019 and I still regret not buying it.",
            "Start free at the beginning: no paid ads until the organic posts work.",
            "Limited edition trainers are the reason our client's community doubled. Scarcity is a story.",
        ],
    },
    "mention-push": {
        "fire": [
            ("@gail_w @harry_p you both wrote about reply times last year, so you'll want to see our new "
            "benchmark https://bp.agency/bench"),
            ("@podcast_lia we launched a course on audio marketing, feel free to mention it on the show "
            "https://bp.agency/course"),
        ],
        "quiet": [
            "@gail_w @harry_p you both wrote about reply times last year, and you were both right.",
            "@podcast_lia loved the episode on audio marketing, especially the bit about intros.",
        ],
    },
}

# The twenty-first batch: measured untuned once, then tuned on.
TUNE_TWENTY_FIRST: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "If you've benefited from our free tools, the best thank-you is a share 💛",
            "Please signal boost: trans-friendly GP in Manchester accepting new patients.",
            "Can you all get this in front of some Bristol landlords? We need a flat!",
            "Hit that share button if you think agencies should pay interns.",
            "Tell everyone you know: free coding classes for over-60s every Tuesday.",
            p("Hey Jo, would you be a star and post about our fundraiser? Your followers would love it.", **DM),
            "Reposts help more than likes, just saying 👀",
            "Make this the most shared post on my timeline!",
        ],
        "quiet": [
            "If you've benefited from our free tools, the best thank-you is telling us what to build next.",
            "Please signal when you're ready to start the call.",
            "Can you all get your timesheets in before Friday? Thanks!",
            "Hit that deadline and the rest of the week is yours.",
            "Tell everyone on the team: the office is closed Monday.",
            p("Hey Jo, would you be a star and send over your fundraiser photos for our newsletter?", **DM),
            "Likes help less than replies, just saying 👀",
            "This was the most shared post on my timeline last year and I still don't know why.",
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Diane! I've been following your boutique for a while. I put together a few ideas to get more "
              "foot traffic from Instagram. Mind if I send them over?", **IG_DM),
            p("Hey Carlos, we're a growth studio. Last month we took a coffee brand from 800 to 12,000 "
              "followers. Can I show you the playbook?", **DM),
            "DM me 'GROWTH' and I'll send you my exact 30-day plan for $19.",
            p("Hi Emma, I work with therapists who want a steady stream of new clients without ads. Does that "
              "sound like something you'd want?", **DM),
            p("Hello! Saw your shop on Etsy. We offer professional product photography, 10 images for £120. "
              "Want a sample?", **IG_DM),
            "Hiring a social media manager costs £35k. We cost a third of that. Let's chat 👇",
            p("Hey Lou, I'll cut straight to it: our clients get 3 to 5 inbound leads a day from LinkedIn. Want "
              "to be one of them?", **DM),
            p("Hi Sunita, we run Google Ads for law firms and only charge when you get a consultation booked. "
              "Shall I explain how it works?", **DM),
            "Last 2 spots for my Instagram audit this month. £75, delivered in 48 hours. Reply 'AUDIT'.",
            p("Hi Greg, hope you had a good weekend! Would your team be interested in a done-for-you LinkedIn "
              "content package? First month is on us.", **DM),
            p("Hey Ruth, big fan of your podcast. We grow podcasts through targeted YouTube clips and usually "
              "triple downloads. Could we set up a quick call?", **DM),
            p("Hi, I'm Jay, a copywriter for wellness brands. I'd love to rewrite your homepage. My rates start "
              "at $500.", **DM),
            ("Your next 100 customers are scrolling TikTok right now. We'll make sure they find you. Book a "
            "strategy call 👉 bp.agency"),
            p("Hi Claire, do you have someone handling your Google reviews? We get restaurants 50+ new 5-star "
              "reviews a month. Interested?", **DM),
            p("Hello Mike, I can build you a chatbot that answers customer questions 24/7 for a one-off fee. "
              "Fancy a demo?", **DM),
            ("Want to stop posting and start selling? My 8-week programme opens Monday. Only 10 places. Join "
            "the waitlist in bio."),
        ],
        "quiet": [
            p("Hi Diane! I've been following your boutique for a while. The new window display is gorgeous, who "
              "designed it?", **IG_DM),
            p("Hey Carlos, last month we took the team to Lisbon for our offsite. Can I show you the photos? 😄",
              **DM),
            "DM me your worst caption fail and I'll share the best ones (anonymously) on Friday.",
            p("Hi Emma, I work with Sarah from your old team. She says hi! Are you coming to the reunion?", **DM),
            p("Hello! Saw your shop on Etsy and bought the mug. Arrived today, it's perfect.", **IG_DM),
            ("Hiring a social media manager? Ask them to show you a campaign that failed. The answer tells you "
            "everything."),
            p("Hey Lou, I'll cut straight to it: I can't make Thursday. Can we move to Friday?", **DM),
            p("Hi Sunita, the law firm panel went brilliantly, thanks for moderating. Shall we do a write-up?",
              **DM),
            "Last 2 days of the year and we're already planning January's content. Rest up, everyone.",
            p("Hi Greg, hope you had a good weekend! Would your team be interested in joining our five-a-side "
              "on Thursday?", **DM),
            p("Hey Ruth, big fan of your podcast. The episode on burnout really helped me, thank you.", **DM),
            p("Hi, I'm Jay, we met at the copywriting workshop. Lovely to connect!", **DM),
            "Your next 100 customers won't come from a viral video. They'll come from 100 good replies.",
            p("Hi Claire, do you have a minute today? I need your sign-off on the review replies.", **DM),
            p("Hello Mike, the chatbot you built for us answered 300 questions last week. Great work.", **DM),
            "Want to stop posting into the void? Post less. Reply more. Measure replies.",
        ],
    },
    "mention-push": {
        "fire": [
            ("@carla_dev @ben_ops our new uptime dashboard launched today, thought you'd want a look "
            "https://bp.agency/uptime"),
            "@news_desk exclusive for you: our survey of 1,000 shoppers https://bp.agency/shoppers",
        ],
        "quiet": [
            ("Huge thanks to @carla_dev and @ben_ops for building our new uptime dashboard "
            "https://bp.agency/uptime"),
            "@news_desk your shopper survey story was spot on, we saw the same in our data.",
        ],
    },
}

# The twenty-second batch: measured untuned once, then tuned on.
TUNE_TWENTY_SECOND: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "Would really appreciate a retweet on this one, it's my first freelance project!",
            "We're trying to get 1,000 signatures by Sunday. Share the petition far and wide.",
            "Spread this like wildfire 🔥",
            "Post this in every parents' WhatsApp group you're in please.",
            "If you have a big following, a mention would go a long way.",
            p("Hi Lou, mind giving our post a share? We're launching today 🚀", **DM),
        ],
        "quiet": [
            "Would really appreciate some feedback on this one, it's my first freelance project!",
            "We're trying to get to 1,000 subscribers by Sunday and we're writing our best issue yet.",
            "Spread the deadlines out so nobody burns out.",
            "Post the recap in the team WhatsApp group please, I'm offline.",
            "If you have a big following, please be careful with giveaways.",
            p("Hi Lou, mind giving me a call back? It's about the launch.", **DM),
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Hannah, I hope this finds you well. I lead partnerships at Brightline, where we help "
              "e-commerce brands recover abandoned carts through SMS. Brands like yours typically see a 15% "
              "lift. Would you be up for a 20-minute call next week?", **DM),
            p("Hey! Your content is 🔥 but I think you're leaving money on the table. I can set up a simple "
              "funnel for you this week. Want me to show you?", **IG_DM),
            ("Spots are open for November brand shoots 📸 £350 for a half day, includes 30 edited images. "
            "Message to book!"),
            p("Hi Mark, looks like you're growing fast! We provide fractional CMOs for scaling startups. Could "
              "be a fit. Want to chat?", **DM),
            p("Hi Nina, do you struggle to find time for LinkedIn? We'll ghostwrite 3 posts a week in your "
              "voice. Can I send a sample?", **DM),
            "Want to go viral? I'll get your Reel in front of 1M people for $99. DM 'VIRAL'.",
            p("Hello, hope you're well! We're an Amazon PPC agency helping brands lower their ACoS. Mind if I "
              "send over a free audit?", **DM),
            p("Hi Joe, I saw your café on Google Maps. We design menus that increase average order value. "
              "Would you like to see examples?", **DM),
            ("Our Christmas content bundle is live: 60 posts, 10 reel scripts, one price. Grab it before "
            "Friday."),
            p("Hey Sienna, we've helped 200+ Shopify brands scale past $1M. I'd love to do the same for you. "
              "Are you free Thursday?", **DM),
            p("Hi Theo, we offer SEO, web design and social media management. Let me know if you need any of "
              "these services.", **DM),
            p("Hi there! I'm a freelance social media manager with 5 years' experience. Currently taking on "
              "new clients. Would love to help you grow!", **DM),
        ],
        "quiet": [
            p("Hi Hannah, I hope this finds you well. I'm putting together a panel on SMS marketing and "
              "thought of you. Would you be up for speaking?", **DM),
            p("Hey! Your content is 🔥. What camera do you shoot on?", **IG_DM),
            "Spots of rain in Manchester and the whole team has gone quiet. Brand shoot postponed.",
            p("Hi Mark, looks like you're growing fast! Congrats on the new office.", **DM),
            p("Hi Nina, do you struggle to find time for LinkedIn too? I've stopped posting on weekends and "
              "feel better.", **DM),
            "Want to go viral? Don't try. Try being useful instead.",
            p("Hello, hope you're well! Mind if I send over the agenda for Thursday's workshop?", **DM),
            p("Hi Joe, I saw your café on Google Maps. Are you open on Sundays?", **DM),
            "Our Christmas party is on Friday. Secret Santa limit is £10, no exceptions.",
            p("Hey Sienna, we've loved working with you this year. Are you free Thursday for the annual "
              "review?", **DM),
            p("Hi Theo, we offer every new starter a mentor. Would you like to be one for Sam?", **DM),
            p("Hi there! I'm a freelance social media manager too. How do you handle clients who ghost?", **DM),
        ],
    },
    "mention-push": {
        "fire": [
            "@brand_a @brand_b @brand_c @brand_d our 2027 trends report is out https://bp.agency/trends",
            "@rita_seo local SEO giving you grief? Our free guide covers exactly that https://bp.agency/local",
        ],
        "quiet": [
            "@rita_seo good luck with the local SEO project, shout if you get stuck.",
            "Our 2027 trends report is out, featuring @brand_a and @brand_b https://bp.agency/trends",
        ],
    },
}

# The twenty-third batch: written last, measured untuned once, then tuned on.
TUNE_TWENTY_THIRD: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "Can you help this reach Ana's old school friends? She's trying to find them before her wedding.",
            "Quote-tweet this with your city and let's see how far it goes!",
            "If you work in events, please pass this along to your team 🙏",
            "Every single retweet helps us get closer to funding the van.",
            p("Hiya, would you mind popping our charity raffle on your page? It ends Friday x", **IG_DM),
            "Don't just like it, share it!",
            "Send this to someone who needs a reminder to drink water today 💧",
            "Anyone able to boost? Our little bookshop is fighting to stay open.",
        ],
        "quiet": [
            "Can you help us understand what you want from our newsletter? Two questions, promise.",
            "Quote-tweets with a real opinion are the best thing on this app.",
            "If you work in events, how do you avoid burnout in peak season?",
            "Every single retweet of our launch came from people we had talked to first. Lesson learned.",
            p("Hiya, would you mind popping the raffle prize to the post office tomorrow? x", **IG_DM),
            "Don't just like your own posts, reply to others.",
            "Sent this to the team as a reminder to drink water today 💧",
            "Anyone able to recommend a good bookshop in York? Holiday reading needed.",
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Rosa, I came across your salon and love the vibe. We help salons fill last-minute "
              "cancellations with automated texts. Worth a 10-minute chat?", **DM),
            p("Hey Ben, quick question: how are you getting new patients right now? We've got a referral "
              "system that adds 30+ a month for dental practices. Happy to walk you through it.", **DM),
            "Booking Q2 now: full-service social for hospitality brands from £750/month. DM for the deck.",
            p("Hi Amir, I'm reaching out because your ads could be converting at twice the rate. We'd audit "
              "them free and fix what's broken. Can I send the details?", **DM),
            "I'll turn your blog posts into 30 days of LinkedIn content. $199. Link in bio.",
            p("Hello Kate! We're a small video team that makes recruitment videos for tech companies. Would "
              "you be open to seeing our reel?", **DM),
            p("Hi Sean, not sure if you're the right person, but we save marketing teams 10 hours a week on "
              "reporting. Who should I speak to?", **DM),
            ("Ready to finally grow your Instagram? My 1:1 mentoring opens next week and only 6 places are "
            "available. Apply now."),
            p("Hi Mei, your Etsy shop is lovely! I'm offering free product mockups to a few shops this month. "
              "Want one?", **IG_DM),
            p("Hey Olu, we can double your webinar sign-ups in 30 days or we work for free. Fancy a quick "
              "call?", **DM),
        ],
        "quiet": [
            p("Hi Rosa, I came across your salon and love the vibe. Who did your interior design?", **DM),
            p("Hey Ben, quick question: how are you getting to the conference? Happy to share a cab.", **DM),
            "Booking Q2 holidays now before the client rush. Team, get your dates in.",
            p("Hi Amir, I'm reaching out because you were on the same panel as me. Great points on ads!", **DM),
            "I'll turn 40 next week and I still don't understand LinkedIn.",
            p("Hello Kate! We're a small video team too. How do you find freelancers you trust?", **DM),
            p("Hi Sean, not sure if you're the right person, but who handles press enquiries at your "
              "company? We'd like to quote your CEO in our report.", **DM),
            "Ready to finally take a proper holiday? Our studio closes for two weeks in August.",
            p("Hi Mei, your Etsy shop is lovely! I bought the blue mug for my mum.", **IG_DM),
            p("Hey Olu, can we double-check the webinar time? I have 3pm in my calendar.", **DM),
        ],
    },
    "mention-push": {
        "fire": [
            ("@dana_r @lee_c @mo_t @pia_s new on our blog: how we priced our retainers "
            "https://bp.agency/blog/pricing"),
            ("@founder_frank figured you'd like our latest teardown of your competitor's launch "
            "https://bp.agency/teardown"),
        ],
        "quiet": [
            "How we priced our retainers, with advice from @dana_r and @lee_c https://bp.agency/blog/pricing",
            "@founder_frank congrats on the launch, the landing page is gorgeous.",
        ],
    },
}

# The twenty-fourth batch, written to the acts the targets name (guarantees, follower and
# appointment promises, price lists, "worth a chat?", offer plus take-up in a first DM;
# request plus distribution act; tagging people at one's own link): measured untuned once,
# then tuned on.
TUNE_TWENTY_FOURTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "Could you RT this? We're trying to reach more Leeds parents before term starts.",
            "Would love it if you could share our new podcast with one person today 🎧",
            "Please post this on your LinkedIn if you know anyone looking for a junior designer role.",
            "Mind boosting this for us? We need 30 more testers.",
            "Help us spread the word about the free coding club!",
            "Keep retweeting until someone recognises him. Last seen Saturday in Peckham.",
            p("Hey Sam! If you get a sec, could you send our fundraiser to your team?", **DM),
            "Please pass this on to anyone who might need a foodbank this winter.",
        ],
        "quiet": [
            "Could you send me the RT stats from last week's campaign?",
            "Would love it if you could tell us what you think of the new podcast 🎧",
            "Please post your portfolio link in the replies if you're looking for a junior designer role.",
            "Mind the boost budget: it runs out on the 20th.",
            "Help us choose: which logo do you prefer, A or B?",
            "Keep posting until it feels normal. That's the whole trick.",
            p("Hey Sam! If you get a sec, could you send me your fundraiser photos?", **DM),
            "Please pass the mic to the quieter people in your meetings.",
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hey Tom, we guarantee 3x more profile visits in your first month, or the next month is free. "
              "Shall I set you up?", **DM),
            p("Hi! Real, active followers: 2,500 for £40, 5,000 for £70. Which package would you like?", **IG_DM),
            p("Good afternoon Sara, our setters book 8-12 sales appointments a week for roofing companies. "
              "Could that help your team?", **DM),
            p("Hi Liam, thanks for connecting! I've attached our rate card for social management. Let me know "
              "which tier suits you.", **DM),
            p("Hey Dana, I think there's a real opportunity with your TikTok. Worth a quick chat this week?",
              **DM),
            "Guaranteed 1,000 new subscribers to your newsletter in 60 days. DM 'SUBS' for details.",
            p("Hi Ola, we help fitness coaches add 20 paying clients a month with one simple funnel. Can I show "
              "you how in 15 minutes?", **DM),
            p("Hello Pat, we're offering a free content audit to 5 local businesses this week. Would you like "
              "one of the spots?", **DM),
            ("Instagram growth packages now available 💥 500 followers £15, 1k followers £25, 5k followers "
            "£99. DM to order."),
            p("Hi Iris, we've designed 300+ logos for startups like yours. Our packages start at $249. "
              "Interested in seeing a few?", **DM),
            p("Hey Max, you'd be a perfect fit for our influencer programme: we'll get you paid brand deals "
              "every month. Want in?", **IG_DM),
            p("Hi Chen, if I could get you 15 booked demos next month, would that be worth 20 minutes of your "
              "time?", **DM),
            ("Appointment setting for coaches: we fill your calendar or you don't pay. Limited spots for "
            "January. Link in bio."),
            p("Hiya! I manage Instagram for three other florists in Bath. Would you like me to do the same "
              "for you?", **IG_DM),
        ],
        "quiet": [
            p("Hey Tom, I can't guarantee the photos will be ready by Friday, but I'll try. Is Monday OK as a "
              "backup?", **DM),
            "Real, active followers beat big numbers every time. 2,500 who reply > 50k who don't.",
            p("Good afternoon Sara, our team booked the venue for the sales conference. Could you confirm "
              "numbers?", **DM),
            p("Hi Liam, thanks for connecting! I enjoyed your talk on community management.", **DM),
            p("Hey Dana, I think there's a typo in your bio. Worth a quick check!", **DM),
            "Guaranteed way to lose subscribers: send three emails a day. Don't ask how we know.",
            p("Hi Ola, we met at the fitness expo. Can I show you the photos from our stand?", **DM),
            p("Hello Pat, we're doing a content audit of our own channels this week. Any tips for a "
              "first-timer?", **DM),
            "Instagram changed its algorithm again and our followers went from 5k to 4.8k. We'll survive.",
            p("Hi Iris, loved the logo you designed for the café on King St. How long did it take?", **DM),
            p("Hey Max, you'd be a perfect fit for our podcast episode on creators. Want to be a guest?",
              **IG_DM),
            p("Hi Chen, if I could get your slides before Friday, that would be a huge help.", **DM),
            "Appointment reminders cut no-shows by a third for our dentist client. Simple wins.",
            p("Hiya! I saw you managed the Instagram for the florist fair. Who took those photos?", **IG_DM),
        ],
    },
    "mention-push": {
        "fire": [
            ("@lily_writes thought of you when we published our piece on freelancer rates "
            "https://bp.agency/rates"),
            ("@agencyjoe @kim_pr @sal_dev our new report on agency margins, hot off the press "
            "https://bp.agency/margins"),
            ("@hannah_cmo this might be useful for your Q1 planning: our content calendar template "
            "https://bp.agency/calendar"),
            "Hey @the_growth_pod, our latest episode would make a great swap for your show https://bp.agency/ep12",
        ],
        "quiet": [
            "@lily_writes loved your piece on freelancer rates, so needed.",
            "Our new report on agency margins, with data from @agencyjoe and @kim_pr https://bp.agency/margins",
            p("@hannah_cmo here you go, the template you asked for https://bp.agency/calendar", kind="reply"),
            "Recording an episode with @the_growth_pod today, can't wait!",
        ],
    },
}

# The twenty-fifth batch: measured untuned once, then tuned on.
TUNE_TWENTY_FIFTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "Do us a huge favour and retweet this to your followers, we're 50 votes off the finals!",
            "We'd be so grateful for any shares of our open day post 💚",
            "Know a teacher who'd want this free lesson plan? Pass it on!",
            "Please, if you've got a minute, share the appeal. Every share counts.",
            p("Hey Lina, could you post our job ad in your design Slack? Would mean a lot.", **DM),
            "Go on, give it a repost, you know you want to 😄",
        ],
        "quiet": [
            "Do us a huge favour and vote for our client in the awards, link in our bio.",
            "We'd be so grateful for any feedback on the open day, good or bad 💚",
            "Know a teacher who'd be brilliant on our panel? Tell us who in the replies!",
            "Please, if you've got a minute, fill in our 3-question survey.",
            p("Hey Lina, could you post the design files in our shared Slack? Thanks!", **DM),
            "Go on, give it a try, you know you want to 😄 Our new office coffee is great.",
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Love your page! We'd love to collaborate: our sponsored posts are £200 each and reach 40k "
              "local parents. Let me know if interested.", **IG_DM),
            p("Hi Zara, I specialise in Pinterest marketing for interior brands. Most of my clients see "
              "traffic double within 3 months. Open to a chat?", **DM),
            p("Hey boss, I can get your website to rank #1 on Google. Cheap price. Reply now.", **DM),
            p("Hi Leon, we noticed you're running ads without a pixel. We set up tracking for $99 and usually "
              "halve ad costs. Want us to take a look?", **DM),
            ("Done-for-you newsletters for B2B founders. You talk for 20 minutes, we write the rest. From "
            "$400/month. DM me."),
            p("Hi Priti, I'm the founder of an AI scheduling tool. We're giving 3 months free to agencies "
              "that sign up this week. Can I send you an invite?", **DM),
            p("Hello Adam, hope all's well. We produce podcasts end-to-end for law firms. Is podcasting on "
              "your radar this year?", **DM),
            ("Need UGC for your brand? I create 5 authentic videos for $350. Only 4 slots this month. Book via "
            "link in bio."),
        ],
        "quiet": [
            p("Love your page! We'd love to collaborate on a charity bake sale for the school. Let me know if "
              "interested.", **IG_DM),
            p("Hi Zara, we're hiring a Pinterest specialist for our team. Would you be interested in the role?",
              **DM),
            p("Hey boss, the website is back up. Sorry about this morning. Reply if anything looks off.", **DM),
            p("Hi Leon, we noticed you're running a 10k for charity. We'd love to sponsor a kilometre!", **DM),
            "Newsletters for B2B founders are getting longer. Ours got shorter and replies tripled.",
            p("Hi Priti, I'm the founder of a small agency too. Are you going to the meetup on Thursday?",
              **DM),
            p("Hello Adam, hope all's well. Are you still up for the podcast recording on Monday?", **DM),
            "Need a break from your brand? Go for a walk. The content will still be there.",
        ],
    },
    "mention-push": {
        "fire": [
            ("@ceo_jan @cmo_lu quick one: our pricing benchmark is live and your sector is in it "
            "https://bp.agency/benchmark"),
            "@writer_amy we just released our tone-of-voice workbook, you'd love it https://bp.agency/tov",
        ],
        "quiet": [
            "@ceo_jan @cmo_lu quick one: are you both coming to the dinner on Friday?",
            "Our tone-of-voice workbook was shaped by conversations with @writer_amy https://bp.agency/tov",
        ],
    },
}

# The twenty-sixth batch: informal, problem-then-fix and free-sample pitches; measured untuned
# once, then tuned on.
TUNE_TWENTY_SIXTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "RT for reach pls, small accounts need love too 🙏",
            "Can we get this trending? Use the hashtag and share!",
            "If this resonates, send it to your boss 😅",
            "Help a girl out and share my shop link x",
            "Reposting is free and it really helps small creators like us.",
            p("Yo! Would you be down to share our new track on your story? 🙏", **IG_DM),
        ],
        "quiet": [
            "RT counts don't pay rent. Small accounts, focus on replies.",
            "Can we get this printer working before the client arrives? Asking for the whole studio.",
            "If this resonates, tell us about your own burnout story below.",
            "Help a girl out: what's the best Chinese takeaway near the office?",
            "Reposting is fine if you credit the creator. Always.",
            p("Yo! Would you be down to grab a coffee next week? 🙏", **IG_DM),
        ],
    },
    "sales-pitch": {
        "fire": [
            p("yo bro, I edit reels for gyms, 10 for $200, want a free one to test?", **IG_DM),
            p("Hi Emma, are you looking for someone to handle your socials? We're a team of 5 who do exactly "
              "that. Happy to send examples.", **DM),
            p("Hi Noor, your checkout page is slow on mobile, which is probably costing you sales. We fix "
              "exactly this. Can I send a short video showing how?", **DM),
            p("Hey Joel, can I do a free mock-up of your homepage? No strings. If you like it, we can talk "
              "about the rest.", **DM),
            ("ATTENTION COACHES: 30 booked calls in 30 days or your money back. Comment 'CALLS' and I'll DM "
            "you."),
            p("Hi Alice, saw you're launching a new range. We run launch campaigns for beauty brands, "
              "typically 5x ROAS. Could we grab 15 minutes?", **DM),
            p("Hi Victor, long-time follower here! I've put together a 3-step plan to grow your YouTube "
              "channel. Shall I send it over?", **DM),
            ("Brands, we've got 2 spots left for our January influencer campaign. 150k reach guaranteed. DM "
            "us."),
        ],
        "quiet": [
            p("yo bro, I edit my own reels now, took 10 tries but I got there 😂", **IG_DM),
            p("Hi Emma, are you looking for someone to cover your maternity leave? I know a great freelancer.",
              **DM),
            p("Hi Noor, your checkout page is slow on mobile for me. Thought you'd want to know!", **DM),
            p("Hey Joel, can I do a quick sense check of the homepage copy before it goes live tomorrow?",
              **DM),
            "ATTENTION TEAM: pizza is here. Kitchen. Now.",
            p("Hi Alice, saw you're launching a new range. Congrats, the packaging is beautiful!", **DM),
            p("Hi Victor, long-time follower here! Your video on editing saved me hours. Thank you.", **DM),
            ("Brands, 2 spots in your calendar every week for community replies will do more than any "
            "campaign."),
        ],
    },
    "mention-push": {
        "fire": [
            "@sophie_mkt you might enjoy our new case study on B2B TikTok https://bp.agency/b2b-tiktok",
            "@dev_tom @ana_pm psst, our API changelog template is up https://bp.agency/changelog",
        ],
        "quiet": [
            "@sophie_mkt enjoyed your talk on B2B TikTok today, great examples!",
            "Big thanks to @dev_tom and @ana_pm for reviewing our API changelog template https://bp.agency/changelog",
        ],
    },
}

# The twenty-seventh batch: measured untuned once, then tuned on.
TUNE_TWENTY_SEVENTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "Sharing this would genuinely make my week, our tiny charity needs volunteers.",
            "Spread the love and repost this to your story ❤️",
            "Plz RT, my sister's café needs customers after the flood.",
            "If this helped, the kindest thing you can do is pass it on to someone else.",
            p("Any chance you'd be up for sharing our crowdfunding link with your audience?", **DM),
            "Let's make this reach 10k people. Retweet!",
        ],
        "quiet": [
            "Sharing this because it made my week: our tiny charity hit its volunteer target!",
            "Spread the love to your team this Friday: a thank-you note goes a long way ❤️",
            "Plz tell me I'm not the only one whose café order gets ruined every Monday.",
            "If this helped, the kindest thing you can do is tell us what's missing.",
            p("Any chance you'd be up for a chat about crowdfunding for our podcast episode?", **DM),
            "Let's make this the year we reply to every comment.",
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Jamie, I run a small agency helping breweries sell more online. Could I share a couple of "
              "ideas on a quick call?", **DM),
            p("Hey! I'm Chloe, a brand photographer. I'm booking spring sessions now and would love to work "
              "with you. Rates on request!", **IG_DM),
            ("Full brand refresh in 10 days for a fixed £2,500. Three slots left this quarter. Book a call "
            "today."),
            p("Hi Martin, do you want more Google reviews? Our tool asks every customer automatically. "
              "Free 14-day trial, want a link?", **DM),
            p("Hello Ruth, we turn webinars into a month of content for SaaS companies. Is that something "
              "your team would find useful?", **DM),
            p("Hi there, we're a London SEO firm. We'd like to offer you a free ranking report for your "
              "website. Shall I send it over?", **DM),
            "Coaches: I'll build your entire funnel in a weekend. Only taking 3 clients. Message me.",
            p("Hi Kelly, long story short, we get e-commerce brands 40% more repeat orders through email. "
              "Can we talk next week?", **DM),
            p("Hey Sami, I can edit your podcast for $50 an episode, 24-hour turnaround. Interested?", **IG_DM),
            p("Hi Dr Lee, we help private clinics get 20+ new patient enquiries a month. Would a short call "
              "be worthwhile?", **DM),
        ],
        "quiet": [
            p("Hi Jamie, I run a small book club for brewery owners. Could I add you to the list?", **DM),
            p("Hey! I'm Chloe, we met at the photography meetup. Lovely to see your spring shots!", **IG_DM),
            "A full brand refresh in 10 days sounds great until you see what gets skipped.",
            p("Hi Martin, do you want the Google reviews exported as a CSV or a PDF for the report?", **DM),
            p("Hello Ruth, we turned last week's webinar into a blog post. Is that OK with your team?", **DM),
            p("Hi there, we're a London SEO firm and we loved your talk. Is the recording online?", **DM),
            "Coaches: what's the one question clients ask you every single week?",
            p("Hi Kelly, long story short, the shoot is moved to next week. Can we talk tomorrow?", **DM),
            p("Hey Sami, loved the podcast episode with your mum. The editing was brilliant!", **IG_DM),
            p("Hi Dr Lee, thanks for speaking at our event. Would you be open to joining a panel next year?",
              **DM),
        ],
    },
    "mention-push": {
        "fire": [
            ("@yara_k hey, our new guide to creator contracts just dropped, might save you a headache "
            "https://bp.agency/contracts"),
            "@nico @rhea @sid @tam just published our 2026 salary survey https://bp.agency/salary",
            "New guide out (@ana_m @raj_p) https://bp.agency/guide",
        ],
        "quiet": [
            "@yara_k hey, good luck with the contract negotiations this week!",
            ("Spent the weekend with a friend and co-founder (@sam_j) talking about scale. Our notes: "
            "https://bp.agency/notes"),
            "Our 2026 salary survey, with thanks to @nico and @rhea for the data https://bp.agency/salary",
        ],
    },
}

# The twenty-eighth batch: measured untuned once, then tuned on.
TUNE_TWENTY_EIGHTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "Would you kindly share this with anyone job hunting in Glasgow?",
            "Hoping for lots of RTs on this one, it's our biggest launch yet 🚀",
            "Go on, tag your work bestie and send them this.",
            "PSA: share this post so nobody else gets scammed by that fake invoice.",
            p("Could you maybe put a word out about our open studio day? Would help loads.", **DM),
            "Boost this so the right people see it, please and thank you.",
        ],
        "quiet": [
            "Would you kindly tell us what went wrong with the checkout? We want to fix it.",
            "Hoping for lots of sunshine at our launch party this Friday 🚀",
            "Go on, tell your work bestie you appreciate them today.",
            "PSA: that fake invoice scam is back. Check the sender before you pay.",
            p("Could you maybe put a word in with your manager about the budget? Would help loads.", **DM),
            "Boost your reach by replying more, not posting more.",
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Anya, we run done-for-you LinkedIn for accountants. Three of your competitors already use "
              "us. Shall we talk?", **DM),
            p("Hey Rob! Loved your latest reel. We could turn it into a paid ad that actually converts. Want "
              "a free mock-up?", **IG_DM),
            ("Stop losing leads at 2am. Our chatbot answers every enquiry instantly. Free for 30 days. Start "
            "now at bp.agency/bot"),
            p("Hi Grace, I'm a Shopify developer and I noticed your store loads slowly. I can fix it this week "
              "for a flat fee. Interested?", **DM),
            ("Limited offer for new clients: first month of social management at half price. DM us before "
            "Friday."),
            p("Hello Ian, hope you're keeping well! We've just launched a reputation service for hotels "
              "and I'd love to show you a quick demo.", **DM),
            p("Hi Suki, are you open to new suppliers? We produce custom packaging for beauty brands at "
              "wholesale prices.", **DM),
            p("Hi Tom, 5 minutes of your time could save you £10k a year on ad spend. Can I explain?", **DM),
        ],
        "quiet": [
            p("Hi Anya, three of your competitors were at the accountants' awards. Did you go?", **DM),
            p("Hey Rob! Loved your latest reel. Which song is that?", **IG_DM),
            "Stop losing sleep over 2am enquiries. Set an auto-reply and go to bed.",
            p("Hi Grace, I noticed your store loads slowly on my phone. Just a heads-up!", **DM),
            "Limited edition of our team hoodies arrived and everyone wants one.",
            p("Hello Ian, hope you're keeping well! Are you still coming to the hotel awards?", **DM),
            p("Hi Suki, are you open to being quoted in our article on beauty packaging?", **DM),
            p("Hi Tom, 5 minutes of your time for a quick survey? It's for our annual report.", **DM),
        ],
    },
    "mention-push": {
        "fire": [
            "@pia_g you'll want to read our breakdown of the new Threads API https://bp.agency/threads",
        ],
        "quiet": [
            "Read @pia_g's breakdown of the new Threads API, it's the clearest one yet https://example.com/threads",
        ],
    },
}

# The twenty-ninth batch: written to the speech acts as a person reads them (mention-push
# across platforms and with LinkedIn-style "@First Last" names, share-begging's implicit
# asks, sales-pitch's clean look-alikes), measured untuned once, then tuned on.
FB_POST = {"platform": "facebook"}
LI_POST = {"platform": "linkedin"}
IG_POST = {"platform": "instagram"}
TOOT = {"platform": "mastodon"}
TUNE_TWENTY_NINTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "Forwarding this to one friend who's job hunting is honestly the best thing you can do today.",
            "Every RT = £1 to the food bank from us this week. Go on ❤️",
            "Quote-tweet this with your favourite small business and we'll feature them.",
            p("Tag someone who needs to hear this today 💛", **IG_POST),
            p("Hey Lou! Big ask: would you mind popping our fundraiser onto your stories? Every bit of "
              "reach helps x", **IG_DM),
            "If this made you smile, send it to the group chat 😂",
            "Reposts are how tiny studios like ours get found. Just saying 👀",
            p("Please help us find Biscuit's owner by sharing this to your local groups 🐶", **FB_POST),
            p("If you know someone who'd thrive here, a repost would help us find them.", **LI_POST),
            "For every share this gets, we plant a tree 🌳",
            "Drop this in your team's Slack before Monday's planning meeting.",
            "Only 40 more signatures needed, pass it around!",
            p("Mind giving this a boost? Trying to reach folks outside the tech bubble.", **TOOT),
            p("Hi Dev, would you be up for reposting our hiring post? Your network is exactly who "
              "we're after.", **DM),
        ],
        "quiet": [
            "Please don't repost our photos without credit.",
            p("@jess_bakes can we share your photo of our croissants on our page? 🥐", **IG_POST),
            "Share your thoughts below: what's the one tool you can't live without?",
            "Tag yourself: I'm the one with 47 tabs open.",
            p("Hi Lou, mind if we repost your video of the launch? We'll credit you, of course.", **IG_DM),
            "For every order this week, we plant a tree 🌳",
            "Quote tweets are where the real conversation happens on X, not the replies.",
            "Forwarding your email to our accounts team now, they'll sort it today.",
            "We reposted this from last year because the advice still stands.",
            "Please don't share your password with anyone, including us.",
            p("Sharing the slides from today's talk for everyone who asked: https://bp.agency/slides", **LI_POST),
            "Please pass on our thanks to the whole team at the venue.",
            p("Reposts don't count towards reach in the new analytics, which surprised us.", **LI_POST),
            p("Could we share your review on our website? Totally fine if not!", **DM),
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Priya, we help B2B SaaS teams double their demo bookings in 60 days. Open to a "
              "10-minute call next week?", **DM),
            "Only 3 spots left in our January content sprint. Book yours before they're gone 👉 https://bp.agency/sprint",
            p("Hey! Love your feed 😍 We're offering free promo to selected accounts, just DM us to get "
              "started", **IG_DM),
            p("This weekend only: 20% off all framing. Pop in or order online!", **FB_POST),
            p("Hi Tom, quick one: we could cut your ad costs by 30% or you don't pay. Shall I send "
              "details?", **DM),
            "Early-bird tickets for our Leeds workshop end tonight. Grab yours: https://bp.agency/leeds",
            p("We have room for two new clients in Q1. If your socials need a rethink, DM me.", **LI_POST),
            p("Hello! I run a UGC studio and would love to create 3 videos for your brand. Rates start "
              "at $150. Interested?", **IG_DM),
        ],
        "quiet": [
            p("Hi Sam, here's our price list like you wanted: posts from £200, reels from £350. Any "
              "questions, shout!", **DM),
            "Got this DM today: 'I can get you 10k followers a month, guaranteed!' Please don't fall for these.",
            "Sold out in 4 hours. Thank you all, we never expected that 🙏",
            "Paid £7 for a flat white today. At this point I'm buying shares in the café, not coffee ☕",
            "We're donating 10% of this month's fees to Mind. No catch, just something we wanted to do.",
            "Cold DM of the week: 'Worth a chat?' from someone who hadn't even read my profile.",
            "Our spring sale ended on Sunday and we sold 1,200 plants. Thank you!",
            p("Thanks for asking! Our rates are £80 an hour or £500 a day. Happy to answer anything "
              "else.", **DM),
            "If one more agency promises me guaranteed viral reels I'm moving to a cabin in the woods 🌲",
            "The auction raised £3,400 for the food bank. Thank you to everyone who bid!",
            "That 'free trial' ended with a £99 charge I never agreed to. Read the small print, folks.",
            p("Scam alert: accounts are DMing our followers offering '50% off, today only'. It isn't us.",
              **IG_POST),
        ],
    },
    "mention-push": {
        "fire": [
            p("@Maya Lopez our Q3 hiring report just went live, would love your take https://bp.agency/q3",
              **LI_POST),
            "New episode of The Brief is out! @sarahchen @tomwrites you'll want to hear this one https://bp.agency/ep42",
            p("@eater @timeoutlondon our new autumn menu launches Friday 🍂 link in bio", **IG_POST),
            "We just published our guide to LinkedIn carousels. cc @justinwelsh @lara_acosta",
            p("@Hannah Price thought of you straight away when we wrote this: https://bp.agency/blog/retention",
              **LI_POST),
            p("Hi @jamie_k, our new report on Gen Z shopping is out, figured it's right up your street "
              "https://bp.agency/genz", **DM),
            "@techcrunch @verge @wired we launched today: the scheduling app for tiny teams https://bp.agency",
            p("@ana@mastodon.social @joe@fosstodon.org we wrote up how we moved off Google Analytics, "
              "curious what you make of it: https://bp.agency/blog/ga", **TOOT),
            "Fresh off the press: our 2027 social trends report. @adweek @thedrum worth a look for your readers 👉 https://bp.agency/trends",
            p("@Priya Nair @Owen Blake sharing our new playbook on employer branding, would love to hear "
              "what you think https://bp.agency/playbook", **LI_POST),
            p("@foodiesofleeds new brunch menu is live!! come try it this weekend 🥞", **IG_POST),
            "Our latest case study is up. Tagging @hubspot because you'll recognise the problem https://bp.agency/cases/mira",
            p("@Leeds Live we're opening our second café on Saturday, full details here "
              "https://bp.agency/news", **FB_POST),
            p("@DanielP episode 17 is all about churn, a good one for your commute 🎧 https://bp.agency/pod/17",
              **TOOT),
        ],
        "quiet": [
            "Huge thanks to @sarahchen for having us on her podcast this week!",
            "Our guide to LinkedIn carousels was designed by @studio_mira 🙌 https://bp.agency/carousels",
            "Thrilled to be in @adweek's list of agencies to watch https://adweek.example/list",
            p("@Maya Lopez the report's methodology section covers that on page 4", kind="reply",
              platform="linkedin"),
            "Find us next to @pretamanger on Oxford Street from Monday!",
            "@eater do you know when the Michelin list comes out this year?",
            "New episode out now with @tomwrites, on how freelancers should price https://bp.agency/ep43",
            "Happy 50th, @marketingweek! Here's to the next 50.",
            p("Loved reading @Hannah Price on retention this morning https://hbr.example/retention", **LI_POST),
            "@techcrunch covered our launch today, we're a bit giddy https://techcrunch.example/bp",
            p("@Priya Nair so glad the playbook was useful for your team, means a lot", **LI_POST),
            p("Hi @jamie_k, are you still hosting the Gen Z panel in March? Would love to come along.", **DM),
            p("@bbcfood what's the best way to keep basil alive indoors?", **FB_POST),
            p("Our new café is two doors down from @Leeds Library, come say hi", **FB_POST),
        ],
    },
}

# The thirtieth batch: more ways of putting our own launch in front of someone tagged, and
# the ways of tagging that are not, measured untuned once, then tuned on.
TUNE_THIRTIETH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {"fire": [], "quiet": []},
    "mention-push": {
        "fire": [
            "@nina_codes @devrelweekly 👀 https://bp.agency/launch",
            "We're live on Product Hunt today! @rrhoover @chrismessina https://bp.agency/ph",
            p("Paging @Tom Fisher: the new episode is the one on agency pricing you were after "
              "https://bp.agency/pod/21", **LI_POST),
            "@bookshopuk psst, our new podcast is out and it's all about indie shops 🎙️",
            p("Tagging @Ruth Adeyemi and @Chris Lowe since you both work in fintech: our 2027 outlook "
              "is out https://bp.agency/fintech", **LI_POST),
            p("@lisa.eats we made this dessert with creators like you in mind 🍰 new menu from Monday",
              **IG_POST),
            "@guardian_tech heads up, our study on kids and screen time is out today https://bp.agency/screens",
            p("Sending this one to @Marta Ruiz, our latest piece on remote onboarding "
              "https://bp.agency/blog/onboarding", **LI_POST),
            p("@gemma_writes fancy a listen? Episode 4 of our show is up https://bp.agency/pod/4", **DM),
            "@smallbizsat @enterprisenation our free toolkit for market traders just went live https://bp.agency/toolkit",
        ],
        "quiet": [
            "@nina_codes @devrelweekly welcome to the community, glad you're here!",
            "On stage with @rrhoover tonight talking about launching without a budget.",
            p("Meet @Tom Fisher, our new head of content, joining from the BBC.", **LI_POST),
            "@bookshopuk is the Wimbledon branch open on Sundays?",
            p("Our 2027 outlook, written in partnership with @Ruth Adeyemi, is out today https://bp.agency/fintech",
              **LI_POST),
            p("So good to see @lisa.eats and @foodie_ben at our stand today 🍰", **IG_POST),
            "@guardian_tech thanks for including our study in this morning's piece https://guardian.example/screens",
            p("Cover photo by @Marta Ruiz, taken at our Lisbon retreat", **LI_POST),
            p("@gemma_writes you asked for the episode link yesterday, here it is https://bp.agency/pod/4", **DM),
            "Listening to @smallbizsat's episode on market traders on the train this morning.",
        ],
    },
}

# The thirty-first batch: a newsroom, a launch list and a shop tagging people at their own news, on five platforms, measured untuned once, then tuned on.
TUNE_THIRTY_FIRST: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {"fire": [], "quiet": []},
    "mention-push": {
        "fire": [
            "Our new tool for tracking creator rates is live 🎉 @creatoreconomy @passionfroot https://bp.agency/rates",
            "New on the blog: why brands should stop chasing reach. https://bp.agency/blog/reach @marketingweek @campaignmag",
            p("Proud to share our annual report 📊 @Sophie Turner @James Kemp have a read https://bp.agency/annual", platform="linkedin"),
            p("Our summer collection drops tomorrow ☀️ @stylebyjess @thelondonedit you're going to love it", platform="instagram"),
            p("Our winter menu starts Monday! @Manchester Evening News @Confidentials fancy covering it?", platform="facebook"),
            "@wired our research on deepfake ads might make a good story for you https://bp.agency/deepfakes",
            "Hey @lennysan, we published a teardown of your onboarding flow, would love your take https://bp.agency/teardown",
            ".@HarvardBiz our new study shows 4-day weeks boost output 20% https://bp.agency/4day",
            "@jack @elonmusk we built the thing you keep tweeting about: https://bp.agency/app",
            p("@Amara Okafor hi! Sharing our new whitepaper on hybrid events, I think it'll be useful for your team https://bp.agency/hybrid", platform="linkedin", kind="dm"),
            p("@coffee.with.kim hey! We just opened our new roastery and would love you to come try it ☕", platform="instagram", kind="dm"),
            p("@kev@fosstodon.org @lina@hachyderm.io our self-hosting guide v2 is out, you two might enjoy it https://bp.agency/selfhost", platform="mastodon"),
            "Episode 12 is live 🎧 on burnout in agencies. @mindcharity @agencyhackers give it a listen https://bp.agency/ep12",
            p("@sam_reads speaking of reading lists, our new one just went up https://bp.agency/list", kind="reply"),
            p("We've just launched our B Corp impact report 🌱 Tagging @Emma Lowe @Raj Patel @Sustainability Weekly", platform="linkedin"),
            "@producthunt @betalist we're launching our AI caption tool next Tuesday, would mean a lot if you checked it out https://bp.agency/captions",
        ],
        "quiet": [
            "Our new tool was built with @passionfroot's API, huge thanks to their team https://bp.agency/rates",
            "Great piece by @marketingweek on why brands chase reach https://mw.example/reach",
            p("Delighted that @Sophie Turner is joining us as Head of Strategy", platform="linkedin"),
            p("Styled by @stylebyjess, shot by @thelondonedit ☀️ summer collection out tomorrow", platform="instagram"),
            p("Thanks @Manchester Evening News for the lovely write-up of our winter menu! https://men.example/menu", platform="facebook"),
            "As featured in @wired: our research on deepfake ads https://wired.example/deepfakes",
            p("@lennysan totally agree, onboarding is where most apps lose people", kind="reply"),
            "@jack what was the hardest part of going back to a small team?",
            p("@Amara Okafor hi! Lovely to meet you at the hybrid events summit yesterday", platform="linkedin", kind="dm"),
            p("Our new roastery is right next to @monmouthcoffee in Borough ☕", platform="instagram"),
            p("@kev@fosstodon.org sorry, our self-hosting guide is down for maintenance till tonight", platform="mastodon"),
            "Recorded episode 12 with @mindcharity today, out next week 🎧",
            "Our CEO joins @BBCBreakfast at 7:40 to talk about the report https://bp.agency/report",
            p("Our report, in partnership with @Sustainability Weekly, is out today https://bp.agency/impact", platform="linkedin"),
            "@producthunt is there a way to change the launch date once it's scheduled?",
            "Congrats @betalist on 10 years! Our first launch was on your list back in 2017.",
        ],
    },
}

# The thirty-second batch: measured once after the thirtieth's round of work, then tuned on.
TUNE_THIRTY_SECOND: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {"fire": [], "quiet": []},
    "mention-push": {
        "fire": [
            "@hootsuite @sproutsocial we made a free template for monthly client reports, thought it might be useful for your community https://bp.agency/template",
            p("New drop alert 🚨 @sneakerfreaker @hypebeast our Leeds x Lisbon trainer is out Friday", platform="instagram"),
            p("Our guide to four-day weeks is finally live. @Anna Bell @Greg Hunt, keen to know if it matches what you've seen https://bp.agency/4dw", platform="linkedin"),
            "cc @emilyjwatson @socialmediatoday: our new benchmark data is up https://bp.agency/bench",
            p("@Visit Leeds our spring market opens this Saturday, we'd love a mention! https://bp.agency/market", platform="facebook"),
            "@ProfGalloway you'll like this one: we crunched 10 years of ad spend https://bp.agency/adspend",
            p("Hi @Jon Mills, hope all's well. We launched our employer brand audit this week, here's the link if useful https://bp.agency/audit", platform="linkedin", kind="dm"),
            "Hey @itsnicethat 👋 we've just put out our 2027 design trends zine, would love to know what you think https://bp.agency/zine",
            p("@tchambers our Mastodon onboarding guide is up, reckon it'd help the folks you've been talking to https://bp.agency/onboard", platform="mastodon"),
            "@bbcradio4 our podcast tackles the same topic as today's Woman's Hour, could be a fit for a future segment https://bp.agency/pod",
            p("Tagging my favourite foodies @ellaeats @brunchclubldn 🥐 our new croissant flavour lands tomorrow, who's coming?", platform="instagram"),
            "Launch day! 🚀 Flowdesk is live. @levelsio @marc_louvion @tdinh_me would love your feedback https://bp.agency/flowdesk",
        ],
        "quiet": [
            "@hootsuite is there a limit on how many reports I can schedule per month?",
            p("Loving these trainers from @sneakerfreaker 😍", platform="instagram"),
            p("Our guide to four-day weeks draws on research by @Anna Bell https://bp.agency/4dw", platform="linkedin"),
            "Big thanks to @emilyjwatson and @socialmediatoday for quoting our benchmark data https://smt.example/bench",
            p("Our spring market is back this Saturday next to @Visit Leeds' information centre https://bp.agency/market", platform="facebook"),
            "@ProfGalloway loved your keynote on brand in the age of AI",
            p("Hi @Jon Mills, hope all's well. Are you around for coffee next week?", platform="linkedin", kind="dm"),
            "Our 2027 zine was illustrated by @itsnicethat's newcomer of the year, @rosie_draws https://bp.agency/zine",
            p("@tchambers here's our onboarding guide, hope it helps https://bp.agency/onboard", kind="reply"),
            "Listening to @bbcradio4 while we pack orders this morning 📻",
            p("@ellaeats thank you for the gorgeous photos of our croissants 🥐", platform="instagram"),
            "Flowdesk is live 🚀 built with @supabase and @vercel https://bp.agency/flowdesk",
        ],
    },
}

# The thirty-third batch: share asks and cold pitches on five platforms with their look-alikes, measured untuned once, then tuned on.
TUNE_THIRTY_THIRD: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "If you only do one thing today, retweet this so it reaches someone who needs it.",
            p("Know a designer looking for their next role? A quick repost puts this in front of them.", platform="linkedin"),
            p("Send this to your bestie who still hasn't booked their summer holiday ☀️", platform="instagram"),
            p("Lost cat in Headingley 🐈 Please share to as many local pages as you can.", platform="facebook"),
            "Quote tweet this with the worst brief you've ever had and we'll RT the best ones.",
            p("Boosts would be really welcome on this one, we're trying to find a venue in Bristol.", platform="mastodon"),
            "Would be amazing if this reached a few more people before Friday 🙏",
            p("Hi Tash! Quick favour: could you share our volunteer call-out with your network? Thanks so much!", platform="linkedin", kind="dm"),
            p("hey hun!! any chance you could put our pop-up on your story? would mean loads x", platform="instagram", kind="dm"),
            "Our appeal closes tomorrow. The more people who see this, the more families we can help, so please pass it on.",
            p("Tag a mum who deserves a night off 💐 we'll pick one for a free meal", platform="facebook"),
            "Need 200 more signatures by Friday. You know what to do: share, share, share.",
        ],
        "quiet": [
            "Please don't screenshot and share DMs without permission, it's not cool.",
            p("Can we share this beautiful shot on our page, @ella.snaps? 😍", platform="instagram"),
            "Tag yourself: which stage of deadline panic are you at?",
            p("Share your biggest lesson from 2026 in the comments 👇", platform="linkedin"),
            p("Thank you to everyone who shared our lost cat post, she's home safe! 🐈", platform="facebook"),
            "We quote tweeted the announcement with our take: it's a good change for small accounts.",
            p("Boosts from accounts we don't follow now show up in our home feed, is that new?", platform="mastodon"),
            "It's amazing how far one tweet can travel when it's genuinely useful.",
            p("Hi Tash! Could you share the brief for the volunteer project when you get a chance?", platform="linkedin", kind="dm"),
            p("hey hun!! can we repost your pop-up pic on our story? would love to x", platform="instagram", kind="dm"),
            "Forwarding the complaint to our support team now, sorry for the wait.",
            p("Tag us in your photos from the market and we might feature them!", platform="facebook"),
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Ola, I help agency owners add £20k MRR with a simple outbound system. Worth a quick chat this week?", platform="linkedin", kind="dm"),
            p("Hi! We love your brand 💕 We're a growth team that can get you 5k real followers in 30 days. Want the details?", platform="instagram", kind="dm"),
            "48 hours left to get 40% off our Social Audit. Don't miss out 👉 https://bp.agency/audit",
            p("Christmas menu now booking! Tables are filling up fast, reserve yours today 🎄", platform="facebook"),
            p('Struggling to get leads from LinkedIn? We build done-for-you content systems. DM me "SYSTEM" to learn more.', platform="linkedin"),
            p("Hey Kai, noticed you're hiring a social manager. We could cover it for half the cost. Open to a call?", platform="linkedin", kind="dm"),
            "Last 5 tickets for Content Camp at the early price. Grab one before midnight 🎟️",
            p("Flash sale 🔥 all prints 30% off until Sunday. Tap the link in bio to shop.", platform="instagram"),
        ],
        "quiet": [
            p("Hi Ola, as promised here's our rate card for the retainer we discussed: £2.5k a month.", platform="linkedin", kind="dm"),
            '"Worth a quick chat?" is the most ignored line in sales. Here\'s what works better.',
            "Got a DM promising 5k real followers in 30 days. Reported and blocked. Don't fall for it.",
            p("Our Christmas menu sold out in two days. Thank you Leeds! See you all in January 🎄", platform="facebook"),
            p("£9 for a croissant in Mayfair?! I'll stick to ours, thanks 🥐", platform="instagram"),
            "We've given our Black Friday budget to the food bank instead. No sale, no fuss.",
            p("We raised £4,200 for Shelter at our charity quiz last night. Thank you all!", platform="linkedin"),
            'Remember when "limited time only" actually meant something? Simpler days.',
            p("Hey Kai, thanks for the intro call yesterday. Quote attached as you asked, no rush at all.", platform="linkedin", kind="dm"),
            "Flash sales train your customers to wait for discounts. Here's the data from 40 shops.",
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The thirty-fourth batch: selling words in jokes, warnings, past sales and donations, and more share asks, measured untuned once, then tuned on.
TUNE_THIRTY_FOURTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "Every retweet gets us one step closer to 5,000 signatures. Please keep them coming!",
            p("Sharing this post could help reunite Max with his family 🐕 please do!", platform="facebook"),
            p("Send this to someone who'd love our new candle 🕯️", platform="instagram"),
            p("We're hiring two engineers in Manchester. Your repost could be someone's next job 🙏", platform="linkedin"),
            "QT this with your favourite local café and we'll visit the top 3 ☕",
            p("If you can boost this, please do: we're a small co-op and the algorithm isn't on our side (there isn't one, but still).", platform="mastodon"),
            p("Hi Ada, hope you're well! Would you be able to share our job ad in your alumni group? It would help a lot.", platform="linkedin", kind="dm"),
            "Don't keep this to yourself 👀 pass it on",
        ],
        "quiet": [
            "Please don't RT this, it was meant for the group chat 🙈",
            p("We'd love to share your photo of the cake on our page, @hannah.bakes, is that OK? 🎂", platform="instagram"),
            p("Share your favourite memory of the old market hall in the comments ❤️", platform="facebook"),
            'Tag yourself, I\'m "replied-all by accident"',
            p("Please don't share the webinar link outside your team, seats are limited.", platform="linkedin"),
            "Every retweet we got on launch day came from people we'd helped before. Lesson learned.",
            p("We'll boost posts from members of the co-op on Fridays, just tag us.", platform="mastodon"),
            "We sent this to every client last week and the replies were lovely.",
        ],
    },
    "sales-pitch": {
        "fire": [
            "Our price list is in the comments 👇 Only 4 slots left for December shoots, book now!",
            p("Hey babe! Loving your content 😍 We offer guaranteed growth packages from just £49 a month. Interested?", platform="instagram", kind="dm"),
            p("Half price pizzas every Tuesday this month! Book your table now 🍕", platform="facebook"),
            p('Only 2 places left on my LinkedIn ghostwriting programme. DM me "READY" to grab one.', platform="linkedin"),
            "Black Friday: 50% off all templates for the next 24 hours only 👉 https://bp.agency/shop",
            p("Hi Nia, I'll keep it short: we get SaaS founders 30+ podcast bookings a quarter. Shall I send over our packages?", platform="linkedin", kind="dm"),
        ],
        "quiet": [
            p("Hiya! You asked about prices: mini shoots are £95 and full sessions £180. Let me know if you have questions x", platform="instagram", kind="dm"),
            p("Hi Ben, following our call, here are the three package options with prices. Take your time.", platform="linkedin", kind="dm"),
            'PSA: someone is DMing small businesses with "guaranteed 10k followers, only $49". It\'s a scam.',
            p('Beware of pages offering "free iPhones, just click the link and claim yours today". Report them.', platform="facebook"),
            'Every "limited time offer" in my inbox this week has been extended twice 🙃',
            p('The pitch that worked on us: "We\'ll double your leads or you don\'t pay." Here\'s why it worked, and why we still said no.', platform="linkedin"),
            "Sold out! All 300 tickets for Content Camp went in a day. Thank you 🙏",
            p("Our pop-up shop closed yesterday after selling every last candle. We're speechless ❤️", platform="instagram"),
            p("Last weekend's bake sale raised £640 for the hospice. Thanks to everyone who came!", platform="facebook"),
            "$14 for a sandwich at the airport. Limited time offer: my dignity, free with every purchase.",
            "Me: I'll just buy one thing. Also me: 40% off? Better get six.",
            p("Only £2 a cup and yet I'd sell a kidney for this coffee ☕", platform="instagram"),
            p("This month we're donating our profits to Crisis. No need to do anything, we just wanted to share.", platform="linkedin"),
            "If you'd like to donate to the hospice too, the page is here, but no pressure at all: https://justgiving.example/hospice",
            "Our old studio is for sale, which feels strange. Ten good years in that building.",
            '"Book a free call now!" is the worst CTA in B2B. Discuss.',
            p("Reminder: you don't need to buy a course to get good at LinkedIn. Post, reply, repeat.", platform="linkedin"),
            "Last chance to see the old logo before we retire it on Monday 👋",
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The thirty-fifth batch: bare tags at our link, offers of our products to press and shops, measured untuned once, then tuned on.
TUNE_THIRTY_FIFTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {"fire": [], "quiet": []},
    "mention-push": {
        "fire": [
            "@mkbhd https://bp.agency/review",
            "@verge have you seen this? https://bp.agency/study",
            "Our Q4 trends report is out now https://bp.agency/q4 @socialmediatoday",
            p("Excited to finally share the State of B2B Video 2027 👉 https://bp.agency/video @Chris Walker @Gaetano DiNardi", platform="linkedin"),
            "@nytimesfood we'd love to send you a box of our new seasonal pastries 🥐",
            p("@olive.and.oak hi lovely! we've just launched a range of ceramic planters and think your followers would adore them 🌿", platform="instagram", kind="dm"),
            "What happens when you post every day for a year? We tried it. @garyvee you might have thoughts 😅 https://bp.agency/365",
            p("@BBC Radio Leeds we're hosting a free family fun day at our farm this Sunday, would be great to get a mention on air!", platform="facebook"),
            "@TheEconomist @FT @WSJ new working paper from our lab on inflation expectations https://bp.agency/wp",
            ".@ahrefs @semrush we benchmarked both of you in our new SEO tools review 👀 https://bp.agency/seo",
            p("@jwz@mastodon.social we finally shipped the RSS reader you asked about years ago https://bp.agency/rss", platform="mastodon"),
            p("Calling all HR leaders 📣 our free salary benchmarking tool is now live. @Josh Bersin @Lars Schmidt curious what you make of it https://bp.agency/salary", platform="linkedin"),
            p("@sarah_b if you liked that, you'll love our full course on it https://bp.agency/course", kind="reply"),
            p("@vogueuk @elleuk our AW27 collection is here 🖤 shop now via the link in bio", platform="instagram"),
        ],
        "quiet": [
            "@mkbhd your review of the Pixel was spot on",
            "@verge have you seen this bug in the iOS beta? Screenshots keep crashing",
            "Our Q4 trends report is out now, with a foreword from @socialmediatoday's editor https://bp.agency/q4",
            p("So glad to have @Chris Walker on our panel this morning. The State of B2B Video 2027 is out next week.", platform="linkedin"),
            "Thank you @nytimesfood for featuring our seasonal pastries in this week's guide 🥐",
            p("Planters by @olive.and.oak, plants by us 🌿 the shop is looking lovely today", platform="instagram"),
            "@garyvee do you still post every day, or have you cut back?",
            p("Thanks to @BBC Radio Leeds for coming down to our farm today! You can listen back here https://bbc.example/leeds", platform="facebook"),
            "Our working paper builds on work by @TheEconomist's data team https://bp.agency/wp",
            "We switched from @semrush to @ahrefs this year. Happy so far.",
            p("@jwz@mastodon.social congrats on 25 years of the blog!", platform="mastodon"),
            p("Our salary benchmarking tool is now live, built with data from @Lars Schmidt's survey https://bp.agency/salary", platform="linkedin"),
            p("@sarah_b glad you liked it! Which part was most useful?", kind="reply"),
            p("Wearing @vogueuk's favourite trench today 🖤", platform="instagram"),
        ],
    },
}

# The thirty-sixth batch: launches and stock news tagged at press and shops, likes-and-shares asked in a DM, copy-and-paste chains, measured untuned once, then tuned on.
TUNE_THIRTY_SIXTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "Would really appreciate a retweet on this one, we're trying to find a kidney donor for my dad.",
            p("Not asking for much: just hit repost so this lands with someone who's hiring.", platform="linkedin"),
            p("Screenshot this and put it on your story if you're team oat milk 🥛", platform="instagram"),
            p("Please copy and paste this to your page, don't just share it. Let's see how far it goes.", platform="facebook"),
            "RT to enter: we're giving away three signed copies 📚",
            p("Boosting this would help a lot, the fundraiser ends Sunday.", platform="mastodon"),
            p("Hey Marcus! Would you be happy to give our launch post a like and a share? Would mean a lot.", platform="linkedin", kind="dm"),
            "Retweet so your followers know not to click that phishing link.",
        ],
        "quiet": [
            "Please don't share screenshots of the beta, it's still under NDA.",
            p("Can we put your gorgeous shot on our story, @lucy.lens? We'll tag you of course 📸", platform="instagram"),
            p("Tell us in the comments: which stall should we bring back next year?", platform="facebook"),
            'Tag yourself in our 2026 wrapped: I\'m "17 unread Slack threads".',
            p("We retweeted, reposted and reshared everything in 2020. Here's what we learned.", platform="linkedin"),
            p("Boosting is off by default for new accounts on our server, you can change it in settings.", platform="mastodon"),
            p("Hey Marcus! Would you be happy to share your slides from the meetup with me?", platform="linkedin", kind="dm"),
            "The retweet button is the most underrated research tool on this site.",
        ],
    },
    "sales-pitch": {"fire": [], "quiet": []},
    "mention-push": {
        "fire": [
            p("Our team has been working on this for months and it's finally here: the 2027 Creator Pay Report. @Lia Haberman @Jim Louderback would love to hear your take https://bp.agency/pay", platform="linkedin"),
            "@FastCompany story idea: we surveyed 2,000 remote workers about burnout, full data here https://bp.agency/burnout",
            p("It's here!! 🎉 Our autumn candles are finally in stock @candlelovers_uk @hygge.home", platform="instagram"),
            "@levelsio made a thing you might like 👇 https://bp.agency/nomad",
            p("@Yorkshire Evening Post we've opened a new community garden behind the shop, would be lovely if you could pop by and cover it", platform="facebook"),
            p("@sue@infosec.exchange @tom@hachyderm.io new post on our blog about passkeys, would value your eyes on it https://bp.agency/blog/passkeys", platform="mastodon"),
            p("@Rachel Green hi Rachel, just wanted to flag our latest guide on pay transparency, thought of your team straight away https://bp.agency/pay-guide", platform="linkedin", kind="dm"),
            "Attention @TechCrunch @VentureBeat: our seed round closes today and we're opening the beta to everyone https://bp.agency/beta",
            p("@the.wedding.edit hey! we make handmade wedding stationery and just released our 2027 range, would be amazing to get it on your page 💌", platform="instagram", kind="dm"),
            "We've just released v3.0 of our open-source scheduler 🚀 @github @ThePracticalDev",
        ],
        "quiet": [
            p("Our 2027 Creator Pay Report draws on interviews with @Lia Haberman and 40 other creators https://bp.agency/pay", platform="linkedin"),
            "@FastCompany did your piece on burnout run in print too? Can't find it",
            p("Candles from @candlelovers_uk make our shop smell amazing 🕯️", platform="instagram"),
            "@levelsio how do you handle customer support as a solo founder?",
            p("Thank you @Yorkshire Evening Post for covering our new community garden! https://yep.example/garden", platform="facebook"),
            p("@sue@infosec.exchange thank you for the passkeys talk, learned loads", platform="mastodon"),
            p("@Rachel Green hi Rachel, lovely to meet you at the pay transparency summit. Hope the journey home was OK!", platform="linkedin", kind="dm"),
            "Interviewed by @TechCrunch about our seed round today, piece out next week",
            p("Stationery by @the.wedding.edit and florals by @bloom.co 💌 what a day", platform="instagram"),
            "Our scheduler now lives on @github, thanks to everyone who contributed to v3.0 🚀",
        ],
    },
}

# The thirty-seventh batch: pitches quoted, prices asked for, sales done and gifts given, beside real offers, measured untuned once, then tuned on.
TUNE_THIRTY_SEVENTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {
        "fire": [
            'New client offer: first month of social management for £299. Only 3 spots, reply "IN" to claim one.',
            p("Hey! We're a content studio helping beauty brands go viral 💄 Can we send you our rate card?", platform="instagram", kind="dm"),
            p("Half-term deal 🎉 kids eat free all week! Book now to avoid disappointment.", platform="facebook"),
            p("Hi Leo, congrats on the new role! We help new CMOs hit the ground running with a 90-day social plan. Fancy a quick call?", platform="linkedin", kind="dm"),
            "Last chance: our course closes to new students at midnight. Enrol here 👉 https://bp.agency/course",
            p("BOGOF on all candles this weekend only 🕯️ shop via the link in bio", platform="instagram"),
        ],
        "quiet": [
            'Someone just offered to "10x my engagement in 30 days, guaranteed" for $99. I\'ll pass, thanks.',
            p('The worst cold DM I got this year: "Hi, we help agencies book 30 calls a month. Worth a chat?" Three follow-ups, no name.', platform="linkedin"),
            p("Hi Jo! Here's the price list you asked for on Friday 💕 Minis £60, full sets £120. Book whenever suits!", platform="instagram", kind="dm"),
            p("Our Christmas fair raised £2,100 for the children's ward. Every stall sold out! Thank you Leeds ❤️", platform="facebook"),
            "Crazy that a pint is £8 now. Remember when a fiver got you two and a packet of crisps?",
            p("We've made a donation to Shelter instead of sending client gifts this year. Nothing to buy, nothing to sign up for.", platform="linkedin"),
            'Teaching a workshop on writing offers next week. Lesson one: "limited time" means nothing if it isn\'t true.',
            p("Sold! Our last print of the year went to a lovely couple in Bath. See you in 2027 🎨", platform="instagram"),
            p("Hi Sam, thanks for the call! As discussed, our monthly retainer is £1,800. No rush on a decision.", platform="linkedin", kind="dm"),
            "Every year I tell myself I won't buy anything on Black Friday. Every year I buy socks.",
            '"DM me for pricing" in a bio tells me the price is high. Just put it on the page.',
            p("Donations for the food bank can be dropped at the shop until Friday. Tins, pasta, toiletries all welcome.", platform="facebook"),
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The thirty-eighth batch: launches, recipes and press kits put in front of people and press, measured untuned once, then tuned on.
TUNE_THIRTY_EIGHTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {"fire": [], "quiet": []},
    "mention-push": {
        "fire": [
            "Hey @ProductHunt 👋 we just launched Lumen, a calmer inbox for freelancers. Would mean the world if you gave it a spin https://bp.agency/lumen",
            '@wonderofscience @physicsworld @newscientist new blog post: "Why the sky isn\'t blue on Mars" https://bp.agency/blog/mars',
            p("@bbcgoodfood @jamieoliver your audience would love this one 🍝 full recipe on our site, link in bio", platform="instagram"),
            "@verge any interest in covering our new app? Press kit here: https://bp.agency/press",
            "@hotones we're big fans of the show, so we've sent over a bottle of our new ghost pepper sauce 🌶️ let us know what you think!",
            p("Dear @Marketing Week, we've just published our annual agency census and the results surprised even us https://bp.agency/census", platform="linkedin"),
            "@nytimes @washingtonpost hope you don't mind the tag, but our new report on local news deserts is out today https://bp.agency/deserts",
            p("@gruber@mastodon.social this one's right up your street: our Mac app for plain-text notes is out 👉 https://bp.agency/notes", platform="mastodon"),
            p("Big news @Visit York! Our rooftop bar opens this Friday and we'd love you to come and see it 🍸", platform="facebook"),
            p("Our new podcast series on women in fintech launches today 🎙️ @Anne Boden @Sarah Kocianski give episode one a listen https://bp.agency/pod", platform="linkedin"),
        ],
        "quiet": [
            "@ProductHunt thanks for featuring Lumen yesterday, what a day",
            "Reading @newscientist on the train: the piece on Mars dust storms is superb",
            p("Made @jamieoliver's 15-minute pasta for the team lunch today 🍝", platform="instagram"),
            "@verge how did you build the new homepage? It's lovely",
            "@hotones congrats on 25 seasons! Still the best thing on YouTube 🌶️",
            p("Honoured that @Marketing Week named us agency of the year. Thank you to the whole team.", platform="linkedin"),
            "@nytimes @washingtonpost thank you both for citing our report on local news deserts",
            p("@gruber@mastodon.social out of interest, do you still write in BBEdit?", platform="mastodon"),
            p("Lovely evening at @Visit York's tourism awards, well done to all the winners 🍸", platform="facebook"),
            p("Loved recording episode one of our fintech series with @Anne Boden, out next week 🎙️", platform="linkedin"),
        ],
    },
}

# The thirty-ninth batch: shares asked for sideways (what the algorithm needs, a few RTs, a story share, telling one friend), measured untuned once, then tuned on.
TUNE_THIRTY_NINTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "This thread took 3 weeks to research. If it helped, the algorithm only needs a retweet to show it to others.",
            p("I don't usually ask, but a repost here could help 40 people keep their jobs.", platform="linkedin"),
            p('Save this and send it to the friend who always says "I\'ll start Monday" 😂', platform="instagram"),
            p("Please share far and wide: our community fridge needs volunteers for the winter.", platform="facebook"),
            "Shameless ask: a few RTs would go a long way for our tiny Kickstarter 🙏",
            p("Boost if you think public libraries deserve better funding 📚", platform="mastodon"),
            "Help us get to 500 signatures by sending this to three friends.",
            p("Hi Priya, long shot: could you pass our internship post around your uni network? Deadline is Friday.", platform="linkedin", kind="dm"),
            p("hiii! we're doing a charity bake sale on Sat, any chance of a story share? 🧁", platform="instagram", kind="dm"),
            "The only way small podcasts grow is word of mouth. If you liked episode 30, tell one friend about it.",
            p("Every share = one more set of eyes looking for Bella 🐶 she went missing near Roundhay Park.", platform="facebook"),
            "Would be so grateful for a boost from the big accounts here 🙏 we need testers for our accessibility app",
        ],
        "quiet": [
            "I don't usually post about work, but today our team hit a milestone I'm proud of.",
            p("Save this for later: five prompts for your next quarterly review.", platform="linkedin"),
            p("Send us a DM if your order hasn't arrived, we'll sort it straight away.", platform="instagram"),
            p("Our community fridge is stocked again thanks to your donations ❤️", platform="facebook"),
            "Shameless plug: we're hiring. Details on our jobs page.",
            p("I only boost posts with alt text. Small thing, but it adds up.", platform="mastodon"),
            "We sent a thank-you card to every customer who signed the petition.",
            p("Hi Priya, could you pass on my thanks to the careers team? They were brilliant.", platform="linkedin", kind="dm"),
            p("hiii! loved seeing our cake in your story, thank you so much 🧁", platform="instagram", kind="dm"),
            "Word of mouth is still how 60% of our clients find us. Nothing beats it.",
            p("Bella is home! 🐶 Thank you to everyone who shared and looked out for her.", platform="facebook"),
            "Big accounts boosting small ones is the best part of this site.",
        ],
    },
    "sales-pitch": {"fire": [], "quiet": []},
    "mention-push": {"fire": [], "quiet": []},
}

# The fortieth batch: shares asked for with a shrug ('we could really use some RTs', 'retweeting this is free'), measured untuned once, then tuned on.
TUNE_FORTIETH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "Not gonna lie, we could really use some RTs on this one.",
            p("If your network includes anyone in clinical research, hitting repost might just change someone's career.", platform="linkedin"),
            p("Pop this on your story and tag us, we'll reshare our favourites 💛", platform="instagram"),
            p("Can we get this to 1,000 shares before the council meeting on Thursday?", platform="facebook"),
            "If everyone who reads this sends it to one person, we'll hit our target by Friday.",
            p("Please consider boosting, we're a volunteer-run instance and new members keep us going.", platform="mastodon"),
            "Don't just like it, RT it 😉",
            p("Hey Sam! Random favour: would you reshare our founder's post about the scholarship? Applications close soon.", platform="linkedin", kind="dm"),
            p("omg hi! would you mind reposting our giveaway? the more entries the better 🎁", platform="instagram", kind="dm"),
            "Retweeting this is free and takes two seconds. Just saying.",
            p("Share with any dog owners in the area, this road is dangerous after dark ⚠️", platform="facebook"),
            "Amplify this please 🙏 disabled creators rarely get seen",
        ],
        "quiet": [
            "Not gonna lie, we could really use a holiday after this quarter.",
            p("Hitting repost without reading the post is how misinformation spreads.", platform="linkedin"),
            p("Pop in and tag us in your pics, we love seeing them 💛", platform="instagram"),
            p("1,000 of you came to the council meeting on Thursday. Thank you!", platform="facebook"),
            "If everyone who reads this drinks a glass of water now, I'll be happy.",
            p("Please consider adding alt text to your images before posting.", platform="mastodon"),
            "Don't just like our posts, tell us what you think in the replies 😉",
            p("Hey Sam! Random question: is the scholarship open to part-time students?", platform="linkedin", kind="dm"),
            p("omg hi! would you mind if we reposted your photo of the giveaway prize? 🎁", platform="instagram", kind="dm"),
            "Retweeting is free, but reading the article first costs nothing either.",
            p("Dog owners, please keep dogs on leads near the road after dark ⚠️", platform="facebook"),
            "We amplify disabled creators every Friday. Nominate someone below 👇",
        ],
    },
    "sales-pitch": {"fire": [], "quiet": []},
    "mention-push": {"fire": [], "quiet": []},
}

# The forty-first batch: prices given on request, scams quoted, sell-outs, price jokes and gifts, beside offers with a table or a comment to claim them, measured untuned once, then tuned on.
TUNE_FORTY_FIRST: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {
        "fire": [
            "Doors close Friday on our content bootcamp. Only 6 seats left, grab yours 👉 https://bp.agency/bootcamp",
            p("Hey lovely! We're a boutique PR agency and we'd love to get your brand into Vogue. Can I send you our packages?", platform="instagram", kind="dm"),
            p("Mother's Day afternoon tea, £25 a head. Limited tables, book now!", platform="facebook"),
            p("Hi Raj, we've helped 40 fintechs cut their cost per lead in half. Worth 15 minutes next week?", platform="linkedin", kind="dm"),
            "Our templates are 40% off until midnight 🎉 https://bp.agency/templates",
            p('Opening 3 spots for 1:1 LinkedIn coaching in January. Comment "COACH" and I\'ll send details.', platform="linkedin"),
        ],
        "quiet": [
            p("Hi Tom, you wanted a rough idea of cost: a 3-month content sprint is £4,500, a single workshop £900. Happy to talk it through.", platform="linkedin", kind="dm"),
            p("Of course! Prices for the autumn mini sessions: 20 mins £75, 40 mins £130. Just let me know which you'd prefer x", platform="instagram", kind="dm"),
            'Reminder: no real brand will DM you "You\'ve won! Claim your prize now, only 2 left". Don\'t click.',
            p('⚠️ Fake page alert: someone is copying our posts with "50% off everything, today only, pay by bank transfer". It\'s not us.', platform="facebook"),
            p('Got pitched "book a free 15-min strategy call, only 3 slots left this week" four times today. Sales teams, please stop.', platform="linkedin"),
            'The "only 3 left in stock" banner is the oldest trick in e-commerce. Here\'s how to test whether it works.',
            p("Thank you for an incredible launch day: 400 orders in 6 hours and we're fully sold out! Restock news soon ❤️", platform="instagram"),
            "Our early-bird tickets sold out in 11 minutes last year, which is still wild to us.",
            "Me: I'll just pop in for milk. The supermarket: 3 for £5 on biscuits. Me: well, it would be rude not to.",
            p("£4.50 for a bag of crisps at the cinema. Limited time only: my will to live 🍿", platform="facebook"),
            p("Instead of a Christmas sale this year we're donating £5k to local youth clubs. No code, no catch.", platform="linkedin"),
            "If you'd like to chip in for the hospice run, the page is in my bio. Only if you can, no pressure at all ❤️",
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The forty-second batch: tag lists under a post, press tagged at a tool or a menu, measured untuned once, then tuned on.
TUNE_FORTY_SECOND: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {"fire": [], "quiet": []},
    "mention-push": {
        "fire": [
            p("We surveyed 1,200 marketers about AI budgets. The results are in our new report 👇 https://bp.agency/ai-budgets\n\n@Ann Handley @Mark Schaefer @Rand Fishkin", platform="linkedin"),
            "New video: we tested 12 mics under £100 so you don't have to 🎙️ https://bp.agency/mics\n\ncc @mkbhd @ijustine",
            p("@leedsfoodie @yorkshirefoodguide psst... our new tasting menu starts next week and we've saved you a table 🍷", platform="instagram"),
            p("@Dan Murray hi Dan, I run content at BP. We just put out a guide on B2B video that fits your audience really well, link below if helpful https://bp.agency/b2b-video", platform="linkedin", kind="dm"),
            "@TheAthleticFC @OptaJoe built a little tool that maps every Premier League goal since 1992, would love your thoughts https://bp.agency/goals",
            p("Calling @Leeds Mums Network! Our soft play reopens Saturday with a brand-new toddler zone 🧸 https://bp.agency/softplay", platform="facebook"),
            p("@kottke@botsin.space our weekly link roundup featured your post on maps, here's this week's issue https://bp.agency/roundup/41", platform="mastodon"),
            "@dhh @jasonfried read our take on calm companies, curious if it rings true https://bp.agency/calm",
        ],
        "quiet": [
            p("We surveyed 1,200 marketers about AI budgets, with help from @Ann Handley and @Mark Schaefer who shaped the questions. Report next month.", platform="linkedin"),
            "Great mic test by @mkbhd this week, it settled a long debate in our office 🎙️",
            p("Thank you @leedsfoodie for the lovely review of our tasting menu 🍷 https://leedsfoodie.example/bp", platform="instagram"),
            p("@Dan Murray hi Dan, thanks for the intro to your team yesterday, really enjoyed it.", platform="linkedin", kind="dm"),
            "@OptaJoe how far back does your goal data go?",
            p("Soft play is closed Saturday for a private party with @Leeds Mums Network, back to normal Sunday 🧸", platform="facebook"),
            p("@kottke@botsin.space thank you for linking to our map post, that made our week", platform="mastodon"),
            "Reading @dhh and @jasonfried on calm companies again. Still the best thing on the topic.\n",
        ],
    },
}

# The forty-third batch: distribution asked for in conditional, cause-framed, emoji-only and DM shapes, beside brands reporting shares, asking permission and inviting talk, measured untuned once, then tuned on.
TUNE_FORTY_THIRD: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            p("If this resonated, a repost would mean a lot. Trying to get it in front of more first-time managers.", platform="linkedin"),
            p("Mum, can you pop this in the family WhatsApp? The cafe needs a few more bookings for Saturday ❤️", platform="facebook", kind="dm"),
            "Our food bank runs out of nappies every week. Help us get the word out so local families know we're here 💙",
            p("hey!! could you stick our pop-up on your stories this weekend? would honestly mean the world 🙏", platform="instagram", kind="dm"),
            "🔁🔁🔁 pls 🙏",
            p("Signal boosts welcome: we're looking for a part-time Python dev, remote, EU hours. https://bp.agency/jobs", platform="mastodon"),
            p("Hi Marcus, thanks again for the order! If you know any other cafes who'd like our beans, feel free to send them our link ☕", platform="linkedin", kind="dm"),
            "Missing cat in Walthamstow, grey tabby, answers to Pickle. Please RT, every pair of eyes helps.",
            p("We wrote this for every parent who has ever felt alone at 3am.\n\nIf that's someone you love, forward it to them.", platform="facebook"),
            p("Reposts help small studios like ours more than you'd think ♻️", platform="linkedin"),
            "Amplify if you think freelancers deserve to be paid in 30 days, not 90.",
            p("Could you reblog this? We've got 48 hours to hit our Kickstarter goal.", platform="mastodon"),
            p("Babe can you share my shop post on your insta when you get a sec, I'm trying to hit 50 orders this month 🥺", platform="instagram", kind="dm"),
            p("Drop this in your team's Slack, it'll save someone a Monday.", platform="linkedin"),
            "Long thread on what we learned moving our whole stack to Postgres. Results below.\n\n1/ We cut costs by 40%.\n2/ Latency halved.\n3/ Nobody noticed the switch.\n\nIf this was useful, RT the first tweet so others find it.",
            p("Send this to the friend who always says \u2018I'll start my pension next year\u2019 👀", platform="instagram"),
        ],
        "quiet": [
            p("We shared our 2026 diversity report with every employee this morning. Key numbers in the comments.", platform="linkedin"),
            p("Hi Maya, would it be OK if we reposted your photo of our shop front? We'd credit you of course.", platform="instagram", kind="dm"),
            "Over 2,000 of you shared our missing cat appeal last week. Pickle is home, thank you!",
            p("Share your photos from the festival with us using #BPfest, we love seeing them 📸", platform="instagram"),
            p("Feel free to share feedback on the new booking page in the comments, good or bad.", platform="facebook"),
            p("GIVEAWAY 🎁 Win a year of coffee. To enter: follow us and comment your favourite bean. Entries close Sunday. T&Cs in bio.", platform="instagram"),
            p("Team reminder: please post the weekly numbers in #reporting before the Monday stand-up.", platform="linkedin", kind="dm"),
            "Reposting content without credit is still theft, even on LinkedIn.",
            p("Thanks for the reblog yesterday, it brought in a lot of new members!", platform="mastodon"),
            p("Your share of voice in the category rose 3 points after the campaign.", platform="linkedin"),
            "Signal boosting is how Mastodon discovery works: there's no algorithm to do it for you.",
            p("Hi Marcus, thanks for forwarding our details to the Leeds team, they've been in touch already!", platform="linkedin", kind="dm"),
            "Our community manager spreads her week between three clients and still answers every DM.",
            p("Share your experience: what's one thing you wish you'd known before your first agency job?", platform="linkedin"),
            p("Can you send me the final artwork by Thursday so I can post it Friday?", platform="instagram", kind="dm"),
            "Today we boosted our support hours to 8am-10pm, seven days a week.",
        ],
    },
    "sales-pitch": {"fire": [], "quiet": []},
    "mention-push": {"fire": [], "quiet": []},
}

# The forty-fourth batch: receipts, quotes asked for, support answers with a price, scam warnings, past sales, prices in news and reviews, job ads, charity tickets and free resources, beside pitches in the same places, measured untuned once, then tuned on.
TUNE_FORTY_FOURTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {
        "fire": [
            p("Hi Sophie, I noticed your Shopify store loads in 6 seconds. We fix that for a flat £499, results in 48 hours or your money back. Interested?", platform="linkedin", kind="dm"),
            p("Black Friday starts NOW 🖤 Everything 30% off, 48 hours only. Shop the sale 👉 https://bp.agency/shop", platform="instagram"),
            "Still thinking about it? Our social audit is £199 this week only. After Sunday it goes back to £349.",
            p("Spaces are filling fast for our spring retreat: 4 nights, all meals, £890. Secure yours with a £100 deposit today.", platform="facebook"),
            p("Want 3x more leads from LinkedIn? DM me 'LEADS' and I'll show you how our clients do it.", platform="linkedin"),
            p("hey gorgeous 💕 we're a growth agency and we can get your page to 10k real followers in 30 days. shall I send you our rates?", platform="instagram", kind="dm"),
            "Last 5 copies of the signed first edition. Once they're gone, they're gone. https://bp.agency/book",
            p("Quick one, Ahmed: we've got two slots left for Q1 content retainers at last year's price. Want me to hold one for you?", platform="linkedin", kind="dm"),
        ],
        "quiet": [
            p("Hi Lauren, here's the quote you asked for: 12 posts a month plus reporting comes to £1,800/month, minimum 3 months. Any questions just shout.", platform="linkedin", kind="dm"),
            p("Thanks for your order! Your 2 x oat flat white blend (£24.00) shipped today and should arrive Thursday.", platform="instagram", kind="dm"),
            "@jmoss hi Jess, the Pro plan is $29/month and includes 5 seats; you can switch plans from Settings > Billing any time.",
            p("PSA: scammers are messaging our followers \u201cExclusive offer! 70% off, today only, click to claim\u201d. We never DM offers. Report and block.", platform="facebook"),
            "Our summer sale ended on Sunday. Thanks to everyone who grabbed something, it was our best week ever.",
            p("Netflix is raising its standard plan to £12.99 from next month, the second rise in two years.", platform="linkedin"),
            p("Reviewed: the £149 ring light everyone's buying. Decent, but the £60 one does 90% of the job.", platform="instagram"),
            p("We're hiring a Social Media Executive, £28-32k, hybrid in Manchester. Apply by 14 March: https://bp.agency/careers", platform="linkedin"),
            p("Our charity quiz night is back on 20 April at the Crown. Tickets £10, all proceeds to the hospice. Teams of up to six.", platform="facebook"),
            "Free download: our 40-page social media calendar for 2027. No email needed, no catch. https://bp.agency/calendar",
            p("Hi Tom, sorry about the double charge! We've refunded the £45 and it should show within 3-5 working days.", platform="linkedin", kind="dm"),
            "Lol at the guy in my DMs promising '10k followers in 30 days, guaranteed'. Mate, I've got 400 and I'm fine.",
            p("Limited edition prints sold out in 2 hours last Friday. We're not planning a reprint, sorry!", platform="instagram"),
            p("Coffee at the new airport terminal: £5.20 for a small latte. Reader, I paid it.", platform="mastodon"),
            p("Hi Amira, following up on our call: the workshop you asked about is £650 for up to 12 people. Let me know if that works for your budget.", platform="linkedin", kind="dm"),
            "Our free webinar replay is now up. 45 minutes on writing better hooks, no signup. https://bp.agency/hooks",
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The forty-fifth batch: asks to send on, boost and spread said in passing, in stories, reposts and DMs to partners and customers, beside reports of sharing, staff instructions and invitations to send things in, measured untuned once, then tuned on.
TUNE_FORTY_FIFTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            p("Hi Priya, lovely working with you on the launch! If you get a sec, a like and repost on our announcement would really help it land 🙌", platform="linkedin", kind="dm"),
            "Teachers: you know what to do with this one. Staffroom WhatsApp, go 🚀",
            p("We're 40 signatures short of forcing a council debate on the bus cuts. Spread it far and wide this weekend please 🚌", platform="facebook"),
            p("Got a mate who's job hunting in design? Our junior role closes Friday, flick it over to them 👉 https://bp.agency/jobs", platform="instagram"),
            p("Hey! Big favour: would you mind popping our fundraiser link in your newsletter this week? Even a line helps.", platform="linkedin", kind="dm"),
            "The more people who see this, the faster Bramble finds a home. RT away 🐾",
            p("Boosts appreciated, this is our first release in three years and we have no marketing budget. https://bp.agency/album", platform="mastodon"),
            p("Repost this so your network knows we're hiring 3 nurses in Leeds ❤️", platform="linkedin"),
            "Every single retweet puts this in front of someone who might be able to help. Please keep it going.",
            p("Stories are how this reaches people our ads can't. Screenshot and share if you can 💛", platform="instagram"),
            p("Dear customers, if you've enjoyed our bread this year, the kindest thing you could do is tell a neighbour about us 🥖", platform="facebook"),
            "Help a small bookshop out and get this trending: #SaveKeatsBooks",
            p("Thanks so much for ordering again, Jen! If you have a sec, would you mind mentioning us in your Mums group? Word of mouth is everything for us.", platform="facebook", kind="dm"),
            p("Nobody reads the careers page, so I'm asking you: share our internship post with one student you know.", platform="linkedin"),
        ],
        "quiet": [
            p("Hi Priya, lovely working with you on the launch! Thanks for the repost, it really helped it land 🙌", platform="linkedin", kind="dm"),
            "Teachers: you know what this week is. Marking, coffee, repeat 🚀",
            p("We're 40 signatures short of forcing a council debate. Sign at the library desk before Friday 🚌", platform="facebook"),
            p("Our designer Mo spent three weeks on this poster. Swipe to see the drafts 👉", platform="instagram"),
            p("Hey! Could you send me your newsletter's ad rates for next quarter?", platform="linkedin", kind="dm"),
            "Bramble found a home! Thank you to the 3,000 people who retweeted the appeal 🐾",
            p("We boosted the bass in the remaster, headphones recommended. https://bp.agency/album", platform="mastodon"),
            p("We reposted our top 5 hiring posts from 2025 on the careers page, with what we learned from each.", platform="linkedin"),
            "Retweets aren't endorsements, but they're not nothing either. Be careful what you amplify.",
            p("Screenshot your bill and send it to us if you think you were overcharged, we'll sort it 💛", platform="instagram", kind="dm"),
            p("Dear customers, thank you for telling your neighbours about us. We've had so many new faces this month 🥖", platform="facebook"),
            "Trending on our blog this week: why most hashtags are wasted.",
            p("Thanks so much for ordering again, Jen! Your sourdough will be ready to collect from 10am.", platform="facebook", kind="dm"),
            p("Team: please share the onboarding doc with new starters on their first day, and only them.", platform="linkedin", kind="dm"),
            p("Send us your best pet photos for our calendar, the winner gets a year of treats 🐶", platform="instagram"),
            p("Spread across three floors, the new studio finally has room for the whole team.", platform="linkedin"),
        ],
    },
    "sales-pitch": {"fire": [], "quiet": []},
    "mention-push": {"fire": [], "quiet": []},
}

# The forty-sixth batch: prices told as service, news, history or warning, beside pitches hiding in the same shapes, measured untuned once, then tuned on.
TUNE_FORTY_SIXTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {
        "fire": [
            p("Hi Dana, congrats on the new role! 🎉 We help new marketing leads show quick wins: a 30-day social audit for £750. Shall I send a sample report?", platform="linkedin", kind="dm"),
            p("Our Sunday roast is back from this weekend, £18.50 with all the trimmings. Tables go quickly, so book ahead: https://bp.agency/book", platform="facebook"),
            "Cyber Monday: every template pack half price until midnight. https://bp.agency/templates",
            p("Only a handful of places left on our April photography course, £295 including lunch. Message us to book.", platform="instagram"),
            p("Psst, Gold members: 20% off everything for the next 72 hours. Code GOLD20 at checkout ✨", platform="instagram"),
            p("Are you a physio clinic struggling to fill your diary? We get clinics 30+ new patient bookings a month. Reply 'DIARY' for details.", platform="facebook"),
        ],
        "quiet": [
            p("Order #4821 update: your bundle (£64.00) is out for delivery today between 2 and 4pm.", platform="facebook", kind="dm"),
            p("Hi Dana, following up on your question about pricing: our audits are £750 and take about 30 days. Here's the sample you asked for.", platform="linkedin", kind="dm"),
            "Hi @kelly_b, so sorry about that! The student discount is 15% and you'll find it under Account > Offers once you've verified.",
            p("Be careful out there: a fake account using our logo is DMing people 'Only 3 spots left at 90% off, pay now to secure'. We will never do this.", platform="instagram"),
            p("Throwback to our first ever sale in 2019: 12 orders, all packed at the kitchen table. Look at us now 🥹", platform="instagram"),
            p("Spotify is putting Premium up to £12.99 a month from June, its third price rise since 2023.", platform="linkedin"),
            p("Tested: the £39 budget mic vs the £249 one. Honestly? Most listeners couldn't tell the difference.", platform="linkedin"),
            p("Job: Content Designer, 6-month contract, £400/day, remote (UK). Portfolio and a short note to jobs@bp.agency by 3 May.", platform="linkedin"),
            p("Our summer fete is on 12 July from 11am. Entry £3 for adults, kids free, and all money raised goes to the school library.", platform="facebook"),
            "We've put our whole brand strategy course on YouTube for free. No upsell, no email gate. Enjoy. https://bp.agency/course",
            p("Hi Raj, just confirming your booking: Friday 7pm, table for 4. The set menu is £35 a head as discussed, see you then!", platform="facebook", kind="dm"),
            "Someone just DMed me 'I can get you 50 booked calls a month, guaranteed, want details?' Reader, I did not want details.",
            p("That's a wrap on our winter sale! Thank you for an amazing two weeks, see you in the spring.", platform="instagram"),
            p("Ticket prices for the film festival have gone up to £14. Still cheaper than a cinema in town, to be fair.", platform="mastodon"),
            p("Hi Tom, your renewal went through: £49 for the next 12 months. Receipt attached, nothing else you need to do.", platform="linkedin", kind="dm"),
            p("Our bake sale raised £1,240 for the children's ward! Thank you to everyone who bought a brownie 🧁", platform="facebook"),
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The forty-seventh batch: free events, free resources, job ads, charity tickets, refunds and release notes that borrow the words of a sale, beside sales that use them, measured untuned once, then tuned on.
TUNE_FORTY_SEVENTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {
        "fire": [
            p("New client offer 🌸 First facial £35 (usually £55). Limited appointments in March, book via the link in bio.", platform="instagram"),
            p("Hi Chris, saw you're opening a second site! We've kitted out 60+ restaurants with POS and online ordering, usually live within a week. Fancy a quick demo on Thursday?", platform="linkedin", kind="dm"),
            "Founders: our fractional CMO service is £3k/month, no lock-in. Two openings for Q2. Grab a slot: https://bp.agency/cmo",
            p("Flash sale 🔥 All candles £12 until Sunday night, while stocks last. https://bp.agency/candles", platform="facebook"),
            p("Running a webinar next week on TikTok ads for e-commerce. Free to attend, and the first 20 sign-ups get a free ad account audit worth £300. Register now 👇", platform="linkedin"),
            p("ok so hear me out: you + me + a content calendar that actually converts 😏 my 1:1 coaching opens tomorrow, only 5 spots", platform="instagram"),
        ],
        "quiet": [
            p("Free community workshop on Saturday: learn to repair your own bike. Limited spaces, so please register so we know numbers. https://bp.agency/repair", platform="facebook"),
            "Grab our free brand voice worksheet here, no signup: https://bp.agency/voice",
            p("We're hiring! Junior Copywriter, £26k, 4-day week. Apply now via https://bp.agency/careers, closing date 30 June.", platform="linkedin"),
            p("Tickets for our charity gala are £45 and include dinner. Every penny goes to the Leeds Children's Hospital. https://bp.agency/gala", platform="facebook"),
            p("Hi Jo, we've processed your refund of £120 for the cancelled course. Sorry again for the hassle.", platform="linkedin", kind="dm"),
            "Release notes: scheduled posts now support Threads, and the Pro plan price stays at $15/month for existing users.",
            p("Register now for our free open day on 3 May. Meet the tutors, see the studios, ask anything.", platform="facebook"),
            "Sign up today for our newsletter: one useful idea every Tuesday, free forever, unsubscribe whenever.",
            p("Reminder that the library's book sale is this Saturday, paperbacks 50p, all money to the reading club 📚", platform="mastodon"),
            p("Book your spot for our free accessibility clinic: bring a page, we'll audit it live. Six places per session so everyone gets time.", platform="linkedin"),
            "Our guide to pricing your freelance work is free to download and yes, it includes our own rate card as an example.",
            p("Tickets are on sale now for the school panto, £6 adults / £3 kids. Doors 6pm, bring a cushion!", platform="facebook"),
            "Honest review of the £899 camera everyone recommends: brilliant autofocus, awful menus, battery life is a joke.",
            p("The 'only 2 left in stock!' message on that site has said 2 for six months. Fake urgency is everywhere.", platform="mastodon"),
            p("Quick update on your order, Sam: the blue size 10 is back in stock on Friday, so we'll ship the rest then at no extra cost.", platform="instagram", kind="dm"),
            p("Volunteers needed for our Saturday soup kitchen! No experience needed, just sign up at the link. Spaces are limited to 12 per shift.", platform="facebook"),
            p("We lowered our prices last year and sales went up 30%. Here's what we learned about anchoring.", platform="linkedin"),
            "Apply now for our free mentoring scheme for first-time founders. 10 places, no strings attached. https://bp.agency/mentor",
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The forty-eighth batch: reposts asked for on LinkedIn and stories, sends to one named kind of reader, and asks at the foot of long posts, beside giveaways, permission, staff notes and invitations to send work in, measured untuned once, then tuned on.
TUNE_FORTY_EIGHTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            p("I spent 10 years in recruitment. Here's what I wish every candidate knew:\n\n- Your CV gets 7 seconds.\n- Referrals beat applications.\n- Follow up once, politely.\n\n♻️ Repost to help someone in your network who's job hunting.", platform="linkedin"),
            p("If you're a nurse in Yorkshire, this one's for you. And if you're not, you probably know one: send it their way 💙", platform="facebook"),
            "Anyone with a following in the Bristol food scene: a quick RT of this would help us fill Saturday's supper club.",
            p("Would be so grateful if you could share this to your story 🥺 our little bakery turns 1 on Sunday!", platform="instagram"),
            p("Our volunteers are knocking on doors all week. You can help from your sofa: copy the link, paste it in every group chat you're in.", platform="facebook"),
            "Please don't scroll past. Our youth centre closes in March unless we find £20k. Please retweet and help save it.",
            p("Hi Sarah, hope the new role is going well! We've just opened applications for our mentoring programme. Would you be able to circulate it to your team? Thank you!", platform="linkedin", kind="dm"),
            p("pls boost, searching for a flatmate in Berlin, Kreuzberg/Neukölln, from May 🙏", platform="mastodon"),
            "Write the word 'Bristol' in the replies and quote this so your followers see it too.",
            p("Save this for later and send it to the friend who always asks you for LinkedIn tips 💡", platform="instagram"),
            p("Our new podcast episode is up! If you know a founder who's struggling with burnout, this is the episode to forward them.", platform="linkedin"),
            "We need 500 more signatures by Friday. Share the petition with your mum, your mates, your group chats. Everything helps.",
        ],
        "quiet": [
            p("I spent 10 years in recruitment. Here's what I wish every candidate knew:\n\n- Your CV gets 7 seconds.\n- Referrals beat applications.\n- Follow up once, politely.\n\nWhat would you add?", platform="linkedin"),
            p("If you're a nurse in Yorkshire, our free parking scheme starts Monday. Show your badge at the gate 💙", platform="facebook"),
            "Anyone with a following in the Bristol food scene fancy a collab? We'd love to cook together.",
            p("So grateful to everyone who shared our birthday post to their story 🥺 year one done!", platform="instagram"),
            p("Our volunteers knocked on 3,000 doors last week. Here's what residents told them.", platform="facebook"),
            "Please don't retweet screenshots of private messages. Ask first, every time.",
            p("Hi Sarah, could you circulate the agenda to your team before Thursday's workshop? Thanks!", platform="linkedin", kind="dm"),
            p("We just boosted our server's storage, uploads should be faster now 🙏", platform="mastodon"),
            "Write the word 'Bristol' in the replies and we'll send you our city guide.",
            p("Save this for later: 5 caption formulas that still work in 2027 💡", platform="instagram"),
            p("Our new podcast episode is up: a founder's honest story of burnout and coming back. Listen here https://bp.agency/ep12", platform="linkedin"),
            "We got 500 more signatures this week thanks to the street stall. Next step: the council vote on Friday.",
            p("To enter our giveaway: like this post and comment with your dream holiday. Winner picked Monday 🌴", platform="instagram"),
            p("Could we share your review on our website? We'd love to, but only with your OK.", platform="facebook", kind="dm"),
        ],
    },
    "sales-pitch": {"fire": [], "quiet": []},
    "mention-push": {"fire": [], "quiet": []},
}

# The forty-ninth batch: sales looked back on, discounts in the news, codes given as an apology, case studies and mocked urgency, beside live offers, measured untuned once, then tuned on.
TUNE_FORTY_NINTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {
        "fire": [
            p("Easter weekend only: kids eat free with every adult main 🐣 Book your table now https://bp.agency/easter", platform="facebook"),
            "Your competitors are already using AI for their content. We set it up for you in a week, from $990. Reply 'AI' and I'll send the details.",
            p("Hi Ellie! Quick one: our influencer packages start at £250 a post and we have space for 2 more brands this month. Want the media kit?", platform="instagram", kind="dm"),
            p("Pre-orders open now 📦 The first 100 get a signed print and free shipping. Don't wait on this one.", platform="instagram"),
            p("🚨 Price goes up on Friday. Lock in the founding member rate of $19/month today: https://bp.agency/join", platform="linkedin"),
        ],
        "quiet": [
            p("Our 20% off weekend in March brought in 300 first-time customers. Here's how many came back (spoiler: fewer than we hoped).", platform="linkedin"),
            "Tesla cut the Model 3's UK price by 10% overnight, and used car values followed within a week.",
            p("Hi Nina, so sorry your parcel arrived damaged. We've sent a replacement and here's a code for 15% off your next order as an apology: SORRY15", platform="instagram", kind="dm"),
            p("Case study: how a two-person bakery grew from 400 to 12,000 followers in a year without paid ads. https://bp.agency/bakery", platform="linkedin"),
            "Every 'ACT NOW!!! ONLY 2 LEFT!!!' email I get makes me less likely to buy. Is it just me?",
            p("Retail sales fell 2% in January as shoppers held back after Christmas discounts, ONS figures show.", platform="linkedin"),
            p("Our café's prices are going up by 20p from Monday because milk costs have doubled. We're sorry, and thank you for understanding ☕", platform="facebook"),
            "We stopped doing Black Friday sales three years ago. Revenue went up. Here's why.",
            p("The gym down the road is doing 50% off memberships this month, which is great news for anyone who's been thinking about it. Support local!", platform="facebook"),
            p("Hi Lucy, your free trial ends on Friday. No card is on file, so nothing will be charged; your drafts stay saved if you come back.", platform="linkedin", kind="dm"),
            "Hot take: 'limited time offer' in a subject line now reads as spam to most of your list.",
            p("Our free guide to Instagram Reels just hit 10,000 downloads. Thank you! Still free, still no email needed: https://bp.agency/reels", platform="instagram"),
            p("Friendly reminder that early bird pricing for our charity 10k ended last night. Standard entry is £25 and every runner gets a medal 🏅", platform="facebook"),
            p("Thanks for your interest! As requested, here's our rate card: posts £300, stories £150, a 3-post bundle £750.", platform="instagram", kind="dm"),
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The fiftieth batch: both rules at once, asks and offers in the voices of a charity, a shop, a freelancer and a friend, beside the same voices doing something else, measured untuned once, then tuned on.
TUNE_FIFTIETH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            p("We can't afford ads, so we're relying on you. If our Christmas appeal reaches enough people, 200 kids get a present. Please pass it on 🎄", platform="facebook"),
            p("Anyone fancy being a legend and sharing this around? Our open mic is on Friday and we've sold 9 tickets 😅", platform="instagram"),
            "If you're not in a position to donate, that's completely fine, but a retweet costs nothing and really does help.",
            p("Looking for a new role in product design (London or remote). A repost would help me reach people beyond my own network, thank you 🙏", platform="linkedin"),
            p("Hey Tom! Hope all's well. Could you put a word in with your followers about our new podcast? First episode is live.", platform="linkedin", kind="dm"),
            p("Boosting this is the single most useful thing you can do for our strike fund today.", platform="mastodon"),
            "Our lost dog appeal needs to reach Sheffield. Sheffield folk, retweets please 🐕",
            p("Pop this on your grid or stories if you're coming to Leeds Pride with us 🏳️‍🌈", platform="instagram"),
        ],
        "quiet": [
            p("We can't afford ads, so we're relying on word of mouth, and it's working: 40 new volunteers this month 🎄", platform="facebook"),
            p("Anyone fancy being a legend and helping us set up the stage on Friday? Free pizza 😅", platform="instagram"),
            "If you're not in a position to donate, that's completely fine. We're grateful you read this far.",
            p("Looking back on my first year as a product designer: what I got wrong, and what I'd tell myself now.", platform="linkedin"),
            p("Hey Tom! Hope all's well. Could you put a word in with your manager about the invoice? It's 60 days late.", platform="linkedin", kind="dm"),
            p("Boosting the signal of disabled voices is something we try to do every week. This week: @ana@disabled.social", platform="mastodon"),
            "Our lost dog appeal reached 40,000 people in Sheffield overnight. He's home. Thank you 🐕",
            p("Pop in to the shop this weekend if you're coming to Leeds Pride, we're open late 🏳️‍🌈", platform="instagram"),
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Grace, love what you're doing with the brand. I'm a freelance copywriter and I've written for Oatly and Deliveroo. Any chance you need help with launch copy? Happy to send my rates.", platform="linkedin", kind="dm"),
            p("Doors open Monday for the Content Club: weekly reviews, templates and a community of 400 marketers. Founding price $29/mo for the first 50 members only.", platform="linkedin"),
            "Spring menu launches Thursday and our 2-for-1 cocktails run all week. Walk-ins welcome, but book to be safe 🍸 https://bp.agency/book",
            p("Your feed looks great, but are your Reels converting? I help coaches turn views into booked calls. Free audit this week only, DM me 'AUDIT'.", platform="instagram"),
        ],
        "quiet": [
            p("Hi Grace, thanks for getting back to me! My day rate is £450 and I could start on the 14th, as you asked. Shall I send a contract?", platform="linkedin", kind="dm"),
            p("Our Content Club turned one this week. 400 members, 52 weekly reviews, and a lot of very good arguments about hooks.", platform="linkedin"),
            "Our spring menu is a love letter to Yorkshire rhubarb. Chef explains the dishes in the video 🍸",
            p("Your feed looks great! Honestly one of the best coach accounts I follow. The Reel on imposter syndrome was spot on.", platform="instagram"),
            p("PSA to small businesses: if someone DMs 'Free audit this week only, DM me AUDIT', it's almost always a funnel for a £2k course.", platform="instagram"),
            "Interesting: the brands that cut prices in the downturn recovered slower than the ones that held them.",
            p("Our annual members' sale raised £8,400 for the refuge. Thank you for every jar of jam you bought.", platform="facebook"),
            p("Hi Ahmed, confirming your order of 200 tote bags at £3.20 each. We'll ship on the 9th, invoice to follow.", platform="linkedin", kind="dm"),
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The fifty-first batch: distribution asked for with the verbs of the brief (send to, forward, boost, amplify, reshare, spread, get the word out), conditionally, for a cause, in DMs and under long posts, beside the same verbs used for other things, measured untuned once, then tuned on.
TUNE_FIFTY_FIRST: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            p("Should you feel like amplifying, our report on pay gaps in creative agencies is here: https://bp.agency/paygap", platform="linkedin"),
            p("Hi Alex! Our partnership post goes live at 9am tomorrow. If you could reshare it from the company page around lunch, that'd be ideal 🙌", platform="linkedin", kind="dm"),
            "Any help getting the word out about our free legal clinic is hugely appreciated. Wednesdays, 6-8pm, no appointment needed.",
            p("Mastodon friends: I'm looking for work as a sysadmin. Boosts are my lifeline right now 🙏", platform="mastodon"),
            p("Send to your group chat and pick a date 🍕👇", platform="instagram"),
            p("Honestly the best way to support a small creator is to share their work. So, if you liked this reel... you know 😉", platform="instagram"),
            "It's been a rough year for indie bookshops.\n\nWe've lost 3 in this city alone since January. Rents are up 40%, footfall is down, and online giants undercut every price.\n\nWe're still here because of you. If you can, spread the word about us this Christmas.",
            p("Hi Jen, thanks so much for the lovely review! If you've got friends who'd enjoy the class, we'd be so grateful if you passed our details on 💛", platform="facebook", kind="dm"),
            "Amplifying this would mean a lot to the families still waiting for answers.",
            p("Forward this to whoever does the hiring at your company. Seriously. It'll save them a month. https://bp.agency/hiring-guide", platform="linkedin"),
        ],
        "quiet": [
            p("Should you feel like a deep dive, our report on pay gaps in creative agencies is here: https://bp.agency/paygap", platform="linkedin"),
            p("Hi Alex! Our partnership post goes live at 9am tomorrow. Thanks so much for all your help on the copy 🙌", platform="linkedin", kind="dm"),
            "Any questions about our free legal clinic? Wednesdays, 6-8pm, no appointment needed.",
            p("Mastodon friends: I found work as a sysadmin! Thank you for all the boosts last month 🙏", platform="mastodon"),
            p("Send us your pizza order before 6 and we'll have it ready for 7 🍕👇", platform="instagram", kind="dm"),
            p("Honestly the best way to support a small creator is to buy from them directly rather than through the big marketplaces.", platform="instagram"),
            "It's been a rough year for indie bookshops.\n\nWe've lost 3 in this city alone since January.\n\nWe're still here because of you. Thank you, and see you at the Christmas late opening.",
            p("Hi Jen, thanks so much for the lovely review! We passed it on to Maria, she was delighted 💛", platform="facebook", kind="dm"),
            "Amplifying algorithms reward outrage; that's a design choice, not a law of nature.",
            p("Please forward invoices to accounts@bp.agency rather than to individual team members.", platform="linkedin"),
            p("The word is out: we're moving to a bigger studio in May!", platform="instagram"),
            "We reshared our 2019 post on accessibility because sadly every word still applies.",
        ],
    },
    "sales-pitch": {"fire": [], "quiet": []},
    "mention-push": {"fire": [], "quiet": []},
}

# The fifty-second batch: more of both rules in everyday voices, measured untuned once, then tuned on.
TUNE_FIFTY_SECOND: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            p("The waiting list for autism assessments here is 3 years. Three. Please make some noise about this, share it everywhere you can.", platform="facebook"),
            "Not asking for money, just asking for eyes: RT so the right person sees it.",
            p("Hi Dee, congrats on the new store! We'd love it if you could give our collab post a little share when it goes up on Monday ✨", platform="instagram", kind="dm"),
            p("Hey neighbours 👋 We're the new bakery on Market St. Tell your friends, bring your mum, and follow us for daily bakes!", platform="facebook"),
            "Reminder that one retweet from you could be the one that lands in front of the right hiring manager.",
            p("Put this in front of every founder you know. They need to read it before their next raise. https://bp.agency/raise", platform="linkedin"),
            p("We need 30 more testers for the Android beta. Help us find them? Boost/share this 🙏", platform="mastodon"),
            p("Would you be a gem and post our volunteer day in your company's Slack? It's on the 15th.", platform="linkedin", kind="dm"),
        ],
        "quiet": [
            p("The waiting list for autism assessments here is 3 years. Three. We're writing to our MP today and publishing her reply.", platform="facebook"),
            "Not asking for money, just asking for honesty: what stops you from buying local?",
            p("Hi Dee, congrats on the new store! Loved the post about your opening day ✨", platform="instagram", kind="dm"),
            p("Hey neighbours 👋 We're the new bakery on Market St. Come say hi, the first coffee is on us!", platform="facebook"),
            "One retweet from a big account can flood a small one with abuse. Think before you quote.",
            p("We put this in front of 30 founders before publishing. Their feedback changed the whole second half. https://bp.agency/raise", platform="linkedin"),
            p("We found our 30 Android beta testers in a day. Thank you all for the boosts 🙏", platform="mastodon"),
            p("Would you be a gem and send me the Slack invite for the volunteer day? I can't find it.", platform="linkedin", kind="dm"),
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Still no plan for January? Our 12-week content bootcamp starts on the 8th. £495, payment plans available. Enrol now 👉 https://bp.agency/bootcamp", platform="linkedin"),
            p("Hi Sam 👋 we're a Manchester video studio. We just shot a campaign for Gymshark and have a couple of shoot days free in March at a reduced rate. Shall I send a few examples?", platform="linkedin", kind="dm"),
            "Today's the day! The shop is finally open and everything is 15% off with code HELLO15 🎉",
            p("Tired of posting into the void? Our done-for-you Instagram management takes it off your plate. From £600/month. Link in bio to apply.", platform="instagram"),
        ],
        "quiet": [
            p("We've decided to keep our prices the same in 2027. Costs went up, but so did the number of you who stuck with us. Thank you.", platform="facebook"),
            p("Hi Sam, as promised here's the breakdown: 2 shoot days at £1,200 each, edit £800. Total £3,200 + VAT. Shout if anything needs changing!", platform="linkedin", kind="dm"),
            "Our shop opened exactly a year ago today. 1,400 orders, 3 broken ovens, 1 very tired team 🎉",
            p("The best Instagram management tools in 2027, compared: prices from free to £99/month, and which one we actually use.", platform="instagram"),
            "Honestly the 'book a discovery call' button on every freelancer site is starting to feel like a cry for help.",
            p("We offered a 15% welcome code for a year and it mostly brought in people who never bought again. Dropping it.", platform="linkedin"),
            p("Hi Ola, just a heads-up that the class on Tuesday is moved to Thursday. Your booking carries over, nothing to pay.", platform="facebook", kind="dm"),
            p("Council tax is going up 5% from April, the maximum allowed. Here's what the extra money is for.", platform="facebook"),
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The fifty-third batch: hiring, petitions, news of drops and sell-outs, community events and customer service in a sale's words, beside the sales themselves, measured untuned once, then tuned on.
TUNE_FIFTY_THIRD: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {
        "fire": [
            p("Limited edition Christmas jumpers are here 🎄 Only 150 made, £45 each, and when they're gone they're gone. Shop now: https://bp.agency/jumpers", platform="instagram"),
            p("Hi Mark, I run a small bookkeeping firm for creative agencies. Most of our clients save 6+ hours a month. Open to a 20-min call next week?", platform="linkedin", kind="dm"),
            "Want your brand in front of 40,000 marketers? Sponsor next month's newsletter. 2 slots left, rates in the link. https://bp.agency/sponsor",
            p("Final call! Our LinkedIn ghostwriting waitlist closes Friday, and founding clients keep their rate for life.", platform="linkedin"),
        ],
        "quiet": [
            p("We're hiring! Social Media Manager, £35k + bonus, 3 days in our Bristol studio. Limited places on our assessment day, so apply soon: https://bp.agency/jobs", platform="linkedin"),
            p("Sign now: the petition to keep our library open closes on Friday and we're 200 names short. https://bp.agency/library", platform="facebook"),
            "Nike's limited edition run sold out in three minutes this morning, and resale prices are already at £400.",
            p("Our community litter pick is on Sunday at 10am. Gloves and bags provided, kids welcome. Limited spaces, so let us know you're coming!", platform="facebook"),
            p("Hi Rosa, so sorry for the wait! Yes, the Large is £28 and it's back in stock now. I've set one aside for you until Friday.", platform="instagram", kind="dm"),
            "Apply now for our paid summer internship: 10 weeks, London Living Wage, no experience needed. https://bp.agency/interns",
            p("Register now for the Leeds Half Marathon: 5,000 places, raising money for Martin House hospice. See you on the start line!", platform="facebook"),
            p("Reminder: our annual members' meeting is on Tuesday at 7pm. Book your place so we have enough chairs (and biscuits).", platform="facebook"),
            "The '50% off, today only' banner on a site that's had it up since 2019 is my favourite piece of internet folklore.",
            p("Hi Priya, thanks for booking! Your deposit of £50 has been received and the balance is due on the day. See you on the 3rd!", platform="instagram", kind="dm"),
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The fifty-fourth batch: asks in slang, in lists of ways to help, as a P.S., and to named groups of readers, beside the same openings going elsewhere, measured untuned once, then tuned on.
TUNE_FIFTY_FOURTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "3 ways to help us right now:\n1. Sign the petition\n2. Write to your MP\n3. Share this thread",
            p("P.S. if you know a small business owner drowning in admin, this guide is for them. Pass it along 💌", platform="linkedin"),
            p("lovelies, our tiny shop is 2 years old today 🥹 the best birthday present would be you reposting this 💕", platform="instagram"),
            "PR people, comms folk, agency friends: give this a read and a retweet if it rings true.",
            p("Could this reach someone in Cardiff who needs a wheelchair-accessible flat? Please share on your local groups.", platform="facebook"),
            p("We're 3 signatures off 1,000! Who can help push it over the line? Share share share 📣", platform="facebook"),
            "Bump. Still looking for a designer for two weeks in June, remote, paid. RTs welcome.",
            p("Hi Lou, hope you're well! Would you mind flagging our new grant programme to the founders in your accelerator cohort? Details attached.", platform="linkedin", kind="dm"),
            p("If you've ever had help from a food bank, or know someone who has, please consider passing this post on ❤️", platform="facebook"),
            p("Toot this to the skies: the Fediverse Film Festival is open for entries until 1 March! 🎬", platform="mastodon"),
        ],
        "quiet": [
            "3 ways we help freelancers right now:\n1. Free contract templates\n2. A late-payment letter\n3. Monthly office hours",
            p("P.S. if you're a small business owner drowning in admin, our free guide is linked in the comments 💌", platform="linkedin"),
            p("lovelies, our tiny shop is 2 years old today 🥹 thank you for every order, every story and every kind word 💕", platform="instagram"),
            "PR people, comms folk, agency friends: what's the one pitch email habit you'd ban tomorrow?",
            p("We found a wheelchair-accessible flat in Cardiff for our client thanks to a reader tip. Thank you, whoever you are!", platform="facebook"),
            p("We're 3 signatures off 1,000! Our volunteers are on the high street until 4pm if you'd like to sign in person 📣", platform="facebook"),
            "Update: we found our June designer! Thanks for all the RTs and recommendations.",
            p("Hi Lou, hope you're well! Would you mind reviewing the grant application before Friday? Details attached.", platform="linkedin", kind="dm"),
            p("If you've ever had help from a food bank, you're not alone: 1 in 7 families here have. No shame, ever ❤️", platform="facebook"),
            p("Tooted from the cinema lobby: the Fediverse Film Festival opens tonight with a sold-out screening 🎬", platform="mastodon"),
        ],
    },
    "sales-pitch": {"fire": [], "quiet": []},
    "mention-push": {"fire": [], "quiet": []},
}

# The fifty-fifth batch: both rules again, written after the fifty-fourth round, measured untuned once, then tuned on.
TUNE_FIFTY_FIFTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            p("Our nursery garden needs a new shed before winter. If you can't donate, sharing the fundraiser link with your family WhatsApp is just as good 🌱", platform="facebook"),
            "Retweet to save a life. Seriously: blood stocks are at a 10-year low. Find your nearest session below.",
            p("I know LinkedIn hates links, but if this report helped you, a reshare helps it find the next person. Link in comments.", platform="linkedin"),
            p("Mates, a favour: my sister's café opens Saturday in Frome. If you've got a Frome crowd, send them her way ☕", platform="instagram"),
            p("Could the kind people of the fediverse spread this about a bit? We're a tiny co-op looking for a bookkeeper.", platform="mastodon"),
            "If you've got a sec, hit that share button for us. The campaign ends in 3 days.",
            p("Hi Kim! Long time. Random ask: we're launching our podcast on the 12th and I'd love it if you could mention it in your newsletter?", platform="linkedin", kind="dm"),
            p("Story this if you're coming to the market on Sunday so your mates know where to find you 🍓", platform="instagram"),
        ],
        "quiet": [
            p("Our nursery garden has a new shed! Thank you to everyone who donated, and to Mick for building it 🌱", platform="facebook"),
            "Blood stocks are at a 10-year low. If you can give, find your nearest session below.",
            p("I know LinkedIn hates links, so the report is in the comments. What surprised you most?", platform="linkedin"),
            p("Mates, update: my sister's café in Frome is open! The cinnamon buns are unreal ☕", platform="instagram"),
            p("The kind people of the fediverse found us a bookkeeper in a day. Thank you, truly.", platform="mastodon"),
            "If you've got a sec, tell us what you'd want from the next campaign. We read every reply.",
            p("Hi Kim! Long time. Loved your newsletter piece on launch weeks, it made me rethink ours completely.", platform="linkedin", kind="dm"),
            p("Sunday market stalls are up on our story now 🍓 see you there!", platform="instagram"),
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Ben, noticed you're hiring a social media manager. Before you do: our agency runs social for 20+ SaaS brands for less than one salary. Open to comparing?", platform="linkedin", kind="dm"),
            p("The Autumn Edit is live 🍂 New arrivals plus 25% off knitwear this weekend. Tap to shop.", platform="instagram"),
            "Coaches: I've got 3 spaces in my January mastermind. It's £1,500 for 12 weeks and it will change how you sell. Comment 'IN' below.",
            p("Only a week left to get your Christmas orders in! Last order date is 18 December, and shipping is free over £40.", platform="facebook"),
        ],
        "quiet": [
            p("Hi Ben, saw you're hiring a social media manager, congrats on the growth! One tip from having hired a few: ask for a content audit as the task.", platform="linkedin", kind="dm"),
            p("The Autumn Edit is a reading list, not a shop: our 12 favourite essays on craft this season 🍂", platform="instagram"),
            "Coaches: what's the one thing you wish clients knew before their first session? Comment below.",
            p("Last order date for Christmas delivery was yesterday. Anything ordered now will arrive in the new year. Thanks for a record December!", platform="facebook"),
            p("Our kitchen team worked out the true cost of a £12 pizza: £3.10 ingredients, £4.20 labour, £2.90 rent and energy. Margins are thin.", platform="linkedin"),
            "Why 'limited time only' stopped working on me, and what brands do instead that actually earns a click.",
            p("Hi Mo, your order of 3 prints (£72) is confirmed. Framing takes about 10 days, we'll message when it ships.", platform="instagram", kind="dm"),
            p("Free family swim every Sunday in August at the leisure centre, no booking needed. Just turn up 🏊", platform="facebook"),
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The fifty-sixth batch: share requests that lean on guilt, numbers, deadlines, humour and loyalty, beside posts that lean the same way without asking, measured untuned once, then tuned on.
TUNE_FIFTY_SIXTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "98% of people will scroll past this. Be the 2% who shares it.",
            p("This post got 3 likes and my mum was two of them 😂 Someone please repost before I lose the will.", platform="linkedin"),
            p("Ok Instagram, do your thing: get this in front of every dog walker in Brighton 🐾", platform="instagram"),
            "We've got 48 hours to find a new venue for 200 kids. If you can't help directly, the next best thing is to make sure this gets seen.",
            p("Loyal customers, we need you! Leave us a review and tell a friend about us, it keeps the lights on 💡", platform="facebook"),
            p("Would mean the world if you could throw this a boost, folks. Our first zine in five years 📚", platform="mastodon"),
            p("Hey you! Yes, you. Forward our newsletter to the one colleague who'd love it. That's the ask 📨", platform="linkedin"),
            "If every follower shared this with just one person, we'd fill the hall twice over.",
            p("Hi Rach, thanks for coming to the launch! One tiny favour: could you share the photos you took and tag us? It would really help us get going.", platform="instagram", kind="dm"),
            p("Repost with your city in the caption and let's see how far this goes 🌍", platform="linkedin"),
            "Quote this with the worst job title you've ever had, and let's get it trending.",
            p("Pls help us get to 500 followers by Friday 🥺 share our page with anyone who loves vintage furniture", platform="facebook"),
        ],
        "quiet": [
            "98% of people will scroll past this. That's fine. The 2% are who we write for.",
            p("This post got 3 likes and my mum was two of them 😂 Still proud of it.", platform="linkedin"),
            p("Ok Instagram, you win: here's the dog 🐾", platform="instagram"),
            "We found a new venue for 200 kids in 48 hours. Thank you to the school that said yes.",
            p("Loyal customers, we see you! A free coffee on your 10th stamp, as always 💡", platform="facebook"),
            p("Our first zine in five years is finally printed, folks. It smells incredible 📚", platform="mastodon"),
            p("Hey you! Yes, you. Drink some water, stand up, stretch. That's the ask 📨", platform="linkedin"),
            "If every follower wrote one kind review a year, small businesses would feel very different.",
            p("Hi Rach, thanks for coming to the launch! Would you mind if we used one of your photos on our page? We'd credit you.", platform="instagram", kind="dm"),
            p("We reposted this from 2022 because the advice still holds up 🌍", platform="linkedin"),
            "Quote of the week: 'The worst job title I've ever had was Chief Happiness Officer.'",
            p("We hit 500 followers! Thank you to everyone who shared our page with a vintage furniture lover 🥺", platform="facebook"),
        ],
    },
    "sales-pitch": {"fire": [], "quiet": []},
    "mention-push": {"fire": [], "quiet": []},
}

# The fifty-seventh batch: prices and urgency in service replies, event logistics, awards, public notices and friends' recommendations, beside offers in the same places, measured untuned once, then tuned on.
TUNE_FIFTY_SEVENTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {
        "fire": [
            p("@dan_k sorry to hear the old one broke! If you're after a new one, the X2 is £20 off this week with code DAN20 😉", platform="x", kind="reply"),
            p("Hi Fatima, I'm reaching out because we help dental practices fill last-minute cancellations. Practices like yours recover about £4k a month. Could I show you how in 15 minutes?", platform="linkedin", kind="dm"),
            "Tonight only: free dessert with every main when you mention this post. Book now, tables are limited 🍰",
            p("Black Friday early access is open for newsletter subscribers: 40% off all courses until Sunday. Check your inbox for the link.", platform="linkedin"),
        ],
        "quiet": [
            p("@dan_k sorry to hear the old one broke! It's still under warranty, so DM us your order number and we'll replace it free.", platform="x", kind="reply"),
            p("Hi Fatima, thanks for the referral last month! Dr Shah has booked in and is already loving the new system.", platform="linkedin", kind="dm"),
            "Tonight at the awards: we won Best Small Agency! Still can't quite believe it 🏆",
            p("Car park notice: from Monday, parking is £2 an hour after 6pm. Blue badge holders remain free.", platform="facebook"),
            p("If you're in Leeds, my friend's pottery studio does a £30 taster class and it's the most relaxing two hours I've had all year. Not sponsored, just a fan.", platform="instagram"),
            p("Quick reminder: doors open at 6:30pm tonight, the talk starts at 7. Your ticket is in your email. See you there!", platform="linkedin"),
            "A 40% discount isn't generous if the list price was inflated by 40% the week before. Check the price history.",
            p("Hi Jess, yes the workshop is still on! It's £40 as listed, and you can pay on the door. See you Saturday x", platform="instagram", kind="dm"),
            p("Our CEO's pay is £120k. The lowest-paid person here earns £28k. We publish both every year.", platform="linkedin"),
            p("Delighted to announce we've been shortlisted for Agency of the Year. Fingers crossed for 14 March 🤞", platform="linkedin"),
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The fifty-eighth batch: both rules once more, in the shapes of the last rounds reworded, measured untuned once, then tuned on.
TUNE_FIFTY_EIGHTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            p("We don't have a marketing team. We have you. If this made you smile, send it to someone who needs a smile today 😊", platform="facebook"),
            p("Hi Tasha! Congrats on 10k 🎉 Cheeky ask: any chance of a shout-out for our market stall this Saturday?", platform="instagram", kind="dm"),
            "Whoever you are, whatever you do, please put this in front of a journalist. We've run out of ways to be heard.",
            p("Repost-worthy? Then you know what to do ♻️", platform="linkedin"),
            p("Hey all, I'd be really grateful for boosts on this one: we're trying to find the owner of a lost camera found on Dartmoor 📷", platform="mastodon"),
            p("Grandparents of Facebook, this one's for you: share it with your grandkids' parents, they'll thank you 👵", platform="facebook"),
            "Got 10 seconds? Hit retweet. That's it. That's the tweet.",
            p("Can I ask a favour? If you work in HR, could you drop our free guide into your team channel? It'd help a lot.", platform="linkedin"),
        ],
        "quiet": [
            p("We don't have a marketing team. We have one very tired founder and a dog. Both say hi 😊", platform="facebook"),
            p("Hi Tasha! Congrats on 10k 🎉 so well deserved, your market stall posts are the best thing on my feed.", platform="instagram", kind="dm"),
            "Whoever you are, whatever you do, take a break today. The inbox will still be there.",
            p("Repost or rewrite? We tested both for a month and rewriting won every time ♻️", platform="linkedin"),
            p("Hey all, the lost camera found on Dartmoor is back with its owner! 📷", platform="mastodon"),
            p("Grandparents of Facebook, this one's for you: our Tuesday tea dance is back from next week 👵", platform="facebook"),
            "Got 10 seconds? Here's the whole strategy: be useful, be consistent, be human.",
            p("Can I ask a favour? If you work in HR, could you fill in our 3-minute survey on hiring? It'd help a lot.", platform="linkedin"),
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Omar, loved your talk at BrightonSEO! We build link-building campaigns for fintechs, usually 30+ DR70 links a quarter. Any interest in seeing a case study?", platform="linkedin", kind="dm"),
            p("New season, new menu, and 10% off your first visit with code SPRING10 🌷 Walk-ins welcome.", platform="instagram"),
            "Our Notion templates are the ones 20,000 freelancers use. Get the full bundle for $39 this week (normally $79).",
            p("Thinking about a website refresh before summer? We've got capacity for two projects in May. Drop me a message for a quote.", platform="facebook"),
        ],
        "quiet": [
            p("Hi Omar, loved your talk at BrightonSEO! The bit about internal links changed how we plan our sites. Thanks for sharing it.", platform="linkedin", kind="dm"),
            p("New season, new menu: wild garlic everything 🌷 Chef's notes on each dish in the carousel.", platform="instagram"),
            "20,000 freelancers downloaded our free Notion templates last year. The most popular one? The invoice tracker.",
            p("We rebuilt our own website before summer. Here's what we changed, what broke, and what we'd do differently.", platform="facebook"),
            p("Hi Ruth, as discussed on the phone, the quote for the refresh is £6,500 including copy. Happy to answer any questions.", platform="linkedin", kind="dm"),
            "The supermarket near me has started charging £1.50 for a paper bag. We've come a long way from 5p.",
            p("Reminder: the co-op's members' shop is open Saturday 10-2. Bring your own jars for refills 🫙", platform="facebook"),
            p("Awards season is over and we're proud of the team: 2 golds, 1 silver. Back to work on Monday!", platform="linkedin"),
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The fifty-ninth batch: the brief's look-alikes in new words (quotes after a call, order and booking updates, public support answers, mocked pitches, news, reviews, jobs, charity nights, free kits), beside four pitches, measured untuned once, then tuned on.
TUNE_FIFTY_NINTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {
        "fire": [
            p("Hi Leah, I help independent gyms get 50+ new members a month with local ads. Could we grab 15 minutes this week?", platform="linkedin", kind="dm"),
            p("Our famous brunch bundle is back! £45 for two, bottomless coffee, this month only. Book via the link in our bio ☕", platform="instagram"),
            "Agencies: stop losing pitches to cheaper shops. Our pitch deck template has won £2m in new business. $49 today only.",
            p("SALE NOW ON 🛍️ Up to 60% off selected lines in store and online while stocks last.", platform="facebook"),
        ],
        "quiet": [
            p("Hi Leah, great to chat earlier! Following our call, here are the numbers: setup £1,200, then £450 a month for ads management. No rush at all.", platform="linkedin", kind="dm"),
            p("Good news, Marcus: your table for 6 on Saturday at 7:30 is confirmed. Deposit of £60 received, see you then!", platform="facebook", kind="dm"),
            p("@amy_reads the paperback is £9.99 on our site and in most bookshops; the hardback is out of print now, sorry!", platform="x", kind="reply"),
            "'Buy now, only 3 left, offer ends tonight' - every email from one shop, every day, for two years. Unsubscribed.",
            p("Brunch prices across London rose 18% last year, according to a new survey. The average is now £21.", platform="linkedin"),
            p("Review: the £35 brunch bundle at the new place on Bold St. Great eggs, weak coffee, worth it for a birthday.", platform="instagram"),
            p("Vacancy: Part-time Community Manager, £14/hour, 20 hours a week, Bristol. Apply by 30 April with a short cover letter.", platform="linkedin"),
            p("Our annual charity ball is on 9 November. Tickets £60 including dinner, all profits to the air ambulance.", platform="facebook"),
            "Free starter kit for new community managers: 12 templates, a crisis checklist, and a reading list. Take it, adapt it, share it. https://bp.agency/kit",
            p("Our January sale finished at midnight. Thank you for making it our busiest week ever!", platform="instagram"),
            p("@grace_m sorry for the confusion! The Pro plan is £12/month billed yearly; you're on Basic, which stays free.", platform="x", kind="reply"),
            "That thing where a course says '97% off, today only' and the 'original price' is £9,999. Come on.",
            p("Hi Dev, thanks for signing up to the open day. Parking is free on site and lunch is provided. See you on the 14th!", platform="linkedin", kind="dm"),
            p("The village hall raffle raised £840! Prizes can be collected from the shop until Friday.", platform="facebook"),
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The sixtieth batch: share requests written by different voices (a teenager, a vicar, a union rep, a B2B founder, a vet), beside their other posts, measured untuned once, then tuned on.
TUNE_SIXTIETH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            p("guys pls share my art account it would literally make my year 😭🎨", platform="instagram"),
            p("Friends, the church roof appeal is at £42k of £60k. Please do pass this to anyone who loves our old building ⛪", platform="facebook"),
            "Members: get this leaflet to every colleague on your shift before the ballot closes. Print it, post it, pin it up.",
            p("If this framework is useful, I'd appreciate you passing it on to a fellow founder. That's how we grow.", platform="linkedin"),
            p("Missing: black cat, white paws, answers to Biscuit, Ashby Road area. Shares really help in cases like this 🐈‍⬛", platform="facebook"),
            p("Retoot if you believe public libraries should stay open on Sundays 📚", platform="mastodon"),
            "This thread took me 6 hours. A retweet takes 1 second. Just saying 👀",
            p("Hi Ivan! Quick ask: our community fridge needs volunteers. Could you pop the poster on your staff noticeboard and the company intranet? 🙏", platform="linkedin", kind="dm"),
        ],
        "quiet": [
            p("guys my art account just hit 1,000 followers i literally can't believe it 😭🎨", platform="instagram"),
            p("Friends, the church roof appeal has reached £60k! Thank you to every single person who gave ⛪", platform="facebook"),
            "Members: the ballot closes Friday. Check your post, and call the office if your paper hasn't arrived.",
            p("This framework took us 3 years to get right. Here's the short version, and the mistakes we made on the way.", platform="linkedin"),
            p("Found: black cat, white paws, Ashby Road area. Now safe at our surgery, owner please call us 🐈‍⬛", platform="facebook"),
            p("Public libraries should stay open on Sundays. Ours has, for 40 years, and it's busier than ever 📚", platform="mastodon"),
            "This thread took me 6 hours. Here's what I cut, and why shorter was better.",
            p("Hi Ivan! Quick question: does your office have a staff noticeboard? We're designing posters for clients.", platform="linkedin", kind="dm"),
        ],
    },
    "sales-pitch": {"fire": [], "quiet": []},
    "mention-push": {"fire": [], "quiet": []},
}

# The sixty-first batch: share requests in passing, mid-sentence and in brackets, beside asides that ask for nothing, measured untuned once, then tuned on.
TUNE_SIXTY_FIRST: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "New episode is out (and if you're feeling generous, a quick share goes a long way) 🎧",
            p("We're recruiting foster carers across Kent. Know someone with a spare room and a big heart? Make sure they see this 💛", platform="facebook"),
            p("Sharing our accessibility checklist again because it matters. Steal it, adapt it, and please send it on to your web team.", platform="linkedin"),
            "Honestly the algorithm hates us this week so every RT genuinely counts 🙃",
            p("Small ask: if you've read the book and liked it, tell one person. That's it. That's how books find readers 📖", platform="instagram"),
            p("Please boost for visibility: we're a queer-run café in Leeds and someone is leaving fake 1-star reviews.", platform="mastodon"),
            p("Hiya! Our choir's summer concert is on 28 June. Would you be able to share the poster with your WI group? 🎶", platform="facebook", kind="dm"),
            "If you only do one thing today, make it sharing this with a parent you know.",
        ],
        "quiet": [
            "New episode is out (and yes, we finally fixed the audio) 🎧",
            p("We're recruiting foster carers across Kent. Info evening Thursday 7pm at the library, no commitment 💛", platform="facebook"),
            p("Sharing our accessibility checklist again because it matters. What would you add to it?", platform="linkedin"),
            "Honestly the algorithm hates us this week and we've decided not to care 🙃",
            p("Small ask: if you've read the book, leave a review wherever you bought it. That's how books find readers 📖", platform="instagram"),
            p("We boosted a post about a queer-run café in Leeds last week and it got 400 new visitors. Community works.", platform="mastodon"),
            p("Hiya! Our choir's summer concert is on 28 June. Would you be able to sing with the altos this time? 🎶", platform="facebook", kind="dm"),
            "If you only do one thing today, make it a walk outside.",
        ],
    },
    "sales-pitch": {"fire": [], "quiet": []},
    "mention-push": {"fire": [], "quiet": []},
}

# The sixty-second batch: both rules, short and blunt, on every platform, measured untuned once, then tuned on.
TUNE_SIXTY_SECOND: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            "RT for reach, like for a hug 🫂",
            p("Reshare this if you've ever been ghosted by a recruiter.", platform="linkedin"),
            p("Friends in Glasgow! Please spread the word, our pop-up is only here till Sunday 🧁", platform="instagram"),
            p("Boost appreciated if you're on an instance with lots of teachers 🍎", platform="mastodon"),
            p("Tag, share, forward, shout. Whatever works. We need 20 more runners for the relay 🏃", platform="facebook"),
            p("Hi Maz, sorry to ask again, but could you share the link to our survey with your students? We're at 40 responses and need 100.", platform="linkedin", kind="dm"),
        ],
        "quiet": [
            "Reach is a vanity metric; conversations are not 🫂",
            p("Ghosted by a recruiter? You're not alone: 60% of candidates say the same. Here's what we changed.", platform="linkedin"),
            p("Friends in Glasgow! Our pop-up is open till Sunday, come say hi 🧁", platform="instagram"),
            p("Lots of teachers on this instance, so: what's your favourite free classroom tool? 🍎", platform="mastodon"),
            p("We need 20 more runners for the relay! Sign up at the desk by Friday 🏃", platform="facebook"),
            p("Hi Maz, thanks for sharing the survey results with your students, they loved seeing them.", platform="linkedin", kind="dm"),
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hey! 👋 I run a UGC agency and we'd love to make 5 TikToks for your skincare line. Packages from £500. Want to see our portfolio?", platform="instagram", kind="dm"),
            "Tickets for the Social Summit go up by £100 on Monday. Buy yours now: https://bp.agency/summit",
            p("Only 4 wedding dates left for 2027! Enquire today for our winter rates 💍", platform="facebook"),
            p("Want more reviews on Google? Our tool automates review requests for restaurants. Free 14-day trial, no card needed 👉 https://bp.agency/reviews", platform="linkedin"),
        ],
        "quiet": [
            p("Hey! 👋 Loved the skincare TikToks you made for our launch, the team can't stop talking about them.", platform="instagram", kind="dm"),
            "The Social Summit was brilliant this year. Our notes from every talk are on the blog.",
            p("We had 4 weddings this weekend and every single one was in the rain. Still beautiful 💍", platform="facebook"),
            p("We asked 300 restaurants how they get Google reviews. The answer was mostly 'ask at the till'.", platform="linkedin"),
            p("Hi Jo, your 14-day trial has ended and your account is now on the free plan. Nothing else changes.", platform="linkedin", kind="dm"),
            "Summit tickets jumped £100 overnight and I'm not going. Conferences have priced out freelancers.",
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The sixty-third batch: share requests from brands to customers and partners, in English as brands write it, measured untuned once, then tuned on.
TUNE_SIXTY_THIRD: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            p("Loved your order? The nicest compliment is a recommendation. Pass our name on to a friend and you'll both get 10% off 💚", platform="instagram"),
            p("Partners: the launch assets are in the shared drive. Please post them on your channels on Tuesday at 9am so we all go out together.", platform="linkedin", kind="dm"),
            "Help us help more people: retweet our free helpline number. 0800 000 000, open 24/7.",
            p("Do you follow us on here? Then you're exactly who we need: share our autumn appeal with three people today 🍂", platform="facebook"),
            p("We're nominated for Best Local Business! Voting's open till Friday, so please share the link far and wide 🏆", platform="facebook"),
            p("Calling all Leeds parents 📣 Know a family who'd love free half-term activities? Forward them this post!", platform="facebook"),
        ],
        "quiet": [
            p("Loved your order? We'd love to hear what you thought. Reply here or leave us a review 💚", platform="instagram"),
            p("Partners: the launch assets are in the shared drive. Please don't post anything before Tuesday at 9am.", platform="linkedin", kind="dm"),
            "Our free helpline is open 24/7: 0800 000 000. No question is too small.",
            p("Do you follow us on here? Then you've probably seen our autumn menu. Here's what's new this week 🍂", platform="facebook"),
            p("We're nominated for Best Local Business! Thank you to whoever put us forward, we're thrilled 🏆", platform="facebook"),
            p("Calling all Leeds parents 📣 Free half-term activities at the library all week, no booking needed!", platform="facebook"),
        ],
    },
    "sales-pitch": {"fire": [], "quiet": []},
    "mention-push": {"fire": [], "quiet": []},
}

# The sixty-fourth batch: selling words that sell nothing (refused, over, joked about, billing
# notices, answers to the reader's own question, pitches told as warnings, prices in news, reviews,
# job ads and charity events), distribution idioms, and tags at the account's own work, measured
# untuned once, then tuned on.
TUNE_SIXTY_FOURTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            p("Our bake sale raised £300 for the food bank! Still £200 short of the target, so please share this with your neighbours 🍰", platform="facebook"),
            "Not asking for money, just asking you to share. 30 seconds of your time could find this dog a home 🐕",
            p("Friends, if you know anyone hiring junior designers, could you pass my portfolio along? Thank you so much 🙏", platform="linkedin"),
            "Spread the word: free flu jabs at the pharmacy this Saturday, no appointment needed 💉",
            p("Hi Lou! Would you mind popping our open-day flyer in the parents' WhatsApp group? 🙏", platform="facebook", kind="dm"),
            p("Boost this please, we're a tiny library instance and need more readers for the book club 📚", platform="mastodon"),
        ],
        "quiet": [
            p("Share the love this Valentine's: our chocolate-dipped strawberries are back on the menu 🍓", platform="instagram"),
            "Step 3: spread the butter thinly onto warm toast and let it melt. That's it, that's the recipe 🧈",
            p("Could someone pass the salt? Asking for every chip shop in Leeds that forgot to season 🧂", platform="x"),
            "We're not going to ask you to share this. Just read it, and do with it what you like.",
            p("Team reminder: please post the weekly client reports in #reports by Friday 5pm.", platform="linkedin", kind="dm"),
            "Spread the word? Nah. We'd rather you just came along and had a good time 🎶",
            p("Sharing is caring, which is why our sharing platters now serve four 🍕", platform="facebook"),
            "Pass it on, they said. So our grandma's recipe is now on every table at the café ❤️",
            p("@studio_jo thanks for sharing our report with your students! Hope it was useful.", platform="x", kind="reply"),
            "Don't retweet this. Seriously. It's a note to ourselves about tone of voice.",
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Priya, I help dental clinics fill their diaries with new patients. We guarantee 40 bookings in your first month or you don't pay. Open to a quick call this week?", platform="linkedin", kind="dm"),
            "Last 48 hours! 30% off every course with code SPRING30. Don't miss it 👉 https://bp.agency/courses",
            p("Flash sale ends tonight at midnight: all prints half price. Shop now before they're gone! 🖼️", platform="instagram"),
            p("Guaranteed first page of Google in 60 days or your money back. DM us 'RANK' to get started.", platform="facebook"),
            p("Hey! Love your feed 😍 We grow accounts like yours by 5k real followers a month. Want our price list?", platform="instagram", kind="dm"),
            "Only 3 spots left in our January cohort. Enrol today and get the bonus templates free: https://bp.agency/cohort",
            p("Black Friday starts NOW 🛍️ Up to 60% off sitewide, today only. Don't wait!", platform="facebook"),
            p("Struggling to get leads? We'll set up your LinkedIn outreach for you, 20 meetings a month guaranteed. Book a call: https://bp.agency/call", platform="linkedin"),
        ],
        "quiet": [
            "We're not running a Black Friday sale this year. Same fair prices all year, that's the deal.",
            "Don't buy this if you only need one logo. Honestly, a freelancer will do it better and cheaper.",
            p("No discount codes here, sorry! We keep prices low every day instead 🙂", platform="instagram"),
            p("Our summer sale is over. Thank you to everyone who shopped, the warehouse team needs a nap 😴", platform="facebook"),
            "Looking back at last year's flash sale: 40% off brought in 2,000 orders and 0 repeat customers. Lesson learned.",
            "Me at 2am: limited time offer? Say no more. My bank balance: please stop 😂",
            p("Our coffee is on sale for the low low price of 'please drink me, I've been sitting here since 8am' ☕", platform="instagram"),
            "I am, apparently, my own worst salesperson: 20 minutes explaining why clients don't need our premium package.",
            p("From 1 March, the Team plan moves from £20 to £24 a month. Nothing changes before your next renewal, and you can switch plans any time.", platform="linkedin"),
            p("Heads up: your invoice for November is ready. It's the same £49 as last month, no action needed.", platform="linkedin", kind="dm"),
            p("Hi Tom! Great question. The Growth package is £900 a month and includes 12 posts and monthly reporting. The Starter is £450. Happy to go through either.", platform="linkedin", kind="dm"),
            p("@ellie_b yes, the offer you asked about still stands: 15% off your first order with code WELCOME15 🙂", platform="instagram", kind="reply"),
            "A cold email I got today: 'We guarantee 10k followers in 30 days, book a call now!' This is why agencies get a bad name.",
            "Warning: accounts are DMing small businesses promising 'guaranteed verification for £99'. It's a scam. Don't pay.",
            "Petrol prices fell to 139p a litre this week, the lowest since 2021, according to the RAC.",
            "Review: the £29 mechanical keyboard is surprisingly good. Not perfect, but worth every penny.",
            p("We're hiring a Social Media Executive in Manchester, £28-32k plus hybrid working. Apply by 12 March.", platform="linkedin"),
            p("Charity quiz night at the Red Lion on Friday: £5 a head, all money to the children's hospice 🧠", platform="facebook"),
            "Our founder tried to sell a client a 'growth package' in 2019 and got laughed out of the room. Fair.",
            "Sales call tip we ignore: never say 'limited time only'. We say it to our dog about dinner. Works every time 🐶",
        ],
    },
    "mention-push": {
        "fire": [
            "@jess_writes thanks for asking! Here's the full guide. @maria_seo @tom_content you might like it too https://bp.agency/seo-guide",
            "Our new report on creator pay is out. Huge thanks to @ann_handley @randfish whose work inspired it https://bp.agency/creator-pay",
            p("Our cookbook is now on shelves! 📚 @jamieoliver @nigella @ottolenghi we'd love to know what you think", platform="instagram"),
            p("New episode is live, link in bio 🎙️ @garyvee @thesteveblank @lennysan", platform="instagram"),
            "@sam_k good question, we wrote it up properly here https://bp.agency/faq-ads @adweek @marketingweek",
            p("Inspired by the brilliant work of @Kate Raworth and @Mariana Mazzucato, our essay on doughnut brands is out now https://bp.agency/doughnut", platform="linkedin"),
        ],
        "quiet": [
            "@jess_writes thanks for asking! Here's the full guide: https://bp.agency/seo-guide",
            "Loved this piece by @ann_handley on creator pay. Worth your time https://annhandley.com/pay",
            p("Congratulations @jamieoliver on the new cookbook, now on shelves! 📚", platform="instagram"),
            "Great chat with @lennysan on his podcast this week about product-led growth.",
        ],
    },
}

# The sixty-fifth batch: more clean look-alikes of a pitch (refusals, sales over, self-mockery,
# price notices, answers to pricing questions, quoted pitches, prices in news, reviews, jobs and
# charity), with real pitches beside them, measured untuned once, then tuned on.
TUNE_SIXTY_FIFTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {
        "fire": [
            p("Hi Marcus, congrats on the new role! We help SaaS teams cut churn by 20% in 90 days. Worth a 15-minute chat next week?", platform="linkedin", kind="dm"),
            p("🚨 48-HOUR SALE 🚨 Buy one get one free on all candles. Ends Sunday midnight, shop the link in bio!", platform="instagram"),
            "Double your email list in 30 days or we refund every penny. Spaces limited, book your strategy call now: https://bp.agency/list",
            p("Hi there! We'd love to manage your socials. Packages start at £350 a month. Can I send over some examples?", platform="facebook", kind="dm"),
        ],
        "quiet": [
            p("We don't do discounts. We'd rather pay our bakers properly. Thanks for understanding 🥖", platform="instagram"),
            "Please don't buy our course if you're expecting overnight results. It's slow, boring work, and that's the point.",
            "No sale, no countdown timer, no 'only 2 left'. Just the new notebook, in stock, at the usual price.",
            p("And that's a wrap on the spring sale! Restocking now, new colours land in May 🌸", platform="instagram"),
            "Two years ago we ran a 'book a call today' campaign and it flopped. Here's what we do instead.",
            p("Me, a marketer: 'never fall for urgency'. Also me: buys three mugs because the timer said 4 minutes left 🙃", platform="x"),
            "Our office coffee machine is now offering a limited time deal: one free cup of disappointment with every brew ☕",
            p("Price update: from 1 April our Basic plan is £12 a month (was £10). Existing customers keep their current price until renewal.", platform="linkedin"),
            p("Hi Anna, your subscription renewed today at £79 for the year. The receipt is attached. Thank you for staying with us!", platform="linkedin", kind="dm"),
            p("Hi Ravi, thanks for asking about pricing! Our audits are £600 flat, and the 10% first-client discount you saw still applies. Let me know if you'd like to go ahead.", platform="linkedin", kind="dm"),
            p("@carla_m you asked about the bundle: yes, it's £45 for all three guides, and shipping is free over £30 🙂", platform="x", kind="reply"),
            "My favourite LinkedIn DM this year: 'I can get you 100 clients guaranteed, just reply YES'. Reader, I did not reply YES.",
            "Beware of 'agencies' offering 10k followers for £49. They're bots, and Instagram will remove them.",
            p("The average UK house price rose to £290,000 in October, up 2.1% on last year, the ONS said.", platform="linkedin"),
            "Tried the £12 meal deal at the new café on Park Street. Great sandwich, sad crisps. 7/10.",
            p("Job: Junior Designer, £26,000, 4 days a week, Bristol studio. Send your portfolio to jobs@bp.agency by Friday.", platform="linkedin"),
            p("Tickets for our charity gala are £40 and every penny goes to Mind. Dress code: sparkle ✨", platform="facebook"),
            "Our accountant says we're the worst salespeople she's ever met. We gave away 3 audits for free last month.",
            "Sold out in 2019, sold out in 2020, and this year we sold... about 6. Honest launch retrospective below.",
            p("Honest question for freelancers: do you put your prices on your website? We've gone back and forth for years.", platform="linkedin"),
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The sixty-sixth batch: a third set of pitch look-alikes in other voices (a bakery, a SaaS
# founder, a charity, a reviewer, a recruiter, a comedian), measured untuned once, then tuned on.
TUNE_SIXTY_SIXTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {
        "fire": [
            p("Hey Jen 👋 saw you just opened a second salon! We build booking sites for salons that pay for themselves in a month. Can I show you a quick demo?", platform="instagram", kind="dm"),
            p("Doors close Friday! Join 500 founders in the Growth Lab, £97/month, cancel anytime. Last chance to lock in the launch price 👉 https://bp.agency/lab", platform="linkedin"),
            "Want 10x more website traffic? We guarantee results in 30 days. Reply 'GROW' and we'll send the details.",
            p("EVERYTHING MUST GO 🔥 Closing-down sale, 70% off all stock while it lasts. Come in today!", platform="facebook"),
        ],
        "quiet": [
            p("We won't be doing a January sale. Our prices are already as low as we can make them and still pay everyone fairly.", platform="facebook"),
            "Never buy a social media course that promises '10k followers guaranteed'. Nobody can promise that.",
            p("That's the end of our 25% off week! Thanks for every order, we'll be packing boxes till Tuesday 📦", platform="instagram"),
            "Our biggest sale ever in 2023 lost us money. A thread on what discounting really costs a small brand 🧵",
            "My dog is now offering a limited-time deal: one slobbery kiss for every biscuit. No refunds 🐕",
            p("I'd sell my soul for a decent template right now. Any takers? Asking for me, at 11pm, on deadline 😩", platform="x"),
            p("Billing change: from 1 June invoices will come from our new company name. Your price stays at £30 a month.", platform="linkedin"),
            p("Hi Sara, just confirming your order #4471 for 2 tote bags, £36 total, ships Monday. Thanks!", platform="instagram", kind="dm"),
            p("Hi Ben! You asked what a monthly retainer looks like: it's £1,200 for 16 posts, community management and a report. No pressure, just so you have it.", platform="linkedin", kind="dm"),
            p("@mo_designs good question! Yes, students get 50% off, just email us your student ID.", platform="x", kind="reply"),
            "Got this in my inbox: 'Only 2 spots left! Book your free strategy call now!' Sent to 40,000 people, presumably.",
            "PSA: nobody from our team will ever DM you offering 'guaranteed verification' for a fee. Report and block.",
            "Bitcoin jumped to $98,000 on Tuesday before falling back, as traders weighed the Fed's latest move.",
            p("Our review of the £899 Pixel: brilliant camera, average battery, and a price that's hard to justify.", platform="linkedin"),
            p("We're hiring! Account Manager, £34,000, London or remote. Apply at https://bp.agency/jobs by 1 May.", platform="linkedin"),
            p("Sponsored walk for the hospice on Sunday 🚶 £10 to enter, every pound goes to patient care. See you at the park!", platform="facebook"),
            "The worst advice we ever followed: 'always be closing'. We closed nothing and annoyed everyone.",
            p("Can confirm our intern has been trying to sell the office plant on Vinted. £5, slightly crispy, collection only 🌱", platform="x"),
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The sixty-seventh batch, written after the round that fixed the three before it: fresh
# look-alikes and real cases for all three rules, measured untuned once, then tuned on.
TUNE_SIXTY_SEVENTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            p("Spread the word, Sheffield! Our repair café is back on Saturday and we need broken toasters 🔧", platform="facebook"),
            "Every share of this thread puts one more eye on a missing teenager. Please, it takes a second.",
            p("Hey Kim, could you forward the volunteer sign-up to your book club? We're short for Sunday.", platform="linkedin", kind="dm"),
            p("Share the love ❤️ and pass this to a friend who needs a laugh today", platform="instagram"),
        ],
        "quiet": [
            p("Share the joy this Christmas with our new gift boxes, now in store 🎁", platform="instagram"),
            "Pass the gravy and the good news: our Sunday roast is now served till 6pm 🍗",
            p("We're not asking for shares or likes. Just come and say hello at the market on Saturday 👋", platform="facebook"),
            p("Reminder for the team: please forward client approvals to approvals@bp.agency, not to me.", platform="linkedin", kind="dm"),
            "'Please RT' they said. 'It'll go viral' they said. It got 3 likes, one from my mum 😂",
            "Spreading ourselves too thin was the mistake of our first year. Here's what we dropped.",
        ],
    },
    "sales-pitch": {
        "fire": [
            p("Hi Leo, noticed your gym's Google reviews could use some love. We get gyms 50+ five-star reviews in 60 days, guaranteed. Fancy a quick chat?", platform="linkedin", kind="dm"),
            p("⏰ Ends at midnight: 40% off annual plans. Upgrade now and save £120 👉 https://bp.agency/upgrade", platform="x"),
            p("Spring menu launch! Book this week and get a free glass of fizz. Tables going fast 🥂", platform="instagram"),
            "We're offering 3 free social audits this month to local cafés. First come, first served. DM us 'AUDIT'.",
        ],
        "quiet": [
            "We're not doing a Cyber Monday deal. We're doing a Cyber Monday nap.",
            p("No upsells, no 'premium tier', no hidden fees. Our one plan is £15 a month and always will be.", platform="linkedin"),
            p("The pop-up shop closed on Sunday after 3 brilliant weeks. Thanks to everyone who came by!", platform="instagram"),
            "Our cat has launched a premium tier: £0, paid in chin scratches, available 24/7 😼",
            p("Heads up: from 1 January, VAT will be added to invoices for UK customers. Prices otherwise stay the same.", platform="linkedin"),
            p("@dan_j great question! Yes, the workshop is £40 and includes lunch. The booking link is on our events page 🙂", platform="x", kind="reply"),
            p("Hi Amy, thanks for your question about the bundle. It's £60 for the set of four and we ship anywhere in the UK.", platform="instagram", kind="dm"),
            "A recruiter DMed me: 'Guaranteed 6-figure salary, reply YES to learn more'. No, thank you.",
            "Watch out for pages offering 'blue tick verification for £30'. Meta doesn't sell ticks via DMs.",
            p("Oil prices rose 4% to $84 a barrel on Monday after the OPEC meeting.", platform="linkedin"),
            p("Volunteer role: social media helper for our animal shelter, 3 hours a week, travel expenses paid 🐾", platform="facebook"),
            "Tested the £15 ring light everyone's buying. It's fine for calls, awful for product shots.",
        ],
    },
    "mention-push": {
        "fire": [
            "@ruth_p glad it helped! @lena_k @omar_ux this is the accessibility checklist we mentioned, have a look https://bp.agency/a11y",
            p("Our debut album is now in record shops 🎶 @6music @BBCIntroducing give it a spin!", platform="x"),
            "With thanks to @annhandley and @joulee, whose books shaped this guide: our new writing playbook is out https://bp.agency/writing",
        ],
        "quiet": [
            "@ruth_p glad it helped! Here's the checklist again if you need it https://bp.agency/a11y",
            "Just finished @annhandley's new book. Chapter 4 alone is worth it.",
            p("Great to see @6music playing so many independent labels this week 🎶", platform="x"),
        ],
    },
}

# The sixty-eighth batch: pitch look-alikes again, in shapes the earlier ones lacked (a refusal
# inside a longer post, a sale remembered with numbers, a pun on a price, a plan change by
# email, a reply with the price asked for, a scam screenshot, a charity auction), measured
# untuned once, then tuned on.
TUNE_SIXTY_EIGHTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {
        "fire": [
            p("Hi Nadia, I'm a Shopify developer. I can rebuild your store in 2 weeks and double your conversion rate, or you don't pay. Free to chat Thursday?", platform="linkedin", kind="dm"),
            p("LAST DAY 🚨 Our bestselling planner is 50% off until midnight. Once they're gone, they're gone! Shop via link in bio", platform="instagram"),
            "Tired of posting into the void? Our done-for-you content package gets you 30 posts a month for £499. Reply 'READY' to start.",
            p("Only 2 tables left for Valentine's night! Reserve yours now before they go ❤️", platform="facebook"),
        ],
        "quiet": [
            p("We get asked a lot why we don't run sales. Short answer: we'd have to raise prices the rest of the year to afford them. So we don't.", platform="linkedin"),
            "In 2022 we tried a 'limited time only' launch. We sold 40 courses, refunded 12, and swore never again.",
            p("Our prices are going up... the hill, because the van broke down and we're delivering on foot today 🚶📦", platform="instagram"),
            p("Hi Greg, just a note that we've moved you to monthly billing as you asked. The next charge is £25 on 3 March.", platform="linkedin", kind="dm"),
            p("@lucy_t it's £18 for the large and £12 for the small, both come with a free tote 🙂", platform="instagram", kind="reply"),
            "Screenshot of the week: a DM offering us '500 Instagram followers for $5, 100% real, order now'. We'll pass.",
            p("Charity auction update: the signed shirt went for £1,200! Thank you to every bidder, all of it goes to the children's ward ⚽", platform="facebook"),
            "We turned down a client last week because they wanted '10x growth guaranteed'. Nobody honest guarantees that.",
            "Dear diary: bought a course called 'Sell Anything in 7 Days'. Day 8. Have sold nothing. Not even the course.",
            p("Sales are up 12% year on year, the company said in its quarterly results on Thursday.", platform="linkedin"),
            p("Position: Marketing Assistant (maternity cover), £25,000 pro rata, 12 months. Details and how to apply on our careers page.", platform="linkedin"),
            p("Our free Christmas lunch for older neighbours is back on 25 December. If you know someone who'd be alone, let us know 🎄", platform="facebook"),
            "Two agencies, same pitch deck, same stock photo, same '300% ROI guaranteed' slide. We compared notes and laughed.",
            p("Hi Tanya! You asked whether the 3-month plan comes with a discount: it does, 10% off, same as on the website.", platform="facebook", kind="dm"),
            "Last chance to see the old logo before it's gone forever. Farewell, little blue bird 🐦",
            p("Book review: 'Influence' is still the best £10 any marketer will spend. Read it once a year.", platform="linkedin"),
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The sixty-ninth batch: share requests beside idioms and asks to staff, and tags at the
# account's own work in replies, thanks and launches, measured untuned once, then tuned on.
TUNE_SIXTY_NINTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {
        "fire": [
            p("New recipe on the blog! If you make it, share it with a friend who loves garlic as much as we do 🧄", platform="instagram"),
            "We're 40 signatures off 1,000. Pass it on, please. Every name counts.",
            p("Please spread the word about our free coding club for girls: Saturdays, 10am, the library 💻", platform="facebook"),
            p("Would you mind sharing this with your parents' group? Our open morning is on Thursday.", platform="facebook", kind="dm"),
            "A favour: our founder's talk is up, and a retweet from you would mean the world.",
            p("Friends on here: boosts welcome, we're trying to reach more bike mechanics for the survey 🚲", platform="mastodon"),
        ],
        "quiet": [
            p("Share the load: our new family meal deal feeds four for the price of three 🍝", platform="facebook"),
            "Spread the jam, not the rumours. Our strawberry jam is back in the shop 🍓",
            p("Could you pass the baton? Our relay team is looking for a fourth runner for Sunday 🏃", platform="facebook"),
            "We don't need you to share this. We need you to read it, and then call your MP.",
            p("Team: please share the Q3 numbers with your clients by Friday, not before.", platform="linkedin", kind="dm"),
            p("Staff reminder: please post rota swaps in the staff group, not on the public page.", platform="facebook"),
            "'Share if you agree' posts are the worst. Here's a better way to start a conversation.",
            p("Sharing is caring, so we've split the big cake into 40 slices for the open day 🎂", platform="instagram"),
        ],
    },
    "sales-pitch": {"fire": [], "quiet": []},
    "mention-push": {
        "fire": [
            "@nina_r thanks so much! @paul_design @studio_kit you might find our new type guide useful too https://bp.agency/type",
            p("Our documentary premieres tonight on BBC Four 🎬 @filmmakersclub @docsociety tune in at 9!", platform="x"),
            "Big thanks to @jess_data and @mkt_sam, whose research inspired our new benchmark report. Read it here https://bp.agency/benchmark",
            p("@Ella Green hi Ella, hope you're well! Thought you'd want to see our new sustainability report, link in comments 🌱", platform="linkedin"),
            p("Now on shelves at Waitrose 🛒 @waitrose @thegrocer @foodnavigator our new oat milk is finally here!", platform="instagram"),
            "@tomw good question, answered it in our new explainer. @sarah_pm @devrel_dan this one's for you too https://bp.agency/explainer",
        ],
        "quiet": [
            "@nina_r thanks so much! So glad the type guide was useful.",
            p("Congrats to @docsociety on their new documentary, premiering tonight on BBC Four 🎬", platform="x"),
            "Inspired by @jess_data's research, we changed how we report engagement. Worth reading her work https://jessdata.com/research",
            p("Lovely to see @waitrose stocking so many local oat milks now 🛒", platform="instagram"),
        ],
    },
}

# The seventieth batch: calm announcements with a link, service and delivery DMs, community
# events with prices, negation, irony and reported speech, beside pitches in the same
# settings; measured untuned once, then tuned on.
TUNE_SEVENTIETH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {
        "fire": [
            p("Hi Marco, congrats on the new restaurant! We get Italian places 40+ extra bookings a month through Instagram. Worth a 10-minute call this week?", platform="linkedin", kind="dm"),
            p("FINAL HOURS ⏰ 30% off every candle ends at midnight. Shop now: https://glowco.shop/sale", platform="instagram"),
            "Only 3 spots left in the April cohort. Enrol today before the price goes up on Friday.",
            p("Hey! Saw your page. I'm a reels editor and I can turn your long videos into 20 clips a month for $300. Want a free sample?", platform="instagram", kind="dm"),
            p("Spring open day tickets are £5, but book today and get a free coffee voucher, only while they last! https://bp.agency/openday", platform="facebook"),
            "Not sure if you're ready? Don't wait: doors to the programme close Sunday and we won't reopen till next year. Join now.",
            p("Thanks for connecting, Priya! Quick one: we help SaaS founders get 50 demos a month on autopilot. Open to a chat?", platform="linkedin", kind="dm"),
            "Buy 2 get 1 free on all gift cards today only 🎁 https://bp.agency/gifts",
            p("Community pass now just £9/month (usually £15). Lock in the price before Monday! Link in bio 🧘", platform="instagram"),
            p("We'll run your ads, write your posts and answer your DMs for one flat monthly fee. Reply YES and I'll send details.", platform="linkedin"),
            p("Hi Sue, your order has shipped! PS: as a valued customer, use code THANKS20 for 20% off your next order this week only.", platform="facebook", kind="dm"),
            "Guaranteed 1,000 new followers in 30 days or your money back. DM me 'GROW' to start.",
            p("Hi Kim, loved your last campaign. We're opening 2 spots for new clients in May: full social management from £750/month. Shall I send the deck?", platform="linkedin", kind="dm"),
            p("Flash sale! Every print £15 this weekend only. Grab yours before they're gone https://bp.agency/prints", platform="instagram"),
        ],
        "quiet": [
            p("Our new website is live. Have a look around: https://bp.agency", platform="linkedin"),
            p("New on the blog: what we learned running 120 ad campaigns for small charities https://bp.agency/blog/charities", platform="linkedin"),
            "We've launched a podcast! Episode one is with our founder on why she left adland. https://bp.agency/podcast",
            p("Our spring collection is now in store. Come and have a browse, no rush 🌷", platform="instagram"),
            p("The new menu starts Tuesday. Same kitchen, a few new plates, prices unchanged.", platform="facebook"),
            p("Hi Dan, your parcel is with the courier and should arrive Thursday. Tracking: https://track.example.com/AB123", platform="facebook", kind="dm"),
            p("Hi Leah, sorry for the wait! The refund of £42.50 went back to your card this morning; it can take 3-5 days to show.", platform="instagram", kind="dm"),
            p("Hi Tom, your booking for 4 on Saturday at 7pm is confirmed. The deposit was £20 and comes off the bill.", platform="facebook", kind="dm"),
            p("Thanks for getting in touch! The blue one is back in stock on the 12th; we'll message you the day it lands.", platform="instagram", kind="dm"),
            p("@mike_h delivery is £3.95 under £40 and free over that. Orders before 2pm go out the same day.", platform="x", kind="reply"),
            p("Hi Ana, the invoice for March is attached: £1,200 as agreed. Payment terms are 30 days as usual.", platform="linkedin", kind="dm"),
            p("Hi Raj, just confirming we've cancelled your subscription as requested. You won't be charged again.", platform="linkedin", kind="dm"),
            p("Quiz night at the Crown, Thursday 8pm! £2 a head, teams of up to six, all money to the food bank 🧠", platform="facebook"),
            p("Village fete on Saturday: cake stall, tombola, dog show. Entry £1, kids free.", platform="facebook"),
            p("Book club meets Wednesday at the library. This month's pick is £8.99 in paperback or free on the library app 📚", platform="facebook"),
            p("The allotment society plant swap is back on Sunday, 10-12. Bring a cutting, take a cutting. Tea is 50p.", platform="facebook"),
            p("Our running club's 5k is on 14 May. Entry £12, medals for everyone, water stations every mile 🏅", platform="instagram"),
            "We're not doing a Boxing Day sale. The team gets the week off instead.",
            "No, we don't offer discount codes to influencers. We pay creators properly instead.",
            "There's no limited-time offer here, just a guide we think you'll find useful.",
            "You don't need to buy anything to use the template. It's yours, keep it.",
            "Nobody needs another 'book a call' button. Our homepage now just says what we do.",
            "Hot take: 'only 3 spots left' has never once made me book anything.",
            "Oh great, another email telling me it's my LAST CHANCE. Fourth last chance this week.",
            "My inbox this morning: 'Act now!', 'Final hours!', 'Don't miss out!'. Deleted all three.",
            "Apparently my cat has a limited-time offer: one purr for every three treats. Non-negotiable.",
            "A client told us their old agency promised '10k followers guaranteed'. They got 10k bots.",
            "Someone messaged me yesterday: 'Buy now, price doubles tomorrow'. It didn't. It never does.",
            "He said the course was 'only $997 today'. Reader, it was $997 every day.",
            "Our intern asked why every ad says 'limited time'. Honestly, great question.",
            "A reader asked whether our 20% off codes are real. We don't issue any, so please ignore them.",
            p("Press release: the retailer will close 30 stores and offer staff 20% off as part of a wind-down.", platform="linkedin"),
            p("Job: Social media executive, £28k plus benefits, hybrid in Leeds. Apply by 20 June https://bp.agency/careers", platform="linkedin"),
            p("Tickets for the charity gala are £40 and include dinner. All profits go to the hospice.", platform="facebook"),
            "We raised £3,200 at last week's bake sale. Thank you to everyone who came!",
            p("Last year's 2-for-1 weekend was fun, but we won't be repeating it. Quality over queues.", platform="facebook"),
            p("Price update: from 1 July the Studio plan is £14 a month. Current members keep their rate until January.", platform="linkedin"),
            p("Reminder: the shop is closed Monday for the bank holiday. Online orders ship Tuesday.", platform="instagram"),
            p("Welcome to our newest team member Kofi, who'll be looking after our clients in the north 👋", platform="linkedin"),
            p("Hi Beth, of course. The wedding package is £1,800 for the day and includes the edit. Happy to answer anything else.", platform="instagram", kind="dm"),
            p("Thanks for asking! Yes, we do student discounts: 15% with a valid card, just show it at the till.", platform="instagram", kind="reply"),
            p("Hi Zoe, following up on your question: the group rate applies from 8 people, so your team of 10 qualifies.", platform="linkedin", kind="dm"),
            "Case study: how a bakery grew orders by 40% without a single discount. https://bp.agency/work/bakery",
            p("Our annual report is out: 14 clients, 3 new hires and one very tired office plant https://bp.agency/report", platform="linkedin"),
            "Don't buy followers. Don't buy likes. Don't buy engagement pods. Just post better.",
            p("The farmers' market is now every Saturday, not just the first one of the month 🥕", platform="facebook"),
            "Grateful for 5 years in business. We started with one client and a borrowed laptop.",
            p("We're at stand 42 at the Marketing Show next week. Come say hi, we'll have biscuits.", platform="linkedin"),
            p("Sad news: our Brixton café closes on Sunday after 8 years. Thank you for every flat white ☕", platform="instagram"),
            p("Hi Omar, the replacement lens is on its way at no cost; sorry it arrived cracked. You should have it Friday.", platform="instagram", kind="dm"),
            p("Heads up: our booking system is down for maintenance tonight from 10pm. Existing bookings are safe.", platform="facebook"),
            p("Swimming lessons for adults are back in September: £6 a session at the leisure centre, beginners welcome 🏊", platform="facebook"),
            "\"Limited spots, book now!\" said every webinar I have ever ignored.",
            "We won't tell you it's your last chance. It isn't. The guide will still be here next week.",
            p("Members' night at the gallery: free for members, £8 for guests, wine included. Friday from 6.", platform="instagram"),
            "Reported by The Grocer: the chain says its 3-for-2 deals ended in March and won't return.",
            p("Hi Chloe, your class pass renews on the 1st at the same price. Nothing you need to do.", platform="instagram", kind="dm"),
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The seventy-first batch: the same settings again after the seventieth's round, in harder
# shapes (a calm launch that names its price, a support DM with a link to buy a part, a
# community event with tickets to book, sarcasm in sales words, an offer retold), measured
# untuned once, then tuned on.
TUNE_SEVENTY_FIRST: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {
        "fire": [
            p("Hi Grace! We're a video studio helping charities raise more online. Could we send you a few ideas for your spring appeal? Our packages start at £900.", platform="linkedin", kind="dm"),
            p("Doors close tonight! Join the membership for £29 and get every masterclass free. Sign up: https://bp.agency/join", platform="instagram"),
            "Stop scrolling 👀 Our SEO audit finds 10 quick wins in 48 hours. Only 5 audits left at £99. Book yours now.",
            p("Hey Ravi, quick one: we can get your clinic to the top of Google Maps in 60 days. Want me to show you how?", platform="facebook", kind="dm"),
            p("BOGOF on all smoothies this weekend only! Tag a friend and come grab yours 🥤", platform="instagram"),
            "Secure your place on our copywriting bootcamp: early bird price of £199 ends Sunday.",
            p("Hi Liam, following our chat at the expo: we'd love to manage your socials. Our retainer is £1,200/month. Free for a call Tuesday?", platform="linkedin", kind="dm"),
            "Want 3x more leads by summer? We do the ads, you do the closing. Book a free strategy call today 👇",
        ],
        "quiet": [
            p("Our new planner is out today. It's £18, printed in Bristol on recycled paper. Here's what's inside: https://bp.agency/planner", platform="instagram"),
            p("We've opened a second studio in Leeds! Same team, same coffee, more parking.", platform="linkedin"),
            p("Introducing our autumn menu 🍂 Pumpkin soup, game pie and a very serious sticky toffee pudding.", platform="instagram"),
            p("Hi Paul, sorry the charger stopped working. The replacement part is £6 here: https://bp.agency/parts/charger, or we can post one free under warranty if you send the receipt.", platform="facebook", kind="dm"),
            p("Hi Mia, the course you asked about starts 3 March and costs £240; the syllabus is attached. No pressure, just so you have it.", platform="linkedin", kind="dm"),
            p("@jen_k yes, we ship to Ireland! It's €7 and takes 3-4 working days.", platform="x", kind="reply"),
            p("Hi Sam, your table for Friday is booked. If you'd like the set menu it's £35 a head, just let us know on the night.", platform="instagram", kind="dm"),
            p("Hi Noor, thanks for your order! We're a bit behind this week, so it'll ship Monday. Sorry for the wait.", platform="facebook", kind="dm"),
            p("Scouts' Christmas tree sale is on! Trees from £30, delivered by the troop, all money to summer camp. Book a slot: https://scouts-example.org/trees", platform="facebook"),
            p("Tickets for the school summer fair are £3 on the gate. Face painting, bouncy castle and the famous teachers' tug of war.", platform="facebook"),
            p("Open mic at the library café every second Friday. Free to play, £3 to watch, and the cake is homemade.", platform="facebook"),
            p("Parkrun volunteers needed this Saturday 🏃‍♀️ It's free, it's 5k, and there's always cake after.", platform="facebook"),
            "Sure, 'act now', because nothing says trust like a countdown timer on a PDF.",
            "Brilliant. Another 'exclusive offer' for a webinar I didn't sign up for. Truly exclusive.",
            "My landlord: 'the rent goes up next month'. Me: 'is there an early bird price?' Him: no.",
            "Every January the gym offers 50% off, and every February the gym is empty again. Funny that.",
            "Our accountant's favourite phrase is 'no limited-time offers on tax returns'. She's right.",
            "A founder told me her first agency promised 'guaranteed results'. Three months, zero leads, no refund.",
            "We were pitched 'only 2 spots left' three times by the same agency in one week. The spots are doing fine.",
            "Yesterday a stranger DMed: 'book a call today, price doubles tomorrow'. Blocked and reported.",
            "The new Apple ad says 'buy now, pay later'. We looked at how the copy works, frame by frame.",
            p("Industry news: the airline is offering 20% off flights to Lisbon after the strike, reports the BBC.", platform="linkedin"),
            p("Grad scheme open: 2 years, 3 rotations, £27k starting salary. Applications close 30 November.", platform="linkedin"),
            p("Our annual 10% off week is over for this year. Thanks for shopping small ❤️", platform="instagram"),
            "We don't do 'limited spots'. If we're full, we'll tell you, and we'll recommend someone good.",
            "Never buy a course because the timer says 00:04:59. It'll be back tomorrow.",
            p("Hi Ella, no worries about the late payment. I've waived the £10 fee this time.", platform="linkedin", kind="dm"),
            p("Reminder for members: the annual fee of £40 is due in April. Pay at reception or online as usual.", platform="facebook"),
            "Ten years ago we sold our first print for £5 at a car boot sale. Today we shipped our 10,000th.",
            p("Our favourite client email this week: 'can we have it cheaper if we say please?' Cute. No.", platform="linkedin"),
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The seventy-second batch: calm launches that say where to buy, logistics in DMs and replies,
# negation and irony in new words, and offers retold without quotation marks, beside pitches
# that press; measured untuned once, then tuned on.
TUNE_SEVENTY_SECOND: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {
        "fire": [
            p("Pre-orders close Friday and we won't restock till spring! Order yours now 👉 https://bp.agency/shop", platform="instagram"),
            p("Hi Ben, we build Webflow sites for architects in 3 weeks, fixed fee £4k. Open to seeing a few examples?", platform="linkedin", kind="dm"),
            "Our 6-week LinkedIn programme doubles profile views or you get a full refund. Enrolment closes tonight.",
            p("Mother's Day afternoon tea, £25 per person. Tables are going fast, book now to avoid missing out 🌸", platform="facebook"),
            p("Hey Jess! Love your brand. I help candle makers hit 5-figure months with TikTok Shop. Want the free plan I made for you?", platform="instagram", kind="dm"),
            "Today only: get our full Canva template pack for $12 (normally $49). Grab it here https://bp.agency/canva",
        ],
        "quiet": [
            p("Pre-orders for the new cookbook are open: https://bp.agency/cookbook. It ships in October.", platform="instagram"),
            p("The second edition of our guide is available now in paperback and ebook https://bp.agency/guide", platform="linkedin"),
            p("We've added gift wrapping at checkout, by popular request. £2, and the paper is recycled 🎁", platform="instagram"),
            p("New in the shop: the linen apron in sage. Same fit as the original, new colour https://bp.agency/shop/apron", platform="instagram"),
            p("Hi Carla, your replacement order is booked in for collection tomorrow between 9 and 12. No charge, of course.", platform="facebook", kind="dm"),
            p("@dev_rob the Pro plan is $20/month per seat; the free plan covers up to 3 people. Docs: https://bp.agency/pricing", platform="x", kind="reply"),
            p("Hi Fatima, I've checked and the 10% code did apply to your order; the total was £54 after the discount.", platform="instagram", kind="dm"),
            p("Hi Joe, we can't deliver to your postcode on Saturdays, sorry! Thursday or Friday both work and delivery is £5.", platform="facebook", kind="dm"),
            p("Beach clean this Sunday at 9! Gloves and bags provided, bring a flask. Free, all ages 🌊", platform="instagram"),
            p("Choir concert at St Mary's on the 9th. Tickets £10 at the door, children free, mince pies at the interval 🎶", platform="facebook"),
            p("Car boot sale in the school field, Sunday 8am. Pitches £10, buyers free, bacon rolls from the PTA.", platform="facebook"),
            "We are not, and will never be, the agency with a countdown timer on its homepage.",
            "Nothing on this page is on sale. It's a free checklist. Take it.",
            "Zero discount codes in this newsletter, just three good links and one bad joke.",
            "If one more vendor tells me their offer 'expires at midnight' I'm going to start a support group.",
            "My toddler runs a strict two-for-one policy: two biscuits for one nap. Negotiations ongoing.",
            "Love it when a brand says 'exclusive offer just for you' and it's the same email 40,000 people got.",
            "A prospect told us another agency quoted them 'guaranteed page one in a week'. We explained why that's impossible.",
            "Our client's old supplier kept pushing 'last chance' upgrades every month. They switched to us for the quiet.",
            "Someone on the forum asked if buying 10k followers for $20 is worth it. Short answer: no.",
            p("The council says parking will be free in December to help high street shops, the paper reports.", platform="facebook"),
            p("We're hiring a part-time bookkeeper: 2 days a week, £16 an hour, remote. Details at https://bp.agency/careers", platform="linkedin"),
            p("Our winter sale ended yesterday. Thank you, and see you in the summer!", platform="instagram"),
            p("Heads up: from March our delivery fee goes from £3 to £4. Orders over £40 still ship free.", platform="facebook"),
            p("Hi Tara, as promised, here's the quote for the brand shoot: £2,400 for the day including edits. Shout if you have questions.", platform="linkedin", kind="dm"),
            p("Thanks Sam! The workshop is £60 and there are still spaces on the 12th if that date works for you.", platform="instagram", kind="reply"),
            "Reading list this week: a great piece on why 'limited time' offers stopped working for SaaS https://example.com/limited",
            "In 2019 we tried a 3-for-2 bundle. It sold well and taught us we were undercharging.",
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The seventy-third batch: paid things announced calmly (a workshop date and price, a new
# service named, a restock), thanks and reviews, questions the reader asked in public, and
# retold pitches in new frames, beside pitches that press; measured untuned once, then tuned on.
TUNE_SEVENTY_THIRD: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {
        "fire": [
            p("Our next workshop is 5 May, £45. Only 6 seats left, book yours today https://bp.agency/workshop", platform="linkedin"),
            p("Hi Alex, we manage TikTok for 12 fashion brands and can get you 100k views a month. Fancy a quick call Friday?", platform="instagram", kind="dm"),
            "Restocked! 🔥 The bestselling tote is back, but only 50 made. Grab one before they're gone.",
            p("Struggling with content? Our team writes, designs and schedules a month of posts for £650. Message us for a free sample.", platform="facebook"),
            p("Hi Dana, great to connect. Is social media on your radar for Q3? We help clinics fill their diaries, happy to share what's worked.", platform="linkedin", kind="dm"),
            "Final call ⏳ the 40% founder discount disappears at 6pm. Claim it here https://bp.agency/founders",
        ],
        "quiet": [
            p("Our next workshop is on 5 May in Bristol: £45, lunch included. Details are here https://bp.agency/workshop", platform="linkedin"),
            p("We now offer video editing as well as design. Same team, one more skill.", platform="linkedin"),
            p("The bestselling tote is back in stock in all three colours 👜 https://bp.agency/shop/tote", platform="instagram"),
            p("Thank you @hannah_b for the lovely review of our pottery class! See you next term 🏺", platform="instagram"),
            p("Five stars from Mark: 'fast, friendly, and they didn't upsell me once'. That's the goal.", platform="facebook"),
            p("@lisa_m great question! Yes, the £20 voucher covers any class, and it doesn't expire.", platform="instagram", kind="reply"),
            p("@tim_g our rates are on the website, but happy to talk it through if your project's unusual.", platform="x", kind="reply"),
            p("Hi Helen, I've moved your appointment to Thursday at 3. The price stays the same.", platform="facebook", kind="dm"),
            p("Hi Marcus, the item you returned arrived today. Your £35 refund has been issued.", platform="instagram", kind="dm"),
            p("Jumble sale Saturday at the scout hut! 20p a bag, everything must go, proceeds to the new minibus 🚐", platform="facebook"),
            p("Lantern parade workshop, Sunday 2pm: £4 per lantern, materials included, all ages 🏮", platform="facebook"),
            p("Wild swimming club fees for next year are £25, same as last year. Pay the treasurer whenever.", platform="facebook"),
            "We'll never DM you 'exclusive prices'. If someone does, it isn't us.",
            "This post contains no offers, no codes and no countdowns. Just a chart.",
            "Imagine thinking 'limited spots' works on a room of marketers. We see you.",
            "My horoscope says there's a limited-time opportunity coming. I assume it's the biscuits in the kitchen.",
            "Overheard at the conference: 'we guarantee 10x ROI, book a call'. The room went quiet.",
            "A follower sent us a DM they'd got: 'Hi dear, 5k followers only $15, order now'. Please don't.",
            "Our client said the last agency pitched her 'done-for-you growth, 30 days, guaranteed'. It wasn't done, or for her.",
            p("Retail news: the bookshop chain is cutting prices by 30% on bestsellers to compete with online sellers.", platform="linkedin"),
            p("We're looking for a freelance photographer for two days in June, £400 a day. Send your portfolio to jobs@bp.agency", platform="linkedin"),
            p("Our pop-up shop closed on Sunday after three brilliant weeks. Thank you, Manchester!", platform="instagram"),
            "Back when we launched, we offered our first 10 clients half price. Eight of them are still with us.",
            p("Our prices for 2027 are on the website now. Nothing has changed except the VAT line.", platform="linkedin"),
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The seventy-fourth batch: the settings of the four before, in voices not yet used (a
# florist, a gym, a dentist, a software shop, a parish, a union, a newsroom), measured untuned
# once, then tuned on.
TUNE_SEVENTY_FOURTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {
        "fire": [
            p("Valentine's bouquets from £35 💐 Order by Wednesday for guaranteed delivery, only 40 left!", platform="instagram"),
            p("January joiners: no joining fee and your first month for £1. Offer ends Sunday, sign up at reception or online https://bp.agency/join", platform="facebook"),
            p("Hi Dr Patel, we help dental practices get 25+ new Invisalign consults a month. Could I show you a 5-minute case study?", platform="linkedin", kind="dm"),
            "Our scheduling app saves agencies 10 hours a week. Start your free trial today, no card needed: https://bp.agency/app",
            p("Hey Tom, saw you're hiring a marketer. Before you do: we'll run your whole social for less than a junior's salary. Worth a chat?", platform="linkedin", kind="dm"),
            "Last 3 places on Saturday's sourdough class. £60 including lunch. Book now!",
        ],
        "quiet": [
            p("Our Valentine's bouquets are in the window now 💐 Pop in and have a sniff.", platform="instagram"),
            p("The gym is open 6am to 10pm over the holidays. Classes as normal except Christmas Day.", platform="facebook"),
            p("Hi Mrs Green, a reminder that your check-up is on Tuesday at 10. The fee is covered by your plan.", platform="facebook", kind="dm"),
            p("Version 4.2 of the app is out: faster sync, dark mode, and the bug with exports is fixed. Release notes: https://bp.agency/notes", platform="linkedin"),
            p("Hi Sara, the licence for your team of 8 renews on 1 June at the same price. Nothing to do unless you want changes.", platform="linkedin", kind="dm"),
            p("Harvest supper in the parish hall, Friday 7pm. £8 for two courses, bring your own drinks. All welcome 🍂", platform="facebook"),
            p("Members: the union's free legal advice line is open Mon-Fri, 9 to 5. Call the usual number.", platform="facebook"),
            p("Christmas market this weekend on the green. Stalls from local makers, mulled wine £3.", platform="facebook"),
            p("The newsroom's take: the 'buy now, pay later' boom is slowing as rates rise.", platform="linkedin"),
            "Nobody is selling anything in this thread. Just tell us your favourite biscuit.",
            "We don't have a discount for you. We have a really good guide, and it's free.",
            "Sorry, no Black Friday deals from us this year. Our prices were fair in October too.",
            "Things my brain offers at 3am: a limited-time opportunity to remember every mistake since 2009.",
            "Whoever invented 'only 2 left in stock' on every product deserves an award and a fine.",
            "My gran's idea of a flash sale is the fridge light going on. She's 94 and correct.",
            "Our designer's mum asked if we do a 2-for-1 on logos. We love her. We do not.",
            "A cold email this morning promised 'guaranteed 50 leads a week'. It was sent to our unsubscribe address.",
            "A competitor's ad says 'book a free call today, only 3 slots left'. It has said that since March.",
            p("Report: supermarket sales rose 4% in December as shoppers took up loyalty-card deals.", platform="linkedin"),
            p("Volunteer drivers wanted for the hospital shuttle. Mileage paid at 45p a mile. Two hours a week makes a difference.", platform="facebook"),
            p("Our 2-for-1 cocktail hour in Dry January was, in hindsight, a brave idea. 3 customers. Lovely ones.", platform="instagram"),
            p("From April, studio hire goes from £30 to £35 an hour. Bookings made before then keep the old rate.", platform="instagram"),
            p("@nat_w thanks! The starter kit is £25 and the refills are £8; everything is listed on the shop page.", platform="instagram", kind="reply"),
            p("Hi Jay, you're right that the promo code expired on the 3rd, sorry! I've applied the discount to your order anyway.", platform="instagram", kind="dm"),
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The seventy-fifth batch: tickets and enrolment announced without pressure, thank-you posts
# after a launch, negation of the agency's own habits, retold pitches without quotation
# marks, and pitches in a calm voice; measured untuned once, then tuned on.
TUNE_SEVENTY_FIFTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {
        "fire": [
            p("Hi Oliver, I noticed your reviews mention slow replies. Our chatbot answers DMs in under a minute for £49 a month. Can I set up a free trial for you?", platform="linkedin", kind="dm"),
            "We write newsletters that people actually open: 52% average open rate across our clients. Reply 'NEWS' and we'll send a sample issue.",
            p("Spring term enrolment closes Friday and there are only 4 places left in the beginners' class. Enrol now at https://bp.agency/enrol", platform="facebook"),
            p("Hey Priya! We're giving 10 brands a free Instagram audit this month. Want one of the spots before they go?", platform="instagram", kind="dm"),
            p("Tickets for the spring show are selling fast! Grab yours now before the best seats are gone 🎭 https://bp.agency/show", platform="facebook"),
        ],
        "quiet": [
            p("Tickets for the spring show are on sale now: 12-14 April at the Corn Exchange 🎭 https://bp.agency/show", platform="facebook"),
            p("Enrolment for the autumn term is open. Course list and fees are on our site: https://bp.agency/courses", platform="facebook"),
            p("Thank you to everyone who came to the launch last night 🥂 The book is in shops from today.", platform="instagram"),
            p("We've updated our pricing page so it's easier to read. Same prices, fewer footnotes. https://bp.agency/pricing", platform="linkedin"),
            "We stopped putting 'limited spots' on our workshop pages. Bookings didn't drop at all.",
            "We'd never write 'act now' on a client's ad. Here's what we write instead.",
            "You won't find a single countdown timer on our site, and you never will.",
            "Not a sale, not a launch, not a giveaway. Just a photo of the team dog.",
            "My neighbour offered me 'mates' rates' on a shed, then charged me double. Lesson learned.",
            "Our first ever client offered to pay us in cake. We said yes. We regret nothing.",
            "The salesman told us we could save 30% if we signed that day. We didn't. Best decision we made.",
            "Back in 2015 every agency was promising guaranteed virality. Some still are.",
            p("Hi Kate, your new card has been added and the £12 payment went through. Thanks for sorting it!", platform="facebook", kind="dm"),
            p("Hi Dev, the size 10 is back in stock. I've held one for you until Friday, no obligation.", platform="instagram", kind="dm"),
            p("@ron_p we open at 8 on Saturdays. The breakfast menu is £9.50 and the coffee is bottomless ☕", platform="x", kind="reply"),
            p("Our community choir is free to join, no auditions. The only cost is the £2 tea kitty, and that's optional 🎤", platform="facebook"),
            p("Dog show on the rec this Sunday! £1 a class, rosettes for every pup, all money to the animal rescue 🐶", platform="facebook"),
            p("Economists expect retailers to offer deeper discounts in January after weak Christmas sales.", platform="linkedin"),
            p("Part-time receptionist wanted, 3 days a week, £12.50/hr, start ASAP. Apply in person at the salon.", platform="facebook"),
            p("The summer sale is done and dusted! Thanks for shopping with us, see you in autumn 🍂", platform="instagram"),
            "Me at 9am: no more impulse buys. Me at 9.05am: but it's 40% off. Send help.",
            p("Hi Ruth, you asked about group bookings: for 10 or more it's £18 a head instead of £22.", platform="facebook", kind="dm"),
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The seventy-sixth batch: after the seventy-fifth's round, look-alikes from accounts not yet
# heard (a bike shop, a nursery, a library, a recruiter, a podcast, a wedding venue), beside
# their pitches; measured untuned once, then tuned on.
TUNE_SEVENTY_SIXTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {
        "fire": [
            p("Bike service special: full tune-up £49 (normally £75), this month only. Book your slot online today 🚲", platform="facebook"),
            p("Hi Amira, congrats on the new venue! We photograph 60+ weddings a year and we'd love to be on your recommended list. Could we pop by next week?", platform="instagram", kind="dm"),
            "Recruiters: we'll fill your hardest tech roles in 21 days or you pay nothing. Book a 15-min call this week.",
            p("Podcast sponsorship slots for Q2 are open! Reach 40k marketers for £800 an episode. Only 3 left, DM us to book.", platform="linkedin"),
        ],
        "quiet": [
            p("New bikes in for spring, including a couple of lovely steel tourers. Come and have a test ride, no appointment needed 🚲", platform="instagram"),
            p("Nursery places for September are now allocated. If you applied, you'll hear from us by Friday.", platform="facebook"),
            p("The library's book sale is on Saturday: paperbacks 50p, hardbacks £1. Money goes to new children's books 📚", platform="facebook"),
            p("Hi Owen, thanks for applying. The role pays £38k and the interview is on the 14th at 2pm; directions attached.", platform="linkedin", kind="dm"),
            p("New episode: we talk to a florist who tripled her sales without a single discount 🎙️ https://bp.agency/podcast/42", platform="linkedin"),
            p("Our wedding venue is fully booked for 2026. Thank you! Dates for 2027 open in January.", platform="instagram"),
            "We'll never offer you '50% off for the first 3 months'. It's the same price every month, on purpose.",
            "My dentist offered me a 'loyalty discount' for coming back after 5 years. I'll take it, I suppose.",
            "Apparently the printer is now offering a premium tier: it works, but only on Tuesdays.",
            "Every webinar ends with 'and for the next 10 minutes only...'. We timed one. It was still open a week later.",
            "Our client got a cold DM saying they could 'double their sales in 30 days'. Their sales are fine, thanks.",
            p("The local paper reports the cinema will offer £5 tickets on Tuesdays from next month.", platform="facebook"),
            p("Hi Lou, your order's running a day late because of the storm. Sorry! It'll be with you Wednesday.", platform="facebook", kind="dm"),
            p("@carl_t the spin class is £7 drop-in or included in any membership. The timetable's on the app.", platform="instagram", kind="reply"),
            p("Coffee morning for carers, Thursday 10-12 at the community centre. Free, with cake. No need to book.", platform="facebook"),
            p("Our Easter egg hunt raised £640 for the school library. Thank you, bunnies 🐰", platform="facebook"),
            p("The 2-for-1 tapas nights have finished for the season. Back in May!", platform="instagram"),
            p("Hi Jo, as discussed, the revised proposal is attached: £3,200 for the campaign, split over two months.", platform="linkedin", kind="dm"),
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

# The seventy-seventh batch: a last check after the seventy-sixth's round, mixing every
# setting of the seven before in new words; measured untuned once, then tuned on.
TUNE_SEVENTY_SEVENTH: dict[str, dict[str, list[Any]]] = {
    "share-begging": {"fire": [], "quiet": []},
    "sales-pitch": {
        "fire": [
            p("Hi Noah, I run a small ads agency. We cut cost per lead by 40% for three solar installers last quarter. Would a quick look at your account be useful?", platform="linkedin", kind="dm"),
            p("48-hour sale! 25% off every course with code SPRING25. Ends Sunday midnight https://bp.agency/courses", platform="instagram"),
            "Want a content calendar that runs itself? We build it, fill it and post it for £399/month. Grab a free strategy call: link in bio.",
            p("Only 10 early-bird passes left at £79 for the Social Summit. After that it's £129. Get yours now https://bp.agency/summit", platform="linkedin"),
            p("Hey Fran! Quick one: we're onboarding 3 new salon clients this month and I'd love yours to be one. Shall I send our packages?", platform="instagram", kind="dm"),
        ],
        "quiet": [
            p("We've redesigned our booking page. Same prices, fewer clicks, and it works on phones now https://bp.agency/book", platform="linkedin"),
            p("The new issue of our magazine is out. This month: how small shops are using WhatsApp https://bp.agency/mag", platform="linkedin"),
            p("Our Christmas opening hours are on the door and on Google. Merry Christmas from all of us 🎄", platform="facebook"),
            p("Hi Will, we've received your return and the £28 refund is on its way. Thanks for your patience!", platform="instagram", kind="dm"),
            p("Hi Ivy, your hamper will be delivered on the 22nd between 8 and 1. The driver will call ahead.", platform="facebook", kind="dm"),
            p("@greg_h yes, the £15 gift card works online and in store, and it's valid for two years.", platform="x", kind="reply"),
            p("Hi Ade, you asked if there's parking: yes, free for the first 2 hours, and the class fee includes a drink.", platform="facebook", kind="dm"),
            p("Panto rehearsals start Monday! Tickets go on sale in November, £8 adults, £5 kids 🎭", platform="facebook"),
            p("Pub quiz for the hospice this Friday. £3 entry, prize is a meat raffle and eternal glory.", platform="facebook"),
            p("Sunday's litter pick meets at the bandstand at 10. Grabbers and bags provided, free hot chocolate after.", platform="instagram"),
            "We haven't run a discount in three years and we're not about to start.",
            "No upsells, no add-ons, no 'premium tier'. One price, and it's on the website.",
            "This isn't a pitch. It's a spreadsheet we use for planning, and you can copy it.",
            "Nothing says 'trust me' like 'guaranteed results' in a LinkedIn headline, right?",
            "My cat just knocked a mug off the table. Clearly running a clearance sale on my belongings.",
            "Our office plant has been on a 100% off growth offer since March. It's thriving anyway.",
            "An agency once told us they could get us 'guaranteed 10k followers in a week'. We asked for the refund policy. Silence.",
            "A friend asked whether the 'only 2 left' notices on booking sites are real. Mostly, no.",
            p("Reuters: the chain is offering staff 15% off to boost morale after the merger.", platform="linkedin"),
            p("Trainee designer wanted, full-time, £24k. Portfolio to hello@bp.agency by 1 March.", platform="linkedin"),
            p("Thanks to everyone who shopped our anniversary sale last weekend, it was our best ever 🎉", platform="instagram"),
            p("Heads up, members: the annual renewal goes from £60 to £65 in April. Nothing else changes.", platform="facebook"),
            "Five years ago we'd have written 'limited spots, book now!' on this post. We've grown up a bit.",
            p("Hi Rob, as you requested, our day rate is £650 and a half day is £350.", platform="linkedin", kind="dm"),
        ],
    },
    "mention-push": {"fire": [], "quiet": []},
}

BATCHES = (
    TUNE, TUNE_SECOND, TUNE_THIRD, TUNE_FOURTH, TUNE_FIFTH, TUNE_SIXTH, TUNE_SEVENTH, TUNE_EIGHTH,
    TUNE_NINTH, TUNE_TENTH, TUNE_ELEVENTH, TUNE_TWELFTH,
    TUNE_THIRTEENTH, TUNE_FOURTEENTH, TUNE_FIFTEENTH,
    TUNE_SIXTEENTH, TUNE_SEVENTEENTH, TUNE_EIGHTEENTH,
    TUNE_NINETEENTH, TUNE_TWENTIETH, TUNE_TWENTY_FIRST,
    TUNE_TWENTY_SECOND, TUNE_TWENTY_THIRD,
    TUNE_TWENTY_FOURTH, TUNE_TWENTY_FIFTH, TUNE_TWENTY_SIXTH,
    TUNE_TWENTY_SEVENTH, TUNE_TWENTY_EIGHTH, TUNE_TWENTY_NINTH,
    TUNE_THIRTIETH, TUNE_THIRTY_FIRST, TUNE_THIRTY_SECOND,
    TUNE_THIRTY_THIRD, TUNE_THIRTY_FOURTH, TUNE_THIRTY_FIFTH,
    TUNE_THIRTY_SIXTH, TUNE_THIRTY_SEVENTH, TUNE_THIRTY_EIGHTH,
    TUNE_THIRTY_NINTH, TUNE_FORTIETH, TUNE_FORTY_FIRST,
    TUNE_FORTY_SECOND, TUNE_FORTY_THIRD, TUNE_FORTY_FOURTH,
    TUNE_FORTY_FIFTH, TUNE_FORTY_SIXTH, TUNE_FORTY_SEVENTH,
    TUNE_FORTY_EIGHTH, TUNE_FORTY_NINTH,
    TUNE_FIFTIETH, TUNE_FIFTY_FIRST,
    TUNE_FIFTY_SECOND, TUNE_FIFTY_THIRD,
    TUNE_FIFTY_FOURTH, TUNE_FIFTY_FIFTH,
    TUNE_FIFTY_SIXTH, TUNE_FIFTY_SEVENTH,
    TUNE_FIFTY_EIGHTH, TUNE_FIFTY_NINTH,
    TUNE_SIXTIETH, TUNE_SIXTY_FIRST,
    TUNE_SIXTY_SECOND, TUNE_SIXTY_THIRD,
    TUNE_SIXTY_FOURTH, TUNE_SIXTY_FIFTH, TUNE_SIXTY_SIXTH,
    TUNE_SIXTY_SEVENTH, TUNE_SIXTY_EIGHTH, TUNE_SIXTY_NINTH,
    TUNE_SEVENTIETH, TUNE_SEVENTY_FIRST, TUNE_SEVENTY_SECOND, TUNE_SEVENTY_THIRD,
    TUNE_SEVENTY_FOURTH, TUNE_SEVENTY_FIFTH, TUNE_SEVENTY_SIXTH,
    TUNE_SEVENTY_SEVENTH,
)
