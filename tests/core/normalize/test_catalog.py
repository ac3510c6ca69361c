"""The committed catalog against the botocore installed: complete, and read right by the normalizer."""

from __future__ import annotations

from functools import cache

import pytest

from tagwarden.core.normalize import Normalizer
from tagwarden.core.normalize.catalog import catalog_document, catalog_specs
from tools.catalog_build.build import build, render
from tools.catalog_build.coverage import REPORT_PATH, run
from tools.catalog_build.iamdefs import IamDefinitions
from tools.catalog_build.models import ServiceModel, load_models
from tools.catalog_build.report import failing_in_report

REGENERATE = "regenerate it: python -m tools.catalog_build"


@cache
def models() -> tuple[ServiceModel, ...]:
    return tuple(load_models())


def test_catalog_knows_every_tag_writing_operation_of_the_installed_botocore() -> None:
    # ARN formats do not decide which operations are catalogued, so none are needed here.
    found = {(entry.event_source, entry.event_name) for entry in build(models(), IamDefinitions({}))}
    catalogued = {(item["src"], item["op"]) for item in catalog_document()["operations"]}

    missing = sorted(found - catalogued)

    assert not missing, (
        f"{len(missing)} operations missing from catalog.json, e.g. {missing[:5]}; {REGENERATE}"
    )


def test_catalog_is_sorted_and_has_one_entry_per_operation() -> None:
    keys = [(item["src"], item["op"]) for item in catalog_document()["operations"]]

    assert keys == sorted(set(keys))


def test_catalog_rendering_is_deterministic() -> None:
    entries = build(models()[:20], IamDefinitions({}))

    assert render(entries, "1", "v") == render(list(entries), "1", "v")


def test_lambda_operations_are_catalogued_under_their_versioned_event_names() -> None:
    names = {spec.event_name for spec in catalog_specs() if spec.event_source == "lambda.amazonaws.com"}

    assert {"TagResource20170331v2", "CreateFunction20150331", "UntagResource20170331"} <= names


def test_cloudhsm_v2_is_catalogued_under_the_event_source_cloudtrail_logs() -> None:
    sources = {spec.event_source for spec in catalog_specs() if spec.event_name == "CreateCluster"}

    assert "cloudhsm.amazonaws.com" in sources
    assert "cloudhsmv2.amazonaws.com" not in sources


@pytest.mark.slow
def test_made_up_records_of_at_least_95_percent_of_operations_are_read_right() -> None:
    outcomes = run(models(), Normalizer())
    passed = sum(outcome.passed for outcome in outcomes)

    assert passed >= 0.95 * len(outcomes), f"only {passed} of {len(outcomes)} pass"
    failing = {(outcome.event_source, outcome.event_name) for outcome in outcomes if not outcome.passed}
    reported = failing_in_report(REPORT_PATH.read_text(encoding="utf-8"))
    assert failing == reported, f"docs/catalog-report.md is stale; {REGENERATE}"
