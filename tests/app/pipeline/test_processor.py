"""The processor's bookkeeping: session tags, order, duplicates, and what it counts."""

from __future__ import annotations

import io
import json
from typing import Any

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import Store, open_store
from tagwarden.app.demo.records import Caller, record, s3_tagging, tag_list
from tagwarden.app.logs import get_logger
from tagwarden.app.pipeline import PrincipalTagCache, Processor, UnitResult
from tagwarden.app.recording import Route
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.normalize import Normalizer
from tagwarden.core.records import iter_records
from tests.adapters.store.counting import CountingSQLiteStore

ACCOUNT = "123456789012"
POLICY = {
    "version": 1,
    "abac_keys": ["team"],
    "rules": [{"id": "team", "keys": ["team"], "writers": [{"principal": "arn:aws:iam::*:role/TagAdmin"}]}],
}
IAM = {f"arn:aws:iam::{ACCOUNT}:role/dev-beta": {"team": "beta"}, f"arn:aws:iam::{ACCOUNT}:user/bob": {}}


def processor(
    store: Store,
    metrics: Metrics | None = None,
    *,
    principals: PrincipalTagCache | None = None,
    policy: dict[str, Any] | None = None,
    route: Route | None = None,
) -> Processor:
    return Processor(
        normalizer=Normalizer(),
        policy=CompiledPolicy(parse_policy_document(policy or POLICY)),
        store=store,
        principals=principals or PrincipalTagCache(IAM.get),
        metrics=metrics or Metrics(),
        log=get_logger(),
        route=route,
    )


def run(proc: Processor, records: list[dict[str, Any]], unit: str = "u") -> UnitResult:
    body = json.dumps({"Records": records}).encode()
    return proc.process(iter_records(io.BytesIO(body)), source="test", unit=unit)


def kinds(store: Store, event_id: str) -> set[str]:
    return {f.kind for f in store.list_findings() if f.event_id == event_id}


def test_session_tags_override_the_role_tags_of_the_calls_made_with_the_session() -> None:
    store = open_store("sqlite:///:memory:")
    bob = Caller(ACCOUNT, "bob")
    session = Caller(ACCOUNT, "dev-beta", session="bob", access_key_id="ASIABOBSESSION000001")
    assume = record(
        bob,
        "sts.amazonaws.com",
        "AssumeRole",
        {
            "roleArn": f"arn:aws:iam::{ACCOUNT}:role/dev-beta",
            "roleSessionName": "bob",
            "tags": tag_list({"Team": "alpha"}),
        },
        response={
            "credentials": {"accessKeyId": "ASIABOBSESSION000001"},
            "assumedRoleUser": {"arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/dev-beta/bob"},
        },
        time="2024-05-01T10:00:00Z",
        event_id="assume",
    )
    grab = record(
        session,
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging("alpha-data", {"team": "alpha"}),
        time="2024-05-01T10:05:00Z",
        event_id="grab",
    )
    run(processor(store), [grab, assume])  # out of order in the file: judged in event-time order
    # The role says beta; the session says alpha (Team overrides team, keys compare case-insensitively).
    assert kinds(store, "grab") == {"unauthorized_writer", "self_grant"}
    assert kinds(store, "assume") == {"unauthorized_writer", "session_tag", "self_retag"}


def test_a_later_unit_compares_with_the_value_before_its_event_even_if_read_first() -> None:
    store = open_store("sqlite:///:memory:")
    admin = Caller(ACCOUNT, "dev-beta", session="x")
    proc = processor(store)
    run(
        proc,
        [
            record(
                admin,
                "s3.amazonaws.com",
                "PutBucketTagging",
                s3_tagging("b", {"team": "gamma"}),
                time="2024-05-01T12:00:00Z",
                event_id="late",
            )
        ],
        unit="later-file",
    )
    run(
        proc,
        [
            record(
                admin,
                "s3.amazonaws.com",
                "PutBucketTagging",
                s3_tagging("b", {"team": "alpha"}),
                time="2024-05-01T11:00:00Z",
                event_id="early",
            )
        ],
        unit="earlier-file",
    )
    (early,) = [f for f in store.list_findings() if f.event_id == "early" and f.kind == "unauthorized_writer"]
    assert early.old_value is None  # nothing was known before 11:00, not the 12:00 value
    assert store.current_tags("arn:aws:s3:::b").values == {"team": "gamma"}


