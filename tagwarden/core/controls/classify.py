"""Which CloudTrail records blind or weaken tag governance, and what coverage each one takes away.

One handler per call (trail_calls, org_calls, delivery_calls); each returns None for a call that
weakens nothing (StartLogging, CreateTrail, read-only calls, selectors that keep management write
events, a bucket or queue not on the delivery path). Request shapes: the ``requestParameters`` of a
record are the API request's parameters in lowerCamelCase
(https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
"""

from __future__ import annotations

from typing import Any

from tagwarden.core.controls import delivery_calls, org_calls, trail_calls, watcher_calls
from tagwarden.core.controls.call import ControlCall, Handler
from tagwarden.core.controls.delivery import DeliveryPath
from tagwarden.core.normalize.record_fields import record_context

__all__ = ["HANDLERS", "ControlCall", "classify", "is_control_call", "is_control_record"]


HANDLERS: dict[tuple[str, str], Handler] = {
    ("cloudtrail.amazonaws.com", "StopLogging"): trail_calls.stop_logging,
    ("cloudtrail.amazonaws.com", "DeleteTrail"): trail_calls.delete_trail,
    ("cloudtrail.amazonaws.com", "UpdateTrail"): trail_calls.update_trail,
    ("cloudtrail.amazonaws.com", "PutEventSelectors"): trail_calls.put_event_selectors,
    ("cloudtrail.amazonaws.com", "DeleteEventDataStore"): trail_calls.delete_event_data_store,
    ("organizations.amazonaws.com", "DetachPolicy"): org_calls.org_policy_call,
    ("organizations.amazonaws.com", "AttachPolicy"): org_calls.attach_tag_policy,
    ("organizations.amazonaws.com", "DeletePolicy"): org_calls.org_policy_call,
    ("organizations.amazonaws.com", "UpdatePolicy"): org_calls.org_policy_call,
    ("organizations.amazonaws.com", "DisablePolicyType"): org_calls.disable_policy_type,
    ("organizations.amazonaws.com", "LeaveOrganization"): org_calls.account_leaves,
    ("organizations.amazonaws.com", "RemoveAccountFromOrganization"): org_calls.account_leaves,
    ("organizations.amazonaws.com", "MoveAccount"): org_calls.account_moves,
    ("organizations.amazonaws.com", "DisableAWSServiceAccess"): org_calls.service_access_disabled,
    **{("s3.amazonaws.com", name): delivery_calls.bucket_call for name in delivery_calls.BUCKET_CALLS},
    **{("sqs.amazonaws.com", name): delivery_calls.queue_call for name in delivery_calls.QUEUE_CALLS},
    **{
        ("events.amazonaws.com", name): delivery_calls.rule_call
        for name in ("DisableRule", "DeleteRule", "RemoveTargets")
    },
    ("events.amazonaws.com", "PutRule"): delivery_calls.put_rule,
    ("events.amazonaws.com", "RemovePermission"): delivery_calls.bus_permission_removed,
    ("events.amazonaws.com", "PutTargets"): delivery_calls.put_targets,
    **{("sns.amazonaws.com", name): delivery_calls.topic_call for name in delivery_calls.TOPIC_CALLS},
    **{("kms.amazonaws.com", name): delivery_calls.key_call for name in delivery_calls.KEY_CALLS},
    **{("iam.amazonaws.com", name): watcher_calls.watcher_role_call for name in watcher_calls.ROLE_CALLS},
    **{("iam.amazonaws.com", name): watcher_calls.watcher_policy_call for name in watcher_calls.POLICY_CALLS},
}
# Calls that teach the delivery path without weakening it (PutRule and PutTargets teach it too).
LEARNING = frozenset(
    {
        ("cloudtrail.amazonaws.com", "CreateTrail"),
        ("cloudtrail.amazonaws.com", "UpdateTrail"),
        ("sns.amazonaws.com", "Subscribe"),
        ("organizations.amazonaws.com", "CreatePolicy"),
        ("iam.amazonaws.com", "DeleteRolePermissionsBoundary"),
    }
)
_LEARNING_NAMES = frozenset(name for _, name in LEARNING)


def is_control_call(event_source: str, event_name: str) -> bool:
    """A call the classifier may act on (judge or learn from), known before the record is decoded."""
    return event_name in _LEARNING_NAMES or (event_source, event_name) in HANDLERS


def is_control_record(record: dict[str, Any]) -> bool:
    """Cheap test: a record the classifier may act on (judge or learn from)."""
    source, name = record.get("eventSource"), record.get("eventName")
    return isinstance(source, str) and isinstance(name, str) and is_control_call(source, name)


def classify(record: dict[str, Any], path: DeliveryPath) -> ControlCall | None:
    """The control the record weakens, or None. Then learns from the record, so that a trail's
    bucket is known when a later record (in event-time order) deletes it."""
    handler = HANDLERS.get((record.get("eventSource"), record.get("eventName")))  # type: ignore[arg-type]
    call = None
    if handler is not None:
        request = record.get("requestParameters")
        call = handler(record_context(record), request if isinstance(request, dict) else {}, path)
    path.learn(record)
    return call
