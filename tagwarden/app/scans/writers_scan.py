"""The writers scan over an inventory: writer items, excess_tag_writer and excess_identity_passer
findings committed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import Store
from tagwarden.app.recording import Recorder
from tagwarden.app.scans.drift_scan import seen_keys
from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.inventory.snapshot import Inventory
from tagwarden.core.model import Finding
from tagwarden.core.normalize.catalog import catalog_document
from tagwarden.core.stopping import Stopping, never
from tagwarden.core.writers import (
    TagActions,
    WriterItem,
    build_inputs,
    excess_findings,
    find_writers,
    governed_keys,
    identity_passers,
    passer_findings,
    passer_listing,
    tag_actions,
    writer_counts,
)


@cache
def catalog_tag_actions() -> TagActions:
    return tag_actions(catalog_document()["operations"])


@dataclass
class WritersReport:
    keys: list[str]
    items: list[WriterItem]
    findings: list[Finding] = field(default_factory=list)  # new excess_tag_writer findings, committed
    # principals that can give compute another team's identity (listed as via "pass_role")
    passers: list[WriterItem] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # policies the engine could not read


def writers_report(
    inventory: Inventory,
    store: Store,
    policy: CompiledPolicy,
    scanned_at: float,
    recorder: Recorder,
    *,
    source: str = "scan:writers",
    stopping: Stopping = never,
) -> WritersReport:
    """``Stopped`` (nothing committed) once ``stopping`` says so between two principals."""
    keys = governed_keys(policy, seen_keys(inventory))
    inputs = build_inputs(inventory, catalog_tag_actions())
    items = find_writers(inputs, policy, keys, stopping)
    report = WritersReport(keys, items, problems=list(inputs.problems))
    passers = identity_passers(inputs, policy, keys, stopping)
    report.passers = passer_listing(passers)
    candidates = excess_findings(items, policy, scanned_at) + passer_findings(passers, policy, scanned_at)
    unread = [f.error for f in inventory.failures if f.stage == "organization"]
    if unread:
        # Without the SCPs and RCPs the engine answers as if none applied: a principal they forbid
        # to tag would be reported. The items stay listed; nothing is committed as a finding.
        report.problems.append(
            f"the organization's SCPs and RCPs could not be read ({unread[0]}): "
            f"{len(candidates)} excess finding(s) not recorded"
        )
        return report
    report.findings = recorder.record(store, candidates, source=source)
    return report


def writers_metrics(metrics: Metrics, keys: Sequence[str], items: Sequence[WriterItem]) -> None:
    counts = writer_counts(items, keys)
    metrics.replace_gauge(
        metrics.tag_writers,
        {(key, "true" if authorized else "false"): float(n) for (key, authorized), n in counts.items()},
    )
