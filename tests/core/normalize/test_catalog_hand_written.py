"""A call a hand-written spec reads is described in one place: the catalog takes the spec's target
for a create call, and the builder keeps no table of its own for any such call."""

from __future__ import annotations

from tagwarden.core.normalize.builtin_specs import builtin_specs
from tagwarden.core.normalize.catalog import catalog_document
from tools.catalog_build import classify
from tools.catalog_build.entry import CatalogEntry
from tools.catalog_build.hand_written import HOW

SPECS = {spec.key: spec for spec in builtin_specs()}
ENTRIES = [CatalogEntry.from_json(item) for item in catalog_document()["operations"]]
READ_BY_SPECS = [entry for entry in ENTRIES if (entry.event_source, entry.event_name) in SPECS]


def test_the_catalog_describes_a_create_call_a_hand_written_spec_reads_as_the_spec_does() -> None:
    created = [entry for entry in READ_BY_SPECS if entry.effect == "create"]
    differing = []
    for entry in created:
        rule = SPECS[(entry.event_source, entry.event_name)].target
        said = (rule.members, rule.response_members, rule.arn_template, rule.resource_type, HOW)
        if (entry.target, entry.response, entry.arn, entry.resource_type, entry.how) != said:
            differing.append(entry.event_name)

    assert len(created) >= 38
    assert differing == [], "regenerate the catalog: python -m tools.catalog_build"


def test_a_call_that_tags_an_existing_resource_keeps_the_builders_type_for_the_writers_scan() -> None:
    # Lambda's TagResource tags functions, layers' versions and more: its spec's "function" names
    # the type an id without an ARN is taken for, not every type the call can tag.
    entry = next(
        e for e in READ_BY_SPECS if (e.event_source, e.event_name) == ("lambda.amazonaws.com", "TagResource")
    )

    assert entry.resource_type == "resource"
    assert entry.how != HOW


def test_the_builders_tables_name_no_call_a_hand_written_spec_reads() -> None:
    read = {(model, entry.event_name) for entry in READ_BY_SPECS for model in entry.model.split("+")}
    tables = {**classify._TAGS_ANOTHER, **classify._TAGS_UNNAMED}

    assert sorted(set(tables) & read) == []
