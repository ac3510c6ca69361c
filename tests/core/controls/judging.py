"""A control call classified and judged under a policy listing PlatformAdmin as controls writer."""

from __future__ import annotations

from typing import Any

from tagwarden.core.controls import DeliveryPath, classify, judge_control
from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.governance.model import GovernancePolicy
from tagwarden.core.model import Finding

POLICY = CompiledPolicy(
    GovernancePolicy.model_validate(
        {"version": 1, "controls": {"writers": [{"principal": "arn:aws:iam::*:role/PlatformAdmin"}]}}
    )
)


def judged_on(record: dict[str, Any], path: DeliveryPath) -> Finding | None:
    """The record's control_tamper finding, given what ``path`` knows; None if it weakens nothing."""
    call = classify(record, path)
    return judge_control(call, POLICY, None) if call is not None else None
