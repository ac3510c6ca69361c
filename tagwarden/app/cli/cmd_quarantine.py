"""tagwarden quarantine list: units set aside after failing repeatedly."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from tagwarden.app.cli.common import add_config_argument, load
from tagwarden.app.cli.output import add_format_argument, print_json, print_table

COLUMNS = [
    ("source", "source"),
    ("unit", "unit"),
    ("reason", "reason"),
    ("failures", "failures"),
    ("last failed", "last_failed_at"),
    ("detail", "detail"),
]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "quarantine",
        help="list the messages and files set aside after failing repeatedly",
        description="A unit (an SQS message, a log file) that fails to be read or judged the same way "
        "`quarantine_after` times is set aside, so that it never blocks the units beside or behind it. "
        "Quarantined SQS messages are deleted from the queue; their bodies are kept here (--format json).",
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION")
    listing = actions.add_parser("list", help="list quarantined units, oldest failure first")
    add_config_argument(listing)
    add_format_argument(listing)
    listing.add_argument(
        "--all", action="store_true", help="also units that failed but are not quarantined (yet)"
    )
    listing.set_defaults(func=run_list)
    parser.set_defaults(func=lambda _args: parser.print_help() or 2)


def run_list(args: argparse.Namespace) -> int:
    config = load(args)
    store = config.open_store(existing=True)
    units = [asdict(unit) for unit in store.failed_units(quarantined_only=not args.all)]
    store.close()
    if args.format == "json":
        print_json(units)
    elif units:
        print_table(units, COLUMNS)
    else:
        print("nothing is quarantined")
    return 0
