"""Building the parts of the daemon from the configuration."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from tagwarden.adapters.aws import AwsClients
from tagwarden.adapters.aws.caller import CallerAccount
from tagwarden.adapters.aws.iam_tags import IAMPrincipalTags
from tagwarden.adapters.aws.instance_profiles import IAMInstanceProfiles
from tagwarden.adapters.aws.launch_templates import EC2LaunchTemplates
from tagwarden.adapters.aws.tag_writer import TagWriter, remediator_clients
from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.sinks import Sink
from tagwarden.adapters.sinks.from_settings import build_sinks
from tagwarden.adapters.sinks.revert import RevertSink
from tagwarden.adapters.sources import Source
from tagwarden.adapters.sources.files import FilesSource
from tagwarden.adapters.sources.host_limits import available_cpus, cgroup_memory_limit, plan_workers
from tagwarden.adapters.sources.lookup_events import LookupEventsSource
from tagwarden.adapters.sources.source import SourceContext
from tagwarden.adapters.sources.sqs import SqsSource
from tagwarden.adapters.sources.workers import PreparePool
from tagwarden.adapters.store import Store
from tagwarden.app.config import (
    FilesSourceSettings,
    LoadedConfig,
    LookupEventsSourceSettings,
    Settings,
    SqsSourceSettings,
)
from tagwarden.app.delivery_path import delivery_path
from tagwarden.app.pipeline import PrincipalTagCache, Processor
from tagwarden.app.pipeline.compute_identity import ComputeIdentity
from tagwarden.app.recording import REPORT_SINK, Recorder, ReportSink
from tagwarden.core.faults import FaultBoard
from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.model import Finding
from tagwarden.core.normalize import Normalizer
from tagwarden.core.remediation import wants_revert


@dataclass(frozen=True, slots=True)
class Parts:
    store: Store
    metrics: Metrics
    processor: Processor
    clients: AwsClients
    caller: Callable[[], str | None]  # the account of tagwarden's credentials, None while unknown
    sinks: dict[str, Sink]
    faults: FaultBoard = field(default_factory=FaultBoard)  # what is failing now, for /readyz
    abandon: threading.Event = field(default_factory=threading.Event)  # set when the grace period ends
    identity: CallerAccount | None = None  # the daemon's STS identity (None: a replay's or none)

    @property
    def account(self) -> str | None:
        return self.caller()

    @property
    def recorder(self) -> Recorder:
        """Commits, queues and reports findings for every producer: the processor's own."""
        return self.processor.recorder


def build_parts(
    config: LoadedConfig,
    log: Any,
    clients: AwsClients | None = None,
    aws: bool = True,
    replay: bool = False,
    *,
    read_later: bool = False,
) -> Parts:
    """Store, metrics and processor; with ``aws`` False nothing calls AWS (no principal tags).
    A ``replay`` is run again after a power cut, so its commits need not wait for the disk each
    (see open_store), and it marks its findings reported in batches (see Recorder). With
    ``read_later`` (the daemon), neither STS nor the delivery path is read here: the daemon reads
    them once it serves HTTP (app/daemon/start_reads.py)."""
    settings = config.settings
    metrics = Metrics()
    aws_clients = clients or _counted_clients(settings, metrics)
    store = config.open_store(durable=not replay)
    metrics.watch_open_findings(store.open_finding_counts)
    metrics.log_gap_threshold.set(settings.integrity.log_gap_seconds)
    faults = FaultBoard()
    # The daemon asks STS again while it gets no answer: one short attempt each time will do. A
    # command run once (replay, scan) has the one answer it gets: it keeps the retries.
    caller = CallerAccount((aws_clients.for_start() if read_later else aws_clients).sts, log, faults)
    account = caller() if aws and not read_later else None
    # The daemon asks STS again where it did not answer at start, and IAM lookups wait for it; a
    # replay keeps what it got (none: offline, principal tags from the store alone).
    own: Callable[[], str | None] = caller if aws and not replay else lambda: account
    fetch = IAMPrincipalTags(aws_clients.iam(), own, log) if aws and (account or not replay) else None
    principals = PrincipalTagCache(
        fetch,
        settings.aws.principal_tags_ttl_seconds,
        faults=faults,
        on_failure=lambda reason: metrics.principal_tag_errors.labels(reason).inc(),
    )
    compute = _compute_identity(
        aws_clients if aws else None, own, log, settings.aws.principal_tags_ttl_seconds
    )
    sinks, by_severity = build_sinks(settings, aws_clients)
    policy = CompiledPolicy(config.policy)
    writer = TagWriter(remediator_clients(aws_clients, config.policy.remediation.role))
    route = with_reverts(policy, sinks, by_severity, RevertSink(store, writer, policy, log))
    # A replay's caller is whoever replays (its role is no watcher's); a scan judges no control call.
    read_now = aws_clients if aws and not read_later else None
    delivery = delivery_path(config, read_now, log, None if replay else caller.arn, subscriptions=replay)
    processor = Processor(
        normalizer=Normalizer(),
        policy=policy,
        store=store,
        principals=principals,
        metrics=metrics,
        log=log,
        route=route,
        delivery=delivery,
        compute=compute,
        batch_reports=replay,
    )
    sinks[REPORT_SINK] = ReportSink(processor.recorder)  # reports what a dead process did not
    identity = caller if aws and not replay else None
    return Parts(store, metrics, processor, aws_clients, own, sinks, faults, identity=identity)


