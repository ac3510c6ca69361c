"""tagwarden run: the daemon."""

from __future__ import annotations

import argparse
import os
import sys
import threading
from typing import Any

from tagwarden.adapters.http import HttpListenError
from tagwarden.app.cli.common import add_config_argument, load, logger_for
from tagwarden.app.cli.errors import CommandError
from tagwarden.app.daemon import Daemon


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "run",
        help="run the daemon",
        description="Poll every configured source, judge every tag change, record findings, and serve "
        "/metrics, /healthz, /readyz and /api/findings. SIGTERM or Ctrl-C stops it: the batch in hand is "
        "finished and committed first.",
    )
    add_config_argument(parser)
    parser.add_argument(
        "--once",
        action="store_true",
        help="drain every source once and exit: 0 if every source was listed and every file or "
        "message read, 1 if a source failed or left one unread, or if SIGTERM or Ctrl-C stopped it "
        "(after the batch in hand)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    config = load(args)
    log = logger_for(config)
    daemon = Daemon(config, log)
    if args.once:
        restore = daemon.install_signals()  # a Job's first process ignores a SIGTERM it has no handler for
        try:
            return daemon.run_once()
        finally:
            restore()
            daemon.close_sources()
            daemon.parts.store.close()
    try:
        code = daemon.run_forever()
    except HttpListenError as exc:
        raise CommandError(f"{exc} (http.listen); set it to a free address of this host") from None
    if any(t.is_alive() for t in threading.enumerate() if t is not threading.main_thread()):
        # A poll the shutdown gave up on (past the grace period and the abandon) rolls back what
        # it had not committed; do not wait for it. Its thread may be a daemon thread (the
        # scheduler's pool inherits that from the scheduler's thread) and the interpreter's exit
        # would wait for it all the same (concurrent.futures joins its workers), past the grace
        # period Kubernetes allows.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code
