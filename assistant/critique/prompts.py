"""Prompt files: versioned TOML in `prompts/`, validated before any of them reaches a model.

A prompt file holds `id` (its file name), `version`, `description`, `system` (the static
rubric), `user` (a `string.Template` with `$name` variables), `variables` (exactly the
names the template uses) and `output_schema` (a key of `schema.SCHEMAS`). Unknown keys,
missing keys and template variables that do not match are errors naming the file.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from string import Template

from assistant.critique.schema import SCHEMAS
from assistant.errors import InputError

KEYS = {"id", "version", "description", "system", "user", "variables", "output_schema"}
REQUIRED = KEYS - {"description"}


def default_dir() -> Path:
    """The `prompts/` folder as installed: package data, so a wheel or an image has it too."""
    import prompts

    return Path(prompts.__file__).resolve().parent


@dataclass(frozen=True)
class Prompt:
    """One validated prompt file."""

    id: str
    version: int
    system: str
    user: str
    variables: tuple[str, ...]
    output_schema: str
    path: str
    description: str = ""

    @property
    def ref(self) -> str:
        """`id@version`, the name used in logs and cache keys."""
        return f"{self.id}@{self.version}"

    def render_user(self, **values: str) -> str:
        """The user message; every declared variable must be given, and nothing else."""
        given, declared = set(values), set(self.variables)
        if given != declared:
            missing = ", ".join(sorted(declared - given)) or "none"
            extra = ", ".join(sorted(given - declared)) or "none"
            raise InputError(
                f"prompt variables do not match (missing: {missing}; unexpected: {extra})",
                path=self.path,
            )
        return Template(self.user).substitute(values)


def _line(text: str, key: str) -> int | None:
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None


def _placeholders(template: str, path: str, line: int | None) -> list[str]:
    names: list[str] = []
    for match in Template.pattern.finditer(template):
        if match.group("invalid") is not None:
            raise InputError(
                "user: invalid $ placeholder (write $$ for a dollar sign)", path=path, line=line
            )
        name = match.group("named") or match.group("braced")
        if name:
            names.append(name)
    return names


def parse_prompt(raw: str, path: str, stem: str) -> Prompt:
    """Validate the text of one prompt file; `stem` is the file name it must be called by."""
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise InputError(
            f"invalid TOML: {message}", path=path, line=int(match.group(1)) if match else None
        ) from None

    def fail(message: str, key: str | None = None) -> InputError:
        return InputError(message, path=path, line=_line(raw, key) if key else None)

    for key in data:
        if key not in KEYS:
            raise fail(f"unknown key {key!r} (known: {', '.join(sorted(KEYS))})", key)
    for key in sorted(REQUIRED - set(data)):
        raise fail(f"missing key {key!r}")
    for key in ("id", "system", "user", "output_schema", "description"):
        if key in data and not isinstance(data[key], str):
            raise fail(f"{key}: expected a string", key)
    if data["id"] != stem:
        raise fail(f"id: {data['id']!r} must match the file name {stem!r}", "id")
    version = data["version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise fail("version: expected a whole number of at least 1", "version")
    for key in ("system", "user"):
        if not data[key].strip():
            raise fail(f"{key}: must not be empty", key)
    if data["output_schema"] not in SCHEMAS:
        known = ", ".join(sorted(SCHEMAS))
        raise fail(
            f"output_schema: unknown schema {data['output_schema']!r} (known: {known})",
            "output_schema",
        )
    variables = data["variables"]
    if not isinstance(variables, list) or not all(isinstance(v, str) for v in variables):
        raise fail("variables: expected a list of names", "variables")
    used = _placeholders(data["user"], path, _line(raw, "user"))
    for name in used:
        if name not in variables:
            raise fail(f"user: uses ${name}, which `variables` does not declare", "user")
    for name in variables:
        if name not in used:
            raise fail(
                f"variables: {name!r} is declared but the user template never uses it", "variables"
            )
    if "data" in variables:
        _check_fenced(data["user"], fail)
    return Prompt(
        id=data["id"],
        version=version,
        system=data["system"].strip(),
        user=data["user"].strip(),
        variables=tuple(variables),
        output_schema=data["output_schema"],
        path=path,
        description=data.get("description", ""),
    )


def _check_fenced(user: str, fail: object) -> None:
    """Untrusted $data must sit between two $boundary markers, at the end of the message."""
    data_at = user.find("$data")
    before, after = user[:data_at], user[data_at + len("$data") :]
    if (
        "$boundary" not in before
        or "$boundary" not in after
        or "$" in after.replace("$boundary", "")
    ):
        raise fail(  # type: ignore[operator]
            "user: $data must be the last variable, fenced by $boundary markers before and after",
            "user",
        )


def load_prompt(name: str, prompts_dir: Path | None = None, *, needs: Iterable[str] = ()) -> Prompt:
    """Load `prompts/<name>.toml`; `needs` are the variables the caller will supply."""
    folder = Path(prompts_dir) if prompts_dir else default_dir()
    path = folder / f"{name}.toml"
    try:
        raw = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise InputError("prompt file not found", path=str(path)) from None
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text ({exc.reason} at byte {exc.start})", path=str(path)
        ) from None
    except OSError as exc:
        raise InputError(f"cannot read prompt file: {exc.strerror}", path=str(path)) from None
    prompt = parse_prompt(raw, str(path), name)
    needs = set(needs)
    if needs and needs != set(prompt.variables):
        missing = ", ".join(sorted(needs - set(prompt.variables))) or "none"
        extra = ", ".join(sorted(set(prompt.variables) - needs)) or "none"
        raise InputError(
            f"variables: this task supplies {', '.join(sorted(needs))} "
            f"(missing here: {missing}; unknown to the task: {extra})",
            path=str(path),
            line=_line(raw, "variables"),
        )
    return prompt
