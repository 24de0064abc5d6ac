"""deploy/ works as written: what a cluster or compose would refuse or get wrong, checked here."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def _manifests() -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    for path in sorted((DEPLOY / "k8s").glob("*.yaml")):
        docs += [d for d in yaml.safe_load_all(path.read_text()) if d]
    return docs


def _pod_specs() -> Iterator[tuple[str, dict[str, Any]]]:
    for doc in _manifests():
        spec = doc.get("spec", {})
        if doc["kind"] == "CronJob":
            spec = spec["jobTemplate"]["spec"]
        if "template" in spec:
            yield doc["metadata"]["name"], spec["template"]["spec"]


def _containers() -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    for name, pod in _pod_specs():
        for container in pod["containers"]:
            yield name, pod, container


def _compose() -> dict[str, Any]:
    return yaml.safe_load((DEPLOY / "compose.yml").read_text())


def test_every_container_runs_locked_down() -> None:
    seen = 0
    for name, pod, container in _containers():
        pod_security = pod.get("securityContext", {})
        security = container.get("securityContext", {})
        assert pod_security.get("runAsNonRoot") is True, name
        assert security.get("allowPrivilegeEscalation") is False, name
        assert security.get("readOnlyRootFilesystem") is True, name
        assert security.get("capabilities", {}).get("drop") == ["ALL"], name
        seen += 1
    assert seen >= 4, "web, worker, report and redis"


def test_a_read_only_root_still_has_a_writable_tmp_for_our_containers() -> None:
    for name, _pod, container in _containers():
        if container["name"] == "redis":
            continue
        mounts = {m["mountPath"] for m in container.get("volumeMounts", [])}
        assert "/tmp" in mounts, f"{name}: matplotlib and tempfiles need /tmp"


def test_images_are_versioned_never_latest() -> None:
    images = [c["image"] for _, _, c in _containers()]
    images += [s["image"] for s in _compose()["services"].values() if "image" in s]
    for image in images:
        assert ":" in image and not image.endswith(":latest"), image
    ours = {i for i in images if "agency-assistant" in i}
    assert ours == {f"ghcr.io/brightpixel/agency-assistant:{PROJECT['version']}",
                    f"agency-assistant:{PROJECT['version']}"}, "image tags follow pyproject's version"


def test_base_image_is_pinned_and_the_image_installs_from_constraints() -> None:
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    base = re.search(r"^FROM (\S+)", dockerfile, re.M)
    assert base and re.fullmatch(r"python:\d+\.\d+\.\d+-slim-\w+", base.group(1)), base
    assert 'pip install -c deploy/constraints.txt ".[teams]"' in dockerfile  # the bot too
    assert "HEALTHCHECK" not in dockerfile, "health checks are per service"
    assert re.search(r"^USER \d+$", dockerfile, re.M), "numeric non-root user (runAsNonRoot)"


def test_constraints_pin_every_runtime_dependency() -> None:
    pins = {}
    for line in (DEPLOY / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[re.sub(r"[-_.]+", "-", name.lower())] = version
    for requirement in PROJECT["dependencies"] + PROJECT["optional-dependencies"]["teams"]:
        name = re.sub(r"[-_.]+", "-", re.split(r"[<>=!~\[ ;]", requirement)[0].lower())
        assert pins.get(name), f"deploy/constraints.txt has no pin for {name}"


def test_dockerignore_keeps_the_venv_and_secrets_out_of_the_build() -> None:
    ignored = set((ROOT / ".dockerignore").read_text().split())
    assert {".venv", ".git", "deploy/.env", "tests"} <= ignored


def test_redis_url_comes_from_a_secret_and_redis_has_a_manifest() -> None:
    for name, _, container in _containers():
        for env in container.get("env", []):
            if env["name"] == "REDIS_URL":
                assert env["valueFrom"]["secretKeyRef"]["key"] == "redis-url", name
    kinds = {(d["kind"], d["metadata"]["name"]) for d in _manifests()}
    assert ("StatefulSet", "redis") in kinds and ("Service", "redis") in kinds


def test_only_what_every_deployment_needs_is_a_required_secret() -> None:
    """A Slack-only or Teams-only agency's report pod and workers must start."""
    for name, _, container in _containers():
        if name == "assistant-web":
            continue  # the Slack app itself cannot run without Slack's secrets
        for env in container.get("env", []):
            ref = env.get("valueFrom", {}).get("secretKeyRef")
            if ref and env["name"] != "REDIS_URL":
                assert ref.get("optional") is True, f"{name}: {env['name']} must be optional"


def test_every_env_reference_in_the_docs_reaches_the_report_pod() -> None:
    referenced = set(re.findall(r'"env:([A-Z0-9_]+)"', (ROOT / "README.md").read_text()))
    referenced |= set(re.findall(r'"env:([A-Z0-9_]+)"', (ROOT / "examples/assistant.toml").read_text()))
    report = next(c for n, _, c in _containers() if n == "assistant-daily-report")
    have = {e["name"] for e in report["env"]}
    # TEAMS_ACME is the README's per-client approvals example, not a report webhook.
    assert referenced - {"TEAMS_ACME"} <= have


def test_compose_and_the_cronjob_share_one_schedule() -> None:
    cron = next(d for d in _manifests() if d["kind"] == "CronJob")
    minute, hour, _, _, weekdays = cron["spec"]["schedule"].split()
    scheduler = _compose()["services"]["scheduler"]
    assert int(scheduler["environment"]["REPORT_HOUR"]) == int(hour) and minute == "0"
    assert weekdays == f"1-{scheduler['environment']['REPORT_WEEKDAYS']}"
    assert scheduler["environment"]["TZ"] == cron["spec"]["timeZone"]


@pytest.mark.parametrize("service", ["worker", "scheduler", "socket"])
def test_services_without_http_have_no_http_health_check(service: str) -> None:
    assert _compose()["services"][service]["healthcheck"] == {"disable": True}


def test_web_checks_its_own_health_endpoint_and_stays_in_http_mode() -> None:
    web = _compose()["services"]["web"]
    assert "/healthz" in " ".join(web["healthcheck"]["test"])
    assert web["environment"]["SLACK_APP_TOKEN"] == "", "an xapp token in .env must not flip web to Socket Mode"


def test_the_teams_bot_serves_the_port_its_health_check_asks() -> None:
    teams = _compose()["services"]["teams"]
    command = teams["command"]
    port = command[command.index("--port") + 1]
    assert command[:3] == ["assistant", "teams", "serve"]
    assert teams["ports"] == [f"{port}:{port}"]
    assert f"127.0.0.1:{port}/healthz" in " ".join(teams["healthcheck"]["test"])
