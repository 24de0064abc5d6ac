"""Placeholder: rules of this module are not written yet."""
