"""`pip install .` (not editable) runs the critique: the prompt files ship in the package.

The wheel is built from this checkout and installed into a fresh virtual environment; its
dependencies come from the running environment through a path entry (no download). The
command runs from an empty folder, so nothing can be found relative to the source tree.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from tests.conftest import REPO
from tests.critique.conftest import GOOD, SPAMMY
from tests.fakes.openai_server import FakeOpenAI, answer


def _run(*argv: str | Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in argv], capture_output=True, text=True, timeout=300,
                          check=False, **kwargs)  # type: ignore[call-overload]


def test_an_installed_wheel_critiques_with_its_own_prompts(tmp_path: Path) -> None:
    source = tmp_path / "src"  # a clean copy: no stale build/ or egg-info of the checkout
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "tests", "bench"))
    built = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", tmp_path / "dist", source)
    assert built.returncode == 0, built.stderr[-2000:]
    wheel = next((tmp_path / "dist").glob("agency_assistant-*.whl"))

    venv = tmp_path / "venv"
    assert _run(sys.executable, "-m", "venv", "--without-pip", venv).returncode == 0
    python = venv / "bin" / "python"
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
                .stdout.strip())
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("OPENAI_", "AZURE_OPENAI", "ASSISTANT_", "REDIS_", "PYTHON"))}
    # From an empty folder with no PYTHONPATH: the checkout's own metadata must not make pip
    # think the package is installed already.
    installed = _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps",
                     "--no-index", wheel, cwd=tmp_path, env=env)
    assert installed.returncode == 0, installed.stderr[-2000:]
    # Then the dependencies from this environment, listed after the venv's own site-packages,
    # so the wheel's `assistant` and `prompts` win over the checkout's editable install.
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    where = _run(python, "-c", "import assistant, prompts; print(assistant.__file__, prompts.__file__)",
                 cwd=tmp_path, env=env)
    assert str(site) in where.stdout and str(REPO) not in where.stdout, where.stdout + where.stderr

    with FakeOpenAI() as fake:
        fake.script(answer(GOOD))
        env.update(OPENAI_BASE_URL=fake.url, OPENAI_API_KEY="sk-test-wheel-0123456789")
        done = _run(python, "-m", "assistant", "review", SPAMMY, "--format", "json",
                    cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    review = json.loads(done.stdout)
    assert review["critique"]["available"] is True, review["critique"]
    assert review["critique"]["rewrite"] == GOOD["rewrite"]
    assert fake.calls == 1

    # the speech model ships as package data: a share request only it reads is flagged
    worded = "A repost from you might land this in front of the right person 🙏"
    done = _run(python, "-m", "assistant", "review", worded, "--format", "json", "--no-llm",
                cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert [f["rule"] for f in json.loads(done.stdout)["findings"]] == ["share-begging"]
