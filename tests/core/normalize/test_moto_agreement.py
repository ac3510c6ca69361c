"""Inventory and events agree: the ARN a tag-change record yields is the ARN the Resource Groups
Tagging API (moto) lists for the same resource, for every family in tests/core/normalize/moto_families.py
(the services moto's GetResources serves that moto can create a resource of)."""

from __future__ import annotations

import pytest

from tagwarden.core.normalize import Normalizer
from tests.core.normalize.moto_families import (
    ACCOUNT,
    ACCOUNT_ONLY_DIFFERS,
    FAMILIES,
    KEY,
    UNDETERMINED,
    client,
)
from tests.core.normalize.moto_families_more import MORE_FAMILIES

ALL = {**FAMILIES, **MORE_FAMILIES}

NORMALIZER = Normalizer()


@pytest.fixture
def aws(moto_in_process: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_SESSION_TOKEN", "testing")


@pytest.mark.parametrize("family", sorted(ALL))
def test_the_record_names_the_arn_the_tagging_api_lists(aws: None, family: str) -> None:
    record = ALL[family](family)

    listed = client("resourcegroupstaggingapi").get_resources(TagFilters=[{"Key": KEY, "Values": [family]}])
    arns = [item["ResourceARN"] for item in listed["ResourceTagMappingList"]]
    result = NORMALIZER.normalize(record)

    assert result.unreadable is None, result.unreadable
    [change] = result.changes
    assert len(arns) == 1, arns
    if family in UNDETERMINED:
        assert change.target_kind == "unresolved"
    elif family in ACCOUNT_ONLY_DIFFERS:
        theirs = arns[0].split(":")
        theirs[4] = ""
        assert change.target == ":".join(theirs) and ACCOUNT in arns[0], ACCOUNT_ONLY_DIFFERS[family]
    else:
        assert (change.target, change.target_kind) == (arns[0], "resource")
    assert change.set.get(KEY) == family
