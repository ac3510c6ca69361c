"""The on-call page says when a finding's target is unresolved (its ARN unknown from the record), and
claims no call outcome where it has no record of a call."""

from __future__ import annotations

import html
import re

from tagwarden.adapters.http.pages.detail import FindingDetail, detail_page
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.model import Finding
from tests.builders.findings import make_finding

POLICY = CompiledPolicy(parse_policy_document({"version": 1, "abac_keys": ["team"]}))


def _shown(target_kind: str, target: str) -> str:
    return _shown_finding(make_finding(target=target, target_kind=target_kind))


def _shown_finding(finding: Finding) -> str:
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


def test_a_finding_of_a_scan_claims_no_call_outcome_nor_a_cloudtrail_event() -> None:
    shown = _shown_finding(
        make_finding(
            kind="excess_tag_writer",
            event_id="writers:abc",
            event_name="WritersScan",
            event_source="tagwarden.writers",
        )
    )
    assert "Outcome succeeded" not in shown
    assert "CloudTrail event ID" not in shown
    assert "comes from tagwarden's own check (WritersScan), not from one CloudTrail call" in shown


def test_a_call_whose_record_is_missing_has_no_outcome_claimed() -> None:
    shown = _shown_finding(make_finding(kind="denied_attempt"))
    assert "Outcome succeeded" not in shown
    assert "Outcome not known: the record of this event was not kept" in shown
