"""A scenario of tampering calls among benign ones, through the processor: every flag is raised, and no
benign event gets anything of severity warning or above."""

from __future__ import annotations

import io
import json
import random
from typing import Any

from tagwarden.adapters.http import Request, Router
from tagwarden.adapters.http.pages import install_pages
from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import Store, open_store
from tagwarden.app.logs import get_logger
from tagwarden.app.pipeline import PrincipalTagCache, Processor
from tagwarden.core.controls import DeliveryPath
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.model.finding import at_least
from tagwarden.core.normalize import Normalizer
from tagwarden.core.records import iter_records
from tests.core.controls import records as r

POLICY = {
    "version": 1,
    "abac_keys": ["team"],
    "controls": {"writers": [{"principal": "arn:aws:iam::*:role/PlatformAdmin"}]},
}


def processor(store: Store) -> Processor:
    delivery = DeliveryPath()
    delivery.add_source_queue(r.QUEUE_URL, "sqs-cloudtrail")
    return Processor(
        normalizer=Normalizer(),
        policy=CompiledPolicy(parse_policy_document(POLICY)),
        store=store,
        principals=PrincipalTagCache(lambda arn: {}),
        metrics=Metrics(),
        log=get_logger(),
        delivery=delivery,
    )


def scenario() -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """(setup, tampering, benign) records; setup is done by the platform admins."""
    setup = [
        r.create_trail(actor=r.ADMIN, minute=1),
        r.put_rule(actor=r.ADMIN, minute=2),
        r.create_policy(r.SCP_ID, "SERVICE_CONTROL_POLICY", actor=r.ADMIN, minute=3),
        r.create_policy(r.BACKUP_ID, "BACKUP_POLICY", actor=r.ADMIN, minute=4),
    ]
    tampering = [
        r.put_event_selectors(r.MANAGEMENT_READS_ADVANCED, minute=10),
        r.stop_logging(minute=11),
        r.detach_policy(minute=12),
        r.bucket_call("PutBucketPolicy", minute=13),
        r.bucket_call("PutBucketLifecycle", minute=14),
        r.queue_call("SetQueueAttributes", minute=15),
        r.rule_call("DisableRule", minute=16),
        r.disable_policy_type("TAG_POLICY", minute=17),
        r.delete_trail(minute=18, error="AccessDenied"),
        r.bucket_call("DeleteBucket", minute=40),
    ]
    benign = [
        r.start_logging(actor=r.ADMIN, minute=20),
        r.describe_trails(minute=21),
        r.put_event_selectors(r.MANAGEMENT_WRITES_BASIC, actor=r.ADMIN, minute=22),
        r.put_event_selectors(r.MANAGEMENT_WRITES_ADVANCED, minute=23),
        r.detach_policy(r.BACKUP_ID, minute=24),
        r.update_policy(content=False, minute=25),
        r.bucket_call("PutBucketPolicy", "team-alpha-data", minute=26),
        r.queue_call("PurgeQueue", f"https://sqs.{r.REGION}.amazonaws.com/{r.ACCOUNT}/orders", minute=27),
        r.stop_logging(actor=r.ADMIN, minute=28),  # a listed controls writer: info only
        r.rule_call("DeleteRule", rule="nightly-report", minute=29),  # not known to carry CloudTrail: info
    ]
    return setup, tampering, benign


def run(proc: Processor, records: list[dict[str, Any]], unit: str) -> None:
    body = json.dumps({"Records": records}).encode()
    proc.process(iter_records(io.BytesIO(body)), source="test", unit=unit)


def test_every_tampering_call_is_flagged_and_no_benign_one_is() -> None:
    store = open_store("sqlite:///:memory:")
    proc = processor(store)
    setup, tampering, benign = scenario()
    records = setup + tampering + benign
    random.Random(14).shuffle(records)  # CloudTrail delivers out of order; the unit is judged in time order
    run(proc, records, "log-1")

    findings = store.list_findings()
    by_event: dict[str, list[str]] = {}
    for finding in findings:
        assert finding.kind == "control_tamper"
        by_event.setdefault(finding.event_id, []).append(finding.severity)
    for record in tampering:
        expected = "warning" if record.get("errorCode") else "critical"
        assert by_event.get(record["eventID"]) == [expected], record["eventName"]
    for record in setup + benign:
        severities = by_event.get(record["eventID"], [])
        assert not any(at_least(s, "warning") for s in severities), record["eventName"]
    admin_stop = benign[-2]
    assert by_event[admin_stop["eventID"]] == ["info"]
    assert store.get_event(tampering[1]["eventID"]) is not None  # the on-call view can show the record

    run(proc, records, "log-1-redelivered")
    assert len(store.list_findings()) == len(findings)


def test_the_on_call_page_of_a_control_finding_names_its_target_not_a_tag() -> None:
    store = open_store("sqlite:///:memory:")
    proc = processor(store)
    stop = r.stop_logging()
    run(proc, [stop], "log-2")
    (finding,) = store.list_findings()
    router = Router()
    install_pages(router, store, proc.policy)
    response = router.dispatch(Request.from_target("GET", f"/findings/{finding.id}", {}))
    body = response.body.decode()
    assert response.status == 200
    assert "Control tampered with" in body and r.trail_arn() in body
    assert "no tag written" in body and "stopped recording" in body
