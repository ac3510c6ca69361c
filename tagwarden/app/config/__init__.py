"""The configuration file, validated into typed settings, every key overridable by environment."""

from tagwarden.app.config.loading import ConfigError, LoadedConfig, load_config
from tagwarden.core.settings.settings import (
    FilesSourceSettings,
    LookupEventsSourceSettings,
    Settings,
    SourceSettings,
    SqsSourceSettings,
)

__all__ = [
    "ConfigError",
    "FilesSourceSettings",
    "LoadedConfig",
    "LookupEventsSourceSettings",
    "Settings",
    "SourceSettings",
    "SqsSourceSettings",
    "load_config",
]
