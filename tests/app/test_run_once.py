"""`tagwarden run --once`: its exit status says whether everything was read."""

from __future__ import annotations

import gzip
import json
import multiprocessing
from pathlib import Path

import pytest

from tagwarden.app.cli.main import main
from tests.builders.cli_config import write_daemon_config
from tests.builders.out_of_order_trail import findings_and_history, write_replay_config, write_trail


def _config(tmp_path: Path, paths: list[str], **more: object) -> str:
    return str(
        write_daemon_config(tmp_path, sources=[{"type": "files", "name": "copy", "paths": paths}], **more)
    )


def _log(folder: Path, body: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "111122223333_CloudTrail_us-east-1_20240311T0500Z_a1.json.gz").write_bytes(body)


@pytest.mark.usefixtures("no_aws")
def test_a_readable_copy_exits_0_and_leaves_no_worker_behind(tmp_path: Path) -> None:
    _log(tmp_path / "logs", gzip.compress(json.dumps({"Records": []}).encode()))
    config = _config(tmp_path, [str(tmp_path / "logs")], workers=2)
    before = set(multiprocessing.active_children())
    assert main(["run", "--once", "--config", config]) == 0
    assert set(multiprocessing.active_children()) <= before


@pytest.mark.usefixtures("no_aws")
def test_a_path_that_cannot_be_listed_exits_1(tmp_path: Path) -> None:
    assert main(["run", "--once", "--config", _config(tmp_path, [str(tmp_path / "nowhere")])]) == 1


@pytest.mark.usefixtures("no_aws")
def test_a_file_that_cannot_be_read_exits_1(tmp_path: Path) -> None:
    _log(tmp_path / "logs", b"\x1f\x8b not gzip after all")
    assert main(["run", "--once", "--config", _config(tmp_path, [str(tmp_path / "logs")])]) == 1


@pytest.mark.usefixtures("aws")  # STS answers: the daemon judges (without it, it waits for its account)
def test_a_trail_with_one_damaged_file_exits_1_after_judging_the_others(tmp_path: Path) -> None:
    write_trail(tmp_path / "trail")  # out of order, one file damaged (tests/builders/out_of_order_trail.py)
    config = write_replay_config(
        tmp_path,
        f"sources: [{{type: files, name: copy, paths: ['{tmp_path / 'trail'}']}}]\n"
        "http: {listen: '127.0.0.1:0'}\n",
    )
    config.write_text(config.read_text().replace("sources: []\n", ""))
    assert main(["run", "--once", "--config", str(config)]) == 1
    findings, _ = findings_and_history(tmp_path / "state.db")
    assert findings  # the readable files were judged
