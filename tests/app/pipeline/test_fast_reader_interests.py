"""The fast reader skips records before decoding them; it must not skip what the control and
compute detectors judge, nor lose the per-account delivery times the gap detector watches."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import open_store
from tagwarden.app.logs import get_logger
from tagwarden.app.pipeline import PrincipalTagCache, Processor
from tagwarden.core.controls.classify import HANDLERS
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.normalize import Normalizer
from tagwarden.core.records.triage import Skipped, read_log
from tests.builders.abac_cases import POLICY
from tests.core.controls import records as r


def processor(tmp_path: Path) -> Processor:
    return Processor(
        normalizer=Normalizer(),
        policy=CompiledPolicy(parse_policy_document(POLICY)),
        store=open_store(f"sqlite:///{tmp_path / 'state.db'}"),
        principals=PrincipalTagCache(None),
        metrics=Metrics(),
        log=get_logger(),
    )


def test_control_and_compute_calls_are_never_skipped(tmp_path: Path) -> None:
    interests = processor(tmp_path).record_filter
    assert interests.interest("cloudtrail.amazonaws.com", "StopLogging") is not None
    assert interests.interest("iam.amazonaws.com", "AddRoleToInstanceProfile") is not None
    assert interests.interest("s3.amazonaws.com", "GetObject") is None
    for source, name in [
        *HANDLERS,
        ("sns.amazonaws.com", "Subscribe"),
        ("events.amazonaws.com", "PutTargets"),
    ]:
        interest = interests.interest(source, name)
        assert interest is not None and interest.always, (source, name)


def test_a_forwarding_rule_put_back_disabled_in_a_log_file_read_fast_is_judged(tmp_path: Path) -> None:
    proc = processor(tmp_path)
    disabled = r.put_rule(minute=5)
    disabled["requestParameters"]["state"] = "DISABLED"
    data = gzip.compress(json.dumps({"Records": [r.put_rule(actor=r.ADMIN, minute=1), disabled]}).encode())
    result = proc.process(read_log(data, proc.record_filter), source="test", unit="log")
    assert [(f.kind, f.event_id) for f in result.new_findings] == [("control_tamper", disabled["eventID"])]


def test_a_stop_logging_in_a_log_file_read_fast_is_judged(tmp_path: Path) -> None:
    proc = processor(tmp_path)
    noise = {**r.stop_logging(), "eventName": "GetObject", "eventSource": "s3.amazonaws.com", "eventID": "n1"}
    data = gzip.compress(json.dumps({"Records": [noise, r.stop_logging()]}).encode())
    items = list(read_log(data, proc.record_filter))
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert len(skipped) == 1 and skipped[0].count == 1
    assert skipped[0].newest_by_origin == {(r.ACCOUNT, r.REGION): noise["eventTime"]}
    result = proc.process(items, source="test", unit="log")
    assert [f.kind for f in result.new_findings] == ["control_tamper"]
    assert result.newest_by_origin and result.records == 2
