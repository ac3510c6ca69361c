"""Reading the config file, laying environment overrides over it, validating it."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from tagwarden.adapters.store import Store, open_store
from tagwarden.app.config.policy_file import load_policy
from tagwarden.app.config.yamlfile import YamlFileError, load_yaml
from tagwarden.core.governance import GovernancePolicy, PolicyError, parse_policy_document
from tagwarden.core.pydantic_errors import describe_validation_error
from tagwarden.core.settings.settings import Settings

ENV_PREFIX = "TAGWARDEN_"
_NOT_SETTINGS = {"TAGWARDEN_CONFIG"}


class ConfigError(ValueError):
    """The configuration cannot be used; the message names the key and what was expected."""


@dataclass(frozen=True, slots=True)
class LoadedConfig:
    settings: Settings
    policy: GovernancePolicy
    path: Path

    @property
    def base_dir(self) -> Path:
        return self.path.parent

    def store_url(self) -> str:
        """The store URL with a relative SQLite path made relative to the config file."""
        url = self.settings.store.url
        prefix = "sqlite:///"
        if url.startswith(prefix):
            path = url[len(prefix) :]
            if path and path != ":memory:" and not path.startswith("/"):
                return prefix + str((self.base_dir / path).resolve())
        return url

    def store_password_file(self) -> str | None:
        """The PostgreSQL password file, relative to the config file."""
        name = self.settings.store.password_file
        return None if name is None else str((self.base_dir / name).resolve())

    def open_store(self, *, durable: bool = True, existing: bool = False) -> Store:
        """The configured store, its schema created or migrated (``durable``, ``existing``: see
        open_store)."""
        return open_store(
            self.store_url(),
            password_file=self.store_password_file(),
            pool_size=self.settings.store.pool_size,
            durable=durable,
            existing=existing,
        )


def _set_path(document: dict[str, Any], parts: list[str], value: Any, origin: str) -> None:
    node: Any = document
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if isinstance(node, list):
            if not part.isdigit():
                raise ConfigError(f"{origin}: {part!r} is not a list index")
            position = int(part)
            if position > len(node):
                raise ConfigError(f"{origin}: index {position} skips past the end of a list of {len(node)}")
            if position == len(node):
                node.append({} if not last else value)
            if last:
                node[position] = value
            node = node[position]
            continue
        if not isinstance(node, dict):
            raise ConfigError(f"{origin}: cannot set {part!r} inside a {type(node).__name__}")
        if last:
            node[part] = value
        else:
            following = parts[index + 1]
            if part not in node or not isinstance(node[part], (dict, list)):
                node[part] = [] if following.isdigit() else {}
            node = node[part]


def apply_environment(document: dict[str, Any], env: Mapping[str, str]) -> list[str]:
    """Lay ``TAGWARDEN_A__B__0__C=value`` over the document; values are read as YAML scalars or
    flow collections (``20``, ``true``, ``[a, b]``). Returns the variables applied."""
    applied = []
    for name in sorted(env):
        if not name.startswith(ENV_PREFIX) or name in _NOT_SETTINGS:
            continue
        parts = [p.lower() for p in name[len(ENV_PREFIX) :].split("__") if p]
        if not parts:
            continue
        raw = env[name]
        try:
            value = yaml.safe_load(raw) if raw.strip() else ""
        except (yaml.YAMLError, RecursionError):
            value = raw
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            # A variable cannot be quoted, so a number is handed on as written: a text field (a
            # token, an id of digits) takes it as text, unchanged (YAML would read 0042 as octal),
            # and a number field reads the decimal it shows.
            value = raw.strip()
        _set_path(document, parts, value, f"environment variable {name}")
        applied.append(name)
    return applied


def load_config(path: Path | str, env: Mapping[str, str] | None = None) -> LoadedConfig:
    config_path = Path(path)
    environment = os.environ if env is None else env
    try:
        document = load_yaml(config_path, "config file")
    except YamlFileError as exc:
        raise ConfigError(str(exc)) from None
    if document is None:
        document = {}
    if not isinstance(document, dict):
        raise ConfigError(
            f"{config_path}: expected a mapping at the top level, found {type(document).__name__}"
        )
    applied = apply_environment(document, environment)
    try:
        settings = Settings.model_validate(document)
    except ValidationError as exc:
        message = describe_validation_error(exc, str(config_path))
        if "policy" not in document and {"version", "rules"} & set(document):
            message += (
                f"\n{config_path} looks like a governance policy, not a tagwarden.yaml: pass the config "
                "file that names it (policy: FILE), as config/tagwarden.yaml does"
            )
        if applied:
            message += "\n(environment overrides applied: " + ", ".join(applied) + ")"
        raise ConfigError(message) from None
    try:
        if isinstance(settings.policy, str):
            policy = load_policy((config_path.parent / settings.policy).resolve())
        else:
            policy = parse_policy_document(settings.policy, f"{config_path}: policy")
    except PolicyError as exc:
        raise ConfigError(str(exc)) from None
    return LoadedConfig(settings=settings, policy=policy, path=config_path.resolve())
