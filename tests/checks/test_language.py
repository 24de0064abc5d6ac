"""not-english: a post the English-only rules cannot read says so, and is no worse for it.

share-begging, sales-pitch and mention-push read English only. A Spanish pitch used to come
back clean, scored 100, in silence; now the review says it was not checked, in which
language it reads, and who should check it, and the score and verdict stay what the post
earned. The table below is the judgement (proselint style): a text, and the language note a
reader should get (`None`: English, or too short to tell; "not English" when the language
is not told reliably).
"""

from __future__ import annotations

import pytest

from assistant.checks.language import foreign_language
from assistant.checks.ruleset import RuleSet
from assistant.config import RulesConfig
from assistant.models import Finding, Post
from assistant.review import post_score, review_post, verdict
from tests.checks.examples import p

# text -> the note's language (None: no note)
NOTES: list[tuple[str, str | None]] = [
    # too short to tell, or nothing but tags, links and emoji
    ("Great day!", None),
    ("lol same", None),
    ("🔥🔥 #mondaymotivation", None),
    ("🎉🎉🎉", None),
    ("https://t.co/kY4IvduBiy https://t.co/KPXyO2Via6", None),
    ("@jane @max 👋", None),
    ("Thanks @maria! 🙌", None),
    ("¡Gracias!", None),
    ("Danke!", None),
    ("ありがとう", None),
    ("les antipodes http://visbot.net/?p=1018", None),
    # English, however little of it
    ("Our new menu drops Friday: https://cafe.example/menu", None),
    ("Limited time: 20% off our audit. Book a call today!", None),
    ("Please RT! Our 2026 report is out.", None),
    ("HTML 5 Tutorial\nhttp://html5tutorial.net/", None),
    ("#github release: webvsc-ui 0.5.0 https://t.co/ES1L3NvZV7", None),
    ("Electron 1.0\n\nhttps://t.co/WM3FrTMdPn", None),
    ("visbot television redesign! http://vimeo.com/vbtv", None),
    ("Media Queries Level 4 :)", None),
    # English with foreign names, words, links and tags
    ("Brunch at Café de Flore this Sunday, who's in?", None),
    ("Brunch @ Café de la Paix 🥐 #paris", None),
    ("Our Maison Kitsuné collab is live, link in bio", None),
    ("Loved the joie de vivre at yesterday's launch", None),
    ("Tour de France starts today and we're glued to the screen", None),
    ("Cirque du Soleil tickets are on sale now", None),
    ("El Paso, here we come!", None),
    ("Great speech by Ursula von der Leyen today", None),
    ("Our Weihnachtsmarkt guide is up: mulled wine, gifts and more", None),
    ("Can't wait for Oktoberfest! Prost 🍻", None),
    ("Had the best ramen at 一蘭 today!", None),
    ("New post: 東京 travel guide https://blog.example/tokyo", None),
    ("Read the story: https://elpais.com/es/la-casa-de-papel-vuelve-con-los-nuevos", None),
    ("@la_vie_en_rose thanks for the shoutout!", None),
    ("#ParisJeTaime was trending all day, here is why", None),
    ("I uploaded a @YouTube video -- [VC007] 09 les Noobiens - min syster lider av psykisk "
     "ohälsa http://youtu.be/pMx", None),
    # code-switched: the English-only rules read the English that leads
    ("Gracias to everyone who came to our Madrid meetup! 🎉", None),
    ("Danke, Berlin! What a night.", None),
    ("Merci beaucoup to our Montréal crew for hosting us last night", None),
    ("Thanks for coming to our launch last night, gracias amigos!", None),
    ("Gracias a todos por venir!! Best night ever 🎉 nos vemos pronto en Madrid", "Spanish"),
    # other languages, named
    ("¡Compra ahora! 50% de descuento solo hoy, link en bio 👉", "Spanish"),
    ("@maria gracias por venir, nos vemos el sábado en la tienda", "Spanish"),
    ("¡Comparte esta publicación con tus vecinos! Abrimos la panadería el sábado a las 8 🥐", "Spanish"),
    ("Jetzt kaufen – nur heute 30 % Rabatt!", "German"),
    ("Bitte teilt diesen Beitrag mit euren Freunden!", "German"),
    ("Ich habe ein @YouTube-Video hochgeladen. http://t.co/0K6KV1QF VB243 00", "German"),
    ("@kahlillechelt da stimm ich dir voll und ganz zu...", "German"),
    ("Achetez maintenant : -40 % sur toute la boutique, aujourd'hui seulement !", "French"),
    ("Partilhem este post com os vossos amigos, obrigado!", "Portuguese"),
    ("Compra ora: sconto del 30% solo per oggi! Link in bio", "Italian"),
    ("Koop nu met 25% korting, alleen vandaag!", "Dutch"),
    ("Köp nu! 20 % rabatt på allt i butiken idag", "Swedish"),
    ("Presentando .SOY, un nuevo dominio para la comunidad latina. La web está creciendo y "
     ".SOY es una manera nueva de identificarse https://youtu.be/8IP7Y5B2-Io", "Spanish"),
    ("C'est la vie! On se voit demain à Paris pour le lancement", "French"),
    ("L'équipe est prête pour demain, rendez-vous à 9h", "French"),
    ("Ciao a tutti! Oggi è il grande giorno, vi aspettiamo in negozio", "Italian"),
    ("Obrigado a todos que vieram ao nosso evento ontem!", "Portuguese"),
    ("Bedankt voor jullie komst, het was een geweldige dag", "Dutch"),
    ("Dziękujemy wszystkim za udział w naszym wydarzeniu, to był świetny dzień", "Polish"),
    ("Bugün yeni ürünümüzü tanıtıyoruz, çok heyecanlıyız ve sizi bekliyoruz", "Turkish"),
    ("Terima kasih untuk semua yang sudah datang ke acara kami hari ini", "Indonesian"),
    ("Salamat po sa lahat ng suporta ninyo sa aming tindahan", "Tagalog"),
    ("Hôm nay chúng tôi ra mắt sản phẩm mới, cảm ơn các bạn", "Vietnamese"),
    ("COMPRA AHORA 50% DE DESCUENTO SOLO HOY", "Spanish"),  # shouting: DE is a word
    # Danish or Norwegian: their words are nearly all shared, so the language is not named
    ("Vi ses i morgen på kontoret, det bliver en god dag", "not English"),
    # English with acronyms, casual spelling and borrowed phrases
    ("See you in LA next week, DE team!", None),
    ("im so excited for the launch lol", None),
    ("Pro tip: CI/CD pipelines need love too", None),
    ("Happy Día de los Muertos from all of us at the studio", None),
    ("New blog: la dolce vita of remote work, and why we love it", None),
    ("Grazie mille Milano! What a night 🎶", None),
    ("Je suis Charlie", None),
    ("Mañana launch day. Estamos listos!", None),  # half and half: the English is read
    # other scripts
    ("Купуйте зараз зі знижкою 50%, тільки сьогодні!", "Ukrainian"),
    ("अभी खरीदें! आज ही 50% की छूट", "Devanagari script"),
    ("קנו עכשיו! 50% הנחה רק היום", "Hebrew"),
    ("今日はソーシャルメディアの話をしましょう 🎉👍🏽 https://example.jp/a", "Japanese"),
    ("今すぐ購入！50%オフは今日だけ", "Japanese"),
    ("立即购买！今天全场五折", "Chinese"),
    ("지금 구매하세요! 오늘만 50% 할인", "Korean"),
    ("Купите сейчас со скидкой 50%, только сегодня!", "Russian"),
    ("Купете сега с отстъпка, само днес!", "Cyrillic script"),
    ("اشترِ الآن! خصم 50% اليوم فقط", "Arabic script"),
    ("ซื้อเลย ลด 50% วันนี้เท่านั้น", "Thai"),
    ("Η προσφορά ισχύει μόνο σήμερα!", "Greek"),
]


