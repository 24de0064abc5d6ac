"""Agency assistant: reviews social posts and feeds with rules and an optional LLM critique.

The public surface is small on purpose; everything else is an implementation detail.
"""

__version__ = "0.1.0"
