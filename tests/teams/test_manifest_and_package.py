"""The Teams app package: a manifest valid against Microsoft's schema, its icons, and the
zip `assistant teams package` writes with this bot's ids."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from PIL import Image

from tests.conftest import REPO

SOURCE = REPO / "deploy" / "teams"
SCHEMA = Path(__file__).parent / "manifest_schema" / "MicrosoftTeams.schema.json"
APP_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
BOT_ID = "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d"


def problems(manifest: dict[str, Any]) -> list[str]:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    found = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(manifest)]
    if manifest.get("manifestVersion") != schema["properties"]["manifestVersion"]["const"]:
        found.append("manifestVersion is not the schema's")  # draft-04 ignores `const`
    return found


def template() -> dict[str, Any]:
    return json.loads((SOURCE / "manifest.json").read_text(encoding="utf-8"))


def test_the_manifest_is_valid_against_the_teams_schema() -> None:
    assert problems(template()) == []


def test_the_schema_check_catches_a_broken_manifest() -> None:
    broken = template()
    broken["id"] = "not-a-guid"
    broken["bots"][0]["scopes"] = ["everywhere"]
    del broken["developer"]
    found = " ".join(problems(broken))
    assert "not-a-guid" in found and "everywhere" in found and "developer" in found


def test_the_manifest_offers_the_bot_everywhere_and_the_message_action() -> None:
    from integrations.teams.bot.handlers.actions import COMMAND_ID, DIALOG_TITLE

    manifest = template()
    (bot,) = manifest["bots"]
    assert set(bot["scopes"]) == {"personal", "team", "groupChat"}
    titles = [c["title"] for lst in bot["commandLists"] for c in lst["commands"]]
    assert titles == ["review", "review audit", "review report", "review rules", "review submit",
                      "review help"]
    (extension,) = manifest["composeExtensions"]
    (command,) = extension["commands"]
    assert (command["id"], command["type"], command["context"]) == (COMMAND_ID, "action",
                                                                   ["message"])
    assert command["title"] == DIALOG_TITLE and command["fetchTask"] is True


def test_the_icons_are_the_sizes_teams_requires() -> None:
    color = Image.open(SOURCE / "color.png")
    outline = Image.open(SOURCE / "outline.png")
    assert (color.format, color.size) == ("PNG", (192, 192))
    assert (outline.format, outline.size, outline.mode) == ("PNG", (32, 32), "RGBA")
    pixels = [outline.getpixel((x, y)) for x in range(32) for y in range(32)]
    assert any(a == 0 for *_, a in pixels)  # transparent background
    assert all((r, g, b) == (255, 255, 255) for r, g, b, a in pixels if a)  # white outline


def test_package_writes_the_zip_to_upload(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                          ) -> None:
    from assistant.cli import main

    out = tmp_path / "app.zip"
    main(["teams", "package", "--out", str(out), "--app-id", APP_ID, "--bot-id", BOT_ID,
          "--domain", "bot.example.org"])
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(archive.read("manifest.json"))
        assert Image.open(io.BytesIO(archive.read("color.png"))).size == (192, 192)
    assert manifest["id"] == APP_ID
    assert manifest["bots"][0]["botId"] == BOT_ID
    assert manifest["composeExtensions"][0]["botId"] == BOT_ID
    assert manifest["validDomains"] == ["bot.example.org"]
    assert problems(manifest) == []
    assert f"wrote {out}" in capsys.readouterr().err


def test_package_takes_the_ids_from_the_environment(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.cli import main

    monkeypatch.setenv("TEAMS_APP_ID", APP_ID)
    monkeypatch.setenv("CLIENT_ID", BOT_ID)
    out = tmp_path / "app.zip"
    main(["teams", "package", "--out", str(out)])
    with zipfile.ZipFile(out) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert (manifest["id"], manifest["bots"][0]["botId"]) == (APP_ID, BOT_ID)


def test_package_with_a_bad_id_says_which_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
        ) -> None:
    from assistant.cli import main

    monkeypatch.delenv("CLIENT_ID", raising=False)
    out = tmp_path / "app.zip"
    with pytest.raises(SystemExit) as done:
        main(["teams", "package", "--out", str(out), "--app-id", APP_ID, "--bot-id", "my-bot"])
    assert done.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("assistant: error: --bot-id: 'my-bot' is not a GUID")
    assert "\n" not in err
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(SystemExit) as bad_domain:
        main(["teams", "package", "--out", str(out), "--app-id", APP_ID, "--bot-id", BOT_ID,
              "--domain", "https://bot.example.org/api"])
    assert bad_domain.value.code == 2
    assert "--domain: 'https://bot.example.org/api' is not a host name" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(SystemExit) as missing:
        main(["teams", "package", "--out", str(out), "--app-id", APP_ID])
    assert missing.value.code == 2
    assert "--bot-id" in capsys.readouterr().err
