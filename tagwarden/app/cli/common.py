"""What several commands share: the --config argument, loading it, logging."""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
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


_AGO = re.compile(r"([0-9]{1,6}(?:\.[0-9]{1,3})?)([mhd])")
_UNITS = {"m": timedelta(minutes=1), "h": timedelta(hours=1), "d": timedelta(days=1)}
MOMENT_FORMS = "a date (2024-01-31), a time (2024-01-31T06:00Z) or a span before now (90m, 48h, 7d)"


def moment_of(text: str, now: datetime) -> datetime:
    """A date (its start), a time (UTC unless it names its zone), or a span before ``now`` in
    minutes, hours or days: on-call replaying a window should not have to work out its start.
    ValueError for anything else."""
    ago = _AGO.fullmatch(text)
    if ago is not None:
        return now - float(ago[1]) * _UNITS[ago[2]]
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def a_moment(text: str) -> datetime:
    """An argparse type: ``moment_of`` now."""
    try:
        return moment_of(text, datetime.now(UTC))
    except (ValueError, OverflowError):
        raise argparse.ArgumentTypeError(f"{text!r} is not {MOMENT_FORMS}") from None
