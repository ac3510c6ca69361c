"""tagwarden replay: judge past CloudTrail logs with the daemon's judgement and store."""

from __future__ import annotations

import argparse
import gc
import sys
import threading
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from tagwarden.adapters.aws.clients import AwsClients
from tagwarden.adapters.sources import PollResult
from tagwarden.adapters.sources.files import FilesSource
from tagwarden.adapters.sources.s3_objects import Window, parse_s3_url
from tagwarden.adapters.sources.source import SourceContext
from tagwarden.app.cli.cmd_enqueue import enqueue
from tagwarden.app.cli.common import (
    MOMENT_FORMS,
    a_moment,
    add_config_argument,
    count_between,
    load,
    logger_for,
)
from tagwarden.app.cli.errors import CommandError, UsageError
from tagwarden.app.config import FilesSourceSettings, LoadedConfig
from tagwarden.app.scans.jobs import Scans
from tagwarden.app.wiring import Parts, build_parts, workers_for
from tagwarden.core.settings.settings import MAX_WORKERS


def _end_of(text: str) -> datetime:
    """--until: a bare date means the end of that day."""
    moment = a_moment(text)
    try:
        date.fromisoformat(text)  # 2024-01-31 or 20240131: a day, no time of day
    except ValueError:
        return moment
    return moment + timedelta(days=1, seconds=-1)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "replay",
        help="judge CloudTrail log files or an S3 prefix once",
        description="Read CloudTrail logs from files, directories or s3://bucket/prefix in CloudTrail's time "
        "order and judge them exactly as the daemon does, into the same store. Replaying the same input "
        "twice records no finding twice. With --since/--until, only log files delivered in that window "
        "are read; for an organization trail's AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/ layout "
        "only the days in the window are listed.",
    )
    add_config_argument(parser)
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file, directory or s3://bucket/prefix")
    parser.add_argument(
        "--since",
        type=a_moment,
        metavar="TIME",
        help=f"first delivery time: {MOMENT_FORMS}",
    )
    parser.add_argument(
        "--until",
        type=_end_of,
        metavar="TIME",
        help="last delivery time, as --since; a date means the end of that day",
    )
    parser.add_argument(
        "--quiet", action="store_true", help="no progress line, only warnings and the summary"
    )
    parser.add_argument(
        "--workers",
        type=count_between(0, MAX_WORKERS, "workers"),
        help=f"processes that read and normalize the files beside replay's own, which judges and commits "
        f"them in time order, so the results do not depend on it; 0: all in replay's process; at most "
        f"{MAX_WORKERS} (default: the config's 'workers', else the CPUs this process may use, that is "
        "its CPU affinity capped by its container's CPU limit, or 0 where that is one); fewer are "
        "started where the container's memory limit holds fewer",
    )
    parser.add_argument(
        "--no-inventory",
        action="store_true",
        help="do not read every IAM principal's tags first; 'set to a value no principal holds' "
        "(lockout) then goes unreported. Other AWS reads (the caller's account, an actor's tags, the "
        "trails and rules that carry CloudTrail) are still tried: use --offline for none",
    )
    parser.add_argument(
        "--offline",
        action="store_true",
        help="call no AWS API at all (implies --no-inventory; local paths only): actors are judged with "
        "the principal tags the store already holds, and calls on the delivery path with what the "
        "configuration and the records themselves say of it",
    )
    parser.add_argument(
        "--enqueue",
        metavar="QUEUE_URL",
        help="judge nothing here: list the s3:// log objects and send each to this SQS queue as an S3 "
        "notification, so that every replica reading the queue shares the backfill",
    )
    parser.set_defaults(func=run)


def _progress(enabled: bool) -> Any:
    def show(done: int, total: int, result: PollResult) -> None:
        sys.stderr.write(
            f"\rfiles {done}/{total}  records {result.records}  new findings {result.findings}  "
        )
        sys.stderr.flush()

    return show if enabled else None


def _take_principal_inventory(config: LoadedConfig, parts: Parts, log: Any) -> None:
    """What ``run`` reads before its first poll: every IAM principal's tags, which judging a
    change to a value no principal holds needs."""
    scans = Scans(config, parts, log)
    for job in scans.jobs():
        if job.before_polling and not scans.run(job):
            print(
                f"tagwarden: the {job.name} inventory failed (see the log); replaying without it. "
                "Use --no-inventory to skip it offline.",
                file=sys.stderr,
            )


def _check_paths(paths: list[str]) -> None:
    """Bad usage, before anything is read: a local path that does not exist, an s3:// URL without
    a bucket (as for normalize and verify-logs)."""
    for path in paths:
        if path.startswith("s3://"):
            try:
                parse_s3_url(path)
            except ValueError as exc:
                raise UsageError(str(exc)) from None
        elif not Path(path).exists():
            raise UsageError(f"{path}: no such file or directory")


def run(args: argparse.Namespace) -> int:
    config = load(args)
    until = args.until
    if args.since and until and args.since > until:
        raise CommandError("--since is after --until", exit_code=2)
    _check_paths(args.paths)
    if args.offline and (args.enqueue or any(path.startswith("s3://") for path in args.paths)):
        raise UsageError("--offline reads local files only: it cannot list S3 or send to a queue")
    if args.enqueue:
        return enqueue(args, AwsClients(config.settings.aws.region, config.settings.aws.max_attempts))
    log = logger_for(config, quiet=args.quiet or sys.stderr.isatty())
    parts = build_parts(config, log, replay=True, aws=not args.offline)
    if not (args.no_inventory or args.offline):
        _take_principal_inventory(config, parts, log)
    # What start-up built (modules, AWS models, settings) lives to the end: keep the collector
    # from walking it again for every generation-2 collection while records are read.
    gc.freeze()
    source = FilesSource(
        "replay",
        FilesSourceSettings(type="files", paths=args.paths),
        SourceContext(parts.processor, parts.metrics, log),
        base_dir=Path.cwd(),
        s3=parts.clients.s3,
        window=Window(args.since, until),
        skip_processed=False,
        workers=workers_for(config, log, args.workers),
    )
    result = source.poll(threading.Event(), _progress(sys.stderr.isatty() and not args.quiet))
    parts.recorder.settle()
    if sys.stderr.isatty() and not args.quiet:
        sys.stderr.write("\n")
    parts.store.close()
    print(
        f"replayed {result.units} file(s): {result.records} records, {result.findings} new finding(s)"
        + (f", {result.failed_units} unreadable file(s)" if result.failed_units else "")
    )
    for error in result.errors:
        print(f"  {error}", file=sys.stderr)
    return 1 if result.errors else 0
