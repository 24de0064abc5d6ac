"""Approvals in Teams: the approval card, the presenter the worker registers, the submit dialog."""
