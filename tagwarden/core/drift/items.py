"""Drift items: what the drift scan reports, one per resource or principal and key."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal, NamedTuple, Protocol, get_args

DriftKind = Literal[
    "missing_key",
    "orphan_value",
    "case_conflict",
    "unused_principal_value",
    "disallowed_value",
    "unattributed_change",
]
DRIFT_KINDS: Final[tuple[DriftKind, ...]] = get_args(DriftKind)
# disallowed_value takes its rule's severity and unattributed_change its finding's.
DRIFT_SEVERITY: Final[Mapping[str, str]] = {
    "missing_key": "warning",
    "orphan_value": "warning",
    "case_conflict": "warning",
    "unused_principal_value": "info",
}


class Tagged(Protocol):
    """What the drift scan reads of a resource or a principal (inventory records qualify)."""

    @property
    def arn(self) -> str: ...
    @property
    def account(self) -> str: ...
    @property
    def region(self) -> str: ...
    @property
    def tags(self) -> Mapping[str, str]: ...


class Holder(NamedTuple):
    """A resource or a principal with its tags, where no inventory record is at hand."""

    arn: str
    account: str
    region: str
    tags: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class DriftItem:
    kind: DriftKind
    severity: str
    key: str
    value: str | None
    account: str
    detail: str
    resource: str | None = None
    principal: str | None = None
    region: str = ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "severity": self.severity,
            "key": self.key,
            "value": self.value,
        }
        if self.principal is not None:
            data["principal"] = self.principal
        else:
            data["resource"] = self.resource
        data.update(account=self.account, region=self.region, detail=self.detail)
        return data

    @property
    def subject(self) -> str:
        return self.resource or self.principal or ""
