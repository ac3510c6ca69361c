"""What is known of a target's tags at one moment."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeVar

V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class KnownTags:
    """A target's tags as far as tagwarden knows them.

    ``values`` holds keys known to be present; ``absent`` keys known to be absent (removed by an
    event tagwarden saw). ``complete`` means every key is known, because the state came from a
    whole-set snapshot or a call that replaced the whole set: then a key in neither is absent.
    """

    values: Mapping[str, str] = field(default_factory=dict)
    absent: frozenset[str] = frozenset()
    complete: bool = False

    def lookup(self, key: str) -> tuple[bool, str | None]:
        """(known, value): value is None for a key known to be absent."""
        if key in self.values:
            return True, self.values[key]
        if key in self.absent or self.complete:
            return True, None
        return False, None

    def lookup_key(self, key: str, *, fold: bool) -> tuple[bool, str | None]:
        """``lookup``, and with ``fold`` (IAM and session tag keys, which AWS compares ignoring
        case) a value held under the key in another case counts as the key's."""
        known, value = self.lookup(key)
        if fold and value is None:
            folded = self.get_ci(key)
            if folded is not None:
                return True, folded
        return known, value

    def get_ci(self, key: str) -> str | None:
        """The value of ``key`` compared case-insensitively, as AWS compares IAM tag keys."""
        return tag_ci(self.values, key)


def tag_ci(tags: Mapping[str, V] | None, key: str) -> V | None:
    """A tag's value with the key compared case-insensitively (as IAM compares principal tags):
    the exact key first, else the first key equal to it ignoring case. Any mapping with string
    keys works the same way."""
    if not tags:
        return None
    if key in tags:
        return tags[key]
    folded = key.casefold()
    for name, value in tags.items():
        if name.casefold() == folded:
            return value
    return None
