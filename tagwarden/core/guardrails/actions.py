"""The IAM actions that write tags, grouped by how a guardrail can recognise what they write.

Read from the catalog of tag-writing operations (``normalize/catalog.json``) joined with
``iam_actions.json`` (made by ``python -m tools.guardrails_build`` from the Service Authorization
Reference): the IAM action behind each operation, the tag condition keys its request carries
(``T`` aws:TagKeys, ``R`` aws:RequestTag/<key>, ``S`` aws:ResourceTag/<key>) and every action name
of its service, against which a wildcard is checked before it is used.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Final

from tagwarden.core.normalize.catalog import catalog_document

TAG_SESSION: Final = "sts:TagSession"
KEYED_EFFECTS: Final = frozenset({"add", "create", "update", "remove"})
WHOLE_SET_EFFECTS: Final = frozenset({"replace", "remove_all"})
_MIN_STEM: Final = 3  # "Tag*" at the shortest: no wildcard on one or two letters
# Called with no key, these remove every user tag of the target (EC2 API Reference, DeleteTags:
# "If you omit this parameter, we delete all user-defined tags"): aws:TagKeys names nothing.
REMOVE_ALL_WITHOUT_KEYS: Final = frozenset({"ec2:DeleteTags"})
# Removals whose key list the service's API model leaves optional, with no documented meaning for
# an empty one: if one removes everything, the documents do not see it.
OPTIONAL_KEY_LIST: Final = (
    "discovery:DeleteTags",
    "elasticloadbalancing:RemoveTags",
    "fis:UntagResource",
    "greengrass:UntagResource",
    "mediaconvert:UntagResource",
)


@dataclass(frozen=True, slots=True)
class TagAction:
    action: str  # "ec2:CreateTags", as the Service Authorization Reference spells it
    effects: frozenset[str]  # catalog effects of the operations it authorizes
    flags: str  # "T", "R", "S": the tag condition keys its request carries

    @property
    def prefix(self) -> str:
        return self.action.split(":", 1)[0]

    @property
    def carries_keys(self) -> bool:
        return "T" in self.flags

    @property
    def carries_values(self) -> bool:
        return "R" in self.flags

    @property
    def carries_resource_tags(self) -> bool:
        return "S" in self.flags


@dataclass(frozen=True, slots=True)
class ActionTable:
    """Every catalogued tag-writing action, and what the compiler can do with each."""

    keyed: tuple[TagAction, ...]  # one key at a time: aws:TagKeys names exactly what is written
    whole_set: tuple[TagAction, ...]  # resends or drops the whole set; compared with aws:ResourceTag
    unenforceable: tuple[TagAction, ...]  # the request names no tag key an SCP could test
    unresolved: tuple[str, ...]  # catalogued operations with no IAM action of that name
    # prefix -> every action of the service -> its flags ("" when its request carries no tag key)
    service_actions: Mapping[str, Mapping[str, str]]
    session: TagAction = TagAction(TAG_SESSION, frozenset({"add"}), "TR")

    @property
    def remove_all(self) -> tuple[TagAction, ...]:
        """Keyed removals that, naming no key, remove every tag, and whose request shows the
        target's tags."""
        return tuple(a for a in self.keyed if a.action in REMOVE_ALL_WITHOUT_KEYS and a.carries_resource_tags)

    def by_action(self) -> dict[str, TagAction]:
        return {a.action: a for a in (*self.keyed, *self.whole_set, *self.unenforceable, self.session)}


@cache
def action_document() -> dict[str, Any]:
    text = (
        resources.files("tagwarden.core.guardrails").joinpath("iam_actions.json").read_text(encoding="utf-8")
    )
    document: dict[str, Any] = json.loads(text)
    return document


def build_table(operations: Iterable[Mapping[str, Any]], document: Mapping[str, Any]) -> ActionTable:
    """Join catalog entries (``src``, ``op``, ``effect``) with the IAM action table."""
    mapped: Mapping[str, list[str]] = document["actions"]
    effects: dict[str, set[str]] = {}
    flags: dict[str, str] = {}
    unresolved: list[str] = []
    for entry in operations:
        key = f"{entry['src']} {entry['op']}"
        if key not in mapped:
            unresolved.append(key)
            continue
        action, action_flags = mapped[key]
        if action.split(":", 1)[0] == "sts":
            continue  # session tags: sts:TagSession, compiled on its own for ABAC keys
        effects.setdefault(action, set()).add(str(entry["effect"]))
        flags[action] = action_flags
    keyed: list[TagAction] = []
    whole: list[TagAction] = []
    other: list[TagAction] = []
    for action in sorted(effects):
        item = TagAction(action, frozenset(effects[action]), flags[action])
        if item.effects & WHOLE_SET_EFFECTS:
            (whole if "R" in item.flags and "S" in item.flags else other).append(item)
        elif item.carries_keys:
            keyed.append(item)
        else:
            other.append(item)
    services = {
        prefix: dict(_split_flags(item) for item in items) for prefix, items in document["services"].items()
    }
    return ActionTable(tuple(keyed), tuple(whole), tuple(other), tuple(sorted(unresolved)), services)


def _split_flags(item: str) -> tuple[str, str]:
    name, _, flags = item.partition(":")
    return name, flags


@cache
def default_table() -> ActionTable:
    return build_table(catalog_document()["operations"], action_document())


def compress(
    actions: Iterable[str],
    service_actions: Mapping[str, Mapping[str, str]],
    avoid: Iterable[str] = (),
) -> tuple[str, ...]:
    """The actions, with ``prefix:Stem*`` where the stem reaches only actions of the set or actions
    whose request carries ``aws:TagKeys`` (which take tags, so are tag writes the catalog may not
    name): a wildcard never reaches an action that does not write tags. Statements that use this
    are conditioned on ``aws:TagKeys``."""
    avoided = {a.lower() for a in avoid}
    by_prefix: dict[str, set[str]] = {}
    for action in actions:
        prefix, name = action.split(":", 1)
        by_prefix.setdefault(prefix, set()).add(name)
    result: list[str] = []
    for prefix in sorted(by_prefix):
        wanted = by_prefix[prefix]
        known = service_actions.get(prefix, {})
        allowed = {name.lower() for name in wanted} | {n.lower() for n, f in known.items() if "T" in f}
        allowed -= {a.split(":", 1)[1] for a in avoided if a.startswith(prefix.lower() + ":")}
        every = {name.lower() for name in known} | {name.lower() for name in wanted}
        result.extend(f"{prefix}:{item}" for item in _stems(wanted, every, allowed))
    return tuple(result)


def _stems(wanted: set[str], every: set[str], allowed: set[str]) -> list[str]:
    chosen: list[str] = []
    covered: list[str] = []  # lower-cased stems already chosen
    for name in sorted(wanted, key=str.lower):
        low = name.lower()
        if any(low.startswith(stem) for stem in covered):
            continue
        pick = name
        for length in range(_MIN_STEM, len(name) - 1):
            if not name[length].isupper():
                continue  # stems end where a word does: "Untag*", "CreateApp*"
            stem = low[:length]
            if all(k in allowed for k in every if k.startswith(stem)):
                pick = name[:length] + "*"
                covered.append(stem)
                break
        chosen.append(pick)
    exact = [c for c in chosen if not c.endswith("*") and not any(c.lower().startswith(s) for s in covered)]
    return sorted([c for c in chosen if c.endswith("*")] + exact, key=str.lower)
