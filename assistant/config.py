"""Workspace configuration: `assistant.toml`, validated with errors that name the key and line.

Process settings from the environment live in `assistant.settings` (pydantic-settings
is slow to import, so commands that do not need them do not pay for it). Both are
built once at the edge (a CLI command, the app factory) and passed down.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from assistant.errors import ConfigError
from assistant.models import OwnerKind, Platform, Severity
from assistant.source_kinds import kind_problem
from assistant.text import own_domain


class _Strict(BaseModel):
    # Built on first use: a command run without a config file never builds these schemas.
    model_config = ConfigDict(extra="forbid", defer_build=True)


# An account handle as people type it: X/Instagram "@kfc", Bluesky "kfc.bsky.social",
# Mastodon "@kfc@mastodon.social". The leading "@" is optional.
_HANDLE = re.compile(r"@?[A-Za-z0-9_][A-Za-z0-9_.-]*(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?")


def _handles(value: list[str]) -> list[str]:
    """Validate account handles; keep them as "@name", lower-case, for comparison."""
    cleaned: list[str] = []
    for handle in value:
        if not isinstance(handle, str) or not _HANDLE.fullmatch(handle.strip()):
            raise ValueError(f"{handle!r} is not an account handle (like \"@brand\" or \"brand.bsky.social\")")
        cleaned.append("@" + handle.strip().lstrip("@").lower())
    return cleaned


# An own site's domain, kept as its host: "https://www.brightpixel.example/" matched no post.
OwnDomain = Annotated[str, AfterValidator(own_domain)]


class AgencyConfig(_Strict):
    name: str = "Our agency"
    own_domains: list[OwnDomain] = Field(default_factory=list)
    # The accounts' own family: sub-brands, partners, sister accounts. Tagging them is not
    # pushing content at strangers (mention-push leaves them alone).
    own_handles: list[str] = Field(default_factory=list)

    @field_validator("own_handles")
    @classmethod
    def _own_handles(cls, value: list[str]) -> list[str]:
        return _handles(value)


class RulesConfig(_Strict):
    """Which rules run, how severe they are, and their thresholds."""

    select: list[str] = Field(default_factory=lambda: ["all"])
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    thresholds: dict[str, dict[str, Any]] = Field(default_factory=dict)

    @field_validator("thresholds")
    @classmethod
    def _own_handles(cls, value: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        handles = value.get("mention-push", {}).get("own_handles")
        if isinstance(handles, list):
            try:
                value["mention-push"]["own_handles"] = _handles(handles)
            except ValueError as exc:
                raise ValueError(f"mention-push.own_handles: {exc}") from None
        return value


class DestinationConfig(BaseModel):
    """Where a report goes: `kind` names the chat platform's destination ("slack",
    "teams-webhook", ...); the other keys are that destination's own (a Slack `channel`,
    a Teams `webhook` reference) and are checked by it when the report is delivered."""

    model_config = ConfigDict(extra="allow", defer_build=True)
    kind: str = Field(min_length=1)

    def options(self) -> dict[str, Any]:
        """The destination's own keys (everything but `kind`)."""
        return dict(self.model_extra or {})


class FeedConfig(_Strict):
    name: str
    owner: OwnerKind = "client"
    source: str
    platform: Platform | None = None
    own_domains: list[OwnDomain] = Field(default_factory=list)
    # Where this feed's report goes; `slack_channel`, `teams_webhook` and `teams_channel` are
    # shorthands for a "slack", a "teams-webhook" and a "teams-channel" destination. Kinds it
    # names none of fall back to [reports]'s.
    destinations: list[DestinationConfig] = Field(default_factory=list)
    slack_channel: str | None = None
    teams_webhook: str | None = None
    teams_channel: str | None = None  # Teams channel conversation id (the Teams bot posts there)


