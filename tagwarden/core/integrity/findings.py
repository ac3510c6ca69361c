"""``log_integrity`` findings from a verification report: one per problem, stable across runs."""

from __future__ import annotations

from tagwarden.core.integrity.digests import Report
from tagwarden.core.integrity.layout import logical_key, place
from tagwarden.core.integrity.problems import Problem
from tagwarden.core.model import Finding, Origin, new_finding
from tagwarden.core.model.finding import Severity

INTEGRITY_EVENT_SOURCE = "tagwarden.integrity"  # findings the log integrity check made, not an event
KIND = "log_integrity"

_WHAT = {
    "modified": "This log file is not what CloudTrail wrote: its SHA-256 differs from the one its signed "
    "digest recorded. Events in it may have been removed or rewritten.",
    "missing": "A file CloudTrail delivered, and a signed digest lists, is gone. The events in it cannot be "
    "judged, and deleting it is a way to hide them.",
    "unlisted": "A log file sits where CloudTrail delivers, but no digest lists it though one should (it is "
    "named for hours digests cover, for later than digests are delivered, or for no time at all): "
    "CloudTrail did not write it, so its events may be planted.",
    "chain_broken": "The chain of digest files does not hold: a digest file was replaced or rewritten after "
    "the next one was signed.",
    "bad_signature": "A digest file's signature does not verify with CloudTrail's public key: the digest, "
    "and the hashes it vouches for, cannot be trusted.",
}


def _origin(problem: Problem, checked_at: str) -> Origin:
    placed = place(problem.path) or (place(problem.digest) if problem.digest else None)
    return Origin(
        event_id=f"integrity:{problem.kind}:{logical_key(problem.path)}",
        event_name="VerifyLogs",
        event_source=INTEGRITY_EVENT_SOURCE,
        event_time=checked_at,
        account=placed.account if placed else "",
        region=placed.region if placed else "",
        actor="unknown",
    )


def integrity_findings(report: Report, severity: Severity, checked_at: str) -> list[Finding]:
    """One finding per problem; the same problem found again gives the same finding id."""
    findings = []
    for problem in report.problems:
        placed = place(problem.path)
        findings.append(
            new_finding(
                KIND,
                _origin(problem, checked_at),
                target=problem.path,
                target_kind="digest_file" if placed is not None and placed.is_digest else "log_file",
                tag_key="",
                old_value=None,
                new_value=None,
                explanation=f"{_WHAT[problem.kind]} Detail: {problem.detail}."
                + (f" Shown by digest {problem.digest}." if problem.digest else ""),
                severity=severity,
                created_at=checked_at,
            )
        )
    return findings
