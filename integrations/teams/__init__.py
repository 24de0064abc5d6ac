"""Microsoft Teams: Adaptive Cards through Workflows webhooks (and legacy connectors)."""
