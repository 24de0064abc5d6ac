"""The `[[clients]]` entry a queued post belongs to, looked up by name."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.config import ClientConfig, WorkspaceConfig


def client_config(workspace: WorkspaceConfig, name: str) -> ClientConfig | None:
    """The client called `name` in assistant.toml, or None."""
    return next((c for c in workspace.clients if c.name == name), None)
