"""What a sink is, and the text every sink shows."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from typing import Protocol

from tagwarden.core.model import Finding


class DeliveryError(RuntimeError):
    """The sink did not take the finding; the dispatcher tries again later."""


class Sink(Protocol):
    name: str

    def send(self, finding: Finding) -> None:
        """Deliver one finding, or raise DeliveryError."""
        ...


# (url, body, headers, timeout) -> HTTP status. Tests give sinks a fake; the daemon uses urllib.
HttpPost = Callable[[str, bytes, Mapping[str, str], float], int]


def urllib_post(url: str, body: bytes, headers: Mapping[str, str], timeout: float) -> int:
    request = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": "application/json", **headers}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except (urllib.error.URLError, OSError) as exc:
        raise DeliveryError(f"cannot reach the sink: {getattr(exc, 'reason', exc)}") from None


def post_json(post: HttpPost, url: str, payload: object, headers: Mapping[str, str], timeout: float) -> None:
    status = post(url, json.dumps(payload).encode(), headers, timeout)
    if not 200 <= status < 300:
        raise DeliveryError(f"the sink answered HTTP {status}")


def summary(finding: Finding) -> str:
    """One line: what happened, to what, by whom."""
    change = f"{finding.old_value or '∅'} → {finding.new_value or '∅'}"
    what = f"{finding.kind} ({finding.severity}): {finding.tag_key} {change}"
    return f"{what} on {finding.target} by {finding.actor}"
