"""tagwarden findings list|show|ack|resolve."""

from __future__ import annotations

import argparse
from typing import Any

from tagwarden.adapters.http.endpoints import finding_detail
from tagwarden.adapters.store import Store
from tagwarden.app.cli.common import add_config_argument, load
from tagwarden.app.cli.errors import CommandError
from tagwarden.app.cli.output import add_format_argument, print_json, print_table, safe_text
from tagwarden.app.recording import NOT_REQUEUED
from tagwarden.core.model.finding import FINDING_KINDS, SEVERITIES, STATUSES, FindingStatus
from tagwarden.core.ports.store import FindingFilter

LIST_COLUMNS = [
    ("id", "id"),
    ("severity", "severity"),
    ("kind", "kind"),
    ("time", "event_time"),
    ("account", "account"),
    ("key", "tag_key"),
    ("old", "old_value"),
    ("new", "new_value"),
    ("target", "target"),
    ("actor", "actor"),
    ("status", "status"),
]


def _csv(choices: tuple[str, ...]) -> Any:
    def parse(text: str) -> list[str]:
        values = [v.strip() for v in text.split(",") if v.strip()]
        for value in values:
            if value not in choices:
                raise argparse.ArgumentTypeError(f"{value!r} is not one of {', '.join(choices)}")
        return values

    return parse


def _limit(text: str) -> int:
    """--limit: a whole number from 0 (SQLite would read a negative LIMIT as none, PostgreSQL refuse it)."""
    if not (text.isascii() and text.isdigit()):
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from 0")
    return int(text)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "findings",
        help="list, show, acknowledge and resolve findings",
        description="Work with the findings tagwarden has recorded.",
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION")

    listing = actions.add_parser("list", help="list findings, newest event first")
    add_config_argument(listing)
    add_format_argument(listing)
    for option, choices, text in (
        (
            "--severity",
            SEVERITIES,
            f"only these severities (comma-separated or repeated): {', '.join(SEVERITIES)}",
        ),
        ("--kind", FINDING_KINDS, "only these kinds of finding"),
        ("--status", STATUSES, f"only these statuses: {', '.join(STATUSES)}"),
    ):
        listing.add_argument(option, type=_csv(choices), action="extend", default=[], help=text)
    listing.add_argument("--account", action="append", default=[], help="only findings in this account")
    listing.add_argument(
        "--limit", type=_limit, default=None, metavar="N", help="at most this many (newest first)"
    )
    listing.set_defaults(func=run_list)

    show = actions.add_parser("show", help="one finding with its raw record and the target's tag history")
    add_config_argument(show)
    show.add_argument("id")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(func=run_show)

    for name, status, text in (
        ("ack", "acknowledged", "mark findings acknowledged (someone is on it)"),
        ("resolve", "resolved", "mark findings resolved"),
    ):
        action = actions.add_parser(name, help=text)
        add_config_argument(action)
        action.add_argument("ids", nargs="+", metavar="ID")
        action.set_defaults(func=run_status, status=status)

    parser.set_defaults(func=lambda _args: parser.print_help() or 2)


def _store(args: argparse.Namespace) -> Store:
    config = load(args)
    return config.open_store(existing=True)


def run_list(args: argparse.Namespace) -> int:
    store = _store(args)
    where = FindingFilter(
        severity=args.severity, kind=args.kind, status=args.status, account=args.account, limit=args.limit
    )
    findings = [f.to_dict() for f in store.iter_findings(where)]
    if args.format == "json":
        print_json(findings)
    elif findings:
        print_table(findings, LIST_COLUMNS)
    else:
        print("no findings match")
    return 0


def run_show(args: argparse.Namespace) -> int:
    store = _store(args)
    detail = finding_detail(store, args.id)
    if detail is None:
        raise CommandError(f"no finding with id {args.id!r}; 'tagwarden findings list' shows the ids")
    if args.format == "json":
        print_json(detail)
        return 0
    finding = detail["finding"]
    for key in (
        "id",
        "kind",
        "severity",
        "status",
        "rule",
        "event_time",
        "event_name",
        "event_id",
        "account",
        "region",
        "actor",
        "actor_session",
        "target",
        "tag_key",
        "old_value",
        "new_value",
    ):
        value = finding.get(key)
        print(f"{key:>14}: {safe_text(str(value)) if value is not None else '-'}")
    print(f"\n{safe_text(finding['explanation'])}\n")
    if finding.get("remediation"):
        revert = finding["remediation"]
        print(f"revert: {safe_text(revert['status'])}: {safe_text(revert['detail'])}\n")
    if detail["actor_tags"]:
        tags = ", ".join(f"{k}={v}" for k, v in detail["actor_tags"].items())
        print("actor's known tags: " + safe_text(tags))
    if detail["target_history"]:
        print("target's tag history (newest first):")
        for entry in detail["target_history"][:20]:
            change = "removed" if entry["removed"] else f"= {entry['value']!r}"
            line = f"{entry['event_time']}  {entry['key']} {change}  by {entry['actor'] or entry['origin']}"
            print("  " + safe_text(line))
    print(f"\nacknowledge: tagwarden findings ack {finding['id']} --config {args.config}")
    print(f"resolve:     tagwarden findings resolve {finding['id']} --config {args.config}")
    return 0


def run_status(args: argparse.Namespace) -> int:
    store = _store(args)
    status: FindingStatus = args.status
    missing = []
    for finding_id in args.ids:
        # A resolved finding is withdrawn from the sinks that show it (its alert ends).
        requeue = NOT_REQUEUED if status == "resolved" else None
        if store.set_status(finding_id, status, requeue_except=requeue) is None:
            missing.append(finding_id)
        else:
            print(f"{finding_id}: {status}")
    if missing:
        raise CommandError(f"no finding with id {', '.join(missing)}")
    return 0
