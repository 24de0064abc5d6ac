"""The Microsoft Teams bot: commands, the "Review this post" action and cards, on the Teams SDK."""
