"""A held-back set of hand-written requests (held_back.json) against the generated SCPs and RCPs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tagwarden.core.governance import parse_policy_document
from tagwarden.core.guardrails import build_guardrails, default_table
from tests.core.guardrails.calls import decide, tag_call

HELD_BACK = json.loads((Path(__file__).parent / "held_back.json").read_text())


@pytest.fixture(scope="module")
def guardrails() -> Any:
    return build_guardrails(parse_policy_document(HELD_BACK["policy"]), default_table())


def test_the_proof_of_that_policy_holds(guardrails: Any) -> None:
    assert guardrails.proof.failures == []
    assert guardrails.proof.denied_others > 1000


@pytest.mark.parametrize("case", HELD_BACK["cases"], ids=lambda c: c["id"])
def test_held_back_request(guardrails: Any, case: dict[str, Any]) -> None:
    request = tag_call(
        case["action"],
        case["target"],
        case["role"],
        tags=case["tags"],
        principal_tags=case.get("principal_tags"),
        resource_tags=case.get("resource_tags"),
        via=case.get("via"),
        removing=case.get("removing", False),
    )
    if case["action"] == "s3:PutBucketTagging":
        # Service Authorization Reference: PutBucketTagging's request carries no tag condition key.
        request = type(request)(
            **{**request.__dict__, "context": {"aws:PrincipalArn": request.context["aws:PrincipalArn"]}}
        )
    result = decide(guardrails, request)
    assert result.decision == case["expected"], result.explanation
