"""tagwarden verify-logs: prove that CloudTrail log files are the ones CloudTrail wrote."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from tagwarden.adapters.aws.clients import AwsClients
from tagwarden.adapters.aws.error_codes import AWS_ERRORS
from tagwarden.adapters.integrity import (
    Tree,
    TreeError,
    add_local,
    add_s3,
    digest_times,
    keys_from_cloudtrail,
    keys_from_folder,
    verify_tree,
)
from tagwarden.app.cli.common import count_between
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
        "that cannot be read now.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="folders or s3://bucket/prefix")
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
    tree = Tree()
    clients: AwsClients | None = None
    try:
        for entry in args.paths:
            if entry.startswith("s3://"):
                clients = clients or _aws(args)
                add_s3(tree, clients.s3(), entry, threads=args.concurrency)
            else:
                add_local(tree, Path(entry))
        if args.public_keys:
            keys = keys_from_folder(Path(args.public_keys))
        else:
            clients = clients or _aws(args)
            keys = keys_from_cloudtrail(clients.cloudtrail, digest_times(tree))
        report = verify_tree(tree, keys, threads=args.concurrency)
    except (TreeError, ValueError) as exc:
        raise UsageError(str(exc)) from None
    except AWS_ERRORS as exc:
        raise CommandError(f"AWS call failed: {exc}; check credentials, region and access") from None
    if not report.digests:
        print(
            "tagwarden: no CloudTrail digest files (CloudTrail-Digest/) under the paths: nothing was "
            "verified (is log file validation on for the trail, and its digest folder included?)",
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