def test_duplicates_are_skipped_and_counted_once() -> None:
    store = open_store("sqlite:///:memory:")
    metrics = Metrics()
    proc = processor(store, metrics)
    records = [
        record(
            Caller(ACCOUNT, "dev-beta", session="x"),
            "iam.amazonaws.com",
            "TagRole",
            {"roleName": "other", "tags": tag_list({"team": "beta"})},
            time="2024-05-01T10:00:00Z",
            event_id="retag",
        )
    ]
    first, second = run(proc, records), run(proc, records)
    assert len(first.new_findings) == 2 and second.new_findings == [] and second.duplicates == 1
    assert (
        metrics.registry.get_sample_value(
            "tagwarden_tag_changes_total", {"event_source": "iam.amazonaws.com", "outcome": "success"}
        )
        == 1
    )
    assert (
        metrics.registry.get_sample_value(
            "tagwarden_findings_total", {"kind": "principal_retag", "severity": "high"}
        )
        == 1
    )


def test_unreadable_and_rejected_records_are_counted_by_reason() -> None:
    metrics = Metrics()
    proc = processor(open_store("sqlite:///:memory:"), metrics)
    caller = Caller(ACCOUNT, "dev-beta", session="x")
    unreadable = record(
        caller, "kms.amazonaws.com", "TagResource", {"keyId": "k"}, time="2024-05-01T10:00:00Z"
    )
    no_name = record(caller, "s3.amazonaws.com", "GetObject", {}, time="2024-05-01T10:00:00Z")
    del no_name["eventName"]
    bad_time = record(
        caller,
        "iam.amazonaws.com",
        "TagRole",
        {"roleName": "r", "tags": tag_list({"a": "b"})},
        time="sometime",
    )
    result = run(proc, [unreadable, no_name, bad_time])
    assert result.records == 3 and result.ok
    assert [reason for reason, _ in result.rejected] == ["bad_record", "bad_record"]
    assert [r[0] for r in result.unreadable] == ["kms.amazonaws.com"]
    value = metrics.registry.get_sample_value
    assert value("tagwarden_records_rejected_total", {"source": "test", "reason": "bad_record"}) == 2
    assert value("tagwarden_unreadable_tag_events_total", {"event_source": "kms.amazonaws.com"}) == 1


def test_changes_whose_target_the_record_does_not_determine_are_counted_and_shown_as_unresolved() -> None:
    metrics = Metrics()
    store = open_store("sqlite:///:memory:")
    proc = processor(store, metrics)
    caller = Caller(ACCOUNT, "dev-beta", session="x")
    # Secrets Manager TagResource by name without the ARN's random suffix (Secrets Manager user
    # guide, "Log AWS Secrets Manager events with AWS CloudTrail"): the ARN cannot be known.
    tagged = record(
        caller,
        "secretsmanager.amazonaws.com",
        "TagResource",
        {"secretId": "prod/payroll", "tags": tag_list({"team": "alpha"})},
        time="2024-05-01T10:00:00Z",
    )

    run(proc, [tagged])

    value = metrics.registry.get_sample_value
    assert value("tagwarden_unresolved_targets_total", {"event_source": "secretsmanager.amazonaws.com"}) == 1
    [finding] = [f for f in store.list_findings() if f.kind == "unauthorized_writer"]
    assert finding.target_kind == "unresolved"
    assert finding.target == "secretsmanager:Secret/prod/payroll"
    assert "does not determine the target's ARN" in finding.explanation


def test_the_findings_of_a_units_judgements_are_added_with_one_call(tmp_path: Any) -> None:
    """Staged and added together at the unit's end: one call of the statement layer, which is one
    round trip on PostgreSQL (``rows_of_each``), not one per judgement."""
    store = CountingSQLiteStore(str(tmp_path / "state.db"))
    dev = Caller(ACCOUNT, "dev-beta", session="d")
    writes = [
        record(
            dev,
            "s3.amazonaws.com",
            "PutBucketTagging",
            s3_tagging(f"b{n}", {"team": "alpha"}),
            time=f"2024-05-01T10:{n:02d}:00Z",
            event_id=f"w{n}",
        )
        for n in range(20)
    ]
    result = run(processor(store), writes)
    assert len(result.new_findings) == 20  # one unauthorized_writer for each write
    assert store.statements["INSERT INTO findings (id,"] == 1
    assert len(store.list_findings()) == 20
    store.close()
