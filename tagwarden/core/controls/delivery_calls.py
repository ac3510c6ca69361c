"""Calls on what carries CloudTrail to tagwarden: the trail's bucket, the queue a source reads, the
EventBridge rule and SNS topic that feed it, and the KMS key that encrypts the log files."""

from __future__ import annotations

from typing import Any

from tagwarden.core.controls.call import ControlCall
from tagwarden.core.controls.call import text as _text
from tagwarden.core.controls.delivery import (
    DeliveryPath,
    bus_arn,
    key_id,
    queue_arn,
    rule_arn,
    rule_targets,
    topic_of,
)
from tagwarden.core.controls.forwarded import forwards_any, no_longer_forwarded
from tagwarden.core.normalize.record_fields import RecordContext

_BUCKET_LOSS = {
    "PutBucketPolicy": "its bucket policy was replaced: CloudTrail may no longer be allowed to write, or "
    "others may now rewrite or delete log files",
    "DeleteBucketPolicy": "its bucket policy was deleted: CloudTrail is no longer allowed to write log files",
    "PutBucketLifecycle": "its lifecycle rules changed: log files may expire before anyone reads them",
    "PutBucketNotification": "its event notifications changed: new log files may no longer be announced to "
    "the queue tagwarden reads",
    "DeleteBucket": "it was deleted, with the log files it held",
    # Requester Pays: a reader from another account (a central log archive's) that does not say it
    # pays is refused (https://docs.aws.amazon.com/AmazonS3/latest/userguide/ObjectsinRequesterPaysBuckets.html).
    "PutBucketRequestPayment": "it now makes requesters pay: readers from other accounts that do not "
    "agree to pay, tagwarden among them, are refused its log files",
}


def _payer(req: dict[str, Any]) -> str:
    config = req.get("RequestPaymentConfiguration")
    return _text(config.get("Payer")) if isinstance(config, dict) else ""


def _default_kms_keys(req: dict[str, Any]) -> list[str] | None:
    """The KMS keys a PutBucketEncryption makes the bucket's default for new objects ("" for SSE-KMS
    naming no key: the AWS managed key aws/s3); [] for SSE-S3 alone; None where the record does
    not say. CloudTrail logs the request's XML body as JSON: one ``Rule`` is an object, several a list."""
    config = req.get("ServerSideEncryptionConfiguration")
    if not isinstance(config, dict):
        return None
    rules = config.get("Rule", config.get("Rules"))
    keys: list[str] = []
    for rule in rules if isinstance(rules, list) else [rules]:
        default = rule.get("ApplyServerSideEncryptionByDefault") if isinstance(rule, dict) else None
        algorithm = _text(default.get("SSEAlgorithm")) if isinstance(default, dict) else ""
        if isinstance(default, dict) and algorithm.startswith("aws:kms"):  # aws:kms, aws:kms:dsse
            keys.append(_text(default.get("KMSMasterKeyID")))
        elif algorithm != "AES256":
            return None
    return keys


def _encryption_loss(req: dict[str, Any], path: DeliveryPath, bucket: str) -> tuple[str, bool] | None:
    """What a new default encryption takes away, and whether it surely does. S3 applies the default
    to objects put without encryption of their own; putting or getting an SSE-KMS object needs
    kms:GenerateDataKey or kms:Decrypt on its key
    (https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html)."""
    keys = _default_kms_keys(req)
    if keys == []:
        return None  # SSE-S3 (AES256): S3's own keys, nothing to be allowed
    if keys is None:
        what = (
            "its default encryption changed, and the record does not say to what: with an SSE-KMS key, "
            "log files written without a key of their own are encrypted with it"
        )
    else:
        named = ", ".join(f"KMS key {key}" if key else "the AWS managed key aws/s3" for key in keys)
        what = (
            f"new objects are now encrypted by default with {named}: log files written without a key of "
            "their own can no longer be delivered unless CloudTrail may generate data keys with it, nor "
            "read unless tagwarden may decrypt with it"
        )
    trail = path.trail_buckets.get(bucket)
    if trail is not None and path.encrypts_with_own_key(trail):
        # Each of its log files names the trail's key, so the default does not apply to them.
        return f"{what} (trail {trail} encrypts its log files with a KMS key of its own)", False
    return what, True


