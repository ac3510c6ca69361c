"""The delivery gap metric: the newest event per account and region, whatever source read it."""

from __future__ import annotations

import io
import json

from tagwarden.adapters.metrics import Metrics
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
