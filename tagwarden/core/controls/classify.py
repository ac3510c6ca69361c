"""Which CloudTrail records blind or weaken tag governance, and what coverage each one takes away.

One handler per call; each returns None for a call that weakens nothing (StartLogging, CreateTrail,
read-only calls, selectors that keep management write events, a bucket or queue not on the delivery
path). Request shapes: the ``requestParameters`` of a record are the API request's parameters in
lowerCamelCase (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tagwarden.core.arn import is_arn
from tagwarden.core.controls.delivery import GOVERNING_POLICY_TYPES, DeliveryPath, queue_arn, rule_arn
from tagwarden.core.controls.selectors import logs_management_writes
from tagwarden.core.normalize.record_fields import RecordContext, record_context


@dataclass(frozen=True, slots=True)
class ControlCall:
    context: RecordContext
    target: str
    target_kind: str  # trail, event_data_store, policy, root, bucket, queue, rule
    lost: str  # the coverage the call took away (or would have, for a failed attempt)
    certain: bool = True  # False: tagwarden cannot tell whether the target carries CloudTrail


Handler = Callable[[RecordContext, dict[str, Any], DeliveryPath], ControlCall | None]


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _trail_arn(ctx: RecordContext, name: str) -> str:
    return name if is_arn(name) else f"arn:{ctx.partition}:cloudtrail:{ctx.region}:{ctx.account}:trail/{name}"


def _stop_logging(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall:
    trail = _trail_arn(ctx, _text(req.get("name")))
    return ControlCall(
        ctx,
        trail,
        "trail",
        f"Trail {trail} stopped recording: no API call, tag writes included, "
        "is logged by it until someone calls StartLogging.",
    )


def _delete_trail(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall:
    trail = _trail_arn(ctx, _text(req.get("name")))
    return ControlCall(
        ctx,
        trail,
        "trail",
        f"Trail {trail} was deleted: the API calls, tag writes included, "
        "that it recorded are no longer logged.",
    )


def _false(value: Any) -> bool:
    return value is False or (isinstance(value, str) and value.lower() == "false")


_UPDATE_TRAIL_LOSSES: tuple[tuple[str, Callable[[Any], bool], str], ...] = (
    ("s3BucketName", bool, "its log files now go to bucket {v}, not where tagwarden reads them"),
    ("s3KeyPrefix", lambda v: v is not None, "its log files now go under prefix {v!r}"),
    ("isMultiRegionTrail", _false, "it now logs its home region only"),
    (
        "includeGlobalServiceEvents",
        _false,
        "it no longer logs global services (IAM, STS, Organizations: principal and session tag writes)",
    ),
    ("isOrganizationTrail", _false, "it no longer logs the organization's member accounts"),
    (
        "enableLogFileValidation",
        _false,
        "it no longer writes digest files: altered or deleted log files can no longer be proven",
    ),
    (
        "kmsKeyId",
        bool,
        "its log files are now encrypted with KMS key {v}, which readers may not hold",
    ),
    (
        "snsTopicName",
        lambda v: v is not None,
        "its notifications of new log files now go to SNS topic {v!r}, not where a queue may wait for them",
    ),
)


def _update_trail(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall | None:
    trail = _trail_arn(ctx, _text(req.get("name")))
    unchanged = set()
    if path.trail_buckets.get(_text(req.get("s3BucketName"))) in (trail, req.get("name")):
        unchanged.add("s3BucketName")  # the bucket it already writes to, sent again (infrastructure code)
    losses = [
        text.format(v=req[name])
        for name, weakens, text in _UPDATE_TRAIL_LOSSES
        if name in req and name not in unchanged and weakens(req[name])
    ]
    if not losses:
        return None
    return ControlCall(ctx, trail, "trail", f"Trail {trail} was changed: " + "; ".join(losses) + ".")


def _put_event_selectors(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall | None:
    if logs_management_writes(req):
        return None
    trail = _trail_arn(ctx, _text(req.get("trailName")))
    kind = "advanced event selectors" if req.get("advancedEventSelectors") else "event selectors"
    return ControlCall(
        ctx,
        trail,
        "trail",
        f"Trail {trail}'s new {kind} no longer log management write events: "
        "tag writes through the control plane go unlogged.",
    )


def _delete_event_data_store(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall:
    store = _text(req.get("eventDataStore"))
    if not is_arn(store):
        store = f"arn:{ctx.partition}:cloudtrail:{ctx.region}:{ctx.account}:eventdatastore/{store}"
    return ControlCall(
        ctx,
        store,
        "event_data_store",
        f"CloudTrail Lake event data store {store} was deleted: "
        "the events it held, tag writes included, can no longer be queried once it is gone.",
    )


def _policy(ctx: RecordContext, policy_id: str, path: DeliveryPath) -> tuple[str, str, bool]:
    """The policy's ARN, its type as known (or "unknown type"), and whether it governs tag writes."""
    known = path.policies.get(policy_id)
    if known is None:
        # The organization id is not in the record: the ARN is partial until a CreatePolicy or the
        # inventory names the policy.
        return f"arn:{ctx.partition}:organizations::{ctx.account}:policy/{policy_id}", "unknown type", True
    policy_type, arn = known
    return (
        arn or f"arn:{ctx.partition}:organizations::{ctx.account}:policy/{policy_id}",
        policy_type,
        (policy_type in GOVERNING_POLICY_TYPES),
    )


