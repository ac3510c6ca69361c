"""The on-call page says when a finding's target is unresolved (its ARN unknown from the record)."""

from __future__ import annotations

import html
import re

from tagwarden.adapters.http.pages.detail import FindingDetail, detail_page
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tests.builders.findings import make_finding

POLICY = CompiledPolicy(parse_policy_document({"version": 1, "abac_keys": ["team"]}))


def _shown(target_kind: str, target: str) -> str:
    finding = make_finding(target=target, target_kind=target_kind)
    document = detail_page(FindingDetail(finding, None, [], {}), POLICY)
    # Text as shown: tags dropped, entities decoded, the breaks ARNs may wrap at removed.
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", document))).replace("/ ", "/")


def test_an_unresolved_target_is_said_to_be_one() -> None:
    shown = _shown("unresolved", "secretsmanager:Secret/prod/payroll")

    assert "Kind of target unresolved: the record does not determine the resource's ARN" in shown
    assert "secretsmanager: Secret/prod/payroll" in shown


def test_a_resolved_target_shows_its_kind_only() -> None:
    shown = _shown("resource", "arn:aws:s3:::payroll")

    assert "Kind of target resource" in shown
    assert "does not determine" not in shown