_SLACK_USER = re.compile(r"[UW][A-Z0-9]{2,}")
_SLACK_GROUP = re.compile(r"S[A-Z0-9]{2,}")
_AAD_ID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
APPROVER_FORMS = ("slack:U012ABC (a Slack user), slack:S0GROUP (a Slack user group), "
                  "teams:<AAD object id> (a Teams user), teams:group:<AAD object id> "
                  "(an AAD group), or a bare Slack id")


@dataclass(frozen=True)
class Approver:
    """One `approvers` entry: a user or a group on one chat platform."""

    platform: str
    id: str
    group: bool = False

    @classmethod
    def parse(cls, text: str) -> Approver:
        """Read an `approvers` entry (a bare Slack id means `slack:`); ValueError names the
        accepted forms."""
        value = text.strip() if isinstance(text, str) else ""
        platform, sep, rest = value.partition(":")
        if not sep:
            platform, rest = "slack", value
        if platform == "slack":
            if _SLACK_USER.fullmatch(rest):
                return cls("slack", rest)
            if _SLACK_GROUP.fullmatch(rest):
                return cls("slack", rest, group=True)
        elif platform == "teams":
            kind, group_sep, group_id = rest.partition(":")
            if group_sep and kind == "group" and _AAD_ID.fullmatch(group_id):
                return cls("teams", group_id.lower(), group=True)
            if _AAD_ID.fullmatch(rest):
                return cls("teams", rest.lower())
        raise ValueError(f"{text!r} is not a Slack user id (U...), user group id (S...) or other "
                         f"approver: write {APPROVER_FORMS}")


class ClientConfig(_Strict):
    name: str
    approvers: list[str] = Field(default_factory=list)
    approvals_channel: str | None = None  # Slack channel id
    teams_channel: str | None = None  # Teams channel conversation id (the Teams bot posts there)
    allow_self_approval: bool = False
    teams_webhook: str | None = None
    own_domains: list[OwnDomain] = Field(default_factory=list)

    @field_validator("approvers")
    @classmethod
    def _approvers(cls, value: list[str]) -> list[str]:
        for approver in value:
            Approver.parse(approver)
        return value

    def approver_entries(self) -> list[Approver]:
        """The approvers, parsed (validated when the config was loaded)."""
        return [Approver.parse(a) for a in self.approvers]

    @property
    def presented(self) -> bool:
        """True when the client has somewhere its posts can be shown for approval."""
        return bool(self.approvals_channel or self.teams_channel)


class ReportsConfig(_Strict):
    destinations: list[DestinationConfig] = Field(default_factory=list)
    slack_channel: str | None = None
    teams_webhook: str | None = None
    teams_channel: str | None = None
    time_zone: str = "UTC"
    retention_days: int = 90
    teams_legacy: bool = False  # MessageCard through a retired Office 365 connector

    @field_validator("time_zone")
    @classmethod
    def _time_zone(cls, value: str) -> str:
        """An IANA zone zoneinfo knows, checked when the config is read (`rules --config`),
        not first when the report runs."""
        from assistant.zones import zone_named

        zone_named(value)
        return value


class WorkspaceConfig(_Strict):
    """The validated contents of `assistant.toml`."""

    agency: AgencyConfig = Field(default_factory=AgencyConfig)
    rules: RulesConfig = Field(default_factory=RulesConfig)
    feeds: list[FeedConfig] = Field(default_factory=list)
    clients: list[ClientConfig] = Field(default_factory=list)
    reports: ReportsConfig = Field(default_factory=ReportsConfig)
    path: str | None = Field(default=None, exclude=True)
    text: str | None = Field(default=None, exclude=True, repr=False)

    @model_validator(mode="after")
    def _own_handles_reach_mention_push(self) -> WorkspaceConfig:
        """`[agency] own_handles` is where people write them; mention-push reads its threshold."""
        if self.agency.own_handles:
            rule = self.rules.thresholds.setdefault("mention-push", {})
            known = rule.get("own_handles")
            merged = [*known] if isinstance(known, list) else []
            merged += [h for h in self.agency.own_handles if h not in merged]
            rule["own_handles"] = merged
        return self


