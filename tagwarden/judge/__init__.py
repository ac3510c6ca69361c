"""Judging tag changes against the governance policy: pure functions, no I/O."""

from tagwarden.judge.context import JudgeContext
from tagwarden.judge.judge import judge
from tagwarden.judge.writes import KeyWrite, effective_writes

__all__ = ["JudgeContext", "KeyWrite", "effective_writes", "judge"]