@pytest.mark.parametrize(("text", "expected"), NOTES, ids=[t[:40] for t, _ in NOTES])
def test_the_language_a_reader_is_told(text: str, expected: str | None) -> None:
    found = foreign_language(text)
    assert (found.label if found else None) == expected


# --- the note a review shows ------------------------------------------------------------

RULES = RuleSet.from_config()
WITHOUT_NOTE = RuleSet.from_config(RulesConfig(ignore=["not-english"]))
SPANISH = "¡Compra ahora! 50% de descuento solo hoy, link en bio 👉"
GERMAN = "Jetzt kaufen – nur heute 30 % Rabatt! https://shop.example/sale"


def _note(post: Post, rules: RuleSet = RULES) -> Finding | None:
    return next((f for f in rules.check_post(post) if f.rule == "not-english"), None)


def test_a_spanish_draft_is_told_it_was_not_checked_and_by_whom_to_check() -> None:
    note = _note(p(SPANISH))
    assert note is not None and note.severity == "info"
    assert note.message == (
        "Not checked for share requests, sales pitches or mention pushes: this reads as Spanish, "
        "and those checks read English only. Have someone who reads it check.")
    assert note.evidence and note.post_id == "ex"


def test_a_language_not_told_reliably_is_called_not_english() -> None:
    note = _note(p("Купете сега с отстъпка, само днес!"))
    assert note is not None
    assert "this is written in Cyrillic script" in note.message


