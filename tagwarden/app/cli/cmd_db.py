"""tagwarden db migrate: create or migrate the store's schema, alone (before a rollout, say)."""

from __future__ import annotations

import argparse
from typing import Any

from tagwarden.adapters.store import StoreError, migrate_store
from tagwarden.app.cli.common import add_config_argument, load
from tagwarden.app.cli.errors import CommandError
from tagwarden.core.settings.store_url import redacted


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "db",
        help="manage the store's database (migrate)",
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
    parser.set_defaults(func=lambda _args: parser.print_help() or 2)


def run_migrate(args: argparse.Namespace) -> int:
    config = load(args)
    shown = redacted(config.store_url())
    try:
        found, now = migrate_store(config.store_url(), password_file=config.store_password_file())
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    if found == now:
        print(f"{shown}: schema version {now}, current")
    elif found == 0:
        print(f"{shown}: schema version {now} created")
    else:
        print(f"{shown}: schema migrated from version {found} to {now}")
    return 0