def line_of(text: str, key: str, value: str = "", start: int = 1) -> int | None:
    """The first line of a TOML text that mentions `key`, so an error can point at it; with
    `value`, the first that also holds it as a whole string (the second feed's `source`, not
    the first's, even when the first's holds it as a part), else as a part, else the first
    that mentions `key`. Lines before `start` are not looked at."""
    pattern = re.compile(rf"(^|[\s.\[\"']){re.escape(key)}([\s.=\]\"']|$)")
    lines = text.splitlines()
    for wanted in ([f'"{value}"', f"'{value}'", value] if value else []) + [""]:
        for number, line in enumerate(lines[start - 1:], start=start):
            if wanted in line and pattern.search(line):
                return number
    return None


def line_at(text: str, keys: tuple[str, ...], value: str = "") -> int | None:
    """The line of a nested key (`("thresholds", "link-flood", "max_findings")`): each key
    is looked for from the line of the one before, so a key two rules share is found in
    the right rule's table, whether it is written as a table, a dotted key or inline.
    `value` as for `line_of`, for the last key."""
    start = 1
    for key in keys[:-1]:
        start = line_of(text, key, start=start) or start
    return line_of(text, keys[-1], value, start) or line_of(text, keys[-1], value)


# The tables written once per entry, `[[feeds]]` and `[[clients]]`: errors in them say which.
_ENTRIES = ("feeds", "clients")


def _entry_line(text: str, table: str, index: int, key: str = "", value: str = "") -> int | None:
    """The line of `key` (with `value`, as for `line_of`) in the `index`th `[[table]]`, else
    that table's header; for entries written as an inline array, `key`'s or the array's."""
    lines = text.splitlines()
    header = re.compile(rf"\s*\[\[\s*{re.escape(table)}\s*\]\]")
    starts = [number for number, line in enumerate(lines, start=1) if header.match(line)]
    if index >= len(starts):
        return (line_of(text, key, value) if key else None) or line_of(text, table)
    start = starts[index]
    end = next((number for number, line in enumerate(lines[start:], start=start + 1)
                if line.lstrip().startswith("[")), len(lines) + 1)
    found = line_of("\n".join(lines[start - 1:end - 1]), key, value) if key else None
    return start if found is None else start + found - 1


def _entry(data: Any, table: str, index: int) -> str:
    """How an error names an entry of the raw data (see `_entry_label`)."""
    entries = data.get(table) if isinstance(data, dict) else None
    entry = entries[index] if isinstance(entries, list) and index < len(entries) else None
    named = entry.get("name") if isinstance(entry, dict) else None
    return _entry_label(table, index, named if isinstance(named, str) else None)


def _entry_label(table: str, index: int, name: str | None) -> str:
    """How an error names an entry: "feeds[3] (name 'Dana')", counted from 1 as people do."""
    return f"{table}[{index + 1}]" + (f" (name {name!r})" if name is not None else "")


def _check_sources(config: WorkspaceConfig, text: str, path: str) -> None:
    """Refuse a feed `source` that starts with `word:` naming no source kind: parse_source
    would read `mastodn:@x@y.social` as a file name, and the typo would show only when the
    report runs. A file of that name that exists is still a file."""
    for index, feed in enumerate(config.feeds):
        source = feed.source.strip()
        problem = kind_problem(source)
        if problem is not None:
            raise ConfigError(f"feeds.{index}.source: {problem}", path=path,
                              line=line_of(text, "source", source))


