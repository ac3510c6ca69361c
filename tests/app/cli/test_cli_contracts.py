"""The command line's contracts with scripts: exit 2 and a message (never a traceback) for bad
input, and standard JSON whenever ``--format json`` is asked."""

from __future__ import annotations

import argparse
import json
import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from tagwarden.adapters.aws.clients import AwsClients
from tagwarden.app.cli import cmd_verify_logs
from tagwarden.app.cli.cmd_replay import _end_of
from tagwarden.app.cli.common import a_moment, moment_of
from tagwarden.app.cli.main import main
from tests.builders.cli_config import write_config
from tests.conftest import FIXTURES


def _config(tmp_path: Path) -> Path:
    return write_config(tmp_path, principal_inventory_interval_seconds=0)


LATIN1 = "# owner: équipe sécurité\n".encode("latin-1")  # a file saved in another encoding


def _refuse(constant: str) -> None:
    raise ValueError(f"not standard JSON: {constant}")


def test_findings_list_refuses_a_negative_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # SQLite reads LIMIT -1 as "no limit" and PostgreSQL refuses it with a driver error: either
    # way not what was asked. It is bad usage, as on /api/findings.
    config = _config(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        main(["findings", "list", "--config", str(config), "--limit", "-1"])
    assert exit_.value.code == 2
    assert "--limit" in capsys.readouterr().err
    assert main(["db", "migrate", "--config", str(config)]) == 0
    capsys.readouterr()
    assert main(["findings", "list", "--config", str(config), "--limit", "0", "--format", "json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"


def test_findings_show_json_is_standard_json_when_the_record_holds_nan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_aws: None
) -> None:
    config = _config(tmp_path)
    record = json.loads(
        (FIXTURES / "cloudtrail" / "samples" / "Netflix-consoleme__TagRole__1.json").read_text()
    )
    record["eventTime"] = "2024-01-01T00:00:00Z"
    record["requestParameters"]["tags"] = [{"key": "team", "value": "beta"}]
    record["additionalEventData"] = {"ratio": float("nan"), "peak": float("inf")}
    log = tmp_path / "log.json"
    log.write_text(json.dumps({"Records": [record]}))  # NaN and Infinity, which json.loads reads back
    assert main(["replay", "--config", str(config), "--quiet", "--no-inventory", str(log)]) == 0
    capsys.readouterr()
    assert main(["findings", "list", "--config", str(config), "--format", "json"]) == 0
    (finding,) = json.loads(capsys.readouterr().out, parse_constant=_refuse)

    assert main(["findings", "show", finding["id"], "--config", str(config), "--format", "json"]) == 0
    detail = json.loads(capsys.readouterr().out, parse_constant=_refuse)
    assert detail["record"]["additionalEventData"] == {"ratio": "nan", "peak": "inf"}


@pytest.mark.parametrize("broken", ["config", "policy"])
def test_a_config_or_policy_not_in_utf8_exits_2_naming_the_file(
    tmp_path: Path, broken: str, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "tagwarden.yaml"
    policy = tmp_path / "policy.yaml"
    config.write_bytes(b"policy: policy.yaml\n" + (LATIN1 if broken == "config" else b""))
    policy.write_bytes(b"version: 1\nabac_keys: [team]\n" + (LATIN1 if broken == "policy" else b""))
    assert main(["check-config", "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert "tagwarden: error:" in err and "UTF-8" in err
    assert (config if broken == "config" else policy).name in err


def test_guardrails_on_a_policy_not_in_utf8_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_bytes(b"version: 1\nabac_keys: [team]\nrules: []\n" + LATIN1)
    assert main(["guardrails", "--config", str(policy)]) == 2
    err = capsys.readouterr().err
    assert "tagwarden: error:" in err and "UTF-8" in err


def test_guardrails_on_a_policy_nested_too_deep_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text("version: 1\nrules: " + "[" * 5000 + "]" * 5000 + "\n")
    assert main(["guardrails", "--config", str(policy)]) == 2
    assert "nested too deep" in capsys.readouterr().err


def test_iam_simulate_on_a_case_file_not_in_utf8_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = tmp_path / "cases.json"
    cases.write_bytes(b'[{"id": "caf\xe9"}]')
    assert main(["iam", "simulate", "--cases", str(cases)]) == 2
    err = capsys.readouterr().err
    assert "tagwarden: error:" in err and "UTF-8" in err


@pytest.mark.parametrize("text", ["2024-01-31", "20240131"])
def test_replay_until_a_date_means_the_end_of_that_day(text: str) -> None:
    assert _end_of(text) == datetime(2024, 1, 31, 23, 59, 59, tzinfo=UTC)
    assert _end_of(f"{text}T06:00Z") == datetime(2024, 1, 31, 6, tzinfo=UTC)


NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)
UNITS = {"m": timedelta(minutes=1), "h": timedelta(hours=1), "d": timedelta(days=1)}


@given(
    amount=st.integers(min_value=0, max_value=999_999),
    tenths=st.one_of(st.none(), st.integers(min_value=0, max_value=9)),
    unit=st.sampled_from(sorted(UNITS)),
)
def test_a_span_before_now_is_a_moment(amount: int, tenths: int | None, unit: str) -> None:
    text = f"{amount}{unit}" if tenths is None else f"{amount}.{tenths}{unit}"
    try:
        expected = NOW - (amount + (tenths or 0) / 10) * UNITS[unit]
    except OverflowError:  # before the year 1 (a_moment refuses it, below)
        with pytest.raises(OverflowError):
            moment_of(text, NOW)
        return
    assert abs(moment_of(text, NOW) - expected) < timedelta(milliseconds=1)


@given(st.text(max_size=30))
def test_anything_a_moment_refuses_is_told_what_it_takes(text: str) -> None:
    try:
        moment = a_moment(text)
    except argparse.ArgumentTypeError as exc:
        assert "a span before now (90m, 48h, 7d)" in str(exc)
    else:
        assert moment.tzinfo is not None


def test_replay_since_and_until_take_a_span_before_now() -> None:
    before = datetime.now(UTC)
    since = a_moment("48h")
    assert before - timedelta(hours=48) <= since <= datetime.now(UTC) - timedelta(hours=48)
    assert _end_of("90m") <= datetime.now(UTC) - timedelta(minutes=90)  # a span is no day: not its end
    with pytest.raises(argparse.ArgumentTypeError, match="a span before now"):
        a_moment("999999d")  # before the year 1


def test_verify_logs_exits_2_when_an_s3_location_cannot_be_listed_for_the_network(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_aws: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The README: "a location that cannot be listed [...] stops the check (exit 2)". A refusal
    # (AccessDenied) did; a listing the network does not answer exited 1, as a found problem does.
    monkeypatch.setattr(cmd_verify_logs, "_aws", lambda _args: AwsClients("us-east-1", max_attempts=1))
    assert main(["verify-logs", "s3://trail-bucket/AWSLogs/", "--public-keys", str(tmp_path)]) == 2
    assert "s3://trail-bucket/AWSLogs/: cannot list" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args",
    [
        ["s3://"],
        ["--enqueue", "http://127.0.0.1:9/000000000000/backfill", "s3://"],
        ["{tmp}/no-such-folder"],
    ],
)
def test_replay_of_a_path_that_names_nothing_exits_2(
    tmp_path: Path, args: list[str], capsys: pytest.CaptureFixture[str], no_aws: None
) -> None:
    # With --enqueue, 's3://' ended in a ValueError traceback; without, both exited 1 after
    # setting up the whole pipeline, where normalize and verify-logs exit 2.
    config = _config(tmp_path)
    given = [arg.format(tmp=tmp_path) for arg in args]
    assert main(["replay", "--config", str(config), "--no-inventory", "--quiet", *given]) == 2
    assert "tagwarden: error:" in capsys.readouterr().err


def test_guardrails_out_that_is_not_a_folder_exits_2_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text("version: 1\nabac_keys: [team]\nrules: []\n")
    taken = tmp_path / "a-file"
    taken.write_text("")
    assert main(["guardrails", "--config", str(policy), "--services", "s3", "--out", str(taken)]) == 2
    err = capsys.readouterr().err
    assert "tagwarden: error:" in err and str(taken) in err


def test_run_on_an_http_port_already_taken_says_so_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_aws: None
) -> None:
    # The bind failed inside HTTPServer's constructor, whose clean-up then hit a pool not yet made:
    # an AttributeError traceback hid "Address already in use".
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        config = _config(tmp_path)
        settings = yaml.safe_load(config.read_text())
        config.write_text(yaml.safe_dump({**settings, "http": {"listen": f"127.0.0.1:{port}"}}))
        assert main(["run", "--config", str(config)]) == 1
    err = capsys.readouterr().err
    assert f"tagwarden: error: cannot listen on 127.0.0.1:{port}" in err
    assert "http.listen" in err
