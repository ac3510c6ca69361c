"""What several commands share: the --config argument, loading it, logging."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from tagwarden.app.cli.errors import UsageError
from tagwarden.app.config import ConfigError, LoadedConfig, load_config
from tagwarden.app.logs import configure_logging, get_logger


def add_config_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        default=os.environ.get("TAGWARDEN_CONFIG"),
        metavar="FILE",
        help="tagwarden.yaml (default: $TAGWARDEN_CONFIG); every key can be overridden by "
        "TAGWARDEN_<SECTION>__<KEY> environment variables",
    )


def load(args: argparse.Namespace) -> LoadedConfig:
    if not args.config:
        raise UsageError("--config FILE is required (or set TAGWARDEN_CONFIG)")
    try:
        return load_config(args.config)
    except ConfigError as exc:
        raise UsageError(f"bad configuration:\n{exc}") from None


def logger_for(config: LoadedConfig | None, quiet: bool = False) -> Any:
    if config is None:
        configure_logging("warning" if quiet else "info")
    else:
        level = "warning" if quiet else config.settings.logging.level
        configure_logging(level, config.settings.logging.format)
    # Bound now, against the configuration just made: structlog's lazy proxy would otherwise bind
    # a logger again at every call, about 10 µs of each line (one per finding).
    return get_logger().bind()


def count_between(low: int, high: int, what: str) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``, else a usage error naming ``what``."""

    def parse(text: str) -> int:
        try:
            count = int(text)
        except ValueError:
            count = low - 1
        if not low <= count <= high:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number of {what} ({low} to {high})")
        return count

    return parse


def a_moment(text: str) -> datetime:
    """An argparse type: a date (2024-01-31, its start) or a time (2024-01-31T06:00Z), UTC unless
    it names its zone."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date (2024-01-31) or a time (2024-01-31T12:00:00Z)"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
