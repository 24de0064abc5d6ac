"""The Slack app: a bolt app (HTTP or Socket Mode), its listeners, and the job worker."""
