"""Condition blocks: who is exempt (a rule's writers, negated) and which keys a request names.

A Deny applies when every condition of its statement holds, so "nobody but the writers" is the
conjunction of each writer's negation. A writer entry is a conjunction of fields; its negation is
a disjunction, which one statement cannot hold: the compiler writes one statement per choice of
one negated field from each writer (``exemption_terms``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import product
from typing import Final

from tagwarden.core.governance.model import Writer

Block = dict[str, dict[str, list[str]]]  # operator -> context key -> values

# IAM User Guide, aws:CalledVia: the services that add themselves to the key.
CALLED_VIA_SERVICES: Final = frozenset(
    {"athena.amazonaws.com", "cloudformation.amazonaws.com", "dynamodb.amazonaws.com", "kms.amazonaws.com"}
)


class Unsatisfiable(ValueError):
    """Two conditions of one term contradict each other (Null true and false on one key)."""


@dataclass(frozen=True, slots=True)
class Approximation:
    """A writer field the compiled documents express only approximately, and why."""

    writer: str
    detail: str


def is_glob(text: str) -> bool:
    return "*" in text or "?" in text


def key_variants(key: str) -> list[str]:
    """Spellings of a key glob for a case-sensitive StringLike: as written, lower, upper, capitalized."""
    variants = [key, key.lower(), key.upper(), key[:1].upper() + key[1:].lower()]
    return list(dict.fromkeys(variants))


def merge(blocks: Iterable[Mapping[str, Mapping[str, Sequence[str]]]]) -> Block:
    """One Condition element holding every block: values of one operator and key are united,
    which for the negated operators used here means "none of them" (IAM: values are OR-ed, and a
    negated operator negates the whole)."""
    merged: Block = {}
    for block in blocks:
        for operator, keys in block.items():
            target = merged.setdefault(operator, {})
            for key, values in keys.items():
                current = target.setdefault(key, [])
                for value in values:
                    if value not in current:
                        current.append(value)
                if operator == "Null" and len(current) > 1:
                    raise Unsatisfiable(f"{key} both present and absent")
    return {op: {k: sorted(v) for k, v in sorted(keys.items())} for op, keys in sorted(merged.items())}


def principal_globs(glob: str) -> list[str]:
    """aws:PrincipalArn carries a role's or user's path (``role/admins/TagAdmin``); tagwarden matches
    a path-less glob against the ARN without its path too (``canonical_principal``), so the
    documents add the glob with any path."""
    parts = glob.split(":", 5)
    if len(parts) == 6 and parts[2] == "iam":
        kind, slash, name = parts[5].partition("/")
        if kind in ("role", "user") and slash and "/" not in name:
            return [glob, ":".join([*parts[:5], f"{kind}/*/{name}"])]
    return [glob]


def negations(writer: Writer) -> tuple[list[Block], list[Approximation]]:
    """The ways a request can fail to be this writer: each a condition block."""
    alternatives: list[Block] = []
    notes: list[Approximation] = []
    if writer.principal is not None:
        alternatives.append({"StringNotLike": {"aws:PrincipalArn": principal_globs(writer.principal)}})
    for key, value in sorted((writer.principal_tag or {}).items()):
        alternatives.append({"StringNotEquals": {f"aws:PrincipalTag/{key}": [value]}})
    if writer.invoked_by is not None:
        block, note = _not_invoked_by(writer.invoked_by)
        alternatives.append(block)
        if note is not None:
            notes.append(note)
    if writer.same_as_resource is not None:
        key = writer.same_as_resource
        # The actor lacks the tag, or the target's value before the call differs from the actor's.
        alternatives.append({"Null": {f"aws:PrincipalTag/{key}": ["true"]}})
        alternatives.append(
            {"StringNotEquals": {f"aws:ResourceTag/{key}": ["${aws:PrincipalTag/" + key + "}"]}}
        )
    return alternatives, notes


def _not_invoked_by(service: str) -> tuple[Block, Approximation | None]:
    lowered = service.lower()
    if is_glob(lowered) or lowered in CALLED_VIA_SERVICES:
        note = None
        if is_glob(lowered):
            note = Approximation(
                f"invoked_by {service}",
                "aws:CalledVia holds only athena, cloudformation, dynamodb and kms; other services "
                "matching the glob are not recognised as writers by the SCP (they are denied)",
            )
        return {"ForAllValues:StringNotLike": {"aws:CalledVia": [lowered]}}, note
    return (
        {"BoolIfExists": {"aws:ViaAWSService": ["false"]}},  # a call without the key is denied
        Approximation(
            f"invoked_by {service}",
            f"aws:CalledVia does not name {service}: the SCP exempts any call an AWS service makes "
            "with the principal's credentials (aws:ViaAWSService), not only this one; tagwarden "
            "still judges who invoked the call",
        ),
    )


def exemption_terms(writers: Sequence[Writer] | None) -> tuple[list[Block], list[Approximation]]:
    """Condition blocks, one per Deny statement, that together hold exactly for non-writers.

    None (the rule does not restrict writers): no term at all. An empty list (nobody may write):
    one empty term.
    """
    if writers is None:
        return [], []
    per_writer: list[list[Block]] = []
    notes: list[Approximation] = []
    for writer in writers:
        alternatives, writer_notes = negations(writer)
        per_writer.append(alternatives)
        notes.extend(writer_notes)
    terms: list[Block] = []
    seen: set[str] = set()
    for choice in product(*per_writer):
        try:
            term = merge(choice)
        except Unsatisfiable:
            continue
        marker = repr(term)
        if marker not in seen:
            seen.add(marker)
            terms.append(term)
    return terms, notes
