"""CloudTrail calls that stop, narrow or redirect a trail (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tagwarden.core.arn import is_arn
from tagwarden.core.controls.call import ControlCall
from tagwarden.core.controls.call import text as _text
from tagwarden.core.controls.delivery import DeliveryPath
from tagwarden.core.controls.selectors import logs_management_writes, unlogged_tag_sources
from tagwarden.core.normalize.record_fields import RecordContext


def _trail_arn(ctx: RecordContext, name: str) -> str:
    return name if is_arn(name) else f"arn:{ctx.partition}:cloudtrail:{ctx.region}:{ctx.account}:trail/{name}"


def stop_logging(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall:
    trail = _trail_arn(ctx, _text(req.get("name")))
    return ControlCall(
        ctx,
        trail,
        "trail",
        f"Trail {trail} stopped recording: no API call, tag writes included, "
        "is logged by it until someone calls StartLogging.",
    )


def delete_trail(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall:
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


def update_trail(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall | None:
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


def put_event_selectors(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall | None:
    trail = _trail_arn(ctx, _text(req.get("trailName")))
    kind = "advanced event selectors" if req.get("advancedEventSelectors") else "event selectors"
    if not logs_management_writes(req):
        lost = "no longer log management write events: tag writes through the control plane go unlogged"
    elif unlogged := unlogged_tag_sources(req):
        lost = (
            f"no longer log the management events of {', '.join(unlogged)}: its tag writes (a KMS key's "
            "tags, which ABAC policies on keys read) go unlogged"
        )
    else:
        return None
    return ControlCall(ctx, trail, "trail", f"Trail {trail}'s new {kind} {lost}.")


def delete_event_data_store(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall:
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