def _counted_clients(settings: Settings, metrics: Metrics) -> AwsClients:
    """Clients whose every request to AWS is counted (``tagwarden_aws_requests_total``)."""
    return AwsClients(settings.aws.region, settings.aws.max_attempts, on_request=metrics.count_aws_request)


def _compute_identity(
    clients: AwsClients | None, own: Callable[[], str | None], log: Any, ttl_seconds: float
) -> ComputeIdentity:
    """Instance profiles and launch templates, read from IAM and EC2 (with ``clients``)."""
    profiles = IAMInstanceProfiles(clients.iam(), own, log) if clients else None
    return ComputeIdentity(
        fetch=profiles,
        list_all=profiles.all_roles if profiles else None,
        ttl_seconds=ttl_seconds,
        templates=EC2LaunchTemplates(clients.ec2, own, log) if clients else None,
    )


def with_reverts(
    policy: CompiledPolicy,
    sinks: dict[str, Sink],
    route: Callable[[Finding], Iterable[str]],
    reverter: Sink,
) -> Callable[[Finding], Iterable[str]]:
    """When a rule says ``remediate: revert``: the revert sink, and its findings routed to it."""
    if not any(rule.rule.remediate == "revert" for rule in policy.rules):
        return route
    sinks[reverter.name] = reverter

    def routed(finding: Finding) -> Iterable[str]:
        names = list(route(finding))
        return [*names, reverter.name] if wants_revert(finding, policy) else names

    return routed


def worker_count(asked: int, log: Any, memory_limit: int | None) -> int:
    """``asked`` worker processes, or fewer where ``memory_limit`` (bytes; the container's, from
    ``cgroup_memory_limit``) holds fewer."""
    plan = plan_workers(asked, memory_limit)
    if plan.reduced:
        log.warning("workers_reduced", asked=plan.asked, workers=plan.workers, detail=plan.explain())
    return plan.workers


def workers_for(config: LoadedConfig, log: Any, asked: int | None = None) -> int:
    """The worker processes ``run`` and ``replay`` start: ``asked`` (replay's ``--workers``), else
    the config's ``workers``, else the CPUs this process may use (none on one); fewer where the
    container's memory limit holds fewer."""
    wanted = asked if asked is not None else config.settings.worker_count(available_cpus())
    return worker_count(wanted, log, cgroup_memory_limit())


def build_sources(config: LoadedConfig, parts: Parts, log: Any) -> list[Source]:
    """The configured sources; the files and SQS sources share ``workers`` processes that read and
    normalize for them (started on first use, stopped by closing a source)."""
    workers = workers_for(config, log)
    parts.metrics.worker_processes.set(workers)
    pool = PreparePool(parts.processor, workers) if workers > 0 else None
    context = SourceContext(
        parts.processor, parts.metrics, log, faults=parts.faults, abandon=parts.abandon, pool=pool
    )
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
