"""What the catalog audits' tests share: the generated catalog's entries and a record's targets."""

from __future__ import annotations

from functools import cache
from typing import Any

from tagwarden.core.normalize import Normalizer
from tagwarden.core.normalize.catalog import catalog_document

ACCOUNT = "111122223333"
REGION = "eu-west-1"  # tests.builders.records.record's region and account


@cache
def normalizer() -> Normalizer:
    return Normalizer()


@cache
def catalog_entries() -> dict[tuple[str, str], dict[str, Any]]:
    """The catalog's entries by (the eventSource's service, eventName)."""
    return {(item["src"].split(".")[0], item["op"]): item for item in catalog_document()["operations"]}


def targets(made: dict[str, Any]) -> list[tuple[str, str]]:
    """(target, target kind) of each change the record makes."""
    return [(change.target, change.target_kind) for change in normalizer().normalize(made).changes]
