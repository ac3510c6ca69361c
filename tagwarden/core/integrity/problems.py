"""What the integrity check finds wrong, one problem per file at fault."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

ProblemKind = Literal["modified", "missing", "unlisted", "chain_broken", "bad_signature"]
PROBLEM_KINDS: tuple[ProblemKind, ...] = ("modified", "missing", "unlisted", "chain_broken", "bad_signature")

Copies = Mapping[str, Sequence[tuple[str, str]]]  # logical key -> (where, key as stored) of each copy


@dataclass(frozen=True, slots=True)
class Problem:
    kind: ProblemKind
    path: str  # the file at fault (where it is, or where the digest says it should be)
    digest: str  # the digest file that shows it ("" for an unlisted log file)
    detail: str

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "path": self.path, "digest": self.digest, "detail": self.detail}
