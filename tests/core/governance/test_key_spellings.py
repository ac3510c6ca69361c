"""key_spellings: the keys the drift and writers scans go through."""

from __future__ import annotations

from tagwarden.core.governance.compiled import key_spellings


def test_literals_and_wanted_seen_keys_once_each_ignoring_case() -> None:
    keys = key_spellings(
        ["team", "access-*", "Owner"],
        ["TEAM", "access-project", "owner", "unrelated"],
        lambda key: key.startswith("access-") or key.casefold() == "team",
    )
    # Globs are not keys; the first spelling met wins; sorted by the case-folded key.
    assert keys == ["access-project", "Owner", "team"]


def test_nothing_wanted_leaves_the_literals() -> None:
    assert key_spellings(["b", "A", "a?"], ["c"], lambda _key: False) == ["A", "b"]
