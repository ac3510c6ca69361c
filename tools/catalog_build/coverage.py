"""Runs a made-up record of every catalogued operation through the normalizer, and reports."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from tagwarden.core.normalize.builtin_specs import builtin_specs
from tagwarden.core.normalize.catalog import catalog_document
from tagwarden.core.normalize.normalizer import Normalizer
from tagwarden.core.normalize.result import Normalized
from tools.catalog_build.entry import CatalogEntry
from tools.catalog_build.hand_written import HOW
from tools.catalog_build.models import ServiceModel
from tools.catalog_build.records import CASINGS, Expectation, make_record

REPORT_PATH = Path(__file__).resolve().parents[2] / "docs" / "catalog-report.md"
NO_TARGET = (
    "no member names the target: the model's response names no created resource, or the tags are "
    "for resources made later (non-EC2 tag specifications); the change is reported as unresolved "
    "<service>:<type>/?"
)


@dataclass(frozen=True, slots=True)
class Outcome:
    event_source: str
    event_name: str
    failures: tuple[str, ...]  # "<casing>: <reason>", empty when the operation passed
    how: str = ""  # how the target's ARN is derived
    confidence: str = ""  # exact | high | medium | unresolved

    @property
    def passed(self) -> bool:
        return not self.failures


def catalog_entries() -> list[CatalogEntry]:
    return [CatalogEntry.from_json(item) for item in catalog_document()["operations"]]


_HAND_WRITTEN = {spec.key: spec for spec in builtin_specs()}


def derivation(entry: CatalogEntry) -> tuple[str, str]:
    """(how the target's ARN is derived, confidence) of one catalogued operation."""
    spec = _HAND_WRITTEN.get((entry.event_source, entry.event_name))
    if spec is not None:
        rule = spec.target
        named_by_arn = any("arn" in member.casefold() for member in rule.members + rule.response_members)
        if not (rule.arn_template or rule.id_kind or named_by_arn) and (spec.target_kind == "resource"):
            names = " or ".join(rule.members + rule.response_members)
            return (
                f"unresolved: hand-written spec; the record names the target by {names} only, which "
                "does not determine its ARN (an Auto Scaling group's ARN holds a UUID no tag record "
                "carries; a Direct Connect hosted connection is its customer's)",
                "unresolved",
            )
        return HOW, "exact"
    if entry.handler == "tag_specifications":
        if entry.event_source == "ec2.amazonaws.com":
            return "EC2 ids of each specified type found in the response by their prefix", "exact"
        return "unresolved: tag specifications of resources the response does not name", "unresolved"
    how = entry.how
    if how.startswith("arn:"):
        confidence = "exact"
    elif how.startswith(("template by", "template (variable named")):
        confidence = "high"
    elif how.startswith("template"):
        confidence = "medium"
    else:
        confidence = "unresolved"
    return how, confidence


def _judge(result: Normalized, expected: Expectation | None, confidence: str) -> str | None:
    """Why the result misses what the record says, or None if it finds it all."""
    if expected is None:
        return NO_TARGET
    if result.unreadable:
        return f"unreadable: {result.unreadable}"
    if len(result.changes) != 1:
        return f"{len(result.changes)} changes instead of 1"
    change = result.changes[0]
    if expected.target is not None and change.target != expected.target:
        return f"target {change.target!r}, expected {expected.target!r}"
    if expected.contains not in change.target or change.target.endswith("/?"):
        return f"target {change.target!r} does not name {expected.contains!r}"
    if (change.target_kind == "unresolved") != (confidence == "unresolved"):
        return f"target {change.target!r} is {change.target_kind}, the catalog says {confidence}"
    if change.set != expected.tags:
        return f"tags {json.dumps(change.set)}, expected {json.dumps(expected.tags)}"
    if change.removed != expected.removed and not (change.replace_all and not expected.removed):
        return f"removed {list(change.removed)}, expected {list(expected.removed)}"
    return None


def _as_spec_reads(entry: CatalogEntry) -> CatalogEntry:
    """The entry with the response member a hand-written spec reads the target's ARN from (IAM
    CreateVirtualMFADevice's virtualMFADevice.serialNumber), or the request member it formats
    (CodePipeline CreateCustomActionType's provider), for the record made of it."""
    spec = _HAND_WRITTEN.get((entry.event_source, entry.event_name))
    if spec is not None and spec.target.response_members:
        return replace(entry, response=spec.target.response_members[:1], target_kind="arn")
    if spec is not None and spec.target.arn_template and spec.target.members and not entry.target:
        return replace(entry, target=spec.target.members[:1], target_kind="id")
    return entry


def check(entry: CatalogEntry, model: ServiceModel, normalizer: Normalizer) -> Outcome:
    how, confidence = derivation(entry)
    entry = _as_spec_reads(entry)
    failures = []
    for casing in CASINGS:
        try:
            record, expected = make_record(entry, model, casing)
        except (ValueError, KeyError) as exc:
            failures.append(f"{casing}: no record could be made ({exc})")
            continue
        reason = _judge(normalizer.normalize(record), expected, confidence)
        if reason:
            failures.append(f"{casing}: {reason}")
    return Outcome(entry.event_source, entry.event_name, tuple(failures), how, confidence)


def run(models: Iterable[ServiceModel], normalizer: Normalizer | None = None) -> list[Outcome]:
    by_name = {model.name: model for model in models}
    normalizer = normalizer or Normalizer()
    outcomes = []
    for entry in catalog_entries():
        model = by_name.get(entry.model.split("+", 1)[0])
        if model is None or entry.event_name not in model.operations:
            how, confidence = derivation(entry)
            outcomes.append(
                Outcome(entry.event_source, entry.event_name, ("model not installed",), how, confidence)
            )
            continue
        outcomes.append(check(entry, model, normalizer))
    return outcomes
