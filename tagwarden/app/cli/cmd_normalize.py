"""tagwarden normalize: the tag changes in CloudTrail files, without judging them."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from tagwarden.adapters.sources.files import is_log_file
from tagwarden.app.cli.errors import UsageError
from tagwarden.app.cli.output import print_table
from tagwarden.core.normalize import Normalizer
from tagwarden.core.records import ReadProblem, iter_records
from tagwarden.core.records.bounds import tag_record_rejection
from tagwarden.core.records.record_checks import record_problem

COLUMNS = [
    ("event", "event_name"),
    ("actor", "actor"),
    ("target", "target"),
    ("kind", "target_kind"),
    ("set", "set"),
    ("removed", "removed"),
    ("outcome", "outcome"),
]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "normalize",
        help="print the tag changes found in CloudTrail files",
        description="Read CloudTrail records from files in any container form (log files .json/.json.gz, "
        "EventBridge events, LookupEvents output, JSON lines) and print every tag change they hold, one "
        "JSON object per change. A known tag-writing call whose parameters cannot be read is printed with "
        "an 'unreadable' reason. Exit 1 if a file cannot be read.",
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files, or directories (their .json, .json.gz, .jsonl and .gz files)",
    )
    parser.add_argument(
        "--format",
        choices=("jsonl", "json", "table"),
        default="jsonl",
        help="jsonl (default): one object per line; json: one array; table: for people",
    )
    parser.set_defaults(func=run)


def _files(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and is_log_file(p)))
        elif path.is_file():
            files.append(path)
        else:
            raise UsageError(f"{entry}: no such file or directory")
    return files


def _rejected(path: Path, reason: str, detail: str) -> None:
    print(f"tagwarden: {path}: {reason}: {detail}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    normalizer = Normalizer()
    items: list[dict[str, Any]] = []
    failed = False
    emit_now = args.format == "jsonl"
    for path in _files(args.paths):
        with path.open("rb") as stream:
            for record in iter_records(stream):
                if isinstance(record, ReadProblem):
                    print(f"tagwarden: {path}: {record.reason}: {record.detail}", file=sys.stderr)
                    failed = failed or record.fatal
                    continue
                # What replay and the daemon would not judge is reported as they count it.
                problem = record_problem(record)
                if problem is not None:
                    _rejected(path, "bad_record", f"{problem} (eventID {record.get('eventID')!r})")
                    continue
                result = normalizer.normalize(record)
                rejected = (
                    tag_record_rejection(record, result.changes, result.session) if result.spec else None
                )
                if rejected is not None:
                    _rejected(path, *rejected)
                    continue
                out: list[dict[str, Any]] = [change.to_dict() for change in result.changes]
                if result.unreadable is not None:
                    out.append(
                        {
                            "event_id": record.get("eventID"),
                            "event_source": record.get("eventSource"),
                            "event_name": record.get("eventName"),
                            "unreadable": result.unreadable,
                        }
                    )
                for item in out:
                    if emit_now:
                        print(json.dumps(item, default=str))
                    else:
                        items.append(item)
    if args.format == "json":
        json.dump(items, sys.stdout, indent=2, default=str)
        print()
    elif args.format == "table":
        rows = [
            {
                **i,
                "actor": (i.get("actor") or {}).get("arn", "-"),
                "outcome": i.get("outcome") or f"unreadable: {i.get('unreadable')}",
            }
            for i in items
        ]
        print_table(rows, COLUMNS)
    return 1 if failed else 0
