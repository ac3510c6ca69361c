"""SQS message bodies: what each one points at. Pure: no AWS calls here."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote_plus

from tagwarden.adapters.sources.log_names import is_log_key
from tagwarden.core.records.containers import looks_like_record


class MessageError(ValueError):
    """The message is not one tagwarden can read; it is left for the queue's redrive policy."""


@dataclass(frozen=True, slots=True)
class S3Object:
    bucket: str
    key: str
    # Bytes, as S3's own events say (CloudTrail's notifications do not): a hint for handing small
    # objects to a worker together, never a bound on what is read.
    size: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Inline:
    """Records carried in the message itself (EventBridge events), as a JSON value."""

    value: Any


@dataclass(frozen=True, slots=True)
class Ignored:
    reason: str


Content = list[S3Object | Inline] | Ignored


def _at(value: Any, *path: str) -> Any:
    """The value at ``path`` inside nested objects, or None where a member is missing or is not
    what the path expects (a hostile message must fail as a message, not as a bug)."""
    for name in path:
        value = value.get(name) if isinstance(value, dict) else None
    return value


def _text_at(value: Any, *path: str) -> str | None:
    found = _at(value, *path)
    return found if isinstance(found, str) else None


def _size_at(value: Any, *path: str) -> int | None:
    found = _at(value, *path)
    return found if isinstance(found, int) and not isinstance(found, bool) and found >= 0 else None


def content_bytes(content: Content | MessageError) -> int | None:
    """The bytes of the S3 objects a message names, where its events said each one's size; None
    where it names none, any of unknown size, or records carried inline."""
    if not isinstance(content, list) or not content:
        return None
    sizes = [item.size if isinstance(item, S3Object) else None for item in content]
    return None if None in sizes else sum(size for size in sizes if size is not None)


def s3_urls(content: list[S3Object | Inline]) -> tuple[str, ...]:
    """The S3 objects a message names, as s3://bucket/key."""
    return tuple(f"s3://{item.bucket}/{item.key}" for item in content if isinstance(item, S3Object))


def _from_s3_notification(records: list[Any]) -> Content:
    objects: list[S3Object | Inline] = []
    for record in records:
        if not isinstance(record, dict):
            raise MessageError("an S3 notification record is not an object")
        name = str(record.get("eventName", ""))
        if not isinstance(record.get("s3"), dict):
            raise MessageError("an S3 notification record has no 's3' member")
        bucket = _text_at(record, "s3", "bucket", "name")
        key = _text_at(record, "s3", "object", "key")
        if bucket is None or key is None:
            raise MessageError("an S3 notification record lacks the bucket name or object key")
        if not name.startswith("ObjectCreated"):
            continue
        key = unquote_plus(key)  # S3 URL-encodes keys in notifications, with '+' for space
        if is_log_key(key):
            objects.append(S3Object(bucket, key, _size_at(record, "s3", "object", "size")))
    return objects or Ignored("no new CloudTrail log object in the notification")


def _from_s3_eventbridge(value: dict[str, Any]) -> Content:
    """S3's own event on EventBridge, whose key, unlike a notification's, is not URL-encoded."""
    kind = value.get("detail-type")
    if kind != "Object Created":
        return Ignored(f"S3 event {kind!r}")
    bucket = _text_at(value, "detail", "bucket", "name")
    key = _text_at(value, "detail", "object", "key")
    if bucket is None or key is None:
        raise MessageError("an S3 Object Created event lacks the bucket name or object key")
    if not is_log_key(key):
        return Ignored("not a CloudTrail log object")
    return [S3Object(bucket, key, _size_at(value, "detail", "object", "size"))]


def parse_body(body: str) -> Content:
    try:
        value = json.loads(body)
    except json.JSONDecodeError as exc:
        raise MessageError(f"the message body is not JSON: {exc.msg} at character {exc.pos}") from None
    except RecursionError:
        raise MessageError("the message body is JSON nested too deep") from None
    except ValueError as exc:  # an integer beyond Python's digit limit
        raise MessageError(f"the message body holds a JSON value Python refuses: {exc}") from None
    return parse_value(value)


def parse_value(value: Any, depth: int = 0) -> Content:
    if depth > 3:
        raise MessageError("messages nested too deep")
    if not isinstance(value, dict):
        raise MessageError(f"the message is a JSON {type(value).__name__}, expected an object")
    if value.get("Type") == "Notification" and isinstance(value.get("Message"), str):
        message = value["Message"]
        try:
            inner = json.loads(message)
        except (ValueError, RecursionError):
            raise MessageError("the SNS notification's Message is not JSON") from None
        return parse_value(inner, depth + 1)
    if value.get("Event") == "s3:TestEvent":
        return Ignored("s3:TestEvent")
    if "s3Bucket" in value and "s3ObjectKey" in value:
        bucket, keys = value["s3Bucket"], value["s3ObjectKey"]
        if (
            not isinstance(bucket, str)
            or not isinstance(keys, list)
            or not all(isinstance(k, str) for k in keys)
        ):
            raise MessageError("a CloudTrail notification needs s3Bucket (a string) and s3ObjectKey (a list)")
        objects: list[S3Object | Inline] = [S3Object(bucket, key) for key in keys if is_log_key(key)]
        return objects or Ignored("no CloudTrail log object in the notification")
    if value.get("source") == "aws.s3" and "detail-type" in value:
        return _from_s3_eventbridge(value)
    if "detail-type" in value and "detail" in value:
        detail = value["detail"]
        if isinstance(detail, dict) and looks_like_record(detail):
            return [Inline(value)]
        raise MessageError(
            f"EventBridge event of type {value.get('detail-type')!r} is not a CloudTrail record"
        )
    records = value.get("Records")
    if isinstance(records, list) and records:
        first = records[0]
        if isinstance(first, dict) and first.get("eventSource") == "aws:s3":
            return _from_s3_notification(records)
        return [Inline(value)]
    if looks_like_record(value):
        return [Inline(value)]
    keys = ", ".join(sorted(value)[:6]) or "none"
    raise MessageError(f"not a CloudTrail, S3, SNS or EventBridge message (keys: {keys})")
