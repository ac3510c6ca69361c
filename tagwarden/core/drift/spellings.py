"""Tag values that differ only in case or surrounding white space, and which spelling is right.

``StringEquals`` compares exactly, so ``Alpha``, ``alpha`` and ``alpha `` are three values to an
ABAC policy, though people mean one. The spelling taken as right is the one the policy allows
(when exactly one of them is allowed), else the one most principals hold (principals are what
ABAC grants through), else the one most resources carry; ties go to the first in sort order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sized


def normalized(value: str) -> str:
    return value.strip().casefold()


def variant_groups(values: set[str]) -> list[list[str]]:
    """Groups (sorted) of two or more values equal but for case or surrounding white space."""
    groups: dict[str, list[str]] = {}
    for value in values:
        groups.setdefault(normalized(value), []).append(value)
    return [sorted(group) for _, group in sorted(groups.items()) if len(group) > 1]


def canonical(
    group: list[str],
    principals: Mapping[str, Sized],
    resources: Mapping[str, Sized],
    allowed: Callable[[str], bool] | None = None,
) -> str:
    """The spelling of ``group`` taken as right (see the module docstring)."""
    if allowed is not None:
        permitted = [value for value in group if allowed(value)]
        if len(permitted) == 1:
            return permitted[0]

    def weight(value: str) -> tuple[int, int]:
        held = principals.get(value)
        carried = resources.get(value)
        return (len(held) if held is not None else 0, len(carried) if carried is not None else 0)

    return max(sorted(group), key=weight)  # max keeps the first of equals: sorted gives the tie order
