"""A late event that changes what a later change's old value was makes the later change judged again:
new findings added, findings that no longer hold marked superseded (never deleted). One replica
receives events out of order too: SQS does not promise order. On every store engine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import Store, open_store
from tagwarden.app.demo.records import Caller, record, s3_tagging
from tests.adapters.store.conftest import engine_url
from tests.app.pipeline.test_processor import ACCOUNT, processor, run

DEV = Caller(ACCOUNT, "dev-beta", session="dev", access_key_id="ASIADEV0000000000001")  # team beta
ADMIN = Caller(ACCOUNT, "TagAdmin", session="admin", access_key_id="ASIAADMIN00000000001")


def put_team(caller: Caller, bucket: str, team: str, minute: int, event_id: str) -> dict[str, Any]:
    # PutBucketTagging as CloudTrail logs it:
    # https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html
    return record(
        caller,
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging(bucket, {"team": team}),
        time=f"2024-05-01T10:{minute:02d}:00Z",
        event_id=event_id,
    )


@pytest.fixture(params=["sqlite-memory", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    opened = open_store(engine_url(request.param, tmp_path, request))
    yield opened
    opened.close()


def by_event(store: Store, event_id: str) -> dict[str, str]:
    return {f.kind: f.status for f in store.list_findings() if f.event_id == event_id}


def test_a_late_event_adds_the_findings_a_later_change_now_gives(store: Store) -> None:
    proc = processor(store)
    run(proc, [put_team(ADMIN, "shared", "beta", 1, "admin-beta")], unit="1")
    run(proc, [put_team(DEV, "shared", "beta", 3, "dev-beta")], unit="2")
    assert by_event(store, "dev-beta") == {}  # beta stays beta: no write of team
    late = run(proc, [put_team(ADMIN, "shared", "alpha", 2, "admin-alpha")], unit="3")  # logged before dev's
    # Judged again: dev moved shared from alpha into dev's own team.
    assert by_event(store, "dev-beta") == {"unauthorized_writer": "open", "self_grant": "open"}
    assert {f.event_id for f in late.new_findings} == {"dev-beta"} and late.superseded == []
    assert store.get_finding(next(f.id for f in late.new_findings)).old_value == "alpha"  # type: ignore[union-attr]


def test_findings_that_no_longer_hold_are_superseded_not_deleted(store: Store) -> None:
    metrics = Metrics()
    proc = processor(store, metrics)
    run(proc, [put_team(DEV, "shared", "beta", 3, "dev-beta")], unit="1")
    # Nothing was known of shared: dev's write of team counts.
    assert by_event(store, "dev-beta") == {"unauthorized_writer": "open", "self_grant": "open"}
    late = run(proc, [put_team(ADMIN, "shared", "beta", 2, "admin-beta")], unit="2")
    assert len(late.superseded) == 2 and late.new_findings == []
    assert by_event(store, "dev-beta") == {"unauthorized_writer": "superseded", "self_grant": "superseded"}
    assert store.open_finding_counts() == []
    # A redelivery of either event changes nothing more.
    again = run(
        proc,
        [put_team(ADMIN, "shared", "beta", 2, "admin-beta"), put_team(DEV, "shared", "beta", 3, "dev-beta")],
    )
    assert again.duplicates == 2 and again.new_findings == [] and again.superseded == []


def test_a_late_event_that_changes_no_old_value_judges_nothing_again(store: Store) -> None:
    proc = processor(store)
    run(proc, [put_team(DEV, "shared", "beta", 3, "dev-beta")], unit="1")
    before = store.list_findings()
    late = run(proc, [put_team(ADMIN, "other", "alpha", 2, "other-bucket")], unit="2")
    assert late.superseded == [] and {f.event_id for f in late.new_findings} <= {"other-bucket"}
    assert [f for f in store.list_findings() if f.event_id == "dev-beta"] == before
