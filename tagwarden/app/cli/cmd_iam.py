"""``tagwarden iam simulate``: evaluate IAM cases locally, with no AWS calls."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tagwarden.app.cli.errors import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError
from tagwarden.app.cli.output import add_format_argument, print_json, print_table
from tagwarden.core.iam import CaseFileError, load_cases, run_cases, summarize

IAM_DESCRIPTION = """\
Evaluate AWS IAM authorization locally: identity-based policies, permissions boundaries,
SCPs, RCPs, resource-based and session policies, with AWS's evaluation logic and no AWS calls."""

SIMULATE_DESCRIPTION = """\
Evaluate every case of a case file and compare each decision (Allow, ExplicitDeny,
ImplicitDeny) with the case's expected one. A case that cannot be evaluated (an invalid
policy, an unsupported principal) gets the decision Error with the reason; the others still run.

The file is a JSON array of cases: {"id", "policies": {"identity", "boundary", "scps",
"rcps", "resource", "session"}, "request": {"principal", "action", "resource", ...},
"expected"}; see docs/iam.md for every field.

Exit status: 0 when every case has its expected decision, 1 when one differs or is Error,
2 when the file cannot be read."""

TABLE_COLUMNS = (
    ("id", "id"),
    ("expected", "expected"),
    ("actual", "decision"),
    ("result", "result"),
    ("explanation", "explanation"),
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    iam = subparsers.add_parser(
        "iam",
        help="evaluate IAM policies locally",
        description=IAM_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    iam.set_defaults(func=lambda _args: _print_help(iam))
    commands = iam.add_subparsers(title="commands", metavar="COMMAND")
    simulate = commands.add_parser(
        "simulate",
        help="evaluate the cases of a case file and compare them with their expected decisions",
        description=SIMULATE_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    simulate.add_argument(
        "--cases",
        required=True,
        metavar="FILE",
        help="JSON file holding an array of cases (the format of shared/iam-cases/README.md)",
    )
    add_format_argument(simulate)
    simulate.set_defaults(func=run_simulate)


def _print_help(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def run_simulate(args: argparse.Namespace) -> int:
    try:
        cases = load_cases(args.cases)
    except CaseFileError as exc:
        raise UsageError(str(exc)) from exc
    results = run_cases(cases)
    if args.format == "json":
        print_json([{"id": r.id, "decision": r.decision, "explanation": r.explanation} for r in results])
    else:
        rows: list[dict[str, Any]] = [
            {
                "id": r.id,
                "expected": r.expected,
                "decision": r.decision,
                "result": "pass" if r.passed else "ERROR" if r.decision == "Error" else "FAIL",
                "explanation": r.explanation,
            }
            for r in results
        ]
        print_table(rows, TABLE_COLUMNS, max_width=100)
        print(summarize(results))
    return EXIT_OK if all(r.passed for r in results) else EXIT_FAILURE
