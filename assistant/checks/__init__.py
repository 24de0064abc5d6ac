"""Deterministic checks: pure functions over posts and feeds, no I/O, no clock."""
