"""Unknown is not empty: IAM failing on the principal-tag lookup defers the unit, it is never
judged as if the actor had no tags, and the failure is not remembered once IAM recovers
(issue 16, finding 1)."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.config import Config

from tagwarden.adapters.aws.iam_tags import IAMPrincipalTags
from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.sources.files import FilesSource
from tagwarden.adapters.sources.source import SourceContext
from tagwarden.adapters.store import Store, open_store
from tagwarden.app.logs import get_logger
from tagwarden.app.pipeline import PrincipalTagCache, Processor
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.normalize import Normalizer
from tagwarden.core.ports.units import UnitDeferred
from tagwarden.core.settings.settings import FilesSourceSettings
from tests.builders.abac_cases import ACCOUNT, POLICY, ROLES, USERS, CaseLog, findings_by_event
from tests.e2e.support import seed_principals
from tests.faults.injection import Fault

TAG_CALLS = frozenset({"ListRoleTags", "ListUserTags"})


def _logs(directory: Path) -> Path:
    """The case table's records, in two log files read in name order."""
    records = CaseLog().build().records
    half = len(records) // 2
    directory.mkdir()
    (directory / "a.json").write_text(json.dumps({"Records": records[:half]}))
    (directory / "b.json").write_text(json.dumps({"Records": records[half:]}))
    return directory


def _source(store: Store, fault: Fault, logs: Path) -> tuple[FilesSource, Metrics, PrincipalTagCache]:
    iam = fault.install(boto3.client("iam", config=Config(retries={"mode": "standard", "max_attempts": 1})))
    metrics = Metrics()
    principals = PrincipalTagCache(
        IAMPrincipalTags(iam, lambda: ACCOUNT, get_logger()),
        retry_delay=0.01,
        on_failure=lambda reason: metrics.principal_tag_errors.labels(reason).inc(),
    )
    processor = Processor(
        normalizer=Normalizer(),
        policy=CompiledPolicy(parse_policy_document(POLICY)),
        store=store,
        principals=principals,
        metrics=metrics,
        log=get_logger(),
    )
    context = SourceContext(processor, metrics, get_logger(), faults=principals.faults)
    settings = FilesSourceSettings(type="files", paths=[str(logs)])
    return FilesSource("logs", settings, context, base_dir=logs), metrics, principals


def _judged(store: Store) -> dict[str, Any]:
    return {k: sorted(v) for k, v in findings_by_event([f.to_dict() for f in store.list_findings()]).items()}


@pytest.mark.parametrize(("status", "code"), [(500, "InternalFailure"), (403, "AccessDenied")])
def test_iam_failing_then_recovering_gives_the_findings_of_a_run_without_the_fault(
    aws: str, tmp_path: Path, status: int, code: str
) -> None:
    seed_principals(ROLES, USERS)
    logs = _logs(tmp_path / "logs")
    clean_store = open_store(f"sqlite:///{tmp_path / 'clean.db'}")
    clean, _, _ = _source(clean_store, Fault(TAG_CALLS, active=False), logs)
    clean.poll(threading.Event())
    expected = _judged(clean_store)
    assert any("self_grant" in str(v) for v in expected.values())

    store = open_store(f"sqlite:///{tmp_path / 'faulty.db'}")
    fault = Fault(TAG_CALLS, status=status, code=code)
    source, metrics, principals = _source(store, fault, logs)
    during = source.poll(threading.Event())
    assert fault.injected > 0
    assert during.findings == 0 and store.list_findings() == []  # nothing judged on a guess
    assert during.failed_units == 1  # the first file is kept back; the second waits behind it
    assert "principal_tags" in principals.faults.current()
    assert metrics.principal_tag_errors.labels("principal_tags_unavailable")._value.get() >= 1
    assert metrics.units_deferred.labels("logs", "principal_tags_unavailable")._value.get() == 1

    fault.active = False  # IAM recovers
    after = source.poll(threading.Event())
    assert after.failed_units == 0 and after.units == 2
    assert _judged(store) == expected
    assert principals.faults.current() == {}


def test_readiness_names_the_fault_from_the_first_failed_lookup_not_after_the_retries() -> None:
    """Each attempt may itself take botocore's retries (a minute against a failing IAM): /readyz
    names the fault while they run, and it goes when a lookup succeeds."""
    answers: list[Exception | dict[str, str]] = [
        UnitDeferred("principal_tags_unavailable", "role/a: ServiceFailure"),
        {"team": "a"},
    ]
    seen_while_waiting: list[dict[str, str]] = []

    def fetch(arn: str) -> dict[str, str]:
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    principals = PrincipalTagCache(
        fetch, sleep=lambda _: seen_while_waiting.append(principals.faults.current())
    )
    (fetched,) = principals.refresh([f"arn:aws:iam::{ACCOUNT}:role/a"])
    assert fetched.tags == {"team": "a"}
    assert seen_while_waiting == [{"principal_tags": "role/a: ServiceFailure"}]
    assert principals.faults.current() == {}
