"""Reverts on moto: an abusive retag is put back in enforce mode and only planned in dry_run; a
legitimate change nearby is untouched; replaying reverts nothing twice and tagwarden's own revert
raises nothing.

Records are built as CloudTrail writes S3 PutBucketTagging (CloudTrail User Guide, "Amazon S3
bucket-level actions tracked by CloudTrail logging"); the buckets live in moto.
"""

from __future__ import annotations

import io
import json
from typing import Any

import boto3
import pytest

from tagwarden.adapters.aws import AwsClients
from tagwarden.adapters.aws.tag_writer import TagWriter, remediator_clients
from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.sinks import Dispatcher
from tagwarden.adapters.sinks.revert import RevertSink
from tagwarden.adapters.store import Store, open_store
from tagwarden.app.demo.records import Caller, record, s3_tagging
from tagwarden.app.logs import get_logger
from tagwarden.app.pipeline import PrincipalTagCache, Processor
from tagwarden.app.wiring import with_reverts
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.normalize import Normalizer
from tagwarden.core.records import iter_records
from tagwarden.core.settings.sinks import DeliverySettings

ACCOUNT = "123456789012"
ADMIN = Caller(ACCOUNT, "TagAdmin", session="admin")
DEVELOPER = Caller(ACCOUNT, "Developer", session="dev")
REMEDIATOR = Caller(ACCOUNT, "tagwarden-remediator", session="tagwarden-revert")
BUCKET, OTHER = "team-alpha-data", "team-gamma-data"


def policy(mode: str) -> CompiledPolicy:
    rule = {
        "id": "team",
        "keys": ["team"],
        "writers": [{"principal": "arn:aws:iam::*:role/TagAdmin"}],
        "remediate": "revert",
    }
    document = {"version": 1, "abac_keys": ["team"], "rules": [rule], "remediation": {"mode": mode}}
    return CompiledPolicy(parse_policy_document(document))


def put(caller: Caller, bucket: str, tags: dict[str, str], time: str, event_id: str) -> dict[str, Any]:
    return record(
        caller, "s3.amazonaws.com", "PutBucketTagging", s3_tagging(bucket, tags), time=time, event_id=event_id
    )


HISTORY = [
    put(ADMIN, BUCKET, {"team": "alpha", "owner": "ops"}, "2026-01-05T10:00:00Z", "setup"),
    put(ADMIN, OTHER, {"team": "gamma"}, "2026-01-05T10:00:01Z", "setup-other"),
    put(DEVELOPER, BUCKET, {"team": "beta", "owner": "ops"}, "2026-01-05T11:00:00Z", "grab"),
    put(DEVELOPER, BUCKET, {"team": "beta", "owner": "dev"}, "2026-01-05T11:05:00Z", "owner-change"),
    put(ADMIN, OTHER, {"team": "delta"}, "2026-01-05T11:06:00Z", "legit-retag"),
]


class Daemon:
    """The processor and the dispatcher wired as the daemon wires them, with moto behind."""

    def __init__(self, store: Store, compiled: CompiledPolicy) -> None:
        clients = AwsClients("us-east-1")
        writer = TagWriter(remediator_clients(clients, compiled.policy.remediation.role))
        sinks: dict[str, Any] = {}
        route = with_reverts(
            compiled, sinks, lambda _finding: [], RevertSink(store, writer, compiled, get_logger())
        )
        self.store = store
        self.processor = Processor(
            normalizer=Normalizer(),
            policy=compiled,
            store=store,
            principals=PrincipalTagCache(lambda _arn: {}),
            metrics=Metrics(),
            log=get_logger(),
            route=route,
        )
        self.dispatcher = Dispatcher(store, sinks, DeliverySettings(), metrics=Metrics(), log=get_logger())

    def feed(self, records: list[dict[str, Any]]) -> None:
        body = json.dumps({"Records": records}).encode()
        self.processor.process(iter_records(io.BytesIO(body)), source="test", unit="u")

    def deliver(self) -> int:
        return self.dispatcher.run_once().delivered


def bucket_tags(name: str) -> dict[str, str]:
    tag_set = boto3.client("s3", region_name="us-east-1").get_bucket_tagging(Bucket=name)["TagSet"]
    return {t["Key"]: t["Value"] for t in tag_set}


@pytest.fixture
def aws(moto_in_process: None) -> None:
    s3 = boto3.client("s3", region_name="us-east-1")
    for name, tags in ((BUCKET, {"team": "beta", "owner": "dev"}), (OTHER, {"team": "delta"})):
        s3.create_bucket(Bucket=name)
        s3.put_bucket_tagging(
            Bucket=name, Tagging={"TagSet": [{"Key": k, "Value": v} for k, v in tags.items()]}
        )


def the_grab(store: Store) -> Any:
    (finding,) = [
        f for f in store.list_findings() if f.event_id == "grab" and f.kind == "unauthorized_writer"
    ]
    return finding


