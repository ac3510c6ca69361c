"""Proving that the CloudTrail log files read are the ones CloudTrail wrote (digest files)."""

from tagwarden.core.integrity.digests import DigestFile, HashLog, Report, inflate, log_hash, verify
from tagwarden.core.integrity.findings import INTEGRITY_EVENT_SOURCE, integrity_findings
from tagwarden.core.integrity.layout import Placed, log_file_read, logical_key, place
from tagwarden.core.integrity.problems import PROBLEM_KINDS, Problem, ProblemKind
from tagwarden.core.integrity.signature import PublicKeys, load_public_key, string_to_sign
from tagwarden.core.integrity.unlisted import unplaced_problems

__all__ = [
    "INTEGRITY_EVENT_SOURCE",
    "PROBLEM_KINDS",
    "DigestFile",
    "HashLog",
    "Placed",
    "Problem",
    "ProblemKind",
    "PublicKeys",
    "Report",
    "inflate",
    "integrity_findings",
    "load_public_key",
    "log_file_read",
    "log_hash",
    "logical_key",
    "place",
    "string_to_sign",
    "unplaced_problems",
    "verify",
]
