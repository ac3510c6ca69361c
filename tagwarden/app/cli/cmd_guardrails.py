"""``tagwarden guardrails``: the governance policy compiled into SCPs, RCPs and tag policies,
proven with tagwarden's IAM engine before they are printed."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from tagwarden.app.cli.common import add_config_argument, load
from tagwarden.app.cli.errors import EXIT_FAILURE, EXIT_OK, CommandError, UsageError
from tagwarden.app.config.yamlfile import YamlFileError, load_yaml
from tagwarden.core.governance import GovernancePolicy, PolicyError, parse_policy_document
from tagwarden.core.guardrails import Guardrails, build_guardrails, default_table, restrict
from tagwarden.core.guardrails.render import cloudformation, terraform

DESCRIPTION = """\
Compile the governance policy into service control policies (SCPs) that deny every catalogued
tag-writing action on governed keys to everyone but the listed writers, resource control
policies (RCPs) for the services that support them, and tag policies for the allowed values;
then prove them with tagwarden's IAM engine: every listed writer and an outsider against every
catalogued action, governed and ungoverned keys, allowed and disallowed values.

What the documents cannot express is listed under "limitations" (and on stderr), never dropped.
See docs/guardrails.md.

--config takes tagwarden.yaml (its policy is compiled) or the policy file itself.

Exit status: 0 when the proof holds, 1 when a writer would be denied or anyone else allowed
(the failures are listed; the documents are still written), 2 on bad usage or configuration."""

OUTPUT_FILES = {
    "json": "guardrails.json",
    "terraform": "guardrails.tf",
    "cloudformation": "guardrails.template.json",
}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "guardrails",
        help="compile the policy into SCPs, RCPs and tag policies, and prove them",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_config_argument(parser)
    parser.add_argument("--format", choices=tuple(OUTPUT_FILES), default="json", help="output format (json)")
    parser.add_argument("--out", metavar="DIR", help=f"write {', '.join(OUTPUT_FILES.values())} there")
    parser.add_argument(
        "--services",
        metavar="LIST",
        help="comma-separated IAM service prefixes to compile (s3,ec2,iam...); default: every catalogued one",
    )
    parser.set_defaults(func=run)


def _policy(args: argparse.Namespace) -> GovernancePolicy:
    if not args.config:
        raise UsageError("--config FILE is required (or set TAGWARDEN_CONFIG)")
    path = Path(args.config)
    try:
        document = load_yaml(path, "config or policy file")
    except YamlFileError as exc:
        raise UsageError(str(exc)) from None
    if isinstance(document, dict) and "rules" in document and "version" in document:
        try:
            return parse_policy_document(document, str(path))
        except PolicyError as exc:
            raise UsageError(f"bad policy:\n{exc}") from None
    return load(args).policy


def run(args: argparse.Namespace) -> int:
    policy = _policy(args)
    services = [s.strip() for s in args.services.split(",") if s.strip()] if args.services else None
    table = restrict(default_table(), services)
    if services is not None and not (table.keyed or table.whole_set):
        raise UsageError(f"--services {args.services}: no catalogued tag-writing action of these services")
    guardrails = build_guardrails(policy, table)
    text = render(guardrails, args.format, args.config)
    if args.out:
        directory = Path(args.out)
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(
                f"--out {directory}: not a folder that can be made: {exc.strerror or exc}"
            ) from None
        target = directory / OUTPUT_FILES[args.format]
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"cannot write {target}: {exc.strerror or exc}") from None
        print(f"wrote {target}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    report(guardrails, args.config)
    return EXIT_FAILURE if guardrails.proof.failures else EXIT_OK


def render(guardrails: Guardrails, output_format: str, origin: str) -> str:
    if output_format == "terraform":
        return terraform(guardrails, summary(guardrails, origin))
    if output_format == "cloudformation":
        return cloudformation(guardrails, f"tagwarden guardrails compiled from {origin}")
    return json.dumps(guardrails.to_json(), indent=2) + "\n"


def summary(guardrails: Guardrails, origin: str) -> str:
    proof = guardrails.proof
    lines = [
        f"tagwarden guardrails compiled from {origin}",
        f"{len(guardrails.scps)} SCP(s), {len(guardrails.rcps)} RCP(s), "
        f"{len(guardrails.tag_policies)} tag policy(ies)",
        f"proof: {proof.cases} cases, {proof.allowed_writers} writer calls allowed, "
        f"{proof.denied_others} other calls denied, {proof.untouched} calls on ungoverned keys allowed, "
        f"{len(proof.failures)} failure(s)",
        "limitations (not enforced by these documents; tagwarden still detects them):",
    ]
    for item in guardrails.limitations:
        lines.append(f"- [{item.rule}] {item.what}: {item.why}")
    return "\n".join(lines)


def report(guardrails: Guardrails, origin: str) -> None:
    print(summary(guardrails, origin), file=sys.stderr)
    for failure in guardrails.proof.failures[:50]:
        print(
            f"FAIL [{failure['rule']}] {failure['actor']} {failure['action']} ({failure['what']}): expected "
            f"{failure['expected']}, got {failure['got']}: {failure['explanation']}",
            file=sys.stderr,
        )
    if len(guardrails.proof.failures) > 50:
        print(
            f"... and {len(guardrails.proof.failures) - 50} more failures (see the JSON output)",
            file=sys.stderr,
        )
