"""Proactive messages from a worker: send, reply in a thread and update through the Bot Connector.

A worker is synchronous (RQ) and speaks without being spoken to, so it has no turn
context: it finds the conversation's service URL in `refs`, and calls the Teams SDK's
API client (one short event loop per call, so nothing outlives it). With the bot's
credentials (`CLIENT_ID`, `CLIENT_SECRET`, `TENANT_ID`) every call carries a Bot
Framework token from the SDK's token manager; without them (local development against
a loopback connector) calls go unauthenticated.
"""

from __future__ import annotations

import asyncio
import functools
import warnings
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from integrations.teams.bot.refs import ConversationRef, ConversationRefs, base_id

if TYPE_CHECKING:
    from microsoft_teams.api import ApiClient
    from redis import Redis

    from integrations.teams.bot.settings import TeamsSettings

T = TypeVar("T")


_shared: dict[int, tuple[Redis, Connector]] = {}


def shared_connector(redis: Redis) -> Connector:
    """This process's connector on `redis`, built once: its token source (and the token it
    holds until expiry) then serves every report delivery instead of one per delivery."""
    from integrations.teams.bot.settings import load_teams_settings

    held = _shared.get(id(redis))
    if held is None or held[0] is not redis:
        held = _shared[id(redis)] = (redis, Connector(ConversationRefs(redis), load_teams_settings()))
    return held[1]


def threaded(conversation_id: str, message_id: str) -> str:
    """The conversation id of a channel message's thread (replies go there)."""
    return f"{base_id(conversation_id)};messageid={message_id}"


class Connector:
    """The Bot Connector as a worker uses it, one conversation reference at a time."""

    def __init__(self, refs: ConversationRefs, teams: TeamsSettings | None = None) -> None:
        self.refs = refs
        self.teams = teams

    @functools.cached_property
    def _tokens(self) -> Any:
        """One token source for the connector's life: MSAL keeps the token until it expires."""
        teams = self.teams
        if teams is None or not (teams.client_id and teams.client_secret):
            return None
        from microsoft_teams.api.auth.credentials import ClientCredentials
        from microsoft_teams.apps.token_manager import TokenManager
        from microsoft_teams.apps.token_provider import AppTokenProvider

        return AppTokenProvider(TokenManager(ClientCredentials(
            client_id=teams.client_id, client_secret=teams.client_secret.get_secret_value(),
            tenant_id=teams.tenant_id)))

    def _run(self, ref: ConversationRef, call: Callable[[ApiClient], Awaitable[T]]) -> T:
        with warnings.catch_warnings():  # the SDK flags its own preview features at import
            warnings.simplefilter("ignore")
            from microsoft_teams.api import ApiClient

        async def main() -> T:
            api = ApiClient(ref.service_url, token_provider=self._tokens)
            return await call(api)

        return asyncio.run(main())

    def _ref(self, ref: ConversationRef) -> Any:
        from microsoft_teams.api.models import Account, ConversationAccount, ConversationReference

        return ConversationReference(channel_id="msteams", service_url=ref.service_url,
                                     bot=Account(id=ref.bot_id or "bot", name=ref.bot_name or None),
                                     conversation=ConversationAccount(id=ref.conversation_id))

    def send(self, conversation_id: str, activity: Any, *, thread_of: str = "") -> str:
        """Post `activity` in a conversation (in the thread of message `thread_of` when
        given); returns the new activity's id. `UnknownConversation` when the bot was never
        added there."""
        from microsoft_teams.apps.activity_send import send_or_update_activity

        ref = self.refs.get(conversation_id)
        target = replace(ref, conversation_id=threaded(ref.conversation_id, thread_of)) \
            if thread_of else ref
        sent = self._run(ref, lambda api: send_or_update_activity(api, activity, self._ref(target)))
        return str(sent.id)

    def update(self, conversation_id: str, activity_id: str, activity: Any) -> None:
        """Replace a message the bot sent (a card redrawn in place)."""
        from microsoft_teams.apps.activity_send import send_or_update_activity

        ref = self.refs.get(conversation_id)
        activity.id = activity_id
        self._run(ref, lambda api: send_or_update_activity(api, activity, self._ref(ref)))

    def personal(self, user_aad_id: str, *, via: str) -> str:
        """The bot's personal chat with a user (created if new), reached through the service
        URL and tenant of conversation `via`; returns its conversation id."""
        from microsoft_teams.api.clients.conversation.params import CreateConversationParams
        from microsoft_teams.api.models import Account

        ref = self.refs.get(via)
        params = CreateConversationParams(
            members=[Account(id=user_aad_id, aad_object_id=user_aad_id)],
            tenant_id=ref.tenant_id or None,
            channel_data={"tenant": {"id": ref.tenant_id}} if ref.tenant_id else None)

        async def create(api: ApiClient) -> str:
            return str((await api.conversations.create(params)).id)

        conversation = self._run(ref, create)
        self.refs.save(ConversationRef(conversation_id=conversation, service_url=ref.service_url,
                                       tenant_id=ref.tenant_id, bot_id=ref.bot_id,
                                       bot_name=ref.bot_name, conversation_type="personal"))
        return conversation
