"""tagwarden verify-logs: prove that CloudTrail log files are the ones CloudTrail wrote."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime
from functools import cache, partial
from pathlib import Path
from typing import Any

from tagwarden.adapters.aws.clients import AwsClients
from tagwarden.adapters.aws.error_codes import AWS_ERRORS
from tagwarden.adapters.integrity import GroupKey, TreeError
from tagwarden.adapters.integrity_groups import Part, local_parts, s3_parts, verify_by_group
from tagwarden.adapters.public_keys import key_source
from tagwarden.app.cli.common import a_moment, count_between
from tagwarden.app.cli.errors import EXIT_FAILURE, EXIT_OK, CommandError, UsageError
from tagwarden.app.cli.output import print_json, print_table
from tagwarden.core.settings.integrity import DEFAULT_READ_CONCURRENCY, MAX_READ_CONCURRENCY

COLUMNS = [("kind", "kind"), ("path", "path"), ("digest", "digest"), ("detail", "detail")]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "verify-logs",
        help="check CloudTrail log files against their signed digest files",
        description="Check CloudTrail log file integrity from the digest files (CloudTrail-Digest/) "
        "under each PATH (a folder or s3://bucket/prefix): each listed log file's SHA-256, the chain "
        "of digests (previousDigestHashValue, previousDigestSignature), each digest's SHA256withRSA "
        "signature, log files gone and log files no digest lists. A digest's signature is its S3 "
        "metadata (x-amz-meta-signature): an S3 digest without it is a bad_signature. A local copy "
        "has no metadata: a '<digest>.signature' file holding it, else the next digest's "
        "previousDigestSignature; a local digest with neither (the newest, usually) is counted as "
        "without a known signature and its log files are not checked. Exit 0 when clean, 1 when any "
        "problem or when no digest file was found (nothing verified), 2 on bad usage or a location "
        "that cannot be read now. Each account and region is listed, read and checked alone, so "
        "memory holds one account and region's files at a time, not an organization's.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="folders or s3://bucket/prefix")
    parser.add_argument(
        "--since",
        type=a_moment,
        metavar="TIME",
        help="check only the digests that end from TIME on (2024-01-31, 2024-01-31T06:00Z, or 48h "
        "before now) and "
        "the log files they list, as the daemon checks its window: in S3 only the day folders from "
        "two hours before TIME on are listed. A digest of the window the chain names and that is "
        "gone is missing, the first one included. Default: every file",
    )
    parser.add_argument(
        "--public-keys",
        metavar="DIR",
        help="folder of public key files named by their fingerprint (offline); default: CloudTrail "
        "ListPublicKeys in each digest's own region, over the digests' times",
    )
    parser.add_argument(
        "--region", default=None, help="region of the AWS clients for S3 (default: AWS_REGION)"
    )
    parser.add_argument(
        "--concurrency",
        type=count_between(1, MAX_READ_CONCURRENCY, "files"),
        default=DEFAULT_READ_CONCURRENCY,
        metavar="N",
        help=f"files read at once (default {DEFAULT_READ_CONCURRENCY}, at most {MAX_READ_CONCURRENCY}): "
        "each S3 object is a round trip, most of the time a check takes; 1: one at a time",
    )
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.set_defaults(func=run)


def _aws(args: argparse.Namespace) -> AwsClients:
    region = (
        args.region or os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1"
    )
    return AwsClients(region)


def run(args: argparse.Namespace) -> int:
    since: datetime | None = args.since
    if since is not None and since > datetime.now(UTC):
        raise UsageError(f"--since {since.isoformat()} is in the future: there is nothing to check yet")
    clients = cache(partial(_aws, args))  # made once, where an AWS call is needed
    try:
        keys = key_source(
            Path(args.public_keys) if args.public_keys else None,
            lambda region: clients().cloudtrail(region),
            (since, datetime.now(UTC)) if since else None,  # else each group's digests' times
        )
        locations: dict[str, dict[GroupKey, Part]] = {}
        for entry in args.paths:
            if entry.startswith("s3://"):
                locations[entry] = s3_parts(clients().s3(), entry, since, threads=args.concurrency)
            else:
                locations[entry] = local_parts(Path(entry), since)
        checked = verify_by_group(locations, keys, since, threads=args.concurrency)
    except (TreeError, ValueError) as exc:
        raise UsageError(str(exc)) from None
    except AWS_ERRORS as exc:
        raise CommandError(f"AWS call failed: {exc}; check credentials, region and access") from None
    report = checked.report
    ending = f" ending from {since:%Y-%m-%dT%H:%MZ} on" if since else ""
    if not report.digests:
        print(
            f"tagwarden: no CloudTrail digest files (CloudTrail-Digest/) under the paths{ending}: nothing "
            "was verified (is log file validation on for the trail, and its digest folder included?)",
            file=sys.stderr,
        )
    else:
        for path in (path for path, found in checked.digest_files.items() if not found):
            print(
                f"tagwarden: no CloudTrail digest files under {path}{ending}: its log files are checked "
                "only where another path's digests list them",
                file=sys.stderr,
            )
    rows = [problem.to_dict() for problem in report.problems]
    if args.format == "json":
        print_json(rows)
    else:
        print_table(rows, COLUMNS, max_width=100)
    print(
        f"tagwarden: {report.digests} digest files, {report.logs_checked} log files checked, "
        f"{len(report.problems)} problems; {len(report.unsigned)} local digests without a known "
        "signature (their log files not checked: copy each digest's x-amz-meta-signature to "
        "'<digest>.signature')",
        file=sys.stderr,
    )
    return EXIT_FAILURE if report.problems or not report.digests else EXIT_OK
