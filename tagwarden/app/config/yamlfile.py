"""Reading a YAML file with errors that say which file and why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class YamlFileError(ValueError):
    """The file cannot be read or is not YAML; the message names it."""


def load_yaml(path: Path, what: str) -> Any:
    """The document in ``path`` (safe_load); ``what`` names the file in errors ("config file")."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise YamlFileError(f"cannot read {what} {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise YamlFileError(f"{path}: not UTF-8 text (byte {exc.start}); save the {what} as UTF-8") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise YamlFileError(f"{path}: not valid YAML: {exc}") from None
    except RecursionError:
        raise YamlFileError(
            f"{path}: nested too deep to read; a {what} needs only a few levels of nesting"
        ) from None
