"""Value patterns compiled with RE2, whose matching time is linear in the value's length.

Python's ``re`` backtracks: a pattern such as ``^(a+)+$`` against forty ``a``s and a ``!``
takes longer than the age of the universe and holds the GIL meanwhile, so a tag value chosen
by whoever writes tags could freeze the daemon. RE2 has no backreferences or lookaround; a
pattern that needs them is refused when the policy is loaded (and by check-config).
"""

from __future__ import annotations

from typing import Any

import re2  # type: ignore[import-untyped]

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # the error is raised, with its reason; RE2 need not print it too
_ANSWERS_KEPT = 1024  # per pattern
_LONGEST_KEPT = 128  # characters of a value whose answer is kept (tag values may have 256)


class PatternError(ValueError):
    """The pattern is not one RE2 accepts; the message says why."""


class LinearPattern:
    def __init__(self, pattern: str) -> None:
        try:
            self._compiled: Any = re2.compile(pattern, _OPTIONS)
        except re2.error as exc:
            reason = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
            raise PatternError(
                f"pattern {pattern!r} is not a valid regular expression for the linear-time engine"
                f" (RE2 syntax: no backreferences or lookaround): {reason}"
            ) from None
        self.pattern = pattern
        self._answers: dict[str, bool] = {}

    def fullmatch(self, value: str) -> bool:
        # A call into RE2 costs about 8 µs, a dict lookup a hundredth of it, and the values judged
        # repeat (a team's name on every tag write). Bounded, as tag writers choose the values: short
        # ones only, so many patterns with full memories still hold little.
        answer = self._answers.get(value)
        if answer is None:
            answer = self._compiled.fullmatch(value) is not None
            if len(value) <= _LONGEST_KEPT:
                if len(self._answers) >= _ANSWERS_KEPT:
                    self._answers.clear()
                self._answers[value] = answer
        return answer
