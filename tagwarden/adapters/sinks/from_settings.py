"""Sinks and their route, from the configuration."""

from __future__ import annotations

from tagwarden.adapters.aws import AwsClients
from tagwarden.adapters.sinks.alertmanager import AlertmanagerSink
from tagwarden.adapters.sinks.selection import SinkRoute
from tagwarden.adapters.sinks.sink import Sink
from tagwarden.adapters.sinks.sns import SnsSink
from tagwarden.adapters.sinks.webhook import WebhookSink
from tagwarden.core.arn import parse_arn
from tagwarden.core.settings.settings import Settings
from tagwarden.core.settings.sinks import AlertmanagerSinkSettings, SnsSinkSettings, WebhookSinkSettings


def build_sinks(settings: Settings, clients: AwsClients) -> tuple[dict[str, Sink], SinkRoute]:
    sinks: dict[str, Sink] = {}
    floors: dict[str, str] = {}
    for name, spec in zip(settings.sink_names(), settings.sinks, strict=True):
        if isinstance(spec, AlertmanagerSinkSettings):
            sinks[name] = AlertmanagerSink(name, spec)
        elif isinstance(spec, WebhookSinkSettings):
            sinks[name] = WebhookSink(name, spec)
        elif isinstance(spec, SnsSinkSettings):
            topic = parse_arn(spec.topic_arn)
            region = topic.region if topic is not None else None
            sinks[name] = SnsSink(name, spec, clients.sns(region))
        floors[name] = spec.min_severity
    return sinks, SinkRoute(floors)
