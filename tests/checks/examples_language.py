"""not-english examples for the shared tables (test_post_rules.py): posts the English-only
rules cannot read, and English ones that must get no note. The full table of languages,
short posts and code-switching is in test_language.py."""

from __future__ import annotations

from typing import Any

from tests.checks.examples import p

EXAMPLES_LANGUAGE: dict[str, dict[str, list[Any]]] = {
    "not-english": {
        "fire": [
            "¡Compra ahora! 50% de descuento solo hoy, link en bio 👉",
            "Jetzt kaufen – nur heute 30 % Rabatt!",
            "Bitte teilt diesen Beitrag mit euren Freunden!",
            p("Hola Marta, te escribo porque tenemos una oferta para tu tienda esta semana", kind="dm"),
            "今日はソーシャルメディアの話をしましょう 🎉👍🏽 https://example.jp/a",
        ],
        "quiet": [
            "Great day!",
            "lol same",
            "🔥🔥 #mondaymotivation",
            "Brunch at Café de Flore this Sunday, who's in?",
            "Limited time: 20% off our audit. Book a call today!",
            p("¡Compra ahora! 50% de descuento solo hoy, link en bio 👉", kind="repost"),
        ],
    },
}
