"""A difference between an inventory reading and the tag state that no event explains yet."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class PendingDifference:
    """Governed keys of one target whose observed values contradict the state, waiting for the
    grace period in which a late event may still explain them."""

    target: str
    kind: str  # "principal" or "resource"
    account: str
    region: str
    started: float  # when the reading began
    finished: float  # when it ended
    keys: dict[str, str | None]  # observed value of each contradicted key; None: absent

    def to_dict(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "kind": self.kind,
            "account": self.account,
            "region": self.region,
            "started": self.started,
            "finished": self.finished,
            "keys": dict(self.keys),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PendingDifference:
        return cls(
            target=str(data["target"]),
            kind=str(data["kind"]),
            account=str(data["account"]),
            region=str(data["region"]),
            started=float(data["started"]),
            finished=float(data["finished"]),
            keys={str(k): (None if v is None else str(v)) for k, v in dict(data["keys"]).items()},
        )
