"""Chat and delivery platforms (Slack, Teams): requests in, the core's answers rendered out."""
