from __future__ import annotations

from pathlib import Path

import pytest

from tagwarden.app.cli.main import main
from tagwarden.app.config import ConfigError, SqsSourceSettings, load_config
from tagwarden.core.settings.sinks import AlertmanagerSinkSettings
from tagwarden.core.settings.store_url import redacted

BASE = """
policy: {version: 1, abac_keys: [team]}
store: {url: "sqlite:///state/db.sqlite"}
sources:
  - {type: sqs, queue_url: "https://sqs.eu-west-1.amazonaws.com/1/q"}
  - {type: files, paths: ["./logs"]}
"""


def write(tmp_path: Path, text: str = BASE) -> Path:
    path = tmp_path / "tagwarden.yaml"
    path.write_text(text)
    return path


def test_defaults_and_relative_store_path(tmp_path: Path) -> None:
    config = load_config(write(tmp_path), env={})
    assert config.settings.http.listen == "127.0.0.1:9464"
    assert config.store_url() == f"sqlite:///{(tmp_path / 'state/db.sqlite').resolve()}"
    assert config.settings.source_names() == ["sqs-0", "files-1"]
    sqs = config.settings.sources[0]
    assert isinstance(sqs, SqsSourceSettings) and sqs.wait_seconds == 20


def test_environment_overrides_every_key(tmp_path: Path) -> None:
    env = {
        "TAGWARDEN_HTTP__LISTEN": "0.0.0.0:9999",
        "TAGWARDEN_SOURCES__0__WAIT_SECONDS": "5",
        "TAGWARDEN_SOURCES__1__PATHS": "[a, b]",
        "TAGWARDEN_AWS__REGION": "eu-west-1",
        "TAGWARDEN_LOGGING__FORMAT": "json",
        "UNRELATED": "x",
    }
    settings = load_config(write(tmp_path), env=env).settings
    assert settings.http.listen == "0.0.0.0:9999"
    assert settings.sources[0].wait_seconds == 5  # type: ignore[union-attr]
    assert settings.sources[1].paths == ["a", "b"]  # type: ignore[union-attr]
    assert settings.aws.region == "eu-west-1"
    assert settings.logging.format == "json"


def test_digits_yaml_would_read_as_another_number_stay_as_written(tmp_path: Path) -> None:
    # YAML 1.1 reads 0042317766113 as an octal number: a token of digits must not become another.
    env = {"TAGWARDEN_HTTP__TOKEN": "0042317766113", "TAGWARDEN_SOURCES__0__WAIT_SECONDS": "007"}
    settings = load_config(write(tmp_path), env=env).settings
    assert settings.http.token == "0042317766113"
    assert settings.sources[0].wait_seconds == 7  # type: ignore[union-attr]


def test_a_string_field_takes_plain_digits_and_a_number_field_still_reads_them(tmp_path: Path) -> None:
    # An environment value cannot be quoted: a token, a password or an id of digits is text where
    # the field is text, and the number it shows where the field is a number.
    env = {
        "TAGWARDEN_HTTP__TOKEN": "123456",
        "TAGWARDEN_SOURCES__0__WAIT_SECONDS": "15",
        "TAGWARDEN_SOURCES__0__QUEUE_URL": "12",
    }
    settings = load_config(write(tmp_path), env=env).settings
    assert settings.http.token == "123456"
    assert settings.sources[0].wait_seconds == 15  # type: ignore[union-attr]
    assert settings.sources[0].queue_url == "12"  # type: ignore[union-attr]


def test_environment_can_add_a_source(tmp_path: Path) -> None:
    env = {"TAGWARDEN_SOURCES__2__TYPE": "lookup_events", "TAGWARDEN_SOURCES__2__REGION": "us-west-2"}
    settings = load_config(write(tmp_path), env=env).settings
    assert settings.sources[2].type == "lookup_events"


@pytest.mark.parametrize(
    ("text", "env", "message"),
    [
        (BASE, {"TAGWARDEN_SOURCES__0__WAIT_SECONDS": "50"}, "sources[0].sqs.wait_seconds"),
        (BASE, {"TAGWARDEN_HTTP__LISTEN": "nine"}, "http.listen: expected host:port"),
        (BASE.replace("type: files", "type: ftp"), {}, "sources[1]"),
        ("sources: []\n", {}, "policy: Field required"),
        ("- a list\n", {}, "expected a mapping at the top level"),
        ("policy: {version: 1}\nstore: [unclosed\n", {}, "not valid YAML"),
        (BASE + "colour: blue\n", {}, "colour: Extra inputs are not permitted"),
    ],
)
def test_bad_configuration_names_the_key(
    tmp_path: Path, text: str, env: dict[str, str], message: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text), env=env)
    assert message in str(caught.value)


