"""tagwarden demo: see the whole thing work, with nothing but this package installed."""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path
from typing import Any

from tagwarden.app.cli.errors import CommandError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="run tagwarden against a local simulated AWS account",
        description="Start a local AWS (moto) in this process, seed an account that uses ABAC on a 'team' "
        "tag (roles, users, buckets, an instance), deliver a CloudTrail log with benign and abusive tag "
        "changes through S3 and SQS, and run the real daemon on it with its HTTP endpoints up. Needs the "
        "'demo' extra (pip install 'tagwarden[demo]'). Exit 0 when every expected kind of finding appeared.",
    )
    parser.add_argument(
        "--port", type=int, default=9464, help="HTTP port (a free one if taken; default 9464)"
    )
    parser.add_argument(
        "--duration", type=float, default=0, help="stop after this many seconds (default: run until Ctrl-C)"
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="where the demo's config, policy and SQLite store go (default: a new temp dir)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if importlib.util.find_spec("moto") is None:
        raise CommandError("the demo needs moto: pip install 'tagwarden[demo]'")
    from tagwarden.app.demo.runner import run_demo  # noqa: PLC0415 - it imports moto, an optional extra

    return run_demo(port=args.port, duration=args.duration, workdir=args.workdir)
