"""Wildcard matching for IAM patterns, without regular expressions.

A pattern is a sequence of tokens: literal text (``str``) and wildcard codes. ``*`` matches any run
of characters and ``?`` any single character. In the first five colon-separated segments of a
``Resource`` ARN a wildcard may be *restricted*: it cannot match ``:`` (see ``elements.py`` for when).

Matching never backtracks. A pattern with only unrestricted wildcards is split at its stars into
fixed-length chunks; each chunk is located once, left to right, at its leftmost position (which is
always safe for glob patterns), so the cost is at most len(text) * len(pattern) character
comparisons, and in practice one ``str.find`` per chunk. A pattern with restricted wildcards runs
as a bit-parallel automaton: one step per character of the text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Final

STAR: Final = 0  # '*' that may match any character
STAR_NO_COLON: Final = 1  # '*' inside an ARN segment: matches no ':'
ANY: Final = 2  # '?' that may match any character
ANY_NO_COLON: Final = 3  # '?' inside an ARN segment

Token = str | int
Matcher = Callable[[str], bool]

_STARS: Final = (STAR, STAR_NO_COLON)
_CHUNK_ANY: Final = -1  # marks a '?' inside a chunk


def normalize(tokens: Iterable[Token]) -> tuple[Token, ...]:
    """Merge adjacent literals, drop empty ones, and fold runs of stars into one star."""
    out: list[Token] = []
    for token in tokens:
        if isinstance(token, str):
            if not token:
                continue
            if out and isinstance(out[-1], str):
                out[-1] = out[-1] + token
            else:
                out.append(token)
        elif token in _STARS and out and out[-1] in _STARS and not isinstance(out[-1], str):
            # "**" is "*"; an unrestricted star absorbs a restricted neighbour.
            out[-1] = STAR if STAR in (token, out[-1]) else STAR_NO_COLON
        else:
            out.append(token)
    return tuple(out)


def parse_glob(text: str) -> tuple[Token, ...]:
    """Tokens of a plain glob: ``*`` and ``?`` are wildcards, everything else is literal."""
    tokens: list[Token] = []
    start = 0
    for index, char in enumerate(text):
        if char in "*?":
            tokens.append(text[start:index])
            tokens.append(STAR if char == "*" else ANY)
            start = index + 1
    tokens.append(text[start:])
    return normalize(tokens)


def literal_text(tokens: Sequence[Token]) -> str | None:
    """The text a wildcard-free pattern stands for, or None when it has wildcards."""
    if not tokens:
        return ""
    if len(tokens) == 1 and isinstance(tokens[0], str):
        return tokens[0]
    return None


def compile_tokens(tokens: Sequence[Token], ignore_case: bool = False) -> Matcher:
    """Build a matcher for ``tokens``; with ``ignore_case`` both sides are compared lower-cased."""
    tokens = normalize(tokens)
    if ignore_case:
        tokens = tuple(t.lower() if isinstance(t, str) else t for t in tokens)
    matcher = _compile_normalized(tokens)
    if not ignore_case:
        return matcher
    return lambda text: matcher(text.lower())


def compile_alternatives(patterns: Sequence[Sequence[Token]]) -> Matcher:
    """One matcher for "any of these patterns": exact texts become one set lookup, plain
    prefixes and suffixes one ``startswith``/``endswith`` call each."""
    exact: set[str] = set()
    prefixes: list[str] = []
    suffixes: list[str] = []
    others: list[Matcher] = []
    for pattern in patterns:
        tokens = normalize(pattern)
        text = literal_text(tokens)
        if text is not None:
            exact.add(text)
        elif tokens == (STAR,):
            return _match_anything
        elif len(tokens) == 2 and tokens[1] == STAR and isinstance(tokens[0], str):
            prefixes.append(tokens[0])
        elif len(tokens) == 2 and tokens[0] == STAR and isinstance(tokens[1], str):
            suffixes.append(tokens[1])
        else:
            others.append(_compile_normalized(tokens))
    exact_set, rest = frozenset(exact), tuple(others)
    prefix_tuple, suffix_tuple = tuple(prefixes), tuple(suffixes)
    if not rest and not suffix_tuple and not exact_set:
        return lambda text: text.startswith(prefix_tuple)
    if not rest and not suffix_tuple and not prefix_tuple:
        return exact_set.__contains__

    def matches(text: str) -> bool:
        return (
            text in exact_set
            or (bool(prefix_tuple) and text.startswith(prefix_tuple))
            or (bool(suffix_tuple) and text.endswith(suffix_tuple))
            or any(match(text) for match in rest)
        )

    return matches


def _compile_normalized(tokens: tuple[Token, ...]) -> Matcher:
    text = literal_text(tokens)
    if text is not None:
        return text.__eq__
    if any(t in (STAR_NO_COLON, ANY_NO_COLON) for t in tokens if not isinstance(t, str)):
        return _SegmentAutomaton(tokens).matches
    if tokens == (STAR,):
        return _match_anything
    if len(tokens) == 2 and tokens[1] == STAR and isinstance(tokens[0], str):
        return _prefix_matcher(tokens[0])
    if len(tokens) == 2 and tokens[0] == STAR and isinstance(tokens[1], str):
        return _suffix_matcher(tokens[1])
    if len(tokens) == 3 and tokens[1] == STAR and isinstance(tokens[0], str) and isinstance(tokens[2], str):
        return _prefix_suffix_matcher(tokens[0], tokens[2])
    return _GreedyGlob(tokens).matches


def _match_anything(_text: str) -> bool:
    return True


def _prefix_matcher(prefix: str) -> Matcher:
    return lambda text: text.startswith(prefix)


def _suffix_matcher(suffix: str) -> Matcher:
    return lambda text: text.endswith(suffix)


def _prefix_suffix_matcher(prefix: str, suffix: str) -> Matcher:
    least = len(prefix) + len(suffix)
    return lambda text: len(text) >= least and text.startswith(prefix) and text.endswith(suffix)


Chunk = tuple[str | int, ...]  # literal runs and _CHUNK_ANY, between two stars


def _chunk_length(chunk: Chunk) -> int:
    return sum(1 if isinstance(part, int) else len(part) for part in chunk)


def _match_chunk_at(chunk: Chunk, text: str, pos: int) -> int:
    """End of ``chunk`` matched at ``pos``, or -1."""
    end = len(text)
    for part in chunk:
        if isinstance(part, int):
            if pos >= end:
                return -1
            pos += 1
        elif text.startswith(part, pos):
            pos += len(part)
        else:
            return -1
    return pos


def _find_chunk(chunk: Chunk, text: str, pos: int) -> int:
    """End of the leftmost occurrence of ``chunk`` at or after ``pos``, or -1."""
    first = chunk[0]
    if isinstance(first, str):
        start = text.find(first, pos)
        while start != -1:
            end = _match_chunk_at(chunk, text, start)
            if end != -1:
                return end
            start = text.find(first, start + 1)
        return -1
    last_start = len(text) - _chunk_length(chunk)
    for start in range(pos, last_start + 1):
        end = _match_chunk_at(chunk, text, start)
        if end != -1:
            return end
    return -1


class _GreedyGlob:
    """Glob with unrestricted ``*`` and ``?``: first chunk anchored left, last anchored right."""

    __slots__ = ("_first", "_last", "_last_length", "_middle")

    def __init__(self, tokens: tuple[Token, ...]) -> None:
        chunks: list[Chunk] = [()]
        for token in tokens:
            if token == STAR:
                chunks.append(())
            elif isinstance(token, str):
                chunks[-1] = (*chunks[-1], token)
            else:
                chunks[-1] = (*chunks[-1], _CHUNK_ANY)
        self._first = chunks[0]
        self._last = chunks[-1] if len(chunks) > 1 else None
        self._last_length = _chunk_length(self._last) if self._last is not None else 0
        self._middle = tuple(chunk for chunk in chunks[1:-1] if chunk)

    def matches(self, text: str) -> bool:
        pos = _match_chunk_at(self._first, text, 0)
        if pos == -1:
            return False
        if self._last is None:
            return pos == len(text)
        for chunk in self._middle:
            pos = _find_chunk(chunk, text, pos)
            if pos == -1:
                return False
        start = len(text) - self._last_length
        return start >= pos and _match_chunk_at(self._last, text, start) == len(text)


class _SegmentAutomaton:
    """Shift-and automaton over pattern positions, for patterns with restricted wildcards.

    Bit ``i`` of the state means "the first i tokens have matched". Each text character costs a
    few integer operations, so the run time is linear in the text whatever the pattern.
    """

    __slots__ = ("_accept", "_any_colon", "_any_other", "_literal", "_star_colon", "_star_other")

    def __init__(self, tokens: tuple[Token, ...]) -> None:
        literal: dict[str, int] = {}
        any_colon = any_other = star_colon = star_other = 0
        position = 0
        for token in tokens:
            if isinstance(token, str):
                for char in token:
                    literal[char] = literal.get(char, 0) | (1 << position)
                    position += 1
                continue
            bit = 1 << position
            if token == ANY:
                any_colon |= bit
                any_other |= bit
            elif token == ANY_NO_COLON:
                any_other |= bit
            elif token == STAR:
                star_colon |= bit
                star_other |= bit
            else:
                star_other |= bit
            position += 1
        self._literal = literal
        self._any_colon = any_colon
        self._any_other = any_other
        self._star_colon = star_colon
        self._star_other = star_other
        self._accept = 1 << position

    def _closure(self, state: int) -> int:
        # A star may match nothing: reaching a star position also reaches the one after it.
        # normalize() guarantees no two stars are adjacent, so one step suffices.
        return state | ((state & self._star_other) << 1)

    def matches(self, text: str) -> bool:
        state = self._closure(1)
        literal = self._literal
        for char in text:
            if char == ":":
                advance, stay = self._any_colon, self._star_colon
            else:
                advance, stay = self._any_other, self._star_other
            advance |= literal.get(char, 0)
            state = self._closure(((state & advance) << 1) | (state & stay))
            if not state:
                return False
        return bool(state & self._accept)
