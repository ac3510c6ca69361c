"""A processor over the ABAC cases' account (tests/builders/abac_cases.py): its policy, what IAM
says of its principals, and a principal inventory already taken, on a store of the test's choosing."""

from __future__ import annotations

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import Store, open_store
from tagwarden.app.logs import get_logger
from tagwarden.app.pipeline import PrincipalTagCache, Processor
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.normalize import Normalizer
from tests.builders.abac_cases import POLICY, principal_tags, take_inventory


def abac_processor(url: str = "sqlite:///:memory:", *, inventory: bool = True) -> tuple[Store, Processor]:
    """``inventory``: the principal inventory taken; else none, and the processor waits for one
    as the daemon's does."""
    store = open_store(url)
    processor = Processor(
        normalizer=Normalizer(),
        policy=CompiledPolicy(parse_policy_document(POLICY)),
        store=store,
        principals=PrincipalTagCache(principal_tags().get),
        metrics=Metrics(),
        log=get_logger(),
        inventory_awaited=not inventory,
    )
    if inventory:
        take_inventory(store)
    return store, processor
