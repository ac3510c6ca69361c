"""The documents as Terraform (one ``aws_organizations_policy`` per document) or CloudFormation
(one ``AWS::Organizations::Policy`` per document)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any, Final

from tagwarden.core.guardrails.build import Guardrails
from tagwarden.core.guardrails.packing import Document, minified

TYPES: Final = (
    ("scps", "SERVICE_CONTROL_POLICY"),
    ("rcps", "RESOURCE_CONTROL_POLICY"),
    ("tag_policies", "TAG_POLICY"),
)
_NOT_IDENTIFIER = re.compile(r"[^A-Za-z0-9_]")


def _documents(guardrails: Guardrails) -> Iterable[tuple[str, Document]]:
    for field, policy_type in TYPES:
        for document in getattr(guardrails, field):
            yield policy_type, document


def hcl_string(text: str) -> str:
    """A Terraform string literal: escapes, and ``${``/``%{`` kept literal (policy variables)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + escaped.replace("${", "$${").replace("%{", "%%{") + '"'


def terraform(guardrails: Guardrails, header: str) -> str:
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    for policy_type, document in _documents(guardrails):
        name = _NOT_IDENTIFIER.sub("_", document.name)
        lines += [
            "",
            f'resource "aws_organizations_policy" "{name}" {{',
            f"  name    = {hcl_string(document.name)}",
            f"  type    = {hcl_string(policy_type)}",
            f"  content = {hcl_string(minified(document.document))}",
            "}",
        ]
    return "\n".join(lines) + "\n"


def cloudformation(guardrails: Guardrails, description: str) -> str:
    resources: dict[str, Any] = {}
    for policy_type, document in _documents(guardrails):
        logical = "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", document.name) if part)
        resources[logical] = {
            "Type": "AWS::Organizations::Policy",
            "Properties": {"Name": document.name, "Type": policy_type, "Content": document.document},
        }
    template = {"AWSTemplateFormatVersion": "2010-09-09", "Description": description, "Resources": resources}
    return json.dumps(template, indent=2) + "\n"
