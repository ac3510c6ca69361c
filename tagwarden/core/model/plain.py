"""Model records as plain, JSON-ready dicts."""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

_NAMES: dict[type, tuple[str, ...]] = {}  # field names per dataclass, in declaration order


def plain_fields(record: DataclassInstance) -> dict[str, Any]:
    """A dataclass's fields in declaration order: tuples become lists, values with a ``to_dict``
    become their dict, other values are kept as they are."""
    names = _NAMES.get(type(record))
    if names is None:
        names = _NAMES[type(record)] = tuple(f.name for f in fields(record))
    return {name: _plain(getattr(record, name)) for name in names}


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    to_dict = getattr(value, "to_dict", None)
    return value if to_dict is None else to_dict()
