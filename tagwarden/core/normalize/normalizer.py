"""Records to TagChanges, driven by a table of operation specs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from tagwarden.core.normalize.builtin_specs import GENERIC_BY_NAME, builtin_specs
from tagwarden.core.normalize.catalog import catalog_specs
from tagwarden.core.normalize.handlers import generic, per_tag_target, tag_specifications
from tagwarden.core.normalize.operations import Effect, Handler, OperationSpec
from tagwarden.core.normalize.record_fields import RecordContext, record_context
from tagwarden.core.normalize.result import NOT_A_TAG_WRITE, Normalized, Unreadable
from tagwarden.core.normalize.sts import sts_session
from tagwarden.core.normalize.tagshapes import ShapeError
from tagwarden.core.records.triage import Interest

_Handler = Callable[[OperationSpec, dict[str, Any], "dict[str, Any] | None", RecordContext], Normalized]
_HANDLERS: dict[Handler, _Handler] = {
    Handler.GENERIC: generic,
    Handler.TAG_SPECIFICATIONS: tag_specifications,
    Handler.PER_TAG_TARGET: per_tag_target,
    Handler.STS_SESSION: sts_session,
}
# Calls that may be logged without parameters and still tell nothing about tags.
_PARAMETERS_OPTIONAL = (Effect.CREATE, Effect.UPDATE, Effect.SESSION)
_INTEREST_MEMO = 4096  # distinct (eventSource, eventName) pairs remembered; a trail has a few hundred


def _interest_of(spec: OperationSpec) -> Interest:
    """An STS session matters only with session tags (``tags``, ``principalTags``,
    ``transitiveTagKeys``, ``incomingTransitiveTags``): without, it has no tags of its own and
    inherits none, so it changes nothing a later record is judged on (its role's tags are the
    principal's tags already). A generic create or update call whose tags are optional (S3
    PutObject, most Create*) gives no change when no tag member is there."""
    if spec.handler is Handler.STS_SESSION:
        return Interest(always=False, needles=(b"tag",))
    optional = spec.effect in (Effect.CREATE, Effect.UPDATE)
    if optional and spec.handler is Handler.GENERIC and not spec.also and not spec.removes:
        names = {path.split(".", 1)[0].lower().encode() for path in spec.tags}
        return Interest(always=False, needles=tuple(sorted(names)))
    return Interest(always=True)


def default_specs() -> list[OperationSpec]:
    """The generated catalog, overridden by the hand-written specs."""
    return [*catalog_specs(), *builtin_specs()]


class Normalizer:
    """Finds the tag changes in CloudTrail records.

    A record that is not a tag write costs one dictionary lookup by (eventSource, eventName),
    plus, only for eventNames that start like a generic tag call (TagResource, AddTags...), one
    lookup by eventName for services the catalog does not know.
    """

    def __init__(
        self,
        specs: Iterable[OperationSpec] | None = None,
        by_name: Mapping[str, OperationSpec] = GENERIC_BY_NAME,
    ) -> None:
        self._specs: dict[tuple[str, str], OperationSpec] = {}
        for spec in specs if specs is not None else default_specs():
            self._specs[spec.key] = spec  # later specs (the builtin ones) win
        self._by_name = dict(by_name)
        self._generic_prefixes = tuple(sorted({name[:3] for name in self._by_name}))
        self._interest: dict[tuple[str, str], Interest | None] = {}

    def __len__(self) -> int:
        return len(self._specs)

    def specs(self) -> list[OperationSpec]:
        return list(self._specs.values())

    def spec_for(self, event_source: Any, event_name: Any) -> OperationSpec | None:
        try:
            spec = self._specs.get((event_source, event_name))
        except TypeError:  # an unhashable eventSource or eventName: not a record we can read
            return None
        if spec is None and isinstance(event_name, str) and event_name.startswith(self._generic_prefixes):
            return self._by_name.get(event_name)
        return spec

    def interest(self, event_source: str, event_name: str) -> Interest | None:
        """Whether a record of this call can give a tag change or a session, before it is decoded."""
        pair = (event_source, event_name)
        if pair in self._interest:
            return self._interest[pair]
        spec = self.spec_for(event_source, event_name)
        if len(self._interest) >= _INTEREST_MEMO:
            self._interest.clear()
        found = self._interest[pair] = None if spec is None else _interest_of(spec)
        return found

    def normalize(self, record: dict[str, Any]) -> Normalized:
        try:
            spec = self.spec_for(record.get("eventSource"), record.get("eventName"))
        except AttributeError:  # not a dict after all
            return NOT_A_TAG_WRITE
        if spec is None:
            return NOT_A_TAG_WRITE
        params = record.get("requestParameters")
        response = record.get("responseElements")
        if params is None:
            if spec.effect in _PARAMETERS_OPTIONAL and spec.handler is not Handler.STS_SESSION:
                return Normalized(spec=spec)
            if spec.handler is not Handler.STS_SESSION:
                return Normalized(unreadable="requestParameters is null", spec=spec)
            params = {}
        if not isinstance(params, dict):
            return Normalized(
                unreadable=f"requestParameters is {type(params).__name__}, expected an object", spec=spec
            )
        try:
            ctx = record_context(record)
            return _HANDLERS[spec.handler](
                spec, params, response if isinstance(response, dict) else None, ctx
            )
        except (Unreadable, ShapeError) as exc:
            return Normalized(unreadable=str(exc), spec=spec)
        except (TypeError, ValueError, AttributeError, KeyError, RecursionError) as exc:
            return Normalized(unreadable=f"unexpected shape: {type(exc).__name__}: {exc}", spec=spec)