def test_check_config_exits_2_on_bad_config_and_0_on_good(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path)
    assert main(["check-config", "--config", str(path)]) == 0
    assert "config OK" in capsys.readouterr().out
    monkeypatch.setenv("TAGWARDEN_STORE__URL", "mysql://x")
    assert main(["check-config", "--config", str(path)]) == 2
    assert "store.url: expected sqlite:///" in capsys.readouterr().err
    monkeypatch.setenv("TAGWARDEN_STORE__URL", "postgresql://tw:hunter2@db:5432/tagwarden?sslmode=require")
    assert main(["check-config", "--config", str(path)]) == 0
    out = capsys.readouterr().out
    assert "postgresql://tw:***@db:5432/tagwarden?sslmode=require" in out and "hunter2" not in out
    monkeypatch.delenv("TAGWARDEN_STORE__URL")
    monkeypatch.setenv("TAGWARDEN_AWS__MAX_ATTEMPTS", "0")
    assert main(["check-config", "--config", str(path)]) == 2
    assert "aws.max_attempts" in capsys.readouterr().err
    assert main(["check-config", "--config", str(tmp_path / "missing.yaml")]) == 2
    assert main(["check-config"]) == 2


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://tw:pw@db:5432/t", "postgresql://tw:***@db:5432/t"),
        ("postgres://tw:p%40ss@db/t?sslmode=require", "postgres://tw:***@db/t?sslmode=require"),
        ("postgresql://db/t?user=tw&password=pw&x=1", "postgresql://db/t?user=tw&password=***&x=1"),
        ("postgresql://tw@db/t", "postgresql://tw@db/t"),
        ("sqlite:////var/lib/tagwarden/state.db", "sqlite:////var/lib/tagwarden/state.db"),
    ],
)
def test_store_urls_are_shown_without_their_password(url: str, shown: str) -> None:
    assert redacted(url) == shown


def test_a_password_file_is_relative_to_the_config(tmp_path: Path) -> None:
    text = BASE.replace('"sqlite:///state/db.sqlite"', '"postgresql://tw@db/t", password_file: secret/pw')
    config = load_config(write(tmp_path, text), env={})
    assert config.store_url() == "postgresql://tw@db/t"
    assert config.store_password_file() == str((tmp_path / "secret/pw").resolve())


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("-1", "(got '-1')"),
        ("-2", "(got '-2')"),
        ("two", "(got 'two')"),
        ("1.5", "(got '1.5')"),
        ("65", "(got '65')"),
    ],
)
def test_a_bad_worker_count_is_refused_with_what_to_write(tmp_path: Path, value: str, shown: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path), env={"TAGWARDEN_WORKERS": value})
    message = str(caught.value)
    assert "workers: workers must be a whole number from 0 to 64" in message and shown in message
    assert "(0: everything in the daemon's process)" in message
    assert "leave it out to use the number of CPUs" in message


def test_workers_default_to_the_cpu_count_none_on_one_cpu_and_zero_means_in_process(tmp_path: Path) -> None:
    settings = load_config(write(tmp_path), env={}).settings
    assert settings.workers is None
    assert settings.worker_count(8) == 8 and settings.worker_count(2) == 2
    assert settings.worker_count(200) == 64
    # On one CPU a worker beside the daemon only adds the hand-over's cost.
    assert settings.worker_count(1) == 0 and settings.worker_count(None) == 0
    pinned = load_config(write(tmp_path), env={"TAGWARDEN_WORKERS": "1"}).settings
    assert pinned.worker_count(8) == 1 and pinned.worker_count(1) == 1
    in_process = load_config(write(tmp_path), env={"TAGWARDEN_WORKERS": "0"}).settings
    assert in_process.worker_count(8) == 0


def test_the_daemon_sources_share_one_pool_of_the_configured_size(tmp_path: Path) -> None:
    from tagwarden.app.logs import get_logger
    from tagwarden.app.wiring import build_parts, build_sources

    config = load_config(write(tmp_path, BASE + "workers: 3\n"), env={})
    parts = build_parts(config, get_logger(), aws=False)
    sources = build_sources(config, parts, get_logger())
    pools = {id(source._context.pool) for source in sources}  # type: ignore[attr-defined]
    (pool,) = [source._context.pool for source in sources][:1]  # type: ignore[attr-defined]
    assert len(pools) == 1 and pool is not None and pool.workers == 3
    assert parts.metrics.registry.get_sample_value("tagwarden_worker_processes") == 3
    single = load_config(write(tmp_path, BASE + "workers: 1\n"), env={})
    (one,) = {s._context.pool for s in build_sources(single, parts, get_logger())}  # type: ignore[attr-defined]
    assert one is not None and one.workers == 1 and one.parallel
    assert parts.metrics.registry.get_sample_value("tagwarden_worker_processes") == 1
    none = load_config(write(tmp_path, BASE + "workers: 0\n"), env={})
    assert all(s._context.pool is None for s in build_sources(none, parts, get_logger()))  # type: ignore[attr-defined]
    assert parts.metrics.registry.get_sample_value("tagwarden_worker_processes") == 0
    parts.store.close()


