"""tagwarden scan drift|writers: take an inventory now and report drift or who can write what."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from typing import Any

from tagwarden.app.cli.common import add_config_argument, load, logger_for
from tagwarden.app.cli.errors import EXIT_FAILURE, EXIT_OK
from tagwarden.app.cli.output import add_format_argument, print_json, print_table
from tagwarden.app.config import LoadedConfig
from tagwarden.app.scans.drift_scan import drift_report
from tagwarden.app.scans.inventory_scan import inventory_settings, take_inventory
from tagwarden.app.scans.writers_scan import writers_report
from tagwarden.app.wiring import Parts, build_parts
from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.inventory.snapshot import Inventory

DRIFT_COLUMNS = [
    ("kind", "kind"),
    ("severity", "severity"),
    ("key", "key"),
    ("value", "value"),
    ("account", "account"),
    ("resource or principal", "subject"),
    ("detail", "detail"),
]
WRITER_COLUMNS = [
    ("key", "key"),
    ("authorized", "authorized"),
    ("principal", "principal"),
    ("via", "via"),
    ("class", "target_class"),
    ("in", "resource_account"),
    ("writes", "probes"),
    ("statement", "statement"),
]
PENDING_SCOPE = "cli"  # the CLI's own pending differences, apart from the daemon's jobs


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "scan",
        help="take an inventory now and report drift, or who can write each governed tag",
        description="Read every configured account (the 'inventory' section; without it, the caller's "
        "own account in aws.region), bring the tag state up to date and report. Exit status 1 when an "
        "account or a part of one could not be read (the others are still reported).",
    )
    scans = parser.add_subparsers(title="scans", metavar="SCAN")
    drift = scans.add_parser(
        "drift",
        help="principal tags against resource tags, per ABAC key",
        description="Items: missing_key, orphan_value, case_conflict, unused_principal_value, "
        "disallowed_value, unattributed_change.",
    )
    writers = scans.add_parser(
        "writers",
        help="every principal IAM lets write a governed tag, and whether the policy lists it",
        description="Probes IAM with concrete requests for each principal and governed key; a writer the "
        "governance policy does not list is recorded as an excess_tag_writer finding.",
    )
    writers.add_argument("--excess", action="store_true", help="only the writers the policy does not list")
    for sub, func in ((drift, run_drift), (writers, run_writers)):
        add_config_argument(sub)
        add_format_argument(sub)
        sub.set_defaults(func=func)
    parser.set_defaults(func=lambda _args: parser.print_help() or 2)


def _parts(config: LoadedConfig, log: Any) -> Parts:
    """The daemon's own wiring: new findings wait in the store for the sinks the daemon delivers to."""
    return build_parts(config, log)


def _inventory(config: LoadedConfig, parts: Parts, log: Any) -> Inventory:
    outcome = take_inventory(
        config,
        parts.clients,
        parts.account,
        parts.store,
        log,
        scope=PENDING_SCOPE,
        recorder=parts.recorder,
        source="scan",
    )
    for failure in outcome.inventory.failures:
        where = f"{failure.account}" + (f" {failure.region}" if failure.region else "")
        sys.stderr.write(f"tagwarden: could not read {where} ({failure.stage}): {failure.error}\n")
    return outcome.inventory


Body = Callable[[LoadedConfig, Parts, Inventory], None]


def _incomplete(inventory: Inventory) -> str:
    """Said after "nothing found" where part of the inventory could not be read: not all clear."""
    failures = len(inventory.failures)
    return f" among what could be read: {failures} part(s) could not be (above)" if failures else ""


def _scan(args: argparse.Namespace, body: Body) -> int:
    config = load(args)
    log = logger_for(config, quiet=True)
    parts = _parts(config, log)
    try:
        inventory = _inventory(config, parts, log)
        body(config, parts, inventory)
    finally:
        parts.store.close()
    return EXIT_FAILURE if inventory.failures else EXIT_OK


def run_drift(args: argparse.Namespace) -> int:
    def body(config: LoadedConfig, parts: Parts, inventory: Inventory) -> None:
        policy = CompiledPolicy(config.policy)
        _, items = drift_report(inventory, parts.store, policy, inventory_settings(config))
        rows = [item.to_dict() | {"subject": item.subject} for item in items]
        if args.format == "json":
            print_json([item.to_dict() for item in items])
        elif rows:
            print_table(rows, DRIFT_COLUMNS)
        else:
            print(
                f"no drift in {len(inventory.accounts)} account(s), {inventory.resource_count} resource(s)"
                + _incomplete(inventory)
            )

    return _scan(args, body)


def run_writers(args: argparse.Namespace) -> int:
    def body(config: LoadedConfig, parts: Parts, inventory: Inventory) -> None:
        policy = CompiledPolicy(config.policy)
        report = writers_report(inventory, parts.store, policy, time.time(), parts.recorder, source="scan")
        for problem in report.problems:
            sys.stderr.write(f"tagwarden: policy not evaluated: {problem}\n")
        items = [i for i in report.items if not (args.excess and i.authorized)] + report.passers
        if args.format == "json":
            print_json([item.to_dict() for item in items])
        elif items:
            print_table([item.to_dict() for item in items], WRITER_COLUMNS)
        else:
            what = ", ".join(report.keys) or "any governed key"
            print(f"no {'excess ' if args.excess else ''}writer of {what}" + _incomplete(inventory))

    return _scan(args, body)
