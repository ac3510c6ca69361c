"""A small ABAC account: roles of two teams, instance profiles, and the callers that use them."""

from __future__ import annotations

import io
import json
from typing import Any

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import Store, open_store
from tagwarden.app.logs import get_logger
from tagwarden.app.pipeline import PrincipalTagCache, Processor
from tagwarden.app.pipeline.compute_identity import ComputeIdentity, TemplateFetch
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.model import Finding
from tagwarden.core.normalize import Normalizer
from tagwarden.core.records import iter_records
from tests.builders.compute_records import ACCOUNT, role

POLICY = {
    "version": 1,
    "abac_keys": ["team"],
    "rules": [{"id": "team", "keys": ["team"], "writers": [{"principal": "arn:aws:iam::*:role/TagAdmin"}]}],
}
ROLE_TAGS = {
    "dev-alpha": {"team": "alpha"},
    "app-alpha": {"team": "alpha", "purpose": "workload"},
    "app-beta": {"Team": "beta"},  # IAM compares tag keys case-insensitively
    "app-plain": {},
    "TagAdmin": {},
    "ecsTaskExecutionRole": {},
}
IAM: dict[str, dict[str, str]] = {role(name): tags for name, tags in ROLE_TAGS.items()}
IAM[f"arn:aws:iam::{ACCOUNT}:user/carol"] = {}
PROFILES = {f"{ACCOUNT}/{team}-profile": role(f"app-{team}") for team in ("alpha", "beta", "plain")}


def make_processor(
    store: Store, *, profiles: bool = True, templates: TemplateFetch | None = None
) -> Processor:
    return Processor(
        normalizer=Normalizer(),
        policy=CompiledPolicy(parse_policy_document(POLICY)),
        store=store,
        principals=PrincipalTagCache(IAM.get),
        metrics=Metrics(),
        log=get_logger(),
        compute=ComputeIdentity(fetch=PROFILES.get if profiles else None, templates=templates),
    )


def replay(records: list[dict[str, Any]], store: Store | None = None) -> list[Finding]:
    store = store or open_store("sqlite:///:memory:")
    body = json.dumps({"Records": records}).encode()
    make_processor(store).process(iter_records(io.BytesIO(body)), source="test", unit="u")
    return store.list_findings()
