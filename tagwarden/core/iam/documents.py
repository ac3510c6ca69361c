"""IAM policy documents: parsing and validation into immutable, pre-compiled policies.

A document is accepted as AWS accepts it: ``Statement`` as one object or a list, every element as
a string or a list of strings, ``Version`` 2012-10-17 or 2008-10-17 (the default, under which
``${...}`` is plain text). Errors name the policy and the statement (its index and Sid).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal, NamedTuple

from tagwarden.core.iam.conditions import Condition, ConditionCheck, all_of, parse_condition_block
from tagwarden.core.iam.elements import (
    ActionMatcher,
    ElementError,
    PrincipalSet,
    ResourceCheck,
    ResourceMatcher,
    principal_set,
)
from tagwarden.core.iam.operators import ConditionError
from tagwarden.core.iam.variables import VariableSyntaxError

VERSION_2012: Final = "2012-10-17"
VERSION_2008: Final = "2008-10-17"

# Where a policy is attached decides which elements it may carry.
PolicyKind = Literal["identity", "boundary", "session", "scp", "rcp", "resource"]

_TOP_LEVEL: Final = frozenset({"Version", "Id", "Statement"})
_STATEMENT_KEYS: Final = frozenset(
    {
        "Sid",
        "Effect",
        "Principal",
        "NotPrincipal",
        "Action",
        "NotAction",
        "Resource",
        "NotResource",
        "Condition",
    }
)
_ACTION_CACHE_LIMIT: Final = 8192


class IamPolicyError(ValueError):
    """A policy document AWS would not accept; the message names the policy and statement."""


@dataclass(frozen=True, slots=True)
class Statement:
    index: int
    sid: str | None
    allow: bool
    actions: ActionMatcher
    not_action: bool
    resources: ResourceMatcher | None  # None: applies to the resource the policy is attached to
    not_resource: bool
    principals: PrincipalSet | None  # None: no Principal element (identity-side policies)
    not_principal: bool
    conditions: tuple[Condition, ...]
    # Pre-compiled forms of the resource and condition tests; None means "always true".
    resource_check: ResourceCheck | None = field(default=None, compare=False, repr=False)
    condition_check: ConditionCheck | None = field(default=None, compare=False, repr=False)

    @property
    def label(self) -> str:
        """How explanations name the statement: its Sid when it has one, and its position."""
        return f'"{self.sid}" (#{self.index})' if self.sid else f"#{self.index}"

    def applies_to_action(self, action_lower: str) -> bool:
        return self.actions.matches(action_lower) != self.not_action


Entry = tuple[str, Statement]  # (policy name, statement): what explanations need


class Applicable(NamedTuple):
    """The Deny and Allow statements whose Action or NotAction covers one action."""

    denies: tuple[Entry, ...]
    allows: tuple[Entry, ...]


NONE_APPLICABLE = Applicable((), ())


@dataclass(frozen=True)
class Policy:
    """An immutable, pre-compiled policy. ``statements_for`` memoizes the per-action lookup, which
    is what makes evaluating many requests against one policy cheap."""

    name: str
    version: str
    statements: tuple[Statement, ...]
    _by_action: dict[str, Applicable] = field(default_factory=dict, compare=False, repr=False)
    # Statements whose Action lists only exact names, by name; the others are matched one by one.
    _by_exact_action: dict[str, tuple[Statement, ...]] = field(init=False, compare=False, repr=False)
    _patterned: tuple[Statement, ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        index: dict[str, list[Statement]] = {}
        patterned: list[Statement] = []
        for statement in self.statements:
            exact = statement.actions.exact
            if exact is None or statement.not_action:
                patterned.append(statement)
                continue
            for action in exact:
                index.setdefault(action, []).append(statement)
        object.__setattr__(self, "_by_exact_action", {a: tuple(s) for a, s in index.items()})
        object.__setattr__(self, "_patterned", tuple(patterned))

    def statements_for(self, action_lower: str) -> Applicable:
        """The statements whose Action or NotAction covers the (lower-cased) action."""
        found = self._by_action.get(action_lower)
        if found is None:
            applicable = list(self._by_exact_action.get(action_lower, ()))
            applicable += [s for s in self._patterned if s.applies_to_action(action_lower)]
            applicable.sort(key=lambda statement: statement.index)
            found = NONE_APPLICABLE
            if applicable:
                found = Applicable(
                    tuple((self.name, s) for s in applicable if not s.allow),
                    tuple((self.name, s) for s in applicable if s.allow),
                )
            if len(self._by_action) >= _ACTION_CACHE_LIMIT:
                self._by_action.clear()
            self._by_action[action_lower] = found
        return found


def parse_policy(document: Mapping[str, Any] | str, name: str = "", kind: PolicyKind | None = None) -> Policy:
    """Parse and compile a policy; ``kind``, when given, also checks the elements that placement
    allows (no Principal in identity-side policies, a Principal in resource-based ones...)."""
    parsed: Mapping[str, Any] = json_of(
        document,
        Mapping,
        IamPolicyError,
        not_json=f"policy {_display(name)}: not valid JSON",
        wrong_shape=f"policy {_display(name)}: a policy document must be a JSON object",
    )
    policy_name = name or str(parsed.get("Id") or "")
    where = f"policy {_display(policy_name)}"
    unknown = sorted(set(parsed) - _TOP_LEVEL)
    if unknown:
        raise IamPolicyError(f"{where}: unknown element(s) {', '.join(map(repr, unknown))}")
    version = parsed.get("Version", VERSION_2008)
    if version not in (VERSION_2012, VERSION_2008):
        raise IamPolicyError(
            f"{where}: Version must be {VERSION_2012!r} or {VERSION_2008!r}, not {version!r}"
        )
    raw_statements = parsed.get("Statement")
    if isinstance(raw_statements, Mapping):
        raw_statements = [raw_statements]
    if not isinstance(raw_statements, list):
        raise IamPolicyError(f"{where}: Statement must be an object or a list of objects")
    statements = tuple(
        _parse_statement(raw, index, version == VERSION_2012, kind, where)
        for index, raw in enumerate(raw_statements)
    )
    return Policy(policy_name or "(unnamed)", version, statements)


def json_of(value: object, wanted: type, error: type[ValueError], *, not_json: str, wrong_shape: str) -> Any:
    """``value`` (JSON text is parsed first), which must be an instance of ``wanted``; else
    ``error`` with ``not_json`` (followed by the parser's reason) or ``wrong_shape``."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            raise error(f"{not_json}: {exc}") from exc
    if not isinstance(value, wanted):
        raise error(wrong_shape)
    return value


def _display(name: str) -> str:
    return f'"{name}"' if name else "(unnamed)"


def _parse_statement(
    raw: object, index: int, variables: bool, kind: PolicyKind | None, where: str
) -> Statement:
    sid = raw.get("Sid") if isinstance(raw, Mapping) else None
    label = f"statement {index}" + (f' (Sid "{sid}")' if sid else "")
    try:
        if not isinstance(raw, Mapping):
            raise IamPolicyError("a statement must be a JSON object")
        return _build_statement(raw, index, variables, kind)
    except (IamPolicyError, ElementError, ConditionError, VariableSyntaxError) as exc:
        raise IamPolicyError(f"{where}, {label}: {exc}") from exc


def _build_statement(
    raw: Mapping[str, Any], index: int, variables: bool, kind: PolicyKind | None
) -> Statement:
    unknown = sorted(set(raw) - _STATEMENT_KEYS)
    if unknown:
        raise IamPolicyError(f"unknown element(s) {', '.join(map(repr, unknown))}")
    sid = raw.get("Sid")
    if sid is not None and not isinstance(sid, str):
        raise IamPolicyError("Sid must be a string")
    effect = raw.get("Effect")
    if effect not in ("Allow", "Deny"):
        raise IamPolicyError(f'Effect must be "Allow" or "Deny", not {effect!r}')
    action_key = _one_of(raw, "Action", "NotAction")
    if action_key is None:
        raise IamPolicyError("a statement needs Action or NotAction")
    resource_key = _one_of(raw, "Resource", "NotResource")
    if resource_key is None and kind not in (None, "resource"):
        raise IamPolicyError(f"a statement of a {kind} policy needs Resource or NotResource")
    principal_key = _one_of(raw, "Principal", "NotPrincipal")
    if principal_key is None and kind in ("resource", "rcp"):
        raise IamPolicyError(f"a statement of a {kind} policy needs Principal or NotPrincipal")
    _check_placement(kind, principal_key, raw)
    actions = ActionMatcher(_strings(raw[action_key], action_key))
    resources = None
    if resource_key is not None:
        resources = ResourceMatcher(_strings(raw[resource_key], resource_key), variables)
    principals = None
    if principal_key is not None:
        try:
            principals = principal_set(raw[principal_key])
        except ElementError as exc:
            raise IamPolicyError(f"{principal_key}: {exc}") from exc
    conditions = parse_condition_block(raw["Condition"], variables) if "Condition" in raw else ()
    return Statement(
        index=index,
        sid=sid or None,
        allow=effect == "Allow",
        actions=actions,
        not_action=action_key == "NotAction",
        resources=resources,
        not_resource=resource_key == "NotResource",
        principals=principals,
        not_principal=principal_key == "NotPrincipal",
        conditions=conditions,
        resource_check=None if resources is None else resources.check(resource_key == "NotResource"),
        condition_check=all_of(conditions),
    )


def _one_of(raw: Mapping[str, Any], positive: str, negative: str) -> str | None:
    if positive in raw and negative in raw:
        raise IamPolicyError(f"a statement takes {positive} or {negative}, not both")
    if positive in raw:
        return positive
    return negative if negative in raw else None


def _check_placement(kind: PolicyKind | None, principal_key: str | None, raw: Mapping[str, Any]) -> None:
    if kind in ("identity", "boundary", "session", "scp") and principal_key is not None:
        raise IamPolicyError(f"{principal_key} is not allowed in a {kind} policy")
    if kind == "rcp" and (principal_key != "Principal" or raw["Principal"] not in ("*", {"AWS": "*"})):
        raise IamPolicyError('an RCP statement takes "Principal": "*" (narrow it with conditions)')


def _strings(value: object, element: str) -> list[str]:
    items = value if isinstance(value, list) else [value]
    if not items:
        raise IamPolicyError(f"{element} must not be empty")
    if not all(isinstance(item, str) and item for item in items):
        raise IamPolicyError(f"{element} must be a non-empty string or a list of non-empty strings")
    return [item for item in items if isinstance(item, str)]
