"""Reverts as an outbox sink: a finding of a ``remediate: revert`` rule is queued for the sink
``remediation`` in the transaction that commits it, and the dispatcher hands it here, with the
same retries and backoff as any delivery.

Never applied twice: a revert already ``done`` is not looked at again, and every attempt first
reads the target's tags and applies nothing unless the key still holds what the finding recorded
(so a retry after a crash between the write and the outbox update finds the value restored).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tagwarden.adapters.aws.tag_writer import TagWriteError, TagWriter
from tagwarden.adapters.sinks.sink import DeliveryError
from tagwarden.adapters.store import Store
from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.model import Finding
from tagwarden.core.remediation import REMEDIATION_SINK, flags_value, plan_revert, value_before
from tagwarden.core.timeutil import parse_time

HOUR = 3600.0
_HISTORY_LOOKED_AT = 1000  # key changes of the target, newest first, searched for the one before


class RevertSink:
    name = REMEDIATION_SINK

    def __init__(
        self,
        store: Store,
        writer: TagWriter,
        policy: CompiledPolicy,
        log: Any,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self._store = store
        self._writer = writer
        self._settings = policy.policy.remediation
        self._log = log
        self._clock = clock or store.clock  # the hour's quota is counted across replicas

    def _before(self, finding: Finding) -> tuple[bool, str | None]:
        ts = parse_time(finding.event_time) or 0.0
        with self._store.unit() as tx:
            return value_before(finding, tx.tags_as_of(finding.target, ts, finding.event_id))

    def _before_flagged(self, finding: Finding, value: str | None) -> str | None:
        """The id of an unresolved finding that flags ``value``, from a change that wrote it to the
        key before ``finding``'s change: each earlier row that holds ``value`` is looked at, back
        to the one that set it (a whole-set call resends it unchanged; a snapshot only reads it)."""
        ts = parse_time(finding.event_time) or 0.0
        fold = finding.target_kind == "principal"
        for entry in self._store.tag_history(finding.target, limit=_HISTORY_LOOKED_AT):
            same_key = (
                entry.key.casefold() == finding.tag_key.casefold() if fold else entry.key == finding.tag_key
            )
            if not same_key or ((parse_time(entry.event_time) or 0.0), entry.event_id) >= (
                ts,
                finding.event_id,
            ):
                continue
            if (None if entry.removed else entry.value) != value:
                return None
            if entry.origin == "event":
                with self._store.unit() as tx:
                    earlier = tx.event_findings(entry.event_id)
                flagged = next((f.id for f in earlier if flags_value(f, finding, value)), None)
                if flagged is not None:
                    return flagged
        return None

    def send(self, finding: Finding) -> None:
        previous = self._store.remediation(finding.id)
        if previous is not None and previous["status"] == "done":
            return
        now = self._clock()
        try:
            live: dict[str, str] | None = self._writer.read(finding.target, finding.account)
        except TagWriteError as exc:
            self._store.set_remediation(finding.id, "failed", str(exc), None)
            # Refused for this target: it waits alone; throttled or unreachable: every revert waits.
            raise DeliveryError(str(exc), permanent=not exc.transient) from None
        before = self._before(finding)
        plan = plan_revert(
            finding,
            before=before,
            live=live,
            done_last_hour=self._store.remediations_applied_since(now - HOUR),
            max_per_hour=self._settings.max_per_hour,
            before_flagged=self._before_flagged(finding, before[1]) if before[0] else None,
        )
        if not plan.applies:
            self._store.set_remediation(finding.id, "skipped", plan.detail, None)
            if "max_per_hour" in plan.detail:
                raise DeliveryError(plan.detail)  # retried later, when the hour has passed
            return
        if self._settings.mode == "dry_run":
            self._store.set_remediation(finding.id, "planned", f"dry_run: would {plan.detail}", None)
            return
        # The count the plan read may be another replica's too: a revert is applied only once it
        # has taken its place in the hour's quota, in a transaction replicas take one at a time.
        if not self._store.reserve_remediation(
            finding.id, plan.detail, now, now - HOUR, self._settings.max_per_hour
        ):
            detail = f"remediation.max_per_hour ({self._settings.max_per_hour}) reached"
            self._store.set_remediation(finding.id, "skipped", detail, None)
            raise DeliveryError(detail)  # retried later, when the hour has passed
        try:
            self._writer.write(plan.target, finding.account, plan.key, plan.restore)
        except TagWriteError as exc:
            self._store.set_remediation(finding.id, "failed", str(exc), None)
            # Refused for this target: it waits alone; throttled or unreachable: every revert waits.
            raise DeliveryError(str(exc), permanent=not exc.transient) from None
        self._store.set_remediation(finding.id, "done", plan.detail, now)
        self._log.info("finding_reverted", finding_id=finding.id, target=plan.target, action=plan.detail)
