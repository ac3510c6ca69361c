"""The compiled statements and what the compiler could not express."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from tagwarden.core.guardrails.conditions import Block

Purpose = Literal["writers", "values", "whole_set", "session", "grants", "remove_all"]


@dataclass(frozen=True, slots=True)
class Statement:
    """One Deny statement before packing: ``actions`` may be split across documents."""

    rule: str
    purpose: Purpose
    actions: tuple[str, ...]
    condition: Block
    resources: tuple[str, ...] = ("*",)

    def document_statement(self, sid: str, actions: tuple[str, ...], principal: bool) -> dict[str, Any]:
        statement: dict[str, Any] = {"Sid": sid, "Effect": "Deny"}
        if principal:
            statement["Principal"] = "*"  # RCPs require it
        statement["Action"] = list(actions) if len(actions) > 1 else actions[0]
        statement["Resource"] = list(self.resources) if len(self.resources) > 1 else self.resources[0]
        statement["Condition"] = self.condition
        return statement


@dataclass(frozen=True, slots=True)
class Limitation:
    """Something of the policy the documents do not enforce, said plainly."""

    rule: str
    what: str
    why: str
    actions: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        item: dict[str, Any] = {"rule": self.rule, "what": self.what, "why": self.why}
        if self.actions:
            item["actions"] = list(self.actions)
        return item
