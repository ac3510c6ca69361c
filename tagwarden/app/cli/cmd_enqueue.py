"""tagwarden replay --enqueue: a backfill sent to the queue for the whole fleet to judge."""

from __future__ import annotations

import argparse
import sys

from tagwarden.adapters.aws.clients import AwsClients
from tagwarden.adapters.aws.error_codes import AWS_ERRORS
from tagwarden.adapters.sources.enqueue import EnqueueError, enqueue_objects
from tagwarden.adapters.sources.s3_objects import Window, list_log_keys, parse_s3_url
from tagwarden.app.cli.errors import CommandError, UsageError


def enqueue(args: argparse.Namespace, clients: AwsClients) -> int:
    """Lists each s3:// prefix (in the --since/--until window) and sends its log objects to the queue."""
    local = [path for path in args.paths if not path.startswith("s3://")]
    if local:
        raise UsageError(f"--enqueue sends S3 objects only; not an s3:// URL: {', '.join(local)}")
    show = sys.stderr.isatty() and not args.quiet
    window = Window(args.since, args.until)
    total = 0
    try:
        for url in args.paths:
            bucket, prefix = parse_s3_url(url)
            if show:
                sys.stderr.write(f"listing {url} ...\n")
            keys = list_log_keys(clients.s3(), bucket, prefix, window)
            if show:
                sys.stderr.write(f"listed {len(keys)} log object(s) under {url}\n")

            def progress(sent: int, of: int, url: str = url) -> None:
                sys.stderr.write(f"\rsent {sent}/{of} from {url}  ")
                sys.stderr.flush()

            total += enqueue_objects(
                clients.sqs(),
                args.enqueue,
                bucket,
                keys,
                region=clients.region,
                progress=progress if show else None,
            )
            if show:
                sys.stderr.write("\n")
    except EnqueueError as exc:
        raise CommandError(f"{exc} ({total} sent before)") from None
    except AWS_ERRORS as exc:
        raise CommandError(f"cannot list or send: {exc} ({total} sent before)") from None
    print(f"enqueued {total} log object(s) to {args.enqueue}")
    return 0
