"""Control calls in the pipeline: classified against the delivery path tagwarden knows, in
event-time order (so that a trail's bucket is learned before it is deleted), and judged with the
actor's tags. A call made with a session not known yet is kept, and judged again with the
session's tags once it is: a ``controls.writers`` entry may match a session tag."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from tagwarden.adapters.aws.forwarding import Subscription
from tagwarden.adapters.store import StoreUnit
from tagwarden.app.pipeline.late_sessions import session_unknown
from tagwarden.app.recording import StagedFindings
from tagwarden.core.controls import ControlCall, DeliveryPath, classify, judge_control
from tagwarden.core.controls.judge import KIND
from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.model import Actor, Finding
from tagwarden.core.records.text import record_text

Record = dict[str, Any]
CONTROL_KINDS = frozenset({KIND})  # the findings judging a control call gives
ActorTags = Callable[[Actor], Mapping[str, str] | None]


class ControlCalls:
    def __init__(self, policy: CompiledPolicy, delivery: DeliveryPath) -> None:
        self.policy = policy
        self.delivery = delivery  # what carries CloudTrail here; control calls teach it
        self._lock = threading.Lock()

    def classify(self, records: list[tuple[float, Record]]) -> list[tuple[Record, ControlCall]]:
        """The control calls among ``records`` (with their event times), in event-time order."""
        calls: list[tuple[Record, ControlCall]] = []
        records.sort(key=lambda pair: pair[0])
        with self._lock:
            for _, record in records:
                call = classify(record, self.delivery)
                if call is not None:
                    calls.append((record, call))
        return calls

    def merge_path(self, read: DeliveryPath) -> None:
        """What a read of AWS after start found of the delivery path (see DeliveryPath.merge)."""
        with self._lock:
            self.delivery.merge(read)

    def source_queues(self) -> list[str]:
        """The source queues' ARNs as the path knows them now (a read of SQS may have named them)."""
        with self._lock:
            return list(self.delivery.source_queues)

    def learn_subscriptions(self, subscriptions: Iterable[Subscription]) -> None:
        """SNS subscriptions a read of AWS after start found."""
        with self._lock:
            for sub in subscriptions:
                self.delivery.add_subscription(sub.topic, sub.arn, sub.protocol, sub.endpoint)

    def learn_role_policies(self, roles: Iterable[tuple[str, str, set[str], str | None]]) -> None:
        """What an inventory read of the roles tagwarden reads with: (account, role name, attached
        managed policies, boundary). Taken under the lock, as an inventory runs beside the pipeline."""
        with self._lock:
            for account, role, attached, boundary in roles:
                self.delivery.set_role_policies(account, role, attached, boundary)

    def judge(
        self,
        tx: StoreUnit,
        calls: list[tuple[Record, ControlCall]],
        found: StagedFindings,
        *,
        actor_tags: ActorTags,
        created_at: str,
    ) -> None:
        for record, call in calls:
            found.add([judge_control(call, self.policy, actor_tags(call.context.actor), created_at)])
            event_id = call.context.event_id
            tx.save_event(event_id, record_text(record))  # kept once, whoever saves it
            key = call.context.actor.access_key_id
            if key and session_unknown(tx, key):
                tx.keep_judged_control(event_id, call)
                tx.note_session_use(key, event_id)

    def judge_again(
        self, tx: StoreUnit, event_id: str, *, actor_tags: ActorTags, created_at: str
    ) -> dict[str, list[Finding]]:
        """The finding of the control call ``event_id`` was, judged again with the actor's tags as
        now known; nothing for an event not kept."""
        call = tx.judged_control(event_id)
        if call is None:
            return {}
        return {call.target: [judge_control(call, self.policy, actor_tags(call.context.actor), created_at)]}
