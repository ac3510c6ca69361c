"""What a revert of one committed finding would do, decided from plain data.

A revert restores the key's value before the change: it sets the old value back, re-adds a
removed key, or removes a key that did not exist. It is planned only when the value before the
change is known and was not itself written by a change with an unresolved finding, when the
finding itself is not resolved (a person accepted the change while the revert waited), when the key
still holds what the finding recorded (someone may have fixed it since), within
``remediation.max_per_hour``, and only for findings of a rule with ``remediate: revert``.
``dry_run`` stops at the plan; ``enforce`` applies it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal

from tagwarden.core.governance.compiled import CompiledPolicy
from tagwarden.core.model import Finding, KnownTags
from tagwarden.core.model.tags import tag_ci

# applying: its place in the hour's quota taken, the write under way (or cut short by a crash: the
# next attempt reads the target's tags first).
RemediationStatus = Literal["planned", "applying", "done", "failed", "skipped"]
# The outbox's name for reverts: deliveries to it are reverts, queued with the finding.
REMEDIATION_SINK: Final = "remediation"
REVERTABLE_KINDS: Final = frozenset({"unauthorized_writer", "disallowed_value"})
_UNRESOLVED: Final = frozenset({"open", "acknowledged"})


@dataclass(frozen=True, slots=True)
class RevertPlan:
    finding_id: str
    target: str
    target_kind: str
    key: str
    restore: str | None  # the value to put back; None: remove the key
    status: RemediationStatus  # "planned" (to apply, or dry_run) or "skipped"
    detail: str

    @property
    def applies(self) -> bool:
        return self.status == "planned"


def wants_revert(finding: Finding, policy: CompiledPolicy) -> bool:
    """Whether a new finding is queued for a revert (the rule says ``remediate: revert``)."""
    rule = policy.rule(finding.rule)
    return (
        rule is not None
        and rule.rule.remediate == "revert"
        and finding.kind in REVERTABLE_KINDS
        and finding.target_kind in ("resource", "principal")
    )


def _case_insensitive(finding: Finding) -> bool:
    """IAM compares a user's or role's tag keys ignoring case: ``Team`` and ``team`` are one tag."""
    return finding.target_kind == "principal"


def value_before(finding: Finding, tags: KnownTags) -> tuple[bool, str | None]:
    """(known, value) of the finding's key in the tags before the change, under the key's case
    rules: a principal's ``Team=eng`` is the value before a write of ``team``."""
    return tags.lookup_key(finding.tag_key, fold=_case_insensitive(finding))


def flags_value(earlier: Finding, finding: Finding, value: str | None) -> bool:
    """Whether ``earlier``, a finding of the change that wrote ``value`` to the key before
    ``finding``'s change, says that value is itself one to revert."""
    same_key = (
        earlier.tag_key.casefold() == finding.tag_key.casefold()
        if _case_insensitive(finding)
        else earlier.tag_key == finding.tag_key
    )
    return (
        earlier.id != finding.id
        and earlier.kind in REVERTABLE_KINDS
        and earlier.status in _UNRESOLVED
        and earlier.target == finding.target
        and same_key
        and earlier.new_value == value
    )


def _describe(key: str, value: str | None) -> str:
    return f"remove {key}" if value is None else f"set {key}={value}"


def plan_revert(
    finding: Finding,
    *,
    before: tuple[bool, str | None],
    live: Mapping[str, str] | None,
    done_last_hour: int,
    max_per_hour: int,
    before_flagged: str | None = None,
) -> RevertPlan:
    """``before``: (known, value) of the key before the change, from tag state; ``live``: the
    target's tags now, read from AWS (None when they could not be read); ``before_flagged``: the
    id of an unresolved finding whose change wrote that value before (so it is no value to go
    back to: an unauthorized writer who set the key twice would choose it)."""
    known, old = before

    def plan(status: RemediationStatus, detail: str) -> RevertPlan:
        return RevertPlan(
            finding.id, finding.target, finding.target_kind, finding.tag_key, old, status, detail
        )

    if finding.target_kind not in ("resource", "principal"):
        return plan("skipped", "session tags end with the session: nothing to put back")
    if finding.status not in _UNRESOLVED:
        return plan("skipped", "the finding was resolved before its revert ran: the change stays")
    if not known:
        return plan("skipped", f"the value of {finding.tag_key} before the change is not known")
    if before_flagged is not None:
        return plan(
            "skipped",
            f"{finding.tag_key}'s value before the change was written by the change of finding "
            f"{before_flagged}: left for a person",
        )
    if live is None:
        return plan("skipped", "the target's tags could not be read")
    now = tag_ci(live, finding.tag_key) if _case_insensitive(finding) else live.get(finding.tag_key)
    if now != finding.new_value:
        if now == old:
            return plan("skipped", f"{finding.tag_key} already holds its value before the change")
        return plan("skipped", f"{finding.tag_key} changed again since ({now!r}): left as it is")
    if done_last_hour >= max_per_hour:
        return plan("skipped", f"remediation.max_per_hour ({max_per_hour}) reached")
    return plan("planned", _describe(finding.tag_key, old))
