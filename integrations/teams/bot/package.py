"""The Teams app package: manifest.json (with this bot's ids) and its two icons, zipped."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

from assistant.errors import InputError

ICONS = ("color.png", "outline.png")
_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_HOST = re.compile(r"^(?:\*\.)?[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)*[A-Za-z0-9-]{1,63}$")


def default_source() -> Path:
    """`deploy/teams` of this checkout (the manifest template and icons), else of the
    current folder (an installed copy has no checkout around it)."""
    beside = Path(__file__).resolve().parents[3] / "deploy" / "teams"
    return beside if beside.is_dir() else Path("deploy") / "teams"


def manifest_for(template: dict[str, Any], *, app_id: str, bot_id: str,
                 domain: str | None = None) -> dict[str, Any]:
    """The manifest with the app's id and the bot's id (the Azure app registration's
    client id) filled in everywhere the template has the placeholder."""
    for name, value in (("--app-id", app_id), ("--bot-id", bot_id)):
        if not _GUID.match(value):
            raise InputError(f"{name}: {value!r} is not a GUID (like "
                             "1b2c3d4e-0000-4000-8000-123456789abc)")
    if domain is not None and not _HOST.match(domain):
        raise InputError(f"--domain: {domain!r} is not a host name (like bot.example.org, "
                         "without https:// or a path)")
    manifest = json.loads(json.dumps(template))
    manifest["id"] = app_id
    for bot in manifest.get("bots", []):
        bot["botId"] = bot_id
    for extension in manifest.get("composeExtensions", []):
        extension["botId"] = bot_id
    if domain:
        manifest["validDomains"] = sorted({*manifest.get("validDomains", []), domain})
    return manifest


def build(out: Path, *, app_id: str, bot_id: str, source: Path | None = None,
          domain: str | None = None) -> list[str]:
    """Write the upload zip to `out`; returns the names it holds.

    Written to a temporary file first, so a failure never leaves half a zip behind.
    """
    source = source or default_source()
    manifest_path = source / "manifest.json"
    try:
        template = json.loads(manifest_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("manifest template not found (use --source)", path=str(manifest_path)) \
            from None
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg}", path=str(manifest_path), line=exc.lineno) \
            from None
    manifest = manifest_for(template, app_id=app_id, bot_id=bot_id, domain=domain)
    for icon in ICONS:
        if not (source / icon).is_file():
            raise InputError("icon not found", path=str(source / icon))
    partial = out.with_name(out.name + ".partial")
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
            for icon in ICONS:
                archive.write(source / icon, icon)
        partial.replace(out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise InputError(f"cannot write the package: {exc.strerror}", path=str(out)) from None
    return ["manifest.json", *ICONS]
