"""AAD group approvers (`teams:group:<AAD object id>`): their members through Microsoft Graph.

Graph is asked when it is configured: the bot's app registration (`CLIENT_ID`,
`CLIENT_SECRET`, `TENANT_ID`, granted `GroupMember.Read.All`) gets an app token from the
Teams SDK's token manager, and `GRAPH_BASE_URL` may point at another Graph endpoint (a
national cloud, a proxy). Members (transitive, users only) are cached briefly in Redis.
Without Graph, or when Graph refuses, a group grants nobody and a warning says why.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
from typing import TYPE_CHECKING, Any

from assistant.store import key

if TYPE_CHECKING:
    from redis import Redis

    from integrations.teams.bot.settings import TeamsSettings

log = logging.getLogger("assistant.approvals")
GRAPH = "https://graph.microsoft.com"
GROUP_TTL = 60  # seconds a group's members are cached (membership changes are rare)
MAX_PAGES = 50  # 999 members a page: far beyond any approver group


class GraphGroups:
    """AAD groups' members from Graph (`/groups/{id}/transitiveMembers`), cached in Redis."""

    def __init__(self, redis: Redis, teams: TeamsSettings, *, timeout: float = 5.0) -> None:
        self.redis, self.teams, self.timeout = redis, teams, timeout

    @property
    def base_url(self) -> str:
        return (self.teams.graph_base_url or GRAPH).rstrip("/")

    @property
    def configured(self) -> bool:
        teams = self.teams
        return bool(teams.graph_base_url or (teams.client_id and teams.client_secret))

    @functools.cached_property
    def _manager(self) -> Any:
        """The SDK's token manager (MSAL keeps the token until it expires), or None."""
        teams = self.teams
        if not (teams.client_id and teams.client_secret):
            return None
        from microsoft_teams.api.auth.credentials import ClientCredentials
        from microsoft_teams.apps.token_manager import TokenManager

        return TokenManager(ClientCredentials(
            client_id=teams.client_id, client_secret=teams.client_secret.get_secret_value(),
            tenant_id=teams.tenant_id))

    def _token(self) -> str | None:
        if self._manager is None:
            return None
        token = asyncio.run(self._manager.get_graph_token(self.teams.tenant_id))
        return str(token) if token else None

    def _fetch(self, group: str) -> set[str]:
        import httpx

        token = self._token()
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        url: str | None = (f"{self.base_url}/v1.0/groups/{group}/transitiveMembers/"
                           "microsoft.graph.user?$select=id&$top=999")
        members: set[str] = set()
        with httpx.Client(timeout=self.timeout, headers=headers) as http:
            for _ in range(MAX_PAGES):
                if url is None:
                    break
                answer = http.get(url)
                answer.raise_for_status()
                page = answer.json()
                members |= {str(m["id"]).lower() for m in page.get("value", []) if m.get("id")}
                url = page.get("@odata.nextLink")
        return members

    def members(self, group: str) -> set[str]:
        """The AAD object ids (lower case) of the group's users; empty when unknown."""
        if not self.configured:
            log.warning("approver group teams:group:%s grants nobody: Microsoft Graph is not "
                        "configured (set the bot's CLIENT_ID/CLIENT_SECRET/TENANT_ID)", group)
            return set()
        name = key("approvals", "aadgroup", group.lower())
        cached = self.redis.get(name)
        if cached is not None:
            return set(json.loads(cached))
        try:
            users = self._fetch(group)
        except Exception as exc:  # noqa: BLE001 - a refusal or outage grants nobody, loudly
            log.warning("cannot list AAD group %s through Graph: %s", group, type(exc).__name__)
            return set()
        self.redis.set(name, json.dumps(sorted(users)), ex=GROUP_TTL)
        return users
