"""A generic webhook with a Slack-compatible body: ``text`` and ``attachments``, plus the finding."""

from __future__ import annotations

from typing import Any

from tagwarden.adapters.sinks.sink import (
    HttpPost,
    post_json,
    revision_key,
    revision_text,
    slack_text,
    summary,
    update_kind,
    urllib_post,
)
from tagwarden.core.model import Finding
from tagwarden.core.settings.sinks import WebhookSinkSettings

COLOURS = {"critical": "#b00020", "high": "#e65100", "warning": "#f9a825", "info": "#607d8b"}


def webhook_body(finding: Finding, headline: str | None = None) -> dict[str, Any]:
    """The Slack-compatible part shows record fields (tag keys and values, names an actor chose)
    escaped as Slack asks; ``finding`` carries them as they are. ``headline``: the first line,
    the finding's summary unless given."""
    fields = [
        {"title": name, "value": slack_text(value), "short": short}
        for name, value, short in (
            ("Actor", finding.actor, False),
            ("Target", finding.target, False),
            ("Key", finding.tag_key, True),
            ("Change", f"{finding.old_value or '∅'} → {finding.new_value or '∅'}", True),
            ("Account", finding.account, True),
            ("Event", f"{finding.event_name} {finding.event_id}", False),
        )
    ]
    return {
        "text": f"tagwarden: {slack_text(headline or summary(finding))}",
        "attachments": [
            {
                "color": COLOURS.get(finding.severity, "#607d8b"),
                "fallback": slack_text(summary(finding)),
                "text": slack_text(finding.explanation),
                "fields": fields,
                "footer": f"finding {finding.id}",
            }
        ],
        "finding": finding.to_dict(),
    }


class WebhookSink:
    def __init__(self, name: str, settings: WebhookSinkSettings, post: HttpPost = urllib_post) -> None:
        self.name = name
        self.settings = settings
        self._post = post

    def send(self, finding: Finding) -> None:
        # A finding may be sent twice (a crash between the send and its "delivered" mark); the
        # receiver can drop the repeat by this key (the IETF Idempotency-Key header).
        headers = {**self.settings.headers, "Idempotency-Key": finding.id}
        post_json(
            self._post, self.settings.url, webhook_body(finding), headers, self.settings.timeout_seconds
        )

    def revise(self, sent: Finding, current: Finding, shown: bool) -> None:
        """A message of its own: what the finding says now, or why the one sent is withdrawn,
        with both versions (``finding``, ``previous``) and ``update``."""
        body = webhook_body(current if shown else sent, revision_text(sent, current, shown))
        body.update(finding=current.to_dict(), previous=sent.to_dict(), update=update_kind(shown))
        headers = {**self.settings.headers, "Idempotency-Key": revision_key(current, shown)}
        post_json(self._post, self.settings.url, body, headers, self.settings.timeout_seconds)
