"""Prompt files are validated data: every mistake is an InputError naming the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.critique.critic import FEED_VARIABLES, POST_VARIABLES
from assistant.critique.prompts import default_dir, load_prompt
from assistant.errors import InputError

VALID = '''id = "post_critique"
version = 3
description = "test"
output_schema = "post_critique/1"
variables = ["platform", "boundary", "data"]
system = "Rubric."
user = """
For $platform.
<<<DATA $boundary>>>
$data
<<<END $boundary>>>
"""
'''


def write(tmp_path: Path, text: str, name: str = "post_critique") -> Path:
    (tmp_path / f"{name}.toml").write_text(text)
    return tmp_path


def error(tmp_path: Path, text: str, **kwargs) -> InputError:
    with pytest.raises(InputError) as raised:
        load_prompt("post_critique", write(tmp_path, text), **kwargs)
    assert raised.value.path == str(tmp_path / "post_critique.toml")
    return raised.value


@pytest.mark.parametrize(
    ("name", "needs"), [("post_critique", POST_VARIABLES), ("feed_critique", FEED_VARIABLES)]
)
def test_the_shipped_prompts_are_valid(name: str, needs: tuple[str, ...]) -> None:
    prompt = load_prompt(name, needs=needs)
    assert prompt.id == name and prompt.version >= 1
    assert prompt.path == str(default_dir() / f"{name}.toml")
    for principle in (
        "relationships",
        "engagement",
        "value",
        "no-spam",
        "platform-norms",
        "wouldn't do it in real life",
    ):
        assert principle in prompt.system
    assert "untrusted" in prompt.system and "$" not in prompt.system.replace("$$", "")
    rendered = prompt.render_user(**{v: f"<{v}>" for v in needs})
    assert rendered.endswith("<data>\n<<<END <boundary>>>>")


def test_a_valid_file_loads_and_renders(tmp_path: Path) -> None:
    prompt = load_prompt("post_critique", write(tmp_path, VALID))
    assert prompt.ref == "post_critique@3"
    assert prompt.render_user(platform="x", boundary="b", data="{}") == (
        "For x.\n<<<DATA b>>>\n{}\n<<<END b>>>"
    )


def test_unknown_key_names_file_and_line(tmp_path: Path) -> None:
    exc = error(tmp_path, VALID + "temperature = 0.2\n")
    assert "unknown key 'temperature'" in exc.message and exc.line == 13
    assert str(exc).startswith(str(tmp_path / "post_critique.toml") + ":13: ")


def test_missing_key(tmp_path: Path) -> None:
    exc = error(tmp_path, VALID.replace("version = 3\n", ""))
    assert exc.message == "missing key 'version'"


def test_template_variable_not_declared(tmp_path: Path) -> None:
    exc = error(tmp_path, VALID.replace("For $platform.", "For $platform, by $author."))
    assert "uses $author" in exc.message and exc.line == 7


def test_declared_variable_never_used(tmp_path: Path) -> None:
    exc = error(tmp_path, VALID.replace('"platform", "boundary"', '"platform", "kind", "boundary"'))
    assert "'kind' is declared but the user template never uses it" in exc.message and exc.line == 5


def test_the_task_and_the_file_must_agree_on_variables(tmp_path: Path) -> None:
    exc = error(tmp_path, VALID, needs=POST_VARIABLES)
    assert "missing here: char_limit, kind" in exc.message and exc.line == 5


def test_untrusted_data_must_be_fenced_and_last(tmp_path: Path) -> None:
    exc = error(tmp_path, VALID.replace("<<<END $boundary>>>", "<<<END>>> for $platform"))
    assert "$data must be the last variable" in exc.message


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("version = 3", 'version = "3"'), "version: expected a whole number"),
        (('id = "post_critique"', 'id = "other"'), "must match the file name"),
        (('"post_critique/1"', '"post_critique/9"'), "unknown schema 'post_critique/9'"),
        (('system = "Rubric."', 'system = "  "'), "system: must not be empty"),
        (("For $platform.", "For $platform costs $5."), "invalid $ placeholder"),
        (("variables = [", "variables = [1, "), "variables: expected a list of names"),
    ],
)
def test_bad_values(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    assert message in error(tmp_path, VALID.replace(*change)).message


def test_invalid_toml_points_at_the_line(tmp_path: Path) -> None:
    exc = error(tmp_path, VALID.replace("version = 3", "version = = 3"))
    assert exc.message.startswith("invalid TOML") and exc.line == 2


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="prompt file not found"):
        load_prompt("post_critique", tmp_path)


def test_rendering_with_the_wrong_variables_is_an_error(tmp_path: Path) -> None:
    prompt = load_prompt("post_critique", write(tmp_path, VALID))
    with pytest.raises(InputError, match=r"missing: data; unexpected: text"):
        prompt.render_user(platform="x", boundary="b", text="{}")
