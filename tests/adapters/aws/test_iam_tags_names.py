"""What IAMPrincipalTags asks IAM for a name a record gives: nothing for a name IAM cannot have,
no tags where IAM refuses the name, and a deferral where its answer cannot be read (REPORT.md's
p4: a roleName of "\\x00" held up the whole SQS source)."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError
from botocore.parsers import ResponseParserError

from tagwarden.adapters.aws.iam_tags import IAMPrincipalTags
from tagwarden.app.logs import get_logger
from tagwarden.core.ports.units import UnitDeferred

ACCOUNT = "111122223333"


class FakeIAM:
    """Answers every tag listing with ``answer``: a list of tags, or an exception to raise."""

    def __init__(self, answer: list[dict[str, str]] | Exception) -> None:
        self.answer = answer
        self.asked: list[dict[str, Any]] = []

    def get_paginator(self, _operation: str) -> FakeIAM:
        return self

    def paginate(self, **params: Any) -> list[dict[str, Any]]:
        self.asked.append(params)
        if isinstance(self.answer, Exception):
            raise self.answer
        return [{"Tags": self.answer}]


def lookup(iam: FakeIAM) -> IAMPrincipalTags:
    return IAMPrincipalTags(iam, lambda: ACCOUNT, get_logger())  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["\x00", "a b", "tëam", "x" * 129, "a<b"])
def test_a_name_iam_cannot_have_is_no_principal_and_not_asked(name: str) -> None:
    iam = FakeIAM([{"Key": "team", "Value": "a"}])
    assert lookup(iam)(f"arn:aws:iam::{ACCOUNT}:role/{name}") is None
    assert iam.asked == []


def test_names_iam_can_have_are_asked() -> None:
    iam = FakeIAM([{"Key": "team", "Value": "a"}])
    for name in ("svc-9", "a_b+c=d,e.f@g", "x" * 64):
        assert lookup(iam)(f"arn:aws:iam::{ACCOUNT}:user/{name}") == {"team": "a"}
    assert [params["UserName"] for params in iam.asked] == ["svc-9", "a_b+c=d,e.f@g", "x" * 64]


@pytest.mark.parametrize("code", ["ValidationError", "InvalidInput", "NoSuchEntity"])
def test_iam_refusing_the_name_means_no_tags_to_know_not_a_fault(code: str) -> None:
    refused = ClientError({"Error": {"Code": code, "Message": "no"}}, "ListRoleTags")
    assert lookup(FakeIAM(refused))(f"arn:aws:iam::{ACCOUNT}:role/r") is None


@pytest.mark.parametrize(
    "failure",
    [
        ResponseParserError("Unable to parse response, invalid XML received"),
        ClientError({"Error": {"Code": "Throttling", "Message": "slow down"}}, "ListRoleTags"),
    ],
)
def test_an_answer_that_cannot_be_read_or_a_fault_defers(failure: Exception) -> None:
    with pytest.raises(UnitDeferred):
        lookup(FakeIAM(failure))(f"arn:aws:iam::{ACCOUNT}:role/r")
