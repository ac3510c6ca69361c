"""Small files committed together: the files and SQS sources judge consecutive small files (or
messages) in one transaction, with the same findings, tag history and counts as one transaction
each, and one whose judging fails still fails alone."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import boto3
import pytest
import yaml

from tagwarden.adapters.sources.files import FilesSource
from tagwarden.adapters.sources.source import BATCH_UNITS
from tagwarden.adapters.sources.sqs import SqsSource
from tagwarden.core.ports.units import PreparedUnit, TagRecord, UnitDeferred, UnitResult
from tagwarden.core.settings.settings import FilesSourceSettings, SqsSourceSettings
from tests.builders.out_of_order_trail import POLICY, findings_and_history, trail_objects, write_trail
from tests.e2e.support import Deployment
from tests.faults.builders import Wired, eventbridge, self_retag


def _source(wired: Wired, logs: Path, batch_records: int) -> FilesSource:
    spec = FilesSourceSettings(type="files", paths=[str(logs)], quarantine_after=1)
    return FilesSource("logs", spec, wired.context, base_dir=logs, batch_records=batch_records)


def _spy_transactions(wired: Wired) -> list[int]:
    """The number of units in each transaction the processor commits from now on."""
    sizes: list[int] = []
    commit_together = wired.processor.commit_together

    def spying(units: Any, **options: Any) -> list[UnitResult]:
        sizes.append(len(units))
        return commit_together(units, **options)

    wired.processor.commit_together = spying  # type: ignore[method-assign]
    return sizes


def _run(tmp: Path, trail: Path, batch_records: int) -> tuple[Any, list[int]]:
    db = tmp / f"state-{batch_records}.db"
    wired = Wired(db, policy=yaml.safe_load(POLICY))
    sizes = _spy_transactions(wired)
    try:
        result = _source(wired, trail, batch_records).poll(threading.Event())
        failed = sorted(u.reason for u in wired.store.failed_units())
    finally:
        wired.close()
    outcome = (result.units, result.records, result.findings, result.failed_units, failed)
    return (*findings_and_history(db), outcome), sizes


def test_small_files_committed_together_give_what_one_transaction_per_file_gives(tmp_path: Path) -> None:
    trail = tmp_path / "trail"
    write_trail(trail)  # six files of 1 to 31 records, out of order, then a damaged one
    _assert_alike(*_run(tmp_path, trail, batch_records=1), *_run(tmp_path, trail, batch_records=1000))


def _assert_alike(alone: Any, alone_sizes: list[int], together: Any, together_sizes: list[int]) -> None:
    """The out-of-order trail gave the same with one transaction per file and with six in one."""
    assert together == alone
    findings, history, (units, records, _, failed_units, failed) = together
    assert (units, records, failed_units, failed) == (7, 66, 1, ["truncated_gzip"])
    assert {kind for _, kind, *_ in findings} >= {"session_tag", "unauthorized_writer"}
    assert {row[4] for row in history if row[0] == "arn:aws:s3:::b1"} >= {"red", "blue", "green"}
    assert alone_sizes == [1] * 7
    assert together_sizes == [6, 1]  # the damaged file alone: what it gave is judged, not committed


def test_a_file_larger_than_the_batch_closes_it(tmp_path: Path) -> None:
    trail = tmp_path / "trail"
    write_trail(trail)
    _, sizes = _run(tmp_path, trail, batch_records=31)
    # 1 record, then 31 (the batch reaches 32), then 1, 1, 31 (reaches 33), then 1 left when the
    # damaged file comes, which is committed alone
    assert sizes == [2, 3, 1, 1]


def test_a_transaction_holds_at_most_batch_units_files(tmp_path: Path) -> None:
    logs = _logs(tmp_path, *(f"e{i}" for i in range(BATCH_UNITS + 8)))  # a record each
    wired = Wired(tmp_path / "state.db")
    sizes = _spy_transactions(wired)
    try:
        result = _source(wired, logs, 1000).poll(threading.Event())
    finally:
        wired.close()
    assert (result.units, result.failed_units) == (BATCH_UNITS + 8, 0)
    assert sizes == [BATCH_UNITS, 8]


def test_the_findings_of_files_committed_together_are_settled_once(tmp_path: Path) -> None:
    """Their report deliveries are marked done in one transaction, not one per file."""
    logs = _logs(tmp_path, "first", "second", "third")
    wired = Wired(tmp_path / "state.db")
    settled: list[list[str]] = []
    deliveries_done = wired.store.deliveries_done

    def spying(sink: str, finding_ids: Any) -> None:
        settled.append(list(finding_ids))
        deliveries_done(sink, finding_ids)

    wired.store.deliveries_done = spying  # type: ignore[method-assign]
    try:
        result = _source(wired, logs, 1000).poll(threading.Event())
        findings = {finding.id for finding in wired.store.list_findings()}
    finally:
        wired.close()
    assert result.findings == len(findings) == 9
    assert len(settled) == 1
    assert sorted(settled[0]) == sorted(findings)


def _logs(tmp: Path, *event_ids: str) -> Path:
    logs = tmp / "logs"
    logs.mkdir()
    for second, event_id in enumerate(event_ids):  # each one a change, so each one gives findings
        (logs / f"{second}.json").write_text(
            json.dumps({"Records": [self_retag(event_id, event_id, second)]})
        )
    return logs


def _judging_raises(
    wired: Wired, monkeypatch: pytest.MonkeyPatch, event_id: str, error: Callable[[], Exception | None]
) -> None:
    """Judging the record ``event_id`` raises what ``error`` gives, while it gives something."""
    judge_record = wired.processor._judge_record

    def faulty(tx: Any, item: TagRecord, *args: Any, **kwargs: Any) -> None:
        raised = error() if item.event_id == event_id else None
        if raised is not None:
            raise raised
        judge_record(tx, item, *args, **kwargs)

    monkeypatch.setattr(wired.processor, "_judge_record", faulty)


def test_a_file_whose_judging_fails_among_files_committed_together_fails_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logs = _logs(tmp_path, "before", "explodes", "after")
    wired = Wired(tmp_path / "state.db")
    _judging_raises(wired, monkeypatch, "explodes", lambda: RuntimeError("a bug in tagwarden"))
    sizes = _spy_transactions(wired)
    try:
        result = _source(wired, logs, 1000).poll(threading.Event())
        assert (result.units, result.failed_units, result.findings) == (3, 1, 6)
        assert wired.event_ids() == {"before", "after"}
        (failed,) = wired.store.failed_units()
        assert failed.unit.split("@")[0].endswith("/1.json")
        assert failed.reason == "unit_failed" and "RuntimeError: a bug in tagwarden" in failed.detail
        assert sizes == [3, 1, 1, 1]  # together, then each file alone, read again
    finally:
        wired.close()


def test_units_with_control_calls_are_not_committed_together(tmp_path: Path) -> None:
    wired = Wired(tmp_path / "state.db")
    plain = PreparedUnit(UnitResult(records=1), [])
    control = PreparedUnit(UnitResult(records=1), [], controls=[(0.0, {"eventName": "StopLogging"})])
    try:
        assert plain.may_share_transaction() and not control.may_share_transaction()
        with pytest.raises(ValueError, match="committed alone"):
            wired.processor.commit_together([(plain, "a"), (control, "b")], source="logs")
        assert wired.processor.commit_together([(plain, "a"), (plain, "b")], source="logs")
    finally:
        wired.close()


def test_a_deferral_among_files_committed_together_commits_none_of_them_until_the_next_poll(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logs = _logs(tmp_path, "before", "waits", "after")
    wired = Wired(tmp_path / "state.db")
    down = [UnitDeferred("store_unavailable", "the store is restarting")]
    _judging_raises(wired, monkeypatch, "waits", lambda: down[0] if down else None)
    source = _source(wired, logs, 1000)
    try:
        first = source.poll(threading.Event())
        assert (first.units, first.failed_units, first.findings) == (1, 1, 0)
        assert "store_unavailable" in first.errors[0] and first.errors[0].split("@")[0].endswith("/0.json")
        assert wired.event_ids() == set() and wired.store.failed_units() == []
        down.clear()
        second = source.poll(threading.Event())
        assert (second.units, second.failed_units) == (3, 0)
        assert wired.event_ids() == {"before", "waits", "after"}
    finally:
        wired.close()


def _sqs_run(tmp: Path, objects: list[tuple[str, bytes]], batch_records: int) -> tuple[Any, list[int]]:
    deployment = Deployment.create(f"together-{batch_records}", max_receive=5)
    s3 = boto3.client("s3")
    for key, body in objects:  # one notification per file, in delivery order
        s3.put_object(Bucket=deployment.bucket, Key=key, Body=body)
    db = tmp / f"sqs-{batch_records}.db"
    wired = Wired(db, policy=yaml.safe_load(POLICY))
    sizes = _spy_transactions(wired)
    spec = SqsSourceSettings(
        type="sqs", queue_url=deployment.queue_url, wait_seconds=0, quarantine_after=1, drain_seconds=5
    )
    source = SqsSource(
        "trail",
        spec,
        wired.context,
        sqs=boto3.client("sqs"),
        s3=s3,
        batch_records=batch_records,
    )
    try:
        result = source.poll(threading.Event())
        failed = sorted(u.reason for u in wired.store.failed_units())
    finally:
        wired.close()
    assert deployment.depth() == 0 and deployment.depth(dead_letters=True) == 0
    outcome = (result.units, result.records, result.findings, result.failed_units, failed)
    return (*findings_and_history(db), outcome), sizes


def test_small_messages_committed_together_give_what_one_transaction_per_message_gives(
    aws: str, tmp_path: Path
) -> None:
    objects = trail_objects()
    alone = _sqs_run(tmp_path, objects, batch_records=1)
    _assert_alike(*alone, *_sqs_run(tmp_path, objects, batch_records=1000))


def test_a_message_whose_judging_fails_among_messages_committed_together_is_left_alone(
    aws: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deployment = Deployment.create("together-fails", max_receive=5)
    for second, event_id in enumerate(["before", "explodes", "after"]):
        deployment.send(eventbridge(self_retag(event_id, event_id, second)))
    wired = Wired(tmp_path / "state.db")
    _judging_raises(wired, monkeypatch, "explodes", lambda: RuntimeError("a bug in tagwarden"))
    sizes = _spy_transactions(wired)
    source = wired.sqs(deployment.queue_url, quarantine_after=1, drain_seconds=2)
    try:
        result = source.poll(threading.Event())
        assert (result.units, result.failed_units, result.findings) == (3, 1, 6)
        assert wired.event_ids() == {"before", "after"}
        (failed,) = wired.store.failed_units()
        assert failed.reason == "unit_failed" and "RuntimeError: a bug in tagwarden" in failed.detail
        assert sizes == [3, 1, 1, 1]  # together, then each message alone, read again
        assert deployment.depth() == 0  # two committed and deleted, one quarantined and deleted
    finally:
        wired.close()


class _DeleteCounting:
    """The moto SQS client, noting how many entries each delete call carries. A message whose
    body holds ``refuse`` comes back Failed, as SQS reports an entry it could not delete inside
    an answer of status 200."""

    def __init__(self, refuse: str = "") -> None:
        self._sqs = boto3.client("sqs")
        self.deletes: list[int] = []
        self.refuse = refuse
        self.bodies: dict[str, str] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sqs, name)

    def receive_message(self, **request: Any) -> Any:
        answer = self._sqs.receive_message(**request)
        for message in answer.get("Messages", []):
            self.bodies[message["ReceiptHandle"]] = message["Body"]
        return answer

    def delete_message_batch(self, QueueUrl: str, Entries: list[dict[str, str]]) -> Any:
        self.deletes.append(len(Entries))
        refused = [e for e in Entries if self.refuse and self.refuse in self.bodies[e["ReceiptHandle"]]]
        kept = [e for e in Entries if e not in refused]
        answer = self._sqs.delete_message_batch(QueueUrl=QueueUrl, Entries=kept) if kept else {}
        failed = [
            {"Id": e["Id"], "Code": "InternalError", "Message": "try again", "SenderFault": False}
            for e in refused
        ]
        return {**answer, "Failed": failed}


def test_messages_committed_together_are_deleted_in_one_call_and_a_refused_delete_is_reported(
    aws: str, tmp_path: Path
) -> None:
    deployment = Deployment.create("together-deletes", max_receive=5)
    for second, event_id in enumerate(["first", "refused", "third"]):
        deployment.send(eventbridge(self_retag(event_id, event_id, second)))
    wired = Wired(tmp_path / "state.db")
    sqs = _DeleteCounting(refuse='"refused"')
    spec = SqsSourceSettings(type="sqs", queue_url=deployment.queue_url, wait_seconds=0, drain_seconds=2)
    source = SqsSource("trail", spec, wired.context, sqs=sqs, s3=boto3.client("s3"))  # type: ignore[arg-type]
    try:
        result = source.poll(threading.Event())
        assert sqs.deletes == [3]
        assert (result.units, result.failed_units) == (3, 0)
        assert wired.event_ids() == {"first", "refused", "third"}  # committed, whatever the delete
        assert len(result.errors) == 1 and "InternalError: try again" in result.errors[0]
        assert wired.counter(wired.metrics.source_errors, "trail", "delete_failed") == 1
        assert deployment.depth() == 1  # the refused one comes back, to be recognised and skipped
    finally:
        wired.close()


def test_units_committed_together_take_all_their_locks_up_front_in_one_call(tmp_path: Path) -> None:
    wired = Wired(tmp_path / "state.db")
    second = self_retag("second", "gamma", 1)
    second["requestParameters"]["roleName"] = "dev-beta"  # another target, earlier in sorted order
    units = [
        (wired.processor.prepare([self_retag("first", "beta", 0)]), "first.json"),
        (wired.processor.prepare([second]), "second.json"),
    ]
    locks: list[set[str]] = []
    unit = wired.store.unit

    @contextmanager
    def noting() -> Iterator[Any]:
        with unit() as tx:
            lock_targets = tx.lock_targets

            def lock(targets: Any, sessions: Any = ()) -> None:
                locks.append(set(targets))
                lock_targets(targets, sessions)

            tx.lock_targets = lock
            yield tx

    wired.store.unit = noting  # type: ignore[method-assign]
    try:
        wired.processor.commit_together(units, source="logs")
    finally:
        wired.close()
    role = "arn:aws:iam::123456789012:role/"
    assert len(locks) == 1 and {role + "dev-alpha", role + "dev-beta"} <= locks[0]
