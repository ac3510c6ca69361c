"""Policy variables: ``${aws:username}``, ``${aws:PrincipalTag/team, 'default'}``, ``${*}``.

Variables work only in policies whose Version is 2012-10-17; elsewhere ``${...}`` is plain text.
A value substituted for a variable is literal text: a ``*`` in a user name is not a wildcard.
A variable whose key is missing from the request (and has no default) leaves the whole pattern
unresolved, and an unresolved pattern matches nothing. A multivalued key cannot be a variable.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final, Generic, TypeVar

from tagwarden.core.iam.matching import ANY, STAR, Matcher, Token, compile_tokens, normalize

# The request context as the evaluator sees it: lower-cased key -> every value of that key.
Context = Mapping[str, tuple[str, ...]]

_ESCAPES: Final = {"*": "*", "?": "?", "$": "$"}
_CACHE_LIMIT: Final = 512
T = TypeVar("T")


class VariableSyntaxError(ValueError):
    """A ``${...}`` that is neither a key, a key with a quoted default, nor an escape."""


@dataclass(frozen=True, slots=True)
class Variable:
    key: str  # lower-cased: context keys are case-insensitive
    default: str | None


TemplatePart = Token | Variable


def parse_template(text: str, wildcards: bool, variables: bool) -> tuple[TemplatePart, ...]:
    """Split ``text`` into literals, wildcard tokens (if ``wildcards``) and variables (if ``variables``)."""
    parts: list[TemplatePart] = []
    literal: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if variables and text.startswith("${", index):
            close = text.find("}", index + 2)
            if close != -1:
                inner = text[index + 2 : close]
                if inner in _ESCAPES:
                    literal.append(_ESCAPES[inner])
                else:
                    parts.append("".join(literal))
                    literal = []
                    parts.append(_parse_variable(inner))
                index = close + 1
                continue
        if wildcards and char in "*?":
            parts.append("".join(literal))
            literal = []
            parts.append(STAR if char == "*" else ANY)
        else:
            literal.append(char)
        index += 1
    parts.append("".join(literal))
    return tuple(part for part in parts if part != "")


def _parse_variable(inner: str) -> Variable:
    key, comma, rest = inner.partition(",")
    key = key.strip()
    if not key or any(c in key for c in "${}'"):
        raise VariableSyntaxError(f"malformed policy variable '${{{inner}}}'")
    if not comma:
        return Variable(key.lower(), None)
    default = rest.strip()
    if len(default) < 2 or default[0] != "'" or default[-1] != "'":
        raise VariableSyntaxError(
            f"malformed policy variable '${{{inner}}}': a default value is written in single quotes"
        )
    return Variable(key.lower(), default[1:-1])


def resolve_parts(parts: Sequence[TemplatePart], context: Context) -> tuple[Token, ...] | None:
    """Substitute every variable; None when one of them has no value and no default."""
    tokens: list[Token] = []
    for part in parts:
        if isinstance(part, Variable):
            value = variable_value(part, context)
            if value is None:
                return None
            tokens.append(value)
        else:
            tokens.append(part)
    return tuple(tokens)


class MultiValues(tuple[str, ...]):
    """The values of a key given as a list: a multivalued key, never a policy variable."""

    __slots__ = ()


def variable_value(variable: Variable, context: Context) -> str | None:
    values = context.get(variable.key)
    if values is not None and len(values) == 1 and not isinstance(values, MultiValues):
        return values[0]
    return variable.default


def has_variables(parts: Sequence[TemplatePart]) -> bool:
    return any(isinstance(part, Variable) for part in parts)


class StringTemplate:
    """A condition value without wildcards: resolves to a string, or None when unresolved."""

    __slots__ = ("_parts", "static")

    def __init__(self, parts: tuple[TemplatePart, ...]) -> None:
        self._parts = parts
        # Without variables the value is known now; otherwise it is None until resolved.
        self.static: str | None = None if has_variables(parts) else "".join(str(p) for p in parts)

    def resolve(self, context: Context) -> str | None:
        if self.static is not None:
            return self.static
        tokens = resolve_parts(self._parts, context)
        return None if tokens is None else "".join(str(t) for t in tokens)


class CompiledTemplate(Generic[T]):
    """A pattern that may contain variables, compiled by ``build`` once per distinct substitution
    (the last few hundred kept); ``static`` is the compiled form of one without variables."""

    __slots__ = ("_build", "_cache", "_parts", "static")

    def __init__(self, parts: tuple[TemplatePart, ...], build: Callable[[tuple[Token, ...]], T]) -> None:
        self._parts = parts
        self._build = build
        self._cache: dict[tuple[Token, ...], T] = {}
        self.static: T | None = None
        if not has_variables(parts):
            self.static = build(tuple(p for p in parts if not isinstance(p, Variable)))

    def compiled(self, context: Context) -> T | None:
        """The compiled form for this request, or None when a variable is unresolved."""
        if self.static is not None:
            return self.static
        tokens = resolve_parts(self._parts, context)
        if tokens is None:
            return None
        tokens = normalize(tokens)
        found = self._cache.get(tokens)
        if found is None:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            found = self._cache[tokens] = self._build(tokens)
        return found


class PatternTemplate(CompiledTemplate[Matcher]):
    """A wildcard pattern that may contain variables."""

    __slots__ = ()

    def __init__(self, parts: tuple[TemplatePart, ...], ignore_case: bool = False) -> None:
        super().__init__(parts, lambda tokens: compile_tokens(tokens, ignore_case))

    # The matcher for this request, or None when a variable is unresolved (matches nothing);
    # an alias rather than a wrapper, to save a call on the hot path.
    matcher = CompiledTemplate.compiled