@pytest.mark.parametrize("replay", [False, True])
def test_a_replays_parts_batch_their_reports_and_commit_without_waiting_for_the_disk(
    tmp_path: Path, replay: bool
) -> None:
    from tagwarden.app.logs import get_logger
    from tagwarden.app.wiring import build_parts

    config = load_config(write(tmp_path, BASE), env={})
    parts = build_parts(config, get_logger(), aws=False, replay=replay)
    writer = parts.store._writer  # type: ignore[attr-defined]
    synchronous = writer.execute("PRAGMA synchronous").fetchone()[0]
    checkpoint_pages = writer.execute("PRAGMA wal_autocheckpoint").fetchone()[0]

    assert parts.recorder.batch_reports is replay
    assert synchronous == (1 if replay else 2)  # NORMAL, FULL
    assert checkpoint_pages == 10_000  # not SQLite's 1,000: see docs/performance.md
    parts.store.close()


ALERTMANAGER = BASE + "sinks:\n  - {type: alertmanager, url: 'http://am:9093'%s}\n"


@pytest.mark.parametrize(
    ("fields", "resend"),
    [("", 300.0), (", resend_seconds: 60", 60.0), (", resend_seconds: null", None)],
)
def test_alertmanager_alerts_are_sent_again_every_five_minutes_unless_told(
    tmp_path: Path, fields: str, resend: float | None
) -> None:
    (sink,) = load_config(write(tmp_path, ALERTMANAGER % fields), env={}).settings.sinks
    assert isinstance(sink, AlertmanagerSinkSettings) and sink.resend_seconds == resend


def test_alerts_sent_again_no_sooner_than_they_end_are_refused_with_what_to_change(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, ALERTMANAGER % ", alert_ttl_seconds: 600, resend_seconds: 600"), env={})
    message = str(caught.value)
    assert "sinks[0]" in message
    assert "resend_seconds (600) must be shorter than alert_ttl_seconds (600)" in message
    assert "set resend_seconds: null" in message


def test_check_config_says_how_often_each_alertmanager_sink_sends_its_alerts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = BASE + (
        "sinks:\n"
        "  - {type: alertmanager, name: am, url: 'http://am:9093'}\n"
        "  - {type: alertmanager, name: once, url: 'http://am:9093', resend_seconds: null}\n"
        "  - {type: webhook, name: hook, url: 'http://hook'}\n"
    )
    assert main(["check-config", "--config", str(write(tmp_path, text))]) == 0
    lines = [line.strip() for line in capsys.readouterr().out.splitlines()]
    sinks = [line for line in lines if line.startswith("sink:")]
    assert sinks == [
        "sink:    am (alertmanager, findings of severity warning and above;"
        " open findings' alerts sent again every 300s)",
        "sink:    once (alertmanager, findings of severity warning and above;"
        " each alert sent once, ending 86400s later)",
        "sink:    hook (webhook, findings of severity warning and above)",
    ]


def test_a_lookup_events_source_is_built_without_asking_sts(tmp_path: Path) -> None:
    """Its rate limit is per account and region; the daemon builds sources before it serves HTTP, so
    the account is not asked of STS then (one try of up to 15 s where AWS does not answer)."""
    from dataclasses import replace

    from tagwarden.adapters.sources.lookup_events import LookupEventsSource
    from tagwarden.app.logs import get_logger
    from tagwarden.app.wiring import build_parts, build_sources

    config = load_config(write(tmp_path, BASE + "  - {type: lookup_events, region: us-west-2}\n"), env={})
    parts = build_parts(config, get_logger(), aws=False)
    asked: list[str] = []

    def caller() -> str:
        asked.append("sts")
        return "123456789012"

    sources = build_sources(config, replace(parts, caller=caller), get_logger())
    lookups = [source for source in sources if isinstance(source, LookupEventsSource)]
    assert len(lookups) == 1 and asked == []
    parts.store.close()
