"""Building the parts of the daemon from the configuration."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from tagwarden.adapters.aws import AwsClients
from tagwarden.adapters.aws.iam_tags import IAMPrincipalTags
from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.sinks import Sink
from tagwarden.adapters.sinks.factory import build_sinks
from tagwarden.adapters.sources import Source
from tagwarden.adapters.sources.base import SourceContext
from tagwarden.adapters.sources.files import FilesSource
from tagwarden.adapters.sources.lookup_events import LookupEventsSource
from tagwarden.adapters.sources.sqs import SqsSource
from tagwarden.adapters.store import Store
from tagwarden.app.config import (
    FilesSourceSettings,
    LoadedConfig,
    LookupEventsSourceSettings,
    SqsSourceSettings,
)
from tagwarden.app.pipeline import PrincipalTagCache, Processor
from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.normalize import Normalizer


def caller_account(clients: AwsClients, log: Any) -> str | None:
    try:
        return clients.sts().get_caller_identity()["Account"]
    except (ClientError, BotoCoreError) as exc:
        log.warning("caller_identity_unavailable", error=str(exc))
        return None


@dataclass(frozen=True, slots=True)
class Parts:
    store: Store
    metrics: Metrics
    processor: Processor
    clients: AwsClients
    account: str | None
    sinks: dict[str, Sink]


def build_parts(config: LoadedConfig, log: Any, clients: AwsClients | None = None, aws: bool = True) -> Parts:
    """Store, metrics and processor; with ``aws`` False nothing calls AWS (no principal tags)."""
    settings = config.settings
    aws_clients = clients or AwsClients(settings.aws.region, settings.aws.max_attempts)
    store = config.open_store()
    metrics = Metrics()
    metrics.watch_open_findings(store.open_finding_counts)
    account = caller_account(aws_clients, log) if aws else None
    fetch = IAMPrincipalTags(aws_clients.iam(), account, log) if aws else None
    principals = PrincipalTagCache(fetch, settings.aws.principal_tags_ttl_seconds)
    sinks, route = build_sinks(settings, aws_clients)
    processor = Processor(
        normalizer=Normalizer(),
        policy=CompiledPolicy(config.policy),
        store=store,
        principals=principals,
        metrics=metrics,
        log=log,
        route=route,
    )
    return Parts(store, metrics, processor, aws_clients, account, sinks)


def build_sources(config: LoadedConfig, parts: Parts, log: Any) -> list[Source]:
    context = SourceContext(parts.processor, parts.metrics, log)
    clients = parts.clients
    sources: list[Source] = []
    for name, spec in zip(config.settings.source_names(), config.settings.sources, strict=True):
        if isinstance(spec, SqsSourceSettings):
            sources.append(
                SqsSource(
                    name, spec, context, sqs=clients.sqs(_queue_region(spec.queue_url)), s3=clients.s3()
                )
            )
        elif isinstance(spec, FilesSourceSettings):
            sources.append(FilesSource(name, spec, context, base_dir=config.base_dir, s3=clients.s3))
        elif isinstance(spec, LookupEventsSourceSettings):
            region = spec.region or clients.region
            sources.append(
                LookupEventsSource(
                    name,
                    spec,
                    context,
                    cloudtrail=clients.cloudtrail(region),
                    account=parts.account or "unknown",
                    region=region,
                )
            )
    return sources


def _queue_region(queue_url: str) -> str | None:
    """The region in an SQS queue URL (https://sqs.<region>.amazonaws.com/...), if it has one."""
    host = queue_url.split("/")[2] if queue_url.count("/") >= 2 else ""
    labels = host.split(".")
    if len(labels) >= 4 and labels[0] == "sqs" and labels[-2:] == ["amazonaws", "com"]:
        return labels[1]
    return None
