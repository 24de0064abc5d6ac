"""Microsoft Teams: the bot (`bot/`, Teams SDK) and cards through Workflows webhooks."""