# AWS managed policies that allow everything: detaching one denies more, it never weakens a control.
_FULL_ACCESS = frozenset({"p-FullAWSAccess", "p-RCPFullAWSAccess"})


def _org_policy_call(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall | None:
    policy_id = _text(req.get("policyId"))
    if policy_id in _FULL_ACCESS:
        return None
    if ctx.event_name == "UpdatePolicy" and "content" not in req:
        return None  # a new name or description changes nothing it enforces
    arn, policy_type, governs = _policy(ctx, policy_id, path)
    if not governs:
        return None
    what = {
        "DetachPolicy": f"no longer applies to {_text(req.get('targetId'))}",
        "DeletePolicy": "was deleted",
        "UpdatePolicy": "has new content",
    }[ctx.event_name]
    lost = (
        f"Organizations policy {policy_id} ({policy_type}) {what}: whatever it denied or constrained "
        "(tag writes, tag values) may now be allowed there."
    )
    return ControlCall(ctx, arn, "policy", lost)


def _disable_policy_type(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall | None:
    policy_type = _text(req.get("policyType"))
    if policy_type not in GOVERNING_POLICY_TYPES:
        return None
    root = _text(req.get("rootId"))
    target = f"arn:{ctx.partition}:organizations::{ctx.account}:root/{root}"
    return ControlCall(
        ctx,
        target,
        "root",
        f"Policy type {policy_type} was disabled on root {root}: every "
        "policy of that type stopped applying to the whole organization at once.",
    )


_BUCKET_LOSS = {
    "PutBucketPolicy": "its bucket policy was replaced: CloudTrail may no longer be allowed to write, or "
    "others may now rewrite or delete log files",
    "DeleteBucketPolicy": "its bucket policy was deleted: CloudTrail is no longer allowed to write log files",
    "PutBucketLifecycle": "its lifecycle rules changed: log files may expire before anyone reads them",
    "PutBucketNotification": "its event notifications changed: new log files may no longer be announced to "
    "the queue tagwarden reads",
    "DeleteBucket": "it was deleted, with the log files it held",
}


def _bucket_call(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall | None:
    bucket = _text(req.get("bucketName"))
    role = path.bucket_role(bucket)
    if role is None:
        return None
    name = "PutBucketLifecycle" if ctx.event_name.startswith("PutBucketLifecycle") else ctx.event_name
    name = "PutBucketNotification" if name.startswith("PutBucketNotification") else name
    lost = f"Bucket {bucket} is {role}; {_BUCKET_LOSS[name]}."
    return ControlCall(ctx, f"arn:{ctx.partition}:s3:::{bucket}", "bucket", lost)


_QUEUE_LOSS = {
    "DeleteQueue": "it was deleted: the notifications of new log files it held, and all to come, are lost",
    "PurgeQueue": "it was purged: the log files announced in it will never be read",
    "SetQueueAttributes": "its attributes changed ({attributes}): its access policy, retention or "
    "redrive may no longer let log file notifications reach tagwarden",
}


def _queue_call(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall | None:
    arn = queue_arn(_text(req.get("queueUrl")), ctx.region, ctx.account)
    source = path.source_queues.get(arn)
    if source is None:
        return None
    attributes = req.get("attributes")
    names = ", ".join(sorted(attributes)) if isinstance(attributes, dict) else "unknown"
    lost = (
        f"Queue {arn} is what source {source!r} reads; "
        + _QUEUE_LOSS[ctx.event_name].format(attributes=names)
        + "."
    )
    return ControlCall(ctx, arn, "queue", lost)


def _rule_call(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall:
    name = _text(req.get("rule" if ctx.event_name == "RemoveTargets" else "name"))
    arn = rule_arn(name, _text(req.get("eventBusName")), ctx.region, ctx.account)
    what = {"DisableRule": "was disabled", "DeleteRule": "was deleted", "RemoveTargets": "lost targets"}[
        ctx.event_name
    ]
    if arn in path.forwarding_rules:
        return ControlCall(
            ctx,
            arn,
            "rule",
            f"EventBridge rule {arn} forwards CloudTrail events and {what}: "
            "the events it carried no longer reach their target.",
        )
    return ControlCall(
        ctx,
        arn,
        "rule",
        f"EventBridge rule {arn} {what}; tagwarden does not know whether it "
        "forwards CloudTrail events (no PutRule or PutTargets of it seen).",
        certain=False,
    )


HANDLERS: dict[tuple[str, str], Handler] = {
    ("cloudtrail.amazonaws.com", "StopLogging"): _stop_logging,
    ("cloudtrail.amazonaws.com", "DeleteTrail"): _delete_trail,
    ("cloudtrail.amazonaws.com", "UpdateTrail"): _update_trail,
    ("cloudtrail.amazonaws.com", "PutEventSelectors"): _put_event_selectors,
    ("cloudtrail.amazonaws.com", "DeleteEventDataStore"): _delete_event_data_store,
    ("organizations.amazonaws.com", "DetachPolicy"): _org_policy_call,
    ("organizations.amazonaws.com", "DeletePolicy"): _org_policy_call,
    ("organizations.amazonaws.com", "UpdatePolicy"): _org_policy_call,
    ("organizations.amazonaws.com", "DisablePolicyType"): _disable_policy_type,
    **{("s3.amazonaws.com", name): _bucket_call for name in _BUCKET_LOSS},
    ("s3.amazonaws.com", "PutBucketLifecycleConfiguration"): _bucket_call,
    ("s3.amazonaws.com", "PutBucketNotificationConfiguration"): _bucket_call,
    **{("sqs.amazonaws.com", name): _queue_call for name in _QUEUE_LOSS},
    **{("events.amazonaws.com", name): _rule_call for name in ("DisableRule", "DeleteRule", "RemoveTargets")},
}
# Calls that teach the delivery path (CreateTrail, UpdateTrail, PutRule, PutTargets, CreatePolicy).
_LEARNING = frozenset({"CreateTrail", "UpdateTrail", "PutRule", "PutTargets", "CreatePolicy"})


def is_control_call(event_source: str, event_name: str) -> bool:
    """A call the classifier may act on (judge or learn from), known before the record is decoded."""
    return event_name in _LEARNING or (event_source, event_name) in HANDLERS


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
