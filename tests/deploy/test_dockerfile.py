"""deploy/Dockerfile: hadolint passes, the image is built the agreed way, and agrees with Kubernetes.

There is no Docker engine here. Besides hadolint and a reading of the instructions, the test
rebuilds the first stage's work by hand: it copies the build context as
deploy/Dockerfile.dockerignore filters it, runs the stage's COPY instructions, and builds the
wheel from the result, offline, with the same `pip wheel --no-deps` command.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.deploy.support import DEPLOY, KUSTOMIZE_DIR, REPO, require_tool

DOCKERFILE = DEPLOY / "Dockerfile"
DOCKERIGNORE = DEPLOY / "Dockerfile.dockerignore"


@dataclass(frozen=True)
class Instruction:
    keyword: str
    arguments: str


def parse(text: str) -> list[Instruction]:
    """Instructions of a Dockerfile: comments dropped, continuation lines joined."""
    instructions: list[Instruction] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.startswith("#"):
            continue  # a comment inside a continued instruction
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        keyword, _, arguments = (pending + line).strip().partition(" ")
        instructions.append(Instruction(keyword.upper(), " ".join(arguments.split())))
        pending = ""
    assert not pending, "the Dockerfile ends inside a continued instruction"
    return instructions


def stages() -> list[list[Instruction]]:
    """Instructions grouped by stage, each starting with its FROM."""
    grouped: list[list[Instruction]] = []
    for instruction in parse(DOCKERFILE.read_text(encoding="utf-8")):
        if instruction.keyword == "FROM":
            grouped.append([])
        if grouped:
            grouped[-1].append(instruction)
    return grouped


def build_args() -> dict[str, str]:
    """ARG defaults declared before the first FROM (usable in FROM lines)."""
    args: dict[str, str] = {}
    for instruction in parse(DOCKERFILE.read_text(encoding="utf-8")):
        if instruction.keyword == "FROM":
            break
        if instruction.keyword == "ARG":
            name, _, default = instruction.arguments.partition("=")
            args[name] = default
    return args


def base_image(stage: list[Instruction]) -> str:
    image = stage[0].arguments.split()[0]
    return re.sub(r"\$\{(\w+)\}", lambda m: build_args()[m.group(1)], image)


def final_stage() -> list[Instruction]:
    return stages()[-1]


def only(stage: list[Instruction], keyword: str) -> str:
    (found,) = [i.arguments for i in stage if i.keyword == keyword]
    return found


# --- hadolint -------------------------------------------------------------------------------


def test_hadolint_passes() -> None:
    hadolint = require_tool("hadolint")
    result = subprocess.run(
        [hadolint, "--failure-threshold", "style", "--format", "json", str(DOCKERFILE)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == []


def test_hadolint_would_catch_a_shell_form_entrypoint(tmp_path: Path) -> None:
    """hadolint really lints: the same Dockerfile with a shell-form ENTRYPOINT fails."""
    hadolint = require_tool("hadolint")
    broken = tmp_path / "Dockerfile"
    text = DOCKERFILE.read_text(encoding="utf-8")
    entrypoint = next(line for line in text.splitlines() if line.startswith("ENTRYPOINT "))
    broken.write_text(text.replace(entrypoint, "ENTRYPOINT tagwarden"), encoding="utf-8")
    result = subprocess.run([hadolint, str(broken)], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode != 0
    assert "DL3025" in result.stdout


# --- what the Dockerfile says ---------------------------------------------------------------


def test_two_stages_on_a_slim_python_311_base() -> None:
    all_stages = stages()
    assert len(all_stages) == 2
    for stage in all_stages:
        assert re.fullmatch(r"python:3\.11(\.\d+)?-slim(-\w+)?(@sha256:[0-9a-f]{64})?", base_image(stage)), (
            base_image(stage)
        )
    assert all_stages[0][0].arguments.endswith(" AS build")


def test_build_stage_makes_the_wheel() -> None:
    (build, _) = stages()
    runs = " && ".join(i.arguments for i in build if i.keyword == "RUN")
    assert "pip wheel --no-cache-dir --no-deps -w /dist ." in runs
    # Copies only what the wheel needs, never the whole context.
    copies = [shlex.split(i.arguments) for i in build if i.keyword == "COPY"]
    assert all("." not in args[:-1] for args in copies), copies


def test_runtime_stage_installs_only_the_wheels_offline() -> None:
    final = final_stage()
    assert not [i for i in final if i.keyword in {"COPY", "ADD"}], "no source tree in the runtime image"
    (install,) = [i.arguments for i in final if i.keyword == "RUN"]
    assert "--mount=type=bind,from=build" in install
    assert re.search(
        r"pip install --no-cache-dir --no-index --find-links=/wheels"
        r" \"\$\(echo /wheels/tagwarden-\*\.whl\)\[postgres,isal,container\]\"",
        install,
    )
    for forbidden in ("apt-get", "gcc", "build-essential", "git ", "curl", "wget"):
        assert forbidden not in install, f"the runtime stage must not install {forbidden.strip()}"


def test_runtime_stage_runs_tagwarden_as_a_numeric_non_root_user() -> None:
    final = final_stage()
    user = only(final, "USER")
    assert re.fullmatch(r"\d+(:\d+)?", user), "USER must be numeric so runAsNonRoot can verify it"
    assert int(user.split(":")[0]) != 0
    # Exec form under an init that passes SIGTERM on (tests/deploy/image_run.py runs it).
    assert json.loads(only(final, "ENTRYPOINT")) == ["dumb-init", "--single-child", "--", "tagwarden"]
    assert json.loads(only(final, "CMD")) == ["run", "--config", "/etc/tagwarden/tagwarden.yaml"]
    assert json.loads(only(final, "VOLUME")) == ["/var/lib/tagwarden"]
    assert only(final, "EXPOSE") == "9464"
    env = " ".join(i.arguments for i in final if i.keyword == "ENV")
    assert "PYTHONUNBUFFERED=1" in env


def test_image_agrees_with_the_kubernetes_deployment() -> None:
    final = final_stage()
    deployment = yaml.safe_load((KUSTOMIZE_DIR / "deployment.yaml").read_text(encoding="utf-8"))
    pod = deployment["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    uid, _, gid = only(final, "USER").partition(":")
    assert pod["securityContext"]["runAsUser"] == int(uid)
    assert pod["securityContext"]["runAsGroup"] == int(gid or uid)
    assert container["ports"][0]["containerPort"] == int(only(final, "EXPOSE"))
    mounts = {mount["mountPath"] for mount in container["volumeMounts"]}
    assert set(json.loads(only(final, "VOLUME"))) <= mounts
    assert container["args"] == json.loads(only(final, "CMD"))


# --- the build context and the wheel --------------------------------------------------------


def ignore_patterns() -> list[tuple[bool, re.Pattern[str]]]:
    """(is_exception, regex) for each line of the .dockerignore, in order."""
    patterns = []
    for raw in DOCKERIGNORE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        exception = line.startswith("!")
        pattern = line.removeprefix("!").strip("/")
        regex = ""
        index = 0
        while index < len(pattern):
            if pattern.startswith("**/", index):
                regex += "(?:.*/)?"
                index += 3
            elif pattern.startswith("**", index):
                regex += ".*"
                index += 2
            elif pattern[index] == "*":
                regex += "[^/]*"
                index += 1
            elif pattern[index] == "?":
                regex += "[^/]"
                index += 1
            elif pattern[index] == "[":
                end = pattern.index("]", index)
                regex += pattern[index : end + 1]
                index = end + 1
            else:
                regex += re.escape(pattern[index])
                index += 1
        patterns.append((exception, re.compile(regex)))
    return patterns


def in_context(relative: str) -> bool:
    """Whether Docker sends this path: the last pattern matching it or a parent decides."""
    parts = relative.split("/")
    candidates = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    included = True
    for exception, regex in ignore_patterns():
        if any(regex.fullmatch(candidate) for candidate in candidates):
            included = exception
    return included


def tracked_files() -> list[str]:
    result = subprocess.run(
        ["git", "ls-files"], capture_output=True, text=True, cwd=REPO, timeout=60, check=True
    )
    return [line for line in result.stdout.splitlines() if (REPO / line).is_file()]


def test_build_context_holds_only_what_the_wheel_needs() -> None:
    sent = {path for path in tracked_files() if in_context(path)}
    assert "pyproject.toml" in sent and "README.md" in sent
    assert "tagwarden/__init__.py" in sent
    assert not any(path.startswith(("tests/", "deploy/", ".git", ".ci/")) for path in sent), sorted(sent)
    assert not in_context("tagwarden/__pycache__/main.cpython-311.pyc")


def test_the_build_stage_produces_a_wheel_with_the_console_script(tmp_path: Path) -> None:
    """COPY from the filtered context, then the stage's own `pip wheel --no-deps -w /dist .`."""
    context = tmp_path / "context"
    for relative in tracked_files():
        if in_context(relative):
            (context / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / relative, context / relative)
    source = tmp_path / "src"
    source.mkdir()
    (build, _) = stages()
    for instruction in build:
        if instruction.keyword != "COPY":
            continue
        *sources, destination = shlex.split(instruction.arguments)
        for name in sources:
            origin = context / name
            assert origin.exists(), f"COPY {name}: not in the build context"
            target = source / destination / name if destination.endswith("/") else source / destination
            if origin.is_dir():
                shutil.copytree(origin, target)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(origin, target)
    dist = tmp_path / "dist"
    # --no-build-isolation and --no-index: offline, with the setuptools installed here.
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
         "-w", str(dist), "."],
        capture_output=True, text=True, cwd=source, timeout=300, check=False,
    )  # fmt: skip
    if result.returncode != 0 and "setuptools" in result.stdout + result.stderr:
        pytest.fail(
            "building the wheel needs setuptools>=68 and wheel installed (pyproject.toml build-system):\n"
            + result.stdout[-2000:]
            + result.stderr[-2000:]
        )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    (wheel,) = dist.glob("tagwarden-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        entry_points = next(
            archive.read(n).decode() for n in names if n.endswith(".dist-info/entry_points.txt")
        )
        metadata = next(archive.read(n).decode() for n in names if n.endswith(".dist-info/METADATA"))
    assert re.search(r"^tagwarden = tagwarden\.app\.cli\.main:main$", entry_points, re.MULTILINE)
    assert "tagwarden/__init__.py" in names and "tagwarden/py.typed" in names
    assert not any(name.startswith(("tests/", "deploy/")) for name in names)
    # The runtime stage installs these from the wheels the build stage downloads.
    assert re.search(r"^Requires-Dist: psycopg\[binary\].*extra == \"postgres\"", metadata, re.MULTILINE)
    assert re.search(r"^Requires-Dist: isal.*extra == \"isal\"", metadata, re.MULTILINE)
    for requirement in ("boto3", "PyYAML", "prometheus-client", "pydantic"):
        assert re.search(
            rf"^Requires-Dist: {re.escape(requirement)}\b", metadata, re.MULTILINE | re.IGNORECASE
        )
