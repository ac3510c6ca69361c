"""A call that weakens a control: what it targets and what coverage it took away."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tagwarden.core.controls.delivery import DeliveryPath
from tagwarden.core.normalize.record_fields import RecordContext


@dataclass(frozen=True, slots=True)
class ControlCall:
    context: RecordContext
    target: str
    # trail, event_data_store, policy, root, account, bucket, queue, rule, event_bus, topic, key
    target_kind: str
    lost: str  # the coverage the call took away (or would have, for a failed attempt)
    # False: tagwarden cannot tell whether the call takes anything away (whether the target carries
    # CloudTrail, or whether what it changed applies to the log files)
    certain: bool = True


# (the record's context, its requestParameters, what tagwarden knows) -> the control weakened, or None
Handler = Callable[[RecordContext, dict[str, Any], DeliveryPath], ControlCall | None]


def text(value: Any) -> str:
    return value if isinstance(value, str) else ""
