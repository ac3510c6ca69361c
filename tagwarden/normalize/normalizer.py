"""Records to TagChanges, driven by a table of operation specs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from tagwarden.normalize.builtin_specs import GENERIC_BY_NAME, builtin_specs
from tagwarden.normalize.context import RecordContext, record_context
from tagwarden.normalize.handlers import ec2_tag_specifications, generic, sts_session
from tagwarden.normalize.operations import Handler, OperationSpec
from tagwarden.normalize.result import NOT_A_TAG_WRITE, Normalized, Unreadable
from tagwarden.normalize.tagshapes import ShapeError

_Handler = Callable[[OperationSpec, dict[str, Any], "dict[str, Any] | None", RecordContext], Normalized]
_HANDLERS: dict[Handler, _Handler] = {
    Handler.GENERIC: generic,
    Handler.EC2_TAG_SPECIFICATIONS: ec2_tag_specifications,
    Handler.STS_SESSION: sts_session,
}


class Normalizer:
    """Finds the tag changes in CloudTrail records.

    Looking a record up costs one dictionary lookup by (eventSource, eventName), and a second
    by eventName alone for the generic TagResource-style names, for the records that are not
    tag writes; only tag writes are read further.
    """

    def __init__(
        self,
        specs: Iterable[OperationSpec] | None = None,
        by_name: Mapping[str, OperationSpec] = GENERIC_BY_NAME,
    ) -> None:
        self._specs: dict[tuple[str, str], OperationSpec] = {}
        for spec in specs if specs is not None else builtin_specs():
            self._specs[spec.key] = spec
        self._by_name = dict(by_name)

    def __len__(self) -> int:
        return len(self._specs)

    def spec_for(self, event_source: Any, event_name: Any) -> OperationSpec | None:
        try:
            return self._specs.get((event_source, event_name)) or self._by_name.get(event_name)
        except TypeError:  # an unhashable eventSource or eventName: not a record we can read
            return None

    def normalize(self, record: dict[str, Any]) -> Normalized:
        spec = self.spec_for(record.get("eventSource"), record.get("eventName"))
        if spec is None:
            return NOT_A_TAG_WRITE
        params = record.get("requestParameters")
        response = record.get("responseElements")
        if params is None:
            params = {}
        if not isinstance(params, dict):
            return Normalized(
                unreadable=f"requestParameters is {type(params).__name__}, expected an object", spec=spec
            )
        ctx = record_context(record)
        try:
            return _HANDLERS[spec.handler](
                spec, params, response if isinstance(response, dict) else None, ctx
            )
        except (Unreadable, ShapeError) as exc:
            return Normalized(unreadable=str(exc), spec=spec)
