"""Which keys a change really writes, given what was there before."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from tagwarden.core.model import KnownTags, TagChange
from tagwarden.core.model.change import RESOURCE_KINDS


@dataclass(frozen=True, slots=True)
class KeyWrite:
    key: str
    old_known: bool
    old: str | None  # None: absent before (when old_known) or unknown
    new: str | None  # None: removed, or a value CloudTrail hid (see ``hidden``)
    removal: bool = False
    hidden: bool = False


def effective_writes(change: TagChange, old: KnownTags) -> Iterator[KeyWrite]:
    """The keys ``change`` writes: a key it leaves at its known value is not written
    (S3 PutBucketTagging resends the whole set to change one tag); where the old value is
    unknown, it is. ``replace_all`` removes every known key the new set lacks. A removal only if
    the key holds a value (``removed_if``) removes nothing from a key known to hold another."""
    fold = change.target_kind not in RESOURCE_KINDS  # IAM and session tag keys are case-insensitive
    for key, value in change.set.items():
        known, before = old.lookup_key(key, fold=fold)
        if value is not None and known and before == value:
            continue
        yield KeyWrite(key, known, before, value, hidden=value is None)
    named = set(change.set)
    for key in change.removed:
        named.add(key)
        known, before = old.lookup_key(key, fold=fold)
        if known and before is None:
            continue
        if known and key in change.removed_if and change.removed_if[key] != before:
            continue  # EC2 DeleteTags with another value: the tag stays as it was
        yield KeyWrite(key, known, before, None, removal=True)
    if change.replace_all:
        for key, before in old.values.items():
            if key not in named:
                yield KeyWrite(key, True, before, None, removal=True)