def bucket_call(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall | None:
    bucket = _text(req.get("bucketName"))
    role = path.bucket_role(bucket)
    if role is None:
        return None
    if ctx.event_name == "PutBucketRequestPayment" and _payer(req) == "BucketOwner":
        return None  # back to the default: the owner pays, anyone allowed may read
    certain = True
    if ctx.event_name == "PutBucketEncryption":
        judged = _encryption_loss(req, path, bucket)
        if judged is None:
            return None
        loss, certain = judged
    else:
        name = "PutBucketLifecycle" if ctx.event_name.startswith("PutBucketLifecycle") else ctx.event_name
        loss = _BUCKET_LOSS["PutBucketNotification" if name.startswith("PutBucketNotification") else name]
    lost = f"Bucket {bucket} is {role}; {loss}."
    return ControlCall(ctx, f"arn:{ctx.partition}:s3:::{bucket}", "bucket", lost, certain=certain)


_QUEUE_LOSS = {
    "DeleteQueue": "it was deleted: the notifications of new log files it held, and all to come, are lost",
    "PurgeQueue": "it was purged: the log files announced in it will never be read",
    "SetQueueAttributes": "its attributes changed ({attributes}): its access policy, retention or "
    "redrive may no longer let log file notifications reach tagwarden",
    "RemovePermission": "a statement of its access policy was removed: S3, SNS or EventBridge may no longer "
    "be allowed to send it log file notifications",
}


def queue_call(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall | None:
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


def rule_call(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall:
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


def bus_permission_removed(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall | None:
    """EventBridge RemovePermission revokes other accounts' right to put events on the bus
    (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_RemovePermission.html): on a bus
    whose rule sends to a source's queue (an organization's central bus), their CloudTrail events
    stop arriving."""
    bus = bus_arn(_text(req.get("eventBusName")), ctx.region, ctx.account)
    rules = path.rules_sending_here_on(bus)
    if not rules:
        return None
    removed = (
        "every statement of its permissions was removed"
        if req.get("removeAllPermissions") is True
        else f"statement {_text(req.get('statementId')) or '(unnamed)'} of its permissions was removed"
    )
    return ControlCall(
        ctx,
        bus,
        "event_bus",
        f"Event bus {bus} carries {', '.join(rules)}, which send CloudTrail events to the queue a source "
        f"reads; {removed}: the accounts it named may no longer put their events on the bus.",
    )


def put_rule(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall | None:
    """PutRule replaces a rule whole (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html):
    a forwarding rule put back DISABLED, or with a pattern that no longer forwards what tagwarden reads,
    or no longer the tag writes or control calls of some services it forwarded."""
    arn = rule_arn(_text(req.get("name")), _text(req.get("eventBusName")), ctx.region, ctx.account)
    if arn not in path.forwarding_rules:
        return None
    pattern = req.get("eventPattern")
    if _text(req.get("state")).upper() == "DISABLED":
        what = "was put back disabled: they no longer reach their target"
    elif pattern is not None and forwards_any(pattern) is False:
        what = "has a new event pattern that takes no tag write nor control call: none reaches its target"
    elif (
        pattern is not None
        and arn in path.rule_patterns
        and (lost := no_longer_forwarded(path.rule_patterns[arn], pattern))
    ):
        what = f"has a new pattern that no longer forwards the tag writes or control calls of {_listed(lost)}"
    else:
        return None
    return ControlCall(ctx, arn, "rule", f"EventBridge rule {arn} forwards CloudTrail events and {what}.")


def _listed(names: list[str], most: int = 8) -> str:
    shown = ", ".join(names[:most])
    return shown if len(names) <= most else f"{shown} and {len(names) - most} more"


# Target members that replace the event sent with something else: the constant ``Input``, the part
# of the event ``InputPath`` selects, or ``InputTransformer``'s template
# (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_Target.html).
_REWRITES = ("input", "inputPath", "inputTransformer")


def put_targets(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall | None:
    """PutTargets with the id of a target that sends to a source's queue replaces that target: sent
    elsewhere, or sent something other than the event itself, which the source cannot read."""
    arn = rule_arn(_text(req.get("rule")), _text(req.get("eventBusName")), ctx.region, ctx.account)
    known = path.rule_targets.get(arn, {})
    changed: list[str] = []
    for target in rule_targets(req):
        target_id, new = _text(target.get("id")), _text(target.get("arn"))
        if known.get(target_id) not in path.source_queues:
            continue
        if new not in path.source_queues:
            changed.append(f"target {target_id} now sends to {new or 'nothing'}")
        elif rewrites := [name for name in _REWRITES if target.get(name) is not None]:
            changed.append(
                f"target {target_id} now sends its {'/'.join(rewrites)} instead of the event, "
                "which the source cannot read"
            )
    if not changed:
        return None
    where = "; ".join(sorted(changed))
    lost = f"EventBridge rule {arn} sent CloudTrail events to a queue tagwarden reads; {where}."
    return ControlCall(ctx, arn, "rule", lost)


_TOPIC_LOSS = {
    "DeleteTopic": "it was deleted",
    "SetTopicAttributes": "its {attribute} changed: CloudTrail (or S3, for a bucket's notifications) may no "
    "longer be allowed to publish to it",
    "RemovePermission": "a statement of its access policy was removed: CloudTrail (or S3, for a bucket's "
    "notifications) may no longer be allowed to publish to it",
    "Unsubscribe": "subscription {subscription} was removed",
    "SetSubscriptionAttributes": "subscription {subscription}'s {attribute} changed: its messages may no "
    "longer reach the queue",
}


def topic_call(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall | None:
    """The SNS topic a trail notifies of new log files, or that feeds a source's queue."""
    subscription = _text(req.get("subscriptionArn"))
    topic = _text(req.get("topicArn")) or topic_of(subscription)
    source = path.topic_feeds.get(topic)
    if source is None and topic not in path.trail_topics:
        return None
    if ctx.event_name == "SetTopicAttributes" and _text(req.get("attributeName")) not in (
        "Policy",
        "KmsMasterKeyId",
    ):
        return None  # a display name or delivery retries change nothing that arrives
    # Whether a subscription is the queue's own is known only where its Subscribe was seen.
    certain = source is not None and (not subscription or subscription in path.subscriptions)
    role = (
        f"feeds the queue source {source!r} reads"
        if source is not None
        else f"is where trail {path.trail_topics[topic]} announces new log files"
    )
    what = _TOPIC_LOSS[ctx.event_name].format(
        attribute=_text(req.get("attributeName")) or "attributes", subscription=subscription
    )
    return ControlCall(ctx, topic, "topic", f"SNS topic {topic} {role}; {what}.", certain=certain)


_KEY_LOSS = {
    "DisableKey": "it was disabled",
    "ScheduleKeyDeletion": "it was scheduled for deletion",
    "PutKeyPolicy": "its key policy was replaced",
    # A key with imported material is unusable until the material is imported again.
    "DeleteImportedKeyMaterial": "its imported key material was deleted",
}


def key_call(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall | None:
    """The KMS key a trail encrypts its log files with (without it CloudTrail cannot deliver them,
    and no one can read those it delivered), or a source's queue its messages with (without it S3,
    SNS or EventBridge cannot send to the queue, and tagwarden cannot receive)."""
    key = _text(req.get("keyId"))
    trail, queue = path.trail_keys.get(key_id(key)), path.queue_keys.get(key_id(key))
    if trail is not None:
        lost = (
            f"KMS key {key} encrypts the log files of trail {trail}; {_KEY_LOSS[ctx.event_name]}: "
            "CloudTrail may no longer deliver log files, and those delivered may no longer be read."
        )
    elif queue is not None:
        lost = (
            f"KMS key {key} encrypts queue {queue}, which a source reads; {_KEY_LOSS[ctx.event_name]}: "
            "new log files may no longer be announced to it, and its messages may no longer be received."
        )
    else:
        return None
    target = (
        key if key.startswith("arn:") else f"arn:{ctx.partition}:kms:{ctx.region}:{ctx.account}:key/{key}"
    )
    return ControlCall(ctx, target, "key", lost)


TOPIC_CALLS = tuple(_TOPIC_LOSS)
KEY_CALLS = tuple(_KEY_LOSS)
BUCKET_CALLS = (
    *_BUCKET_LOSS,
    "PutBucketLifecycleConfiguration",
    "PutBucketNotificationConfiguration",
    "PutBucketEncryption",
)
QUEUE_CALLS = tuple(_QUEUE_LOSS)
