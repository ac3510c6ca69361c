"""config/tagwarden.yaml documents every key (the README says so): a key added to the settings
without a line there fails here."""

from __future__ import annotations

import re
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from tagwarden.core.settings.settings import Settings

EXAMPLE = Path(__file__).resolve().parents[3] / "config" / "tagwarden.yaml"


def _models(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in typing.get_args(annotation) for model in _models(arg)]


def _keys(model: type[BaseModel], path: str, seen: set[type[BaseModel]]) -> list[str]:
    if model in seen:
        return []
    seen.add(model)
    found = []
    for name, field in model.model_fields.items():
        key = field.alias or name
        found.append(f"{path}{key}")
        for inner in _models(field.annotation):
            found += _keys(inner, f"{path}{key}.", seen)
    return found


def test_every_settings_key_is_in_the_example_config() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    keys = _keys(Settings, "", set())
    assert len(keys) > 60  # the walk reached the nested sections
    missing = [
        key for key in keys if not re.search(rf"(^|[\s{{,#]){re.escape(key.rsplit('.', 1)[-1])}:", text, re.M)
    ]
    assert missing == []