def test_an_english_draft_and_a_short_one_get_no_note() -> None:
    assert _note(p("Limited time: 20% off our audit. Book a call today!")) is None
    assert _note(p("¡Gracias!")) is None


@pytest.mark.parametrize("kind", ["post", "reply", "quote", "dm"])
def test_every_kind_the_english_only_rules_read_gets_the_note(kind: str) -> None:
    assert _note(p(SPANISH, kind=kind)) is not None


def test_a_repost_is_someone_else_s_words_and_gets_none() -> None:
    assert _note(p(SPANISH, kind="repost")) is None


def test_the_note_names_only_the_english_only_rules_in_force() -> None:
    one = RuleSet.from_config(RulesConfig(ignore=["share-begging", "mention-push"]))
    note = _note(p(SPANISH), one)
    assert note is not None
    assert note.message.startswith("Not checked for sales pitches: this reads as Spanish, and "
                                   "that check reads English only.")
    none = RuleSet.from_config(RulesConfig(ignore=["share-begging", "sales-pitch", "mention-push"]))
    assert _note(p(SPANISH), none) is None
    assert "not-english" not in none.by_id  # nothing left for it to speak for


def test_config_can_ignore_or_regrade_the_note() -> None:
    assert _note(p(SPANISH), WITHOUT_NOTE) is None
    loud = RuleSet.from_config(RulesConfig(severity={"not-english": "warning"}))
    note = _note(p(SPANISH), loud)
    assert note is not None and note.severity == "warning"


@pytest.mark.parametrize("text", [SPANISH, GERMAN, "今すぐ購入！50%オフは今日だけ"])
def test_a_non_english_draft_scores_and_is_judged_as_without_the_note(text: str) -> None:
    for kind in ("post", "dm"):
        post = p(text, kind=kind)
        noted, plain = review_post(post, RULES), review_post(post, WITHOUT_NOTE)
        assert any(f.rule == "not-english" for f in noted.findings)
        assert not any(f.rule == "not-english" for f in plain.findings)
        assert (verdict(noted), post_score(noted)) == (verdict(plain), post_score(plain))


def test_a_regraded_note_still_moves_neither_score_nor_verdict() -> None:
    loud = RuleSet.from_config(RulesConfig(severity={"not-english": "error"}))
    review = review_post(p(SPANISH), loud)
    assert [f.severity for f in review.findings if f.rule == "not-english"] == ["error"]
    assert (verdict(review), post_score(review)) == ("publish", 100)


def test_the_rule_is_a_note_that_belongs_to_no_health_component() -> None:
    declared = RULES.by_id["not-english"].rule
    assert declared.component is None
    assert declared.speaks_for == ("share-begging", "sales-pitch", "mention-push")
    assert "repost" not in declared.applies_to


# --- what a user of the command line sees ------------------------------------------------

def test_the_command_line_says_it_and_still_publishes(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from tests.test_cli import run

    code, out, _ = run(capsys, "review", SPANISH, "--format", "json", "--no-llm")
    review = json.loads(out)
    assert code == 0 and (review["verdict"], review["score"]) == ("publish", 100)
    assert [f["rule"] for f in review["findings"]] == ["not-english"]
    assert review["findings"][0]["evidence"].startswith("Spanish: ")
    code, out, _ = run(capsys, "review", SPANISH, "--no-llm", "--fail-on", "info")
    assert code == 1 and "this reads as Spanish" in out
