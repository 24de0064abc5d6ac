"""Activity handlers, one module per kind, each with a `register(app, deps)`."""
