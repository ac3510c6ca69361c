"""Several rules on one key: a workload given another team's role is a compute-identity finding
unless every rule that restricts writers of the key lists the actor, as the judge has it."""

from __future__ import annotations

import io
import json
from typing import Any

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import open_store
from tagwarden.app.logs import get_logger
from tagwarden.app.pipeline import PrincipalTagCache, Processor
from tagwarden.app.pipeline.compute_identity import ComputeIdentity
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.model import Finding
from tagwarden.core.normalize import Normalizer
from tagwarden.core.records import iter_records
from tests.builders.compute_records import run_instances
from tests.core.compute.cases import ALICE
from tests.core.compute.scenario import IAM, PROFILES


def _policy(*writers_of_every_key: str) -> CompiledPolicy:
    rules: list[dict[str, Any]] = [
        {"id": "team-by-devs", "keys": ["team"], "writers": [{"principal": "arn:aws:iam::*:role/dev-*"}]}
    ]
    if writers_of_every_key:
        rules.append(
            {"id": "all-keys", "keys": ["*"], "writers": [{"principal": p} for p in writers_of_every_key]}
        )
    return CompiledPolicy(parse_policy_document({"version": 1, "abac_keys": ["team"], "rules": rules}))


def _replay(policy: CompiledPolicy) -> list[Finding]:
    store = open_store("sqlite:///:memory:")
    processor = Processor(
        normalizer=Normalizer(),
        policy=policy,
        store=store,
        principals=PrincipalTagCache(IAM.get),
        metrics=Metrics(),
        log=get_logger(),
        compute=ComputeIdentity(fetch=PROFILES.get),
    )
    record = run_instances(
        ALICE, "i-0eeee00000000001", "beta-profile", time="2024-06-03T10:01:00Z", event_id="e1"
    )
    body = json.dumps({"Records": [record]}).encode()
    processor.process(iter_records(io.BytesIO(body)), source="test", unit="u")
    return [f for f in store.list_findings() if f.kind == "compute_identity"]


def test_a_writer_listed_by_the_only_rule_gives_no_finding() -> None:
    assert _replay(_policy()) == []


def test_a_writer_listed_by_one_rule_but_not_another_is_found() -> None:
    (found,) = _replay(_policy("arn:aws:iam::*:role/TagAdmin"))
    assert (found.tag_key, found.new_value) == ("team", "beta")


def test_a_writer_listed_by_every_rule_gives_no_finding() -> None:
    assert _replay(_policy("arn:aws:iam::*:role/TagAdmin", "arn:aws:iam::*:role/dev-*")) == []
