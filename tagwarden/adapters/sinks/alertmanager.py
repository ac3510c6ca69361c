"""Alertmanager's v2 API: one alert per finding, grouped and deduplicated by its finding id."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from tagwarden.adapters.sinks.sink import HttpPost, post_json, revision_text, summary, urllib_post
from tagwarden.core.model import Finding
from tagwarden.core.settings.sinks import AlertmanagerSinkSettings

ALERT_NAME = "TagwardenFinding"
# The routing severity, as the alert rules give it (deploy/prometheus/alerts.yaml): a high finding
# notifies the same day rather than paging at night; its own severity is in finding_severity.
ALERT_SEVERITY = {"critical": "critical", "high": "warning", "warning": "warning", "info": "info"}
RUNBOOK = "https://github.com/tagwarden/tagwarden/blob/main/deploy/runbooks/TagwardenTagAbuse.md"


def alert_labels(finding: Finding) -> dict[str, str]:
    """What Alertmanager knows an alert by: two versions of a finding with the same labels are
    one alert, updated in place."""
    return {
        "alertname": ALERT_NAME,
        "severity": ALERT_SEVERITY.get(finding.severity, "warning"),
        "finding_severity": finding.severity,
        "kind": finding.kind,
        "account": finding.account,
        "rule": finding.rule,
        "tag_key": finding.tag_key,
        "finding_id": finding.id,
    }


def alert_for(
    finding: Finding, ttl_seconds: float, external_url: str | None, now: datetime
) -> dict[str, Any]:
    link = f"{external_url.rstrip('/')}/findings/{finding.id}" if external_url else ""
    return {
        "labels": alert_labels(finding),
        "annotations": {
            "summary": summary(finding),
            "description": finding.explanation,
            "actor": finding.actor,
            "actor_session": finding.actor_session or "",
            "target": finding.target,
            "old_value": finding.old_value if finding.old_value is not None else "",
            "new_value": finding.new_value if finding.new_value is not None else "",
            "event_id": finding.event_id,
            "event_time": finding.event_time,
            "runbook_url": RUNBOOK,
        },
        "startsAt": now.isoformat(),
        "endsAt": (now + timedelta(seconds=ttl_seconds)).isoformat(),
        "generatorURL": link,
    }


class AlertmanagerSink:
    def __init__(self, name: str, settings: AlertmanagerSinkSettings, post: HttpPost = urllib_post) -> None:
        self.name = name
        self.settings = settings
        self._post = post
        self._url = settings.url.rstrip("/") + "/api/v2/alerts"

    def send(self, finding: Finding) -> None:
        alert = alert_for(
            finding, self.settings.alert_ttl_seconds, self.settings.external_url, datetime.now(tz=UTC)
        )
        post_json(self._post, self._url, [alert], {}, self.settings.timeout_seconds)

    def revise(self, sent: Finding, current: Finding, shown: bool) -> None:
        """Alertmanager knows an alert by its labels. The alert of ``sent`` ends now (resolved)
        unless ``current`` is shown under the same labels, which then updates it in place."""
        now = datetime.now(tz=UTC)
        ttl, url = self.settings.alert_ttl_seconds, self.settings.external_url
        alerts = [alert_for(current, ttl, url, now)] if shown else []
        ended = alert_for(sent, 0, url, now)
        if not alerts or alerts[0]["labels"] != ended["labels"]:
            ended["annotations"]["description"] = revision_text(sent, current, shown)
            alerts.append(ended)
        post_json(self._post, self._url, alerts, {}, self.settings.timeout_seconds)

    def resend(self, findings: Sequence[Finding]) -> None:
        """The alerts of ``findings`` again, in one request: each lasts ``alert_ttl_seconds`` from
        now. Alertmanager keeps an active alert's start; one it lost fires anew."""
        self._post_all(findings, self.settings.alert_ttl_seconds)

    def end(self, findings: Sequence[Finding]) -> None:
        """The alerts of ``findings`` end now, in one request."""
        self._post_all(findings, 0)

    def _post_all(self, findings: Sequence[Finding], ttl: float) -> None:
        if findings:
            now, url = datetime.now(tz=UTC), self.settings.external_url
            alerts = [alert_for(finding, ttl, url, now) for finding in findings]
            post_json(self._post, self._url, alerts, {}, self.settings.timeout_seconds)
