"""Glob matching with ``*`` and ``?`` that never backtracks more than one star.

Patterns come from configuration, so matching must not be exploitable: the greedy
two-pointer walk below takes O(len(text) * len(pattern)) time at worst, never exponential,
and builds no regular expression.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


# The same few principals and keys are matched against the same patterns on every record.
@lru_cache(maxsize=8192)
def glob_match(pattern: str, text: str) -> bool:
    p = t = 0
    star = -1  # position in pattern just after the last '*'
    mark = 0  # position in text where that star's match ended
    plen, tlen = len(pattern), len(text)
    while t < tlen:
        if p < plen and (pattern[p] == "?" or pattern[p] == text[t]):
            p += 1
            t += 1
        elif p < plen and pattern[p] == "*":
            star = p + 1
            mark = t
            p += 1
        elif star >= 0:
            mark += 1
            t = mark
            p = star
        else:
            return False
    while p < plen and pattern[p] == "*":
        p += 1
    return p == plen


@dataclass(frozen=True, slots=True)
class Glob:
    """A compiled glob; ``fold`` makes it case-insensitive."""

    pattern: str
    fold: bool = False

    def __post_init__(self) -> None:
        if self.fold:
            object.__setattr__(self, "pattern", self.pattern.casefold())

    @property
    def literal(self) -> bool:
        return "*" not in self.pattern and "?" not in self.pattern

    def matches(self, text: str) -> bool:
        subject = text.casefold() if self.fold else text
        if self.literal:
            return subject == self.pattern
        return glob_match(self.pattern, subject)
