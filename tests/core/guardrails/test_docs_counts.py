"""docs/guardrails.md states how many operations and actions each group holds: the figures are
those of the packaged tables, so a catalog or action table rebuilt without the docs fails here."""

from __future__ import annotations

from pathlib import Path

from tagwarden.core.guardrails.actions import default_table
from tagwarden.core.normalize.catalog import catalog_document

DOC = (Path(__file__).resolve().parents[3] / "docs" / "guardrails.md").read_text(encoding="utf-8")


def test_the_documented_counts_are_the_tables() -> None:
    table = default_table()
    operations = len(catalog_document()["operations"])
    unresolved = len(table.unresolved)
    for phrase in (
        f"catalog.json`, {operations:,} operations)",
        f"Of the {operations:,} operations, {operations - unresolved:,} map",
        f"; {unresolved} do not",
        f"**keyed** ({len(table.keyed):,} actions)",
        f"**whole set** ({len(table.whole_set)})",
        f"**not enforceable** ({len(table.unenforceable)})",
        f"carries no tag key ({len(table.unenforceable)}, including",
        f"with no IAM action of that name ({unresolved});",
    ):
        assert phrase in DOC, phrase
