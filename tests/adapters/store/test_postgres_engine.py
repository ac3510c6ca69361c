"""What only the PostgreSQL engine promises: replicas migrating at once, the password kept out of
sight, and claims that hold across connections."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import psycopg
import pytest

from tagwarden.adapters.store import Store, StoreError, open_store
from tagwarden.adapters.store.postgres import PostgresSql, PostgresStore, lock_ids
from tagwarden.adapters.store.postgres_schema import MIGRATIONS, SCHEMA_VERSION
from tagwarden.adapters.store.sql_unit import SqlUnit
from tagwarden.app.cli.main import main
from tagwarden.core.ports.units import UnitDeferred
from tests.adapters.store.builders import V4_ROWS, check_v4_rows_after_upgrade, finding
from tests.e2e.support import wait_until
from tests.postgres import PASSWORD


def test_replicas_starting_at_once_migrate_the_schema_once(fresh_postgres_database: str) -> None:
    opened: list[Store] = []
    errors: list[BaseException] = []

    def start() -> None:
        try:
            opened.append(open_store(fresh_postgres_database, pool_size=2))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(opened) == 6
    with psycopg.connect(fresh_postgres_database) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
    with opened[0].unit() as tx:
        tx.add_findings([finding("e1")])
    assert all(len(store.list_findings()) == 1 for store in opened)  # one database for all
    for store in opened:
        store.close()


def test_a_second_start_finds_the_schema_current(fresh_postgres_database: str) -> None:
    first = open_store(fresh_postgres_database)
    first.close()
    second = PostgresStore(fresh_postgres_database)
    assert second.migrate() == SCHEMA_VERSION
    second.close()


def test_a_version_2_database_keeps_its_records_and_marks(fresh_postgres_database: str) -> None:
    with psycopg.connect(fresh_postgres_database, autocommit=True) as conn:
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        for version in (1, 2):
            for statement in MIGRATIONS[version].split(";"):
                if statement.strip():
                    conn.execute(statement)
        conn.execute("INSERT INTO schema_version VALUES (2)")
        conn.execute("INSERT INTO processed_events VALUES ('e1', '2024-01-01T00:00:00Z', 's', 'x')")
    store = open_store(fresh_postgres_database)
    with store.unit() as tx:
        assert tx.is_processed("e1") and tx.judged_changes("e1") is None
    store.close()
    with psycopg.connect(fresh_postgres_database) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
        indexes = {
            row[0] for row in conn.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'findings'")
        }
        assert "findings_event" in indexes and "findings_target" not in indexes


def test_a_version_4_databases_sessions_are_dated_to_the_upgrade(fresh_postgres_database: str) -> None:
    with psycopg.connect(fresh_postgres_database, autocommit=True) as conn:
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        for version in (1, 2, 3, 4):
            for statement in MIGRATIONS[version].split(";"):
                if statement.strip():
                    conn.execute(statement)
        conn.execute("INSERT INTO schema_version VALUES (4)")
        for statement, params in V4_ROWS:
            conn.execute(statement.replace("?", "%s"), params)
    store = open_store(fresh_postgres_database)
    check_v4_rows_after_upgrade(store)
    store.close()


def test_the_password_comes_from_a_file_and_is_never_shown(
    fresh_postgres_database: str, tmp_path: Path
) -> None:
    without = fresh_postgres_database.replace(f":{PASSWORD}@", "@")
    secret = tmp_path / "password"
    secret.write_text(PASSWORD + "\n")  # as a mounted Secret often ends
    store = open_store(without, password_file=str(secret))
    store.ping()
    store.close()
    with pytest.raises(StoreError, match="password file"):
        open_store(without, password_file=str(tmp_path / "absent"))
    secret.write_text("wrong-pw")
    with pytest.raises(StoreError, match="password authentication failed") as refused:
        open_store(without, password_file=str(secret))
    assert "wrong-pw" not in str(refused.value)
    unreachable = fresh_postgres_database.rsplit(":", 1)[0] + ":9/db"
    with pytest.raises(StoreError, match="cannot open PostgreSQL store") as closed:
        open_store(unreachable)
    assert PASSWORD not in str(closed.value) and ":***@127.0.0.1:9/db" in str(closed.value)


def test_two_replicas_never_claim_the_same_delivery(fresh_postgres_database: str) -> None:
    first, second = open_store(fresh_postgres_database), open_store(fresh_postgres_database)
    with first.unit() as tx:
        for number in range(200):
            tx.enqueue_delivery(f"f{number}", "hook")
    claimed: dict[str, list[str]] = {"a": [], "b": []}

    def claim(store: Store, holder: str) -> None:
        while batch := store.claim_deliveries(100.0, 7, holder, 60.0):
            claimed[holder].extend(d.finding_id for d in batch)

    threads = [threading.Thread(target=claim, args=pair) for pair in ((first, "a"), (second, "b"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    everything = claimed["a"] + claimed["b"]
    assert len(everything) == 200 and len(set(everything)) == 200
    first.close()
    second.close()


def test_db_migrate_creates_then_finds_the_schema_current(
    fresh_postgres_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "tagwarden.yaml"
    without = fresh_postgres_database.replace(f":{PASSWORD}@", "@")
    (tmp_path / "pw").write_text(PASSWORD)
    config.write_text(f"policy: {{version: 1}}\nstore: {{url: '{without}', password_file: pw}}\n")
    assert main(["db", "migrate", "--config", str(config)]) == 0
    assert f"schema version {SCHEMA_VERSION} created" in capsys.readouterr().out
    assert main(["db", "migrate", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert f"schema version {SCHEMA_VERSION}, current" in out and PASSWORD not in out
    (tmp_path / "pw").write_text("wrong")
    assert main(["db", "migrate", "--config", str(config)]) == 1
    assert "password authentication failed" in capsys.readouterr().err


def test_two_replicas_writing_one_target_at_once_take_turns(fresh_postgres_database: str) -> None:
    """Each rewrites the target's current tags; without the target lock one of them fails on the
    current-tags key (both delete, both insert)."""
    stores = [open_store(fresh_postgres_database), open_store(fresh_postgres_database)]
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def write(store: Store, name: str) -> None:
        start.wait()
        try:
            for round_ in range(40):
                with store.unit() as tx:
                    tx.record_snapshot(
                        "arn:aws:iam::1:role/dev", "principal", {"team": name}, float(round_), name
                    )
        except BaseException as exc:
            errors.append(exc)

    threads = [
        threading.Thread(target=write, args=(store, name)) for store, name in zip(stores, "ab", strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert stores[0].current_tags("arn:aws:iam::1:role/dev").values["team"] in {"a", "b"}
    for store in stores:
        store.close()


def test_a_unit_whose_connection_drops_is_deferred_not_failed(fresh_postgres_database: str) -> None:
    store = open_store(fresh_postgres_database, pool_size=1)
    with pytest.raises(UnitDeferred, match="store_unavailable"), store.unit() as tx:
        tx.add_findings([finding("e1")])
        with psycopg.connect(fresh_postgres_database, autocommit=True) as admin:
            # Every other session of this database: the unit's own connection among them.
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        tx.add_findings([finding("e2")])
    store.close()
    after = open_store(fresh_postgres_database)
    assert after.list_findings() == []  # nothing of the unit was committed
    after.close()


def _advisory_locks(conn: psycopg.Connection[Any], pid: int) -> dict[int, bool]:
    """The bigint advisory locks ``pid`` holds or waits for: lock id -> granted."""
    rows = conn.execute(
        # A bigint key is held as its high (classid) and low (objid) 32 bits.
        "SELECT (classid::bigint << 32) | objid::bigint, granted FROM pg_locks"
        " WHERE locktype = 'advisory' AND objsubid = 1 AND pid = %s",
        (pid,),
    ).fetchall()
    return {int(lock_id): granted for lock_id, granted in rows}


def test_a_units_locks_are_taken_in_their_sorted_order(fresh_postgres_database: str) -> None:
    """All of a unit's locks go in one statement, and they are still taken in one order: the unit
    waiting for the second of three holds the first and not the third, so two units never wait for
    each other in a circle."""
    store = PostgresStore(fresh_postgres_database)
    store.migrate()
    targets = [f"arn:aws:s3:::bucket-{n}" for n in range(3)]
    ids = lock_ids(["target:" + target for target in targets])
    pid: list[int] = []
    with psycopg.connect(fresh_postgres_database, autocommit=True) as other:
        other.execute("SELECT pg_advisory_lock(%s)", (ids[1],))

        def lock() -> None:
            with store.unit() as tx:
                assert isinstance(tx, SqlUnit) and isinstance(tx._sql, PostgresSql)
                pid.append(tx._sql._conn.info.backend_pid)
                tx.lock_targets(targets)

        unit = threading.Thread(target=lock)
        unit.start()

        def waiting() -> bool:
            return bool(pid) and _advisory_locks(other, pid[0]).get(ids[1]) is False

        wait_until(waiting, 10, "the unit waiting for the lock held by another")
        assert _advisory_locks(other, pid[0]) == {ids[0]: True, ids[1]: False}
        other.execute("SELECT pg_advisory_unlock(%s)", (ids[1],))
        unit.join(timeout=10)
        assert not unit.is_alive()
        assert _advisory_locks(other, pid[0]) == {}  # released with the transaction
    store.close()
