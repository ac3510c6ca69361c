"""Model records as plain, JSON-ready dicts."""

from __future__ import annotations

from dataclasses import MISSING, fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

_NAMES: dict[type, tuple[str, ...]] = {}  # field names per dataclass, in declaration order
_DEFAULTS: dict[type, dict[str, Any]] = {}  # the declared default of each field that has one


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


def compact_fields(record: DataclassInstance) -> dict[str, Any]:
    """As ``plain_fields``, less every field (of ``record`` and of the records it holds) that holds
    its declared default: the smaller form a ``from_dict`` that defaults alike reads back."""
    defaults = _DEFAULTS.get(type(record))
    if defaults is None:
        defaults = _DEFAULTS[type(record)] = {f.name: _default(f) for f in fields(record) if _has_default(f)}
    compact: dict[str, Any] = {}
    for name, value in plain_fields(record).items():
        if name in defaults and value == defaults[name]:
            continue
        held = getattr(record, name)
        compact[name] = compact_fields(held) if hasattr(held, "__dataclass_fields__") else value
    return compact


def _has_default(field: Any) -> bool:
    return field.default is not MISSING or field.default_factory is not MISSING


def _default(field: Any) -> Any:
    value = field.default if field.default is not MISSING else field.default_factory()
    return _plain(value)