def _check_names(config: WorkspaceConfig, text: str, path: str) -> None:
    """Refuse two feeds (or clients) of one name: `review audit NAME` and the daily report
    find a feed by its name, whatever the case, and the approval queue a client, so the
    second would be unreachable or mixed up with the first."""
    named = (("feeds", [f.name for f in config.feeds]), ("clients", [c.name for c in config.clients]))
    for table, names in named:
        seen: dict[str, int] = {}
        for index, entry in enumerate(names):
            first = seen.setdefault(entry.strip().casefold(), index)
            if first == index:
                continue
            where = _entry_line(text, table, first, "name", names[first])
            raise ConfigError(
                f"{_entry_label(table, index, entry)} has the same name as "
                f"{table}[{first + 1}]" + (f" (line {where})" if where else "")
                + f"; give each {table.removesuffix('s')} its own name",
                path=path, line=_entry_line(text, table, index, "name", entry))


def _check_approvers(config: WorkspaceConfig, text: str, path: str) -> None:
    """Refuse a client without approvers: only a client's own approvers may approve its
    posts (there is no default group), so every post queued for it would wait until it
    expired."""
    for index, client in enumerate(config.clients):
        if not client.approvers:
            raise ConfigError(
                f"{_entry_label('clients', index, client.name)} has no approvers, so nobody could "
                f"approve its posts; write at least one: {APPROVER_FORMS}",
                path=path, line=_entry_line(text, "clients", index, "approvers"))


def _model_at(loc: tuple[Any, ...]) -> type[BaseModel]:
    """The config model a validation error's location points into (list indexes skipped)."""
    model: type[BaseModel] = WorkspaceConfig
    for part in loc:
        field = model.model_fields.get(str(part)) if isinstance(part, str) else None
        if field is None:
            continue
        annotation = field.annotation
        for candidate in (annotation, *getattr(annotation, "__args__", ())):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                model = candidate
    return model


# What pydantic puts before the message of a ValueError / assertion raised in a validator.
_PYDANTIC_PREFIX = re.compile(r"^(?:Value error|Assertion failed), ")


def _unknown_key(key: str, model: type[BaseModel]) -> str:
    """"unknown key 'x' (did you mean 'y'?); known: a, b, c"."""
    from assistant.errors import did_you_mean

    known = [name for name, field in model.model_fields.items() if not field.exclude]
    return f"unknown key {key!r}{did_you_mean(key, known)}; known keys: {', '.join(known)}"


def load_workspace(path: str | os.PathLike[str] | None) -> WorkspaceConfig:
    """Read and validate `assistant.toml`; no path means built-in defaults."""
    if path is None:
        return WorkspaceConfig()
    name = str(path)
    try:
        raw_text = Path(path).read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise ConfigError("config file not found", path=name) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", path=name) from None
    except OSError as exc:
        raise ConfigError(f"cannot read config file: {exc.strerror}", path=name) from None
    try:
        data = tomllib.loads(raw_text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = int(match.group(1)) if match else None
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ConfigError(f"invalid TOML: {message}", path=name, line=line) from None
    try:
        config = WorkspaceConfig.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        key = ".".join(str(part) for part in error["loc"])
        last = next((str(p) for p in reversed(error["loc"]) if isinstance(p, str)), key)
        message = _PYDANTIC_PREFIX.sub("", error["msg"])
        if error["type"] == "extra_forbidden":
            message = _unknown_key(last, _model_at(error["loc"][:-1]))
        value = error.get("input")
        given = value if isinstance(value, str) else ""
        loc = error["loc"]
        if len(loc) >= 2 and loc[0] in _ENTRIES and isinstance(loc[1], int):
            table, index = str(loc[0]), loc[1]
            if error["type"] == "missing" and len(loc) == 3:
                raise ConfigError(f"{_entry(data, table, index)} has no {loc[2]}", path=name,
                                  line=_entry_line(raw_text, table, index)) from None
            line = _entry_line(raw_text, table, index, last, given)
        else:
            line = line_of(raw_text, last, given)
        raise ConfigError(f"{key}: {message}", path=name, line=line) from None
    _check_sources(config, raw_text, name)
    _check_names(config, raw_text, name)
    _check_approvers(config, raw_text, name)
    config.path = name
    config.text = raw_text
    return config

