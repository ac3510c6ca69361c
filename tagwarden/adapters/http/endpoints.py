"""The daemon's endpoints, as handlers over plain objects."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from prometheus_client import CollectorRegistry
from prometheus_client.exposition import choose_encoder

from tagwarden.adapters.http.routing import Request, Response, Router
from tagwarden.adapters.store import Store
from tagwarden.core.model.finding import FINDING_KINDS, SEVERITIES, STATUSES
from tagwarden.core.ports.store import FindingFilter

Check = Callable[[], tuple[bool, dict[str, Any]]]
DEFAULT_LIMIT = 500
HISTORY_LIMIT = 200  # changes of a finding's target shown with it, newest first
MAX_LIMIT = 100_000


def metrics_handler(registry: CollectorRegistry) -> Callable[[Request], Response]:
    def handle(request: Request) -> Response:
        encoder, content_type = choose_encoder(request.headers.get("accept", ""))
        return Response(200, encoder(registry), content_type)

    return handle


def check_handler(check: Check) -> Callable[[Request], Response]:
    def handle(_request: Request) -> Response:
        ok, detail = check()
        return Response.json({"status": "ok" if ok else "failing", **detail}, 200 if ok else 503)

    return handle


FILTERS = ("severity", "kind", "status", "account", "limit")


def finding_filter(request: Request) -> FindingFilter | str:
    """The filter a request's query asks for, or an error message. A parameter that is not a filter
    is an error: ignored, a misspelt one (``sevrity``) would list every finding as if it applied."""
    unknown_filters = sorted(set(request.query) - set(FILTERS))
    if unknown_filters:
        return f"unknown filter {unknown_filters[0][:40]!r}; the filters are {', '.join(FILTERS)}"
    chosen: dict[str, list[str]] = {}
    for name, allowed in (("severity", SEVERITIES), ("kind", FINDING_KINDS), ("status", STATUSES)):
        values = request.values(name)
        unknown = [v for v in values if v not in allowed]
        if unknown:
            return f"unknown {name} {unknown[0]!r}; expected one of {', '.join(allowed)}"
        chosen[name] = values
    limits = request.query.get("limit", [str(DEFAULT_LIMIT)])
    if len(limits) > 1:
        return f"limit is given {len(limits)} times; give it once"
    limit_text = limits[0]
    # ASCII digits only: str.isdigit() also accepts "²" and "١٢", which int() then refuses or reads.
    if not (limit_text.isascii() and limit_text.isdigit()) or len(limit_text) > 9:
        return f"limit must be a whole number from 0 to {MAX_LIMIT}, got {limit_text[:40]!r}"
    if int(limit_text) > MAX_LIMIT:
        return f"limit must be a whole number from 0 to {MAX_LIMIT}, got {limit_text}"
    return FindingFilter(
        severity=chosen["severity"],
        kind=chosen["kind"],
        status=chosen["status"],
        account=request.values("account"),
        limit=int(limit_text),
    )


def finding_detail(store: Store, finding_id: str) -> dict[str, Any] | None:
    """A finding with what an engineer needs to judge it: the raw record and the target's history."""
    finding = store.get_finding(finding_id)
    if finding is None:
        return None
    # One more than is shown, to know whether older changes were left out: whoever can tag the target
    # can bury the finding's own event under newer changes, and the reader must be told.
    history = [asdict(entry) for entry in store.tag_history(finding.target, limit=HISTORY_LIMIT + 1)]
    record = store.get_event(finding.event_id)
    return {
        # remediation: {status: planned|applying|done|failed|skipped, detail}, or None (no revert queued)
        "finding": {**finding.to_dict(), "remediation": store.remediation(finding.id)},
        "record": record,
        "target_history": history[:HISTORY_LIMIT],
        "target_history_truncated": len(history) > HISTORY_LIMIT,
        "actor_tags": dict(store.current_tags(finding.actor).values),
        # The session tags of the session that made the call, which override the actor's own tags
        # (case-insensitively) when the call is judged; {} where the call was not made with one.
        "actor_session_tags": _session_tags(store, record),
    }


def _session_tags(store: Store, record: dict[str, Any] | None) -> dict[str, str]:
    identity = record.get("userIdentity") if isinstance(record, dict) else None
    access_key_id = identity.get("accessKeyId") if isinstance(identity, dict) else None
    if not isinstance(access_key_id, str) or not access_key_id:
        return {}
    grant = store.get_session(access_key_id)
    return grant.effective_tags() if grant is not None else {}


def install_api(router: Router, store: Store) -> None:
    def list_findings(request: Request) -> Response:
        where = finding_filter(request)
        if isinstance(where, str):
            return Response.json({"error": where}, 400)
        return Response.json([f.to_dict() for f in store.iter_findings(where)])

    def show_finding(request: Request) -> Response:
        finding_id = request.path.removeprefix("/api/findings/")
        detail = finding_detail(store, finding_id)
        if detail is None:
            return Response.json({"error": f"no finding {finding_id!r}"}, 404)
        return Response.json(detail)

    router.add("/api/findings", list_findings)
    router.add_prefix("/api/findings/", show_finding)
