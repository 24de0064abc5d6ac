"""The built-in rules, one small module per concern. Importing this package registers them.

The import order is the order `assistant rules` lists them in: post rules first, in
the order an editor would read a draft, then feed rules.
"""

# ruff: noqa: F401, I001  (imported for their registrations; order is deliberate)
from assistant.checks.rules import share_begging, sales_pitch, mention_push, not_english, link_only
from assistant.checks.rules import too_long, hashtags, alt_text
from assistant.checks.rules import repetition, stale_latest, link_flood
from assistant.checks.rules import conversation, promotion, images, cadence, blog
