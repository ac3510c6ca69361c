"""tagwarden db migrate: create or migrate the store's schema, alone (before a rollout, say).
tagwarden db forget: delete the per-event bookkeeping the daemon's forget job would."""

from __future__ import annotations

import argparse
import time
from typing import Any

from tagwarden.adapters.store import migrate_store, open_store
from tagwarden.app.cli.common import add_config_argument, load
from tagwarden.app.cli.errors import CommandError
from tagwarden.app.scans.forgetting import forget_old_rows
from tagwarden.core.settings.settings import MIN_FORGET_DAYS
from tagwarden.core.settings.store_url import redacted
from tagwarden.core.timeutil import days_before


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "db",
        help="manage the store's database (migrate, forget)",
        description="Manage the database named by store.url.",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    migrate = commands.add_parser(
        "migrate",
        help="create or migrate the schema, then exit",
        description="Create or migrate the schema of store.url and exit. Every replica also does this at "
        "start, under a lock, so running it first is optional: it lets a rollout fail early on a database "
        "it cannot reach. Exit 0 when the schema is current, 1 when the database refused.",
    )
    add_config_argument(migrate)
    migrate.set_defaults(func=run_migrate)
    forget = commands.add_parser(
        "forget",
        help="delete the per-event bookkeeping older than store.forget_after_days, then exit",
        description="Delete what the daemon's hourly forget job deletes: the marks of judged events,"
        " STS session tags, uses and calls waiting for their session, and which role each compute"
        " resource runs as, written more than store.forget_after_days (or --days) ago; and the log"
        " files' hashes and digests' copies the integrity check kept that integrity.verify_window_hours"
        " no longer reaches. Findings, their records, tag history and launch templates are kept. For a"
        " store no daemon runs on (one filled by replay), or to reclaim space at once. Prints the rows"
        " deleted per table.",
    )
    add_config_argument(forget)
    forget.add_argument(
        "--days",
        type=_days,
        help="forget what is older than this many days (default: store.forget_after_days)",
    )
    forget.set_defaults(func=run_forget)
    parser.set_defaults(func=lambda _args: parser.print_help() or 2)


def run_migrate(args: argparse.Namespace) -> int:
    config = load(args)
    shown = redacted(config.store_url())
    found, now = migrate_store(config.store_url(), password_file=config.store_password_file())
    if found == now:
        print(f"{shown}: schema version {now}, current")
    elif found == 0:
        print(f"{shown}: schema version {now} created")
    else:
        print(f"{shown}: schema migrated from version {found} to {now}")
    return 0


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        days = 0
    if days < MIN_FORGET_DAYS:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of days, at least {MIN_FORGET_DAYS} (a session lasts up to 36 hours),"
            f" not {text!r}"
        )
    return days


def run_forget(args: argparse.Namespace) -> int:
    config = load(args)
    days = args.days if args.days is not None else config.settings.store.forget_after_days
    if days is None:
        raise CommandError("store.forget_after_days is null (keep everything): give --days to forget anyway")
    before = days_before(time.time(), days)
    store = open_store(config.store_url(), password_file=config.store_password_file(), pool_size=1)
    try:
        forgotten = forget_old_rows(store, before, config.settings.integrity.verify_window_hours)
    finally:
        store.close()
    rows = ", ".join(f"{table} {count}" for table, count in forgotten.items())
    print(f"{redacted(config.store_url())}: forgot what was written before {before}: {rows}")
    return 0
