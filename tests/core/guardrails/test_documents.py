"""The documents themselves: size limits, splitting, wildcards, RCPs, Terraform, CloudFormation."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tagwarden.core.governance import parse_policy_document
from tagwarden.core.guardrails import SCP_LIMIT, build_guardrails, default_table
from tagwarden.core.guardrails.actions import compress
from tagwarden.core.guardrails.packing import pack
from tagwarden.core.guardrails.render import cloudformation, terraform
from tagwarden.core.guardrails.statements import Statement
from tagwarden.core.guardrails.tag_policies import tag_policy_entries
from tagwarden.core.iam import parse_policy
from tagwarden.core.iam.evaluate import RCP_SERVICES

POLICY_FILE = Path(__file__).resolve().parents[3] / "config" / "policy.yaml"


@pytest.fixture(scope="module")
def shipped() -> Any:
    policy = parse_policy_document(yaml.safe_load(POLICY_FILE.read_text()))
    return build_guardrails(policy, default_table())


def saved_size(document: Any) -> int:
    """As Organizations counts a document saved through the API: the text exactly as sent."""
    text = json.dumps(document, separators=(",", ":"), ensure_ascii=False)
    return max(len(text), len(text.encode()))


def test_every_document_fits_and_parses(shipped: Any) -> None:
    assert len(shipped.scps) > 1  # the catalog does not fit one SCP: it was split
    for document in (*shipped.scps, *shipped.rcps):
        assert saved_size(document.document) <= 5120
        parse_policy(document.document, document.name)
    assert shipped.proof.failures == []


def test_a_statement_too_large_for_one_document_is_split() -> None:
    actions = tuple(f"ec2:Action{n:04d}" for n in range(900))
    statement = Statement("r", "writers", actions, {"Null": {"aws:TagKeys": ["false"]}})
    documents = pack([statement], "t")
    assert len(documents) > 1
    assert all(saved_size(d.document) <= SCP_LIMIT for d in documents)
    listed = [a for d in documents for s in d.document["Statement"] for a in s["Action"]]
    assert listed == list(actions)


def test_wildcards_reach_only_tag_writing_actions() -> None:
    table = default_table()
    others = {a.action.lower() for a in (*table.whole_set, *table.unenforceable)}
    keyed = compress([a.action for a in table.keyed], table.service_actions, sorted(others))
    wanted = {a.action.lower() for a in table.keyed}
    stars = [entry for entry in keyed if entry.endswith("*")]
    assert len(stars) > 300
    for entry in stars:
        prefix, stem = entry.lower().split(":")
        for name, flags in table.service_actions[entry.split(":")[0]].items():
            full = f"{prefix}:{name.lower()}"
            if full.startswith(f"{prefix}:{stem[:-1]}"):
                assert full in wanted or "T" in flags, f"{entry} reaches {name}"
                assert full not in others, f"{entry} reaches {name}, which resends the whole set"


def test_rcps_cover_only_services_that_support_them(shipped: Any) -> None:
    assert shipped.rcps
    for document in shipped.rcps:
        for statement in document.document["Statement"]:
            assert statement["Principal"] == "*"
            actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
            assert {a.split(":")[0] for a in actions} <= RCP_SERVICES


def unquote_hcl(literal: str) -> str:
    assert literal.startswith('"') and literal.endswith('"')
    body = literal[1:-1].replace("$${", "${").replace("%%{", "%{")
    return re.sub(r"\\(.)", lambda m: {"n": "\n"}.get(m.group(1), m.group(1)), body)


def test_terraform_has_one_policy_per_document(shipped: Any) -> None:
    text = terraform(shipped, "header")
    blocks = re.findall(r'resource "aws_organizations_policy" "(\w+)" \{\n(.*?)\n\}', text, re.S)
    documents = [*shipped.scps, *shipped.rcps, *shipped.tag_policies]
    assert len(blocks) == len(documents)
    for (_, body), document in zip(blocks, documents, strict=True):
        content = re.search(r"^  content = (.*)$", body, re.M)
        assert content is not None
        assert json.loads(unquote_hcl(content.group(1))) == document.document
    assert "SERVICE_CONTROL_POLICY" in text and "RESOURCE_CONTROL_POLICY" in text and "TAG_POLICY" in text
    assert "$${aws:ResourceTag/team}" in text  # a policy variable, not a Terraform interpolation


def test_cloudformation_has_one_policy_per_document(shipped: Any) -> None:
    template = json.loads(cloudformation(shipped, "d"))
    resources = template["Resources"]
    assert len(resources) == len(shipped.scps) + len(shipped.rcps) + len(shipped.tag_policies)
    assert {r["Type"] for r in resources.values()} == {"AWS::Organizations::Policy"}
    first = next(iter(resources.values()))["Properties"]
    assert first["Type"] == "SERVICE_CONTROL_POLICY" and first["Content"] == shipped.scps[0].document


def test_what_cannot_be_expressed_is_listed(shipped: Any) -> None:
    whats = " ".join(f"{item.what} {item.why}" for item in shipped.limitations)
    assert "pattern" in whats  # cost-center's regular expression
    assert "s3:PutBucketTagging" in whats
    assert "most 5 SCPs" in whats
    assert "s3:RequestObjectTagKeys" in whats  # S3 object tagging names its keys in S3's own keys
    removals = next(item for item in shipped.limitations if "removals called with no key" in item.what)
    assert "discovery:DeleteTags" in removals.actions and "ec2:DeleteTags" not in removals.actions


@pytest.mark.parametrize(
    ("lists", "compliant"),
    [
        ([["a"], ["b"], ["c"]], []),
        ([[], ["b"]], []),
        ([["a", "b"], ["b", "c"], ["c", "b"]], ["b"]),
        ([["b", "a"], None], ["a", "b"]),
    ],
)
def test_tag_policy_values_are_those_every_rule_on_the_key_allows(
    lists: list[list[str] | None], compliant: list[str]
) -> None:
    rules = [
        {"id": f"r{i}", "keys": ["env"], **({"values": {"allowed": a}} if a is not None else {})}
        for i, a in enumerate(lists)
    ]
    entries = tag_policy_entries(parse_policy_document({"version": 1, "rules": rules}))
    assert entries["env"]["tag_value"]["@@assign"] == compliant
