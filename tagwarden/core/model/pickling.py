"""Pickling of the frozen, slotted dataclasses that workers hand to the committing process.

dataclasses gives a slotted class ``__getstate__`` and ``__setstate__`` that call ``fields()`` on
every object; unpickling a unit's few hundred changes, actors and sessions spent most of its time
there, in the one process that judges and commits (docs/performance.md, stop 34). These do the
same with the field names looked up once per class.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any, TypeVar

T = TypeVar("T", bound=type)


def compact_pickling(cls: T) -> T:
    """Gives ``cls``, a frozen dataclass with slots, a state that is the tuple of its fields."""
    if not (is_dataclass(cls) and "__slots__" in cls.__dict__):
        raise TypeError(f"{cls.__name__} is not a dataclass with slots")
    names = tuple(field.name for field in fields(cls))
    set_field = object.__setattr__  # a frozen dataclass refuses setattr

    def __getstate__(self: Any) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in names])

    def __setstate__(self: Any, state: tuple[Any, ...]) -> None:
        for name, value in zip(names, state, strict=True):
            set_field(self, name, value)

    setattr(cls, "__getstate__", __getstate__)  # noqa: B010 (mypy: a method may not be assigned)
    setattr(cls, "__setstate__", __setstate__)  # noqa: B010
    return cls
