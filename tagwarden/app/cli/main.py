"""Entry point: parses arguments and hands off to one command module."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from contextlib import nullcontext
from importlib import import_module

from tagwarden import __version__
from tagwarden.app.cli.errors import EXIT_USAGE, CommandError
from tagwarden.app.held_signals import HeldSignals

# Each module defines ``register(subparsers)``, which adds its parser and sets ``func``,
# a callable taking the parsed arguments and returning the exit code.
COMMAND_MODULES = (
    "tagwarden.app.cli.cmd_run",
    "tagwarden.app.cli.cmd_replay",
    "tagwarden.app.cli.cmd_normalize",
    "tagwarden.app.cli.cmd_findings",
    "tagwarden.app.cli.cmd_quarantine",
    "tagwarden.app.cli.cmd_check_config",
    "tagwarden.app.cli.cmd_db",
    "tagwarden.app.cli.cmd_iam",
    "tagwarden.app.cli.cmd_scan",
    "tagwarden.app.cli.cmd_demo",
    "tagwarden.app.cli.cmd_guardrails",
    "tagwarden.app.cli.cmd_verify_logs",
)

DESCRIPTION = """\
tagwarden watches CloudTrail for every tag change in an AWS organization, judges who was
allowed to write it against a governance policy, and reports the abuses of attribute-based
access control (ABAC): self-grants, self-retags, session tags, lock-outs and more.

Exit status: 0 on success, 1 on failure, 2 on bad usage or bad configuration."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Every command's parser; with ``only`` (a command name), that command's alone, so that a
    command does not pay for importing the others (the daemon's imports take most of a second)."""
    parser = argparse.ArgumentParser(
        prog="tagwarden", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"tagwarden {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMAND_MODULES:
        if only is not None and name != f"tagwarden.app.cli.cmd_{only.replace('-', '_')}":
            continue
        try:
            module = import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue  # a command that is not built yet
        module.register(subparsers)
    return parser


def _command_named(argv: Sequence[str]) -> str | None:
    first = next((arg for arg in argv if not arg.startswith("-")), None)
    if first is not None and f"tagwarden.app.cli.cmd_{first.replace('-', '_')}" in COMMAND_MODULES:
        return first
    return None


def main(argv: Sequence[str] | None = None) -> int:
    command = _command_named(sys.argv[1:] if argv is None else argv)
    # Before anything heavy is imported: the daemon's handlers come a second later (held_signals).
    with HeldSignals() if command == "run" else nullcontext():
        return _run_command(command, argv)


def _run_command(command: str | None, argv: Sequence[str] | None) -> int:
    # After the signals are held: it imports a quarter of a second of the core.
    from tagwarden.core.ports.store import StoreError  # noqa: PLC0415

    parser = build_parser(command)
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        code: int = func(args)
    except CommandError as exc:
        print(f"tagwarden: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except StoreError as exc:  # every command: the store's own message says what to check
        print(f"tagwarden: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (tagwarden findings list | head): not a failure of ours. Point
        # stdout at /dev/null so that the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return code


if __name__ == "__main__":
    raise SystemExit(main())
