"""The built-in rules, one small module per concern. Importing this package registers them.

Post rules: share_begging, sales_pitch, mention_push, link_only, too_long, hashtags, alt_text.
Feed rules: repetition (also post rules against history), conversation, promotion,
images, cadence, blog.
"""

from assistant.checks.rules import (  # noqa: F401
    alt_text,
    blog,
    cadence,
    conversation,
    hashtags,
    images,
    link_only,
    mention_push,
    promotion,
    repetition,
    sales_pitch,
    share_begging,
    too_long,
)
