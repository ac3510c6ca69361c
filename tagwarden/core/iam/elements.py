"""The Action, Resource and Principal elements of a statement, compiled for matching.

Segment rules (IAM User Guide, "IAM JSON policy elements: Resource" and "Condition operators"):
- In a ``Resource`` ARN, a wildcard stays inside its colon-separated segment, except a ``*`` that
  ends a segment, which "can expand to match beyond the colon boundaries"; in the resource part
  (after the fifth colon) ``*`` matches anything, ``/`` and ``:`` included. Policy variables are
  substituted only in the resource part.
- ``ArnLike``/``ArnEquals`` check "each of the six colon-delimited components of the ARN
  separately"; the last component takes the rest of the ARN, colons included.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Final

from tagwarden.core.iam.matching import (
    ANY_NO_COLON,
    STAR,
    STAR_NO_COLON,
    Matcher,
    Token,
    compile_alternatives,
    compile_tokens,
    literal_text,
    parse_glob,
)
from tagwarden.core.iam.principal_arns import PrincipalInfo, PrincipalKind
from tagwarden.core.iam.variables import (
    CompiledTemplate,
    Context,
    PatternTemplate,
    TemplatePart,
    parse_template,
)

# How a resource-based policy names the requesting principal, weakest first.
GRANT_NONE: Final = 0
GRANT_ACCOUNT: Final = 1  # the account: its administrators must delegate through identity policies
GRANT_ROLE: Final = 2  # the role ARN, for one of its sessions: limited by boundary and session policy
GRANT_DIRECT: Final = 3  # the user, the session itself, "*", a service: an allow on its own

_ARN_COMPONENTS: Final = 6


class ElementError(ValueError):
    """An element value AWS would not accept."""


class ActionMatcher:
    """Action patterns, matched case-insensitively (the caller passes the action lower-cased)."""

    __slots__ = ("exact", "matches")

    def __init__(self, patterns: Sequence[str]) -> None:
        for pattern in patterns:
            if pattern != "*" and (":" not in pattern or pattern.startswith(":")):
                raise ElementError(f"action {pattern!r} is not '*' or 'service:action'")
        globs = [parse_glob(p.lower()) for p in patterns]
        self.matches: Matcher = compile_alternatives(globs)
        # The lower-cased actions when none has a wildcard: policies index such statements.
        texts = [literal_text(tokens) for tokens in globs]
        self.exact: frozenset[str] | None = None
        if all(text is not None for text in texts):
            self.exact = frozenset(text for text in texts if text is not None)


def resource_template(pattern: str, variables: bool) -> PatternTemplate:
    """Compile one ``Resource`` value with the segment rules described in the module docstring."""
    boundary = _resource_part_start(pattern)
    head = pattern if boundary is None else pattern[:boundary]
    parts: list[TemplatePart] = []
    segments = head.split(":")
    for number, segment in enumerate(segments):
        if number:
            parts.append(":")
        parts.extend(_segment_tokens(segment))
    if boundary is not None:
        parts.extend(parse_template(pattern[boundary:], wildcards=True, variables=variables))
    return PatternTemplate(tuple(parts))


def _resource_part_start(pattern: str) -> int | None:
    """Index just after the fifth colon that is not inside ``${...}``, or None."""
    colons = 0
    index = 0
    while index < len(pattern):
        if pattern.startswith("${", index):
            close = pattern.find("}", index + 2)
            if close != -1:
                index = close + 1
                continue
        if pattern[index] == ":":
            colons += 1
            if colons == _ARN_COMPONENTS - 1:
                return index + 1
        index += 1
    return None


def _segment_tokens(segment: str) -> list[Token]:
    tokens: list[Token] = []
    for index, char in enumerate(segment):
        if char == "*":
            tokens.append(STAR if index == len(segment) - 1 else STAR_NO_COLON)
        elif char == "?":
            tokens.append(ANY_NO_COLON)
        else:
            tokens.append(char)
    return tokens


ResourceCheck = Callable[[str, Context], bool]


class ResourceMatcher:
    """The values of a ``Resource`` or ``NotResource`` element."""

    __slots__ = ("_match_all", "_templates")

    def __init__(self, patterns: Sequence[str], variables: bool) -> None:
        templates: list[PatternTemplate] = []
        self._match_all = False
        for pattern in patterns:
            if pattern == "*":
                self._match_all = True
            elif not pattern.startswith("arn:") and not pattern.startswith("*"):
                raise ElementError(f"resource {pattern!r} is not '*' or an ARN")
            else:
                templates.append(resource_template(pattern, variables))
        self._templates = tuple(templates)

    def matches(self, resource: str, context: Context) -> bool:
        if self._match_all:
            return True
        for template in self._templates:
            matcher = template.matcher(context)
            if matcher is not None and matcher(resource):
                return True
        return False

    def check(self, negated: bool) -> ResourceCheck | None:
        """A check specialized for the element; None when it matches every resource."""
        if self._match_all:
            return (lambda _resource, _context: False) if negated else None
        statics = [t.static for t in self._templates]
        if len(statics) == 1 and statics[0] is not None:
            only = statics[0]
            if negated:
                return lambda resource, _context: not only(resource)
            return lambda resource, _context: only(resource)
        if negated:
            return lambda resource, context: not self.matches(resource, context)
        return self.matches


class ArnTemplate(CompiledTemplate[tuple[Matcher, ...]]):
    """A value of an ARN condition operator: six components, each matched on its own."""

    __slots__ = ()

    def __init__(self, pattern: str, variables: bool) -> None:
        super().__init__(parse_template(pattern, wildcards=True, variables=variables), _component_matchers)

    def matches(self, value: str, context: Context) -> bool:
        components = self.static
        if components is None:
            components = self.compiled(context)
            if components is None:
                return False
        pieces = value.split(":", len(components) - 1)
        if len(pieces) != len(components):
            return False
        return all(match(piece) for match, piece in zip(components, pieces, strict=True))


def _component_matchers(tokens: tuple[Token, ...]) -> tuple[Matcher, ...]:
    components: list[list[Token]] = [[]]
    for token in tokens:
        if not isinstance(token, str) or len(components) == _ARN_COMPONENTS:
            components[-1].append(token)
            continue
        pieces = token.split(":", _ARN_COMPONENTS - len(components))
        components[-1].append(pieces[0])
        components.extend([piece] for piece in pieces[1:])
    return tuple(compile_tokens(component) for component in components)


@dataclass(frozen=True, slots=True)
class PrincipalSet:
    """The principals one ``Principal`` or ``NotPrincipal`` element names."""

    everyone: bool
    accounts: frozenset[str]
    users: frozenset[tuple[str, str]]  # (account, user name)
    roles: frozenset[tuple[str, str]]  # (account, role name): role names are unique per account
    sessions: frozenset[tuple[str, str, str]]  # (account, role name, session name)
    federated_users: frozenset[tuple[str, str]]
    services: frozenset[str]  # service, federated-provider and canonical-user names

    def grant(self, principal: PrincipalInfo) -> int:
        """How directly a ``Principal`` element names ``principal`` (a GRANT_* level)."""
        if self.everyone:
            return GRANT_DIRECT
        if principal.kind is PrincipalKind.SERVICE:
            return GRANT_DIRECT if principal.name.lower() in self.services else GRANT_NONE
        # A role ARN used as the principal stands for a session of that role: naming the role is
        # then a role grant, not a direct one.
        if principal.kind is not PrincipalKind.ROLE and self._names_itself(principal):
            return GRANT_DIRECT
        if principal.is_role and (principal.account, principal.name) in self.roles:
            return GRANT_ROLE
        if principal.account in self.accounts:
            return GRANT_ACCOUNT
        return GRANT_NONE

    def grant_excluding(self, principal: PrincipalInfo) -> int:
        """For ``NotPrincipal`` with Allow: the most direct identity of the chain left unlisted."""
        if self.everyone:
            return GRANT_NONE
        if not self._names_itself(principal):
            return GRANT_DIRECT
        if principal.kind is PrincipalKind.SESSION and (principal.account, principal.name) not in self.roles:
            return GRANT_ROLE
        if principal.kind is not PrincipalKind.SERVICE and principal.account not in self.accounts:
            return GRANT_ACCOUNT
        return GRANT_NONE

    def excludes_whole_chain(self, principal: PrincipalInfo) -> bool:
        """For ``NotPrincipal`` with Deny: AWS may evaluate the account, the role and the session in
        turn, so a principal escapes the deny only when every one of them is listed: when no
        identity of its chain is left unlisted."""
        return self.grant_excluding(principal) == GRANT_NONE

    def _names_itself(self, principal: PrincipalInfo) -> bool:
        kind = principal.kind
        if kind is PrincipalKind.USER:
            return (principal.account, principal.name) in self.users
        if kind is PrincipalKind.SESSION:
            return (principal.account, principal.name, principal.session_name) in self.sessions
        if kind is PrincipalKind.ROLE:
            return (principal.account, principal.name) in self.roles
        if kind is PrincipalKind.FEDERATED_USER:
            return (principal.account, principal.name) in self.federated_users
        if kind is PrincipalKind.ROOT:
            return principal.account in self.accounts
        return principal.name.lower() in self.services


_PRINCIPAL_TYPES: Final = ("AWS", "Service", "Federated", "CanonicalUser")


def principal_set(element: object) -> PrincipalSet:
    """Parse a ``Principal``/``NotPrincipal`` value: ``"*"`` or a map of principal type to values."""
    collector = _PrincipalCollector()
    if element == "*":
        collector.everyone = True
        return collector.build()
    if not isinstance(element, dict) or not element:
        raise ElementError('must be "*" or an object such as {"AWS": [...]}')
    for kind, values in element.items():
        if kind not in _PRINCIPAL_TYPES:
            expected = ", ".join(_PRINCIPAL_TYPES)
            raise ElementError(f"unknown principal type {kind!r} (expected one of {expected})")
        for value in _string_list(values, kind):
            if kind == "AWS":
                collector.add_aws(value)
            else:
                collector.services.add(value.lower())
    return collector.build()


def _string_list(values: object, kind: str) -> list[str]:
    items = values if isinstance(values, list) else [values]
    if not items or not all(isinstance(item, str) and item for item in items):
        raise ElementError(f"{kind} principals must be non-empty strings")
    return [item for item in items if isinstance(item, str)]


@dataclass
class _PrincipalCollector:
    everyone: bool = False
    accounts: set[str] = field(default_factory=set)
    users: set[tuple[str, str]] = field(default_factory=set)
    roles: set[tuple[str, str]] = field(default_factory=set)
    sessions: set[tuple[str, str, str]] = field(default_factory=set)
    federated_users: set[tuple[str, str]] = field(default_factory=set)
    services: set[str] = field(default_factory=set)

    def build(self) -> PrincipalSet:
        return PrincipalSet(
            self.everyone,
            frozenset(self.accounts),
            frozenset(self.users),
            frozenset(self.roles),
            frozenset(self.sessions),
            frozenset(self.federated_users),
            frozenset(self.services),
        )

    def add_aws(self, value: str) -> None:
        if value == "*":
            self.everyone = True
            return
        if value.isdigit() and len(value) == 12:
            self.accounts.add(value)
            return
        if "*" in value or "?" in value:
            raise ElementError(f"wildcards are not allowed in a principal ARN ({value!r}); use conditions")
        parts = value.split(":", 5)
        if len(parts) != _ARN_COMPONENTS or parts[0] != "arn":
            # An unknown form, such as the unique id AWS shows once a named principal is deleted:
            # accepted, but it names nobody the engine can evaluate.
            return
        service, account, resource = parts[2], parts[4], parts[5]
        kind, _, rest = resource.partition("/")
        name = rest.rpartition("/")[2]
        if service == "iam" and resource == "root":
            self.accounts.add(account)
        elif service == "iam" and kind == "user" and name:
            self.users.add((account, name))
        elif service == "iam" and kind == "role" and name:
            self.roles.add((account, name))
        elif service == "sts" and kind == "assumed-role" and rest.count("/") == 1:
            role_name, _, session = rest.partition("/")
            self.sessions.add((account, role_name, session))
        elif service == "sts" and kind == "federated-user" and rest:
            self.federated_users.add((account, rest))
        else:
            raise ElementError(f"unsupported principal ARN {value!r}")
