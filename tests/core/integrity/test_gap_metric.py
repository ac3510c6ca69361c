"""The delivery gap metric: the newest event per account and region, whatever source read it."""

from __future__ import annotations

import io
import json

import pytest

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.metrics import registry as metrics_registry
from tagwarden.adapters.store import open_store
from tagwarden.app.logs import get_logger
from tagwarden.app.pipeline import PrincipalTagCache, Processor
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.normalize import Normalizer
from tagwarden.core.records import iter_records
from tagwarden.core.timeutil import parse_time
from tests.core.controls import records as r

METRIC = "tagwarden_log_newest_event_timestamp_seconds"


def test_newest_event_per_account_and_region_only_moves_forward() -> None:
    metrics = Metrics()
    proc = Processor(
        normalizer=Normalizer(),
        policy=CompiledPolicy(parse_policy_document({"version": 1})),
        store=open_store("sqlite:///:memory:"),
        principals=PrincipalTagCache(lambda arn: {}),
        metrics=metrics,
        log=get_logger(),
    )
    east, west = r.describe_trails(minute=5), r.describe_trails(minute=9)
    west["awsRegion"] = "us-west-2"
    older = r.describe_trails(minute=1)

    for unit, records in (("a", [east, west]), ("b", [older])):
        body = json.dumps({"Records": records}).encode()
        proc.process(iter_records(io.BytesIO(body)), source="files", unit=unit)

    def value(region: str) -> float | None:
        return metrics.registry.get_sample_value(METRIC, {"account": r.ACCOUNT, "region": region})

    assert value(r.REGION) == parse_time(east["eventTime"])
    assert value("us-west-2") == parse_time(west["eventTime"])


def _series(metrics: Metrics) -> dict[tuple[str, str], float]:
    return {
        (sample.labels["account"], sample.labels["region"]): sample.value
        for family in metrics.registry.collect()
        for sample in family.samples
        if sample.name == METRIC
    }


def test_only_an_account_id_and_a_region_name_make_a_series() -> None:
    # The labels come from records, which whoever can write to the log bucket can forge.
    metrics = Metrics()
    for account, region in [
        ("123456789012", "us-east-1"),
        ("123456789012", "us-gov-west-1"),
        ("12345678901", "us-east-1"),
        ("1234567890123", "us-east-1"),
        ("\u0661" * 12, "us-east-1"),
        ("123456789012", "<script>"),
        ("123456789012", "us-east-1 "),
    ]:
        metrics.observe_log_origin(account, region, 100.0)
    assert _series(metrics) == {
        ("123456789012", "us-east-1"): 100.0,
        ("123456789012", "us-gov-west-1"): 100.0,
    }


def test_new_origins_beyond_the_bound_are_not_tracked_known_ones_still_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(metrics_registry, "MAX_LOG_ORIGINS", 2)
    metrics = Metrics()
    for index in range(3):
        metrics.observe_log_origin(f"{index:012d}", "eu-west-1", 100.0)
    metrics.observe_log_origin("000000000000", "eu-west-1", 200.0)
    assert _series(metrics) == {("000000000000", "eu-west-1"): 200.0, ("000000000001", "eu-west-1"): 100.0}
