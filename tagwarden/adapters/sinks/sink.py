"""What a sink is, and the text every sink shows."""

from __future__ import annotations

import hashlib
import json
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from typing import Protocol, runtime_checkable

from tagwarden.core.model import Finding


class DeliveryError(RuntimeError):
    """The sink did not take the finding; the dispatcher tries again later. ``permanent``: the sink
    refused this finding itself (a 400 for its payload), not everything: it alone waits."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class Sink(Protocol):
    name: str

    def send(self, finding: Finding) -> None:
        """Deliver one finding, or raise DeliveryError."""
        ...


@runtime_checkable
class Notifier(Sink, Protocol):
    """A sink that shows findings to people, and so takes back what it showed once the finding
    changes: judged again to another severity or rule, superseded, resolved."""

    def revise(self, sent: Finding, current: Finding, shown: bool) -> None:
        """The sink was sent ``sent``. Where ``shown``, it shows ``current`` in its place;
        otherwise it withdraws ``sent`` (``withdrawn_because`` says why). Or raise DeliveryError."""
        ...


LIVE_STATUSES = frozenset({"open", "acknowledged"})  # what a notifier shows; the others it withdraws


def notify(
    sink: Notifier, sent: Finding | None, current: Finding, *, routed: bool, maybe_sent: bool = False
) -> bool:
    """Brings ``sink`` to show ``current`` where it is live and routed to it, or to withdraw
    ``sent``, what it was sent before (None: nothing; with ``maybe_sent``, a send cut short may
    have delivered the finding as it is). False if there was nothing to send."""
    shown = routed and current.status in LIVE_STATUSES
    if sent is None and maybe_sent and not shown:
        sent = current
    if sent is not None:
        sink.revise(sent, current, shown)
    elif shown:
        sink.send(current)
    return sent is not None or shown


def withdrawn_because(current: Finding) -> str:
    if current.status == "superseded":
        return "judged again, it no longer holds"
    if current.status == "resolved":
        return "resolved"
    return f"now {current.severity}, below this sink's minimum severity"


def revision_text(sent: Finding, current: Finding, shown: bool) -> str:
    """One line for a finding a sink was sent before: what it says now, or why it is withdrawn."""
    if not shown:
        return f"withdrawn ({withdrawn_because(current)}): {summary(sent)}"
    if sent.status not in LIVE_STATUSES:
        return f"holds again: {summary(current)}"
    return f"revised: {summary(current)}; was {sent.severity} under {sent.rule}"


def update_kind(shown: bool) -> str:
    return "revised" if shown else "withdrawn"


def revision_key(current: Finding, shown: bool) -> str:
    """An idempotency key for one version of a finding: a revision is not a repeat of the first."""
    said = "\x1f".join(
        (current.status, current.severity, current.rule, current.old_value or "", current.new_value or "")
    )
    digest = hashlib.sha256(f"{said}\x1f{shown}".encode()).hexdigest()[:16]
    return f"{current.id}/{digest}"


# (url, body, headers, timeout) -> HTTP status. Tests give sinks a fake; the daemon uses urllib.
HttpPost = Callable[[str, bytes, Mapping[str, str], float], int]


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer, not a delivery: urllib would repeat a POST as a GET without its
    body (and count it delivered), sending the sink's headers, its token among them, elsewhere."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)
# Answers that refuse this one payload; others (401, 404, 429, 5xx) say the sink is unwell or misconfigured.
_REFUSED_PAYLOAD = frozenset({400, 413, 415, 422})


def urllib_post(url: str, body: bytes, headers: Mapping[str, str], timeout: float) -> int:
    request = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": "application/json", **headers}
    )
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except (urllib.error.URLError, OSError) as exc:
        raise DeliveryError(f"cannot reach the sink: {getattr(exc, 'reason', exc)}") from None


def post_json(post: HttpPost, url: str, payload: object, headers: Mapping[str, str], timeout: float) -> None:
    status = post(url, json.dumps(payload).encode(), headers, timeout)
    if not 200 <= status < 300:
        raise DeliveryError(f"the sink answered HTTP {status}", permanent=status in _REFUSED_PAYLOAD)


def summary(finding: Finding) -> str:
    """One line: what happened, to what, by whom."""
    change = f"{finding.old_value or '∅'} → {finding.new_value or '∅'}"
    what = f"{finding.kind} ({finding.severity}): {finding.tag_key} {change}"
    return f"{what} on {finding.target} by {finding.actor}"


def slack_text(value: str) -> str:
    """``value`` shown as itself in Slack's message text, where ``<!channel>`` would notify a
    channel and ``<https://…|label>`` draw a link: Slack asks for &, < and > as HTML entities."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