def test_enforce_reverts_the_abusive_retag_once(aws: None) -> None:
    daemon = Daemon(open_store("sqlite:///:memory:"), policy("enforce"))
    daemon.feed(HISTORY)
    assert daemon.deliver() == 1
    assert bucket_tags(BUCKET) == {"team": "alpha", "owner": "dev"}  # owner, written since, untouched
    assert bucket_tags(OTHER) == {"team": "delta"}  # the tag admin's change stays
    grab = the_grab(daemon.store)
    assert daemon.store.remediation(grab.id) == {"status": "done", "detail": "set team=alpha"}

    # tagwarden's own revert comes back through CloudTrail, and the whole history is replayed.
    own = put(REMEDIATOR, BUCKET, {"team": "alpha", "owner": "dev"}, "2026-01-05T11:10:00Z", "revert")
    before = {f.id for f in daemon.store.list_findings()}
    daemon.feed([*HISTORY, own])
    assert {f.id for f in daemon.store.list_findings()} == before
    assert daemon.deliver() == 0
    assert daemon.store.remediations_applied_since(0) == 1
    assert bucket_tags(BUCKET) == {"team": "alpha", "owner": "dev"}


def test_a_value_the_unauthorized_writer_set_before_is_not_put_back(aws: None) -> None:
    """Two retags by the same writer: reverting the second must not restore the first's value."""
    daemon = Daemon(open_store("sqlite:///:memory:"), policy("enforce"))
    again = put(DEVELOPER, BUCKET, {"team": "gamma", "owner": "dev"}, "2026-01-05T11:07:00Z", "grab-again")
    boto3.client("s3", region_name="us-east-1").put_bucket_tagging(
        Bucket=BUCKET,
        Tagging={"TagSet": [{"Key": "team", "Value": "gamma"}, {"Key": "owner", "Value": "dev"}]},
    )
    daemon.feed([*HISTORY, again])
    assert daemon.deliver() == 2
    assert bucket_tags(BUCKET) == {"team": "gamma", "owner": "dev"}
    (second,) = [f for f in daemon.store.list_findings() if f.event_id == "grab-again"]
    status = daemon.store.remediation(second.id)
    assert status is not None and status["status"] == "skipped"
    assert the_grab(daemon.store).id in status["detail"]


def test_dry_run_leaves_the_retag_and_says_planned(aws: None) -> None:
    daemon = Daemon(open_store("sqlite:///:memory:"), policy("dry_run"))
    daemon.feed(HISTORY)
    assert daemon.deliver() == 1
    assert bucket_tags(BUCKET) == {"team": "beta", "owner": "dev"}
    assert daemon.store.remediation(the_grab(daemon.store).id) == {
        "status": "planned",
        "detail": "dry_run: would set team=alpha",
    }


def test_a_retry_after_the_value_was_restored_applies_nothing(aws: None) -> None:
    """A crash between the write and the outbox update: the retry finds team back at alpha."""
    store = open_store("sqlite:///:memory:")
    daemon = Daemon(store, policy("enforce"))
    daemon.feed(HISTORY)
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.put_bucket_tagging(
        Bucket=BUCKET,
        Tagging={"TagSet": [{"Key": "team", "Value": "alpha"}, {"Key": "owner", "Value": "dev"}]},
    )
    assert daemon.deliver() == 1
    status = store.remediation(the_grab(store).id)
    assert status is not None and status["status"] == "skipped"
    assert store.remediations_applied_since(0) == 0


def test_rules_without_revert_queue_nothing(aws: None) -> None:
    document = {
        "version": 1,
        "rules": [
            {"id": "team", "keys": ["team"], "writers": [{"principal": "arn:aws:iam::*:role/TagAdmin"}]}
        ],
    }
    daemon = Daemon(open_store("sqlite:///:memory:"), CompiledPolicy(parse_policy_document(document)))
    daemon.feed(HISTORY)
    assert daemon.deliver() == 0
    assert bucket_tags(BUCKET)["team"] == "beta"


def test_a_finding_resolved_before_its_revert_runs_is_not_reverted(aws: None) -> None:
    """The revert waits (a refusal, throttling or max_per_hour: retried later) and meanwhile a
    person resolves the finding: the change was accepted, so the retry puts nothing back."""
    store = open_store("sqlite:///:memory:")
    daemon = Daemon(store, policy("enforce"))
    daemon.feed(HISTORY)
    grab = the_grab(store)
    store.set_status(grab.id, "resolved")
    assert daemon.deliver() == 1
    assert bucket_tags(BUCKET) == {"team": "beta", "owner": "dev"}
    status = store.remediation(grab.id)
    assert status is not None and status["status"] == "skipped"
    assert store.remediations_applied_since(0) == 0


def test_a_revert_aws_refuses_for_its_target_does_not_hold_back_the_others(aws: None) -> None:
    """A revert refused for its own target (here the bucket is gone: NoSuchBucket) waits alone, as
    a sink's refusal of one finding does; the next finding's revert goes ahead at once."""
    store = open_store("sqlite:///:memory:")
    daemon = Daemon(store, policy("enforce"))
    gone = "team-omega-data"  # never created in moto
    daemon.feed(
        [
            put(ADMIN, gone, {"team": "omega"}, "2026-01-05T09:00:00Z", "setup-gone"),
            put(DEVELOPER, gone, {"team": "beta"}, "2026-01-05T09:30:00Z", "grab-gone"),
        ]
    )
    assert daemon.deliver() == 0  # refused: GetBucketTagging answers NoSuchBucket
    (refused,) = [f for f in store.list_findings() if f.event_id == "grab-gone"]
    status = store.remediation(refused.id)
    assert status is not None and status["status"] == "failed" and "NoSuchBucket" in status["detail"]

    daemon.feed(HISTORY)
    assert daemon.deliver() == 1
    assert bucket_tags(BUCKET) == {"team": "alpha", "owner": "dev"}
