"""Bad input files through the real command line: one line naming the file and line,
exit 2, nothing on stdout. Each case here was accepted with exit 0 before."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli as run


@pytest.fixture(autouse=True)
def _no_llm(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "AZURE_OPENAI_ENDPOINT", "ASSISTANT_CONFIG"):
        monkeypatch.delenv(name, raising=False)


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The one error line of a command that must exit 2 having printed nothing else."""
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, ""), err
    assert err.count("\n") == 1 and err.startswith("assistant: error: ")
    assert "Traceback" not in err
    return err.removeprefix("assistant: error: ").rstrip("\n")


@pytest.mark.parametrize("command", ["audit", "review"])
def test_a_misspelt_key_in_one_line_json_lines_is_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    """Was audited as one post without text, scoring 100/100."""
    path = tmp_path / "posts.jsonl"
    path.write_text('{"id": "1", "created_at": "2026-01-01T00:00:00Z", "txt": "hello"}\n')
    argv = ["audit", str(path), "--no-llm"] if command == "audit" else \
        ["review", "--input", str(path), "--no-llm"]
    assert refused(capsys, *argv) == f"{path}:1: invalid post: txt: Extra inputs are not permitted"


@pytest.mark.parametrize("command", ["audit", "review"])
def test_map_on_canonical_json_lines_is_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    """Was silently ignored (exit 0), while on a CSV it was an error."""
    path = tmp_path / "posts.jsonl"
    path.write_text('{"id": "1", "created_at": "2026-01-01T00:00:00Z", "text": "hello"}\n')
    argv = ["audit", str(path)] if command == "audit" else ["review", "--input", str(path)]
    assert refused(capsys, *argv, "--map", "foo=bar", "--no-llm") == (
        f"{path}: --map applies to CSV files and generic JSON (--source csv, twcs or json), "
        "and this file is canonical JSON Lines, whose fields are a post's own: drop --map, "
        "or add --source json to map its fields")
