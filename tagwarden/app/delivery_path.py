"""The delivery path the daemon starts with: what its configuration names, and what AWS says now."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from tagwarden.adapters.aws import AwsClients
from tagwarden.adapters.aws.error_codes import AWS_ERRORS, NO_ANSWER
from tagwarden.adapters.aws.forwarding import (
    Subscription,
    queue_identity,
    rules_targeting,
    subscriptions_of,
    subscriptions_to,
)
from tagwarden.adapters.aws.org_policies import policies_of_types
from tagwarden.adapters.aws.trails import described_trails
from tagwarden.adapters.sources.s3_objects import parse_s3_url
from tagwarden.app.config import FilesSourceSettings, LoadedConfig, SqsSourceSettings
from tagwarden.core.arn import is_arn, parse_arn
from tagwarden.core.controls import DeliveryPath
from tagwarden.core.controls.delivery import GOVERNING_POLICY_TYPES
from tagwarden.core.inventory.snapshot import PrincipalRecord


def delivery_path(
    config: LoadedConfig,
    clients: AwsClients | None,
    log: Any,
    caller: str | None = None,
    *,
    subscriptions: bool = True,
) -> DeliveryPath:
    """The buckets and queues the configured sources read and, with ``clients``, what AWS says carries
    CloudTrail to them (with ``subscriptions``, the queues' own SNS subscriptions too: a long listing
    in a large account, which only judging control calls needs); the roles tagwarden reads with
    (``caller``: the daemon's own ARN): the path whose changes are control_tamper findings."""
    delivery = DeliveryPath()
    add_watcher_roles(delivery, config, caller)
    for name, spec in zip(config.settings.source_names(), config.settings.sources, strict=True):
        if isinstance(spec, SqsSourceSettings):
            delivery.add_source_queue(spec.queue_url, name)
        elif isinstance(spec, FilesSourceSettings):
            for path in spec.paths:
                if path.startswith("s3://"):
                    delivery.add_source_bucket(parse_s3_url(path)[0], name)
    if clients is not None and seed_delivery_path(delivery, clients, log) and subscriptions:
        for sub in queue_subscriptions(list(delivery.source_queues), clients, log) or ():
            delivery.add_subscription(sub.topic, sub.arn, sub.protocol, sub.endpoint)
    return delivery


def seed_delivery_path(delivery: DeliveryPath, clients: AwsClients, log: Any) -> bool:
    """What AWS says now of the path: the trails (DescribeTrails), the EventBridge rules that send to a
    source's queue, the KMS key of each source's queue, the subscriptions of each trail's SNS topic,
    and the policies that govern tag writes (the queues' own subscriptions: queue_subscriptions).
    Each read that fails is logged; what it would have taught comes from events. Where AWS gives no
    answer to the first, the others are not asked, and False is returned: worth asking again."""
    try:
        for trail in described_trails(clients.cloudtrail()):
            delivery.learn_trail(trail, whole=True)
    except NO_ANSWER as exc:
        # No answer at all (no network, no credentials): asking the others would only wait as long.
        log.warning(
            "describe_trails_failed", error=str(exc), effect="the delivery path learned from events only"
        )
        return False
    except AWS_ERRORS as exc:
        log.warning("describe_trails_failed", error=str(exc), effect="trail buckets learned from events only")
    for parsed, url in list(delivery.queue_urls.items()):
        region = parsed.split(":")[3] or None
        with _logged(log, "queue_attributes_unavailable", "its KMS key is not watched", queue=url):
            arn, key = queue_identity(clients.sqs(region), clients.kms(region), url)
            delivery.add_queue_arn(url, arn)
            if key is not None:
                delivery.queue_keys[key] = arn or parsed
    for queue in list(delivery.source_queues):
        region = queue.split(":")[3] or None
        with _logged(log, "forwarding_rules_unavailable", "rules learned from events only", queue=queue):
            for rule in rules_targeting(clients.events(region), queue):
                delivery.add_rule(rule.arn, rule.pattern, rule.targets)
    for topic in list(delivery.trail_topics):
        with _logged(
            log, "topic_subscriptions_unavailable", "subscriptions learned from events only", topic=topic
        ):
            for sub in subscriptions_of(clients.sns(topic.split(":")[3]), topic):
                delivery.add_subscription(sub.topic, sub.arn, sub.protocol, sub.endpoint)
    unknown_type = "policy types learned from CreatePolicy events; one of unknown type counts as governing"
    with _logged(log, "organization_policies_unavailable", unknown_type):
        for policy_id, policy_type, arn in policies_of_types(clients.organizations(), GOVERNING_POLICY_TYPES):
            delivery.add_policy(policy_id, policy_type, arn)
    return True


def queue_subscriptions(queues: Iterable[str], clients: AwsClients, log: Any) -> list[Subscription] | None:
    """The SNS subscriptions whose endpoint is one of ``queues`` (ARNs as SQS gives them), to any
    topic of the queue's account and region (a bucket's notifications fanned out through a topic).
    SNS has no lookup by endpoint: ListSubscriptions pages through every subscription there, 100 a
    page, throttled at 30 calls a second, so an account with a million subscriptions takes minutes;
    the daemon reads them beside its work rather than before it (StartReads). A refusal is logged,
    and that queue's subscriptions are then learned from events; None where AWS gave no answer:
    worth asking again."""
    found: list[Subscription] = []
    for queue in queues:
        try:
            found += subscriptions_to(clients.sns(queue.split(":")[3] or None), queue)
        except NO_ANSWER as exc:
            log.warning("queue_subscriptions_unavailable", error=str(exc), effect="asked again", queue=queue)
            return None
        except AWS_ERRORS as exc:
            effect = "subscriptions learned from events only"
            log.warning("queue_subscriptions_unavailable", error=str(exc), effect=effect, queue=queue)
    return found


@contextmanager
def _logged(log: Any, event: str, effect: str, **fields: str) -> Iterator[None]:
    """A read of the path that fails is logged, with what is lost by it, and the others go on."""
    try:
        yield
    except AWS_ERRORS as exc:
        log.warning(event, error=str(exc), effect=effect, **fields)


def add_watcher_roles(delivery: DeliveryPath, config: LoadedConfig, caller: str | None) -> None:
    """The daemon's own role (from its caller ARN) and the roles the inventory assumes."""
    if caller is not None and (own := role_of(caller)) is not None:
        delivery.add_watcher_role(*own, "the role the tagwarden daemon runs as")
    inventory = config.settings.inventory
    if inventory is None:
        return
    reader = "the role tagwarden's inventory reads {} with"
    delivery.add_watcher_role("*", inventory.role_name, reader.format("every account"))
    for account in inventory.accounts or ():
        if account.role is not None:
            named = role_of(account.role)
            where = named or (account.id, account.role)
            delivery.add_watcher_role(*where, reader.format(f"account {account.id}"))
    if inventory.organization.role is not None and (named := role_of(inventory.organization.role)):
        delivery.add_watcher_role(*named, "the role tagwarden reads Organizations with")


def watcher_role_policies(
    delivery: DeliveryPath, principals: Iterable[PrincipalRecord]
) -> list[tuple[str, str, set[str], str | None]]:
    """Of an inventory's principals, the roles tagwarden reads with: (account, role name, the
    managed policies attached, the permissions boundary). A read without policy documents still
    names them (as unresolved), the boundary among them."""
    found = []
    for principal in principals:
        who = role_of(principal.arn) if principal.kind == "role" else None
        if who is None or delivery.watcher_role(*who) is None:
            continue
        boundary = principal.boundary.name if principal.boundary is not None else None
        attached = {p.name for p in principal.policies if is_arn(p.name)} | set(principal.unresolved)
        found.append((*who, attached - {boundary}, boundary))
    return found


def role_of(arn: str) -> tuple[str, str] | None:
    """(account, role name) of a role ARN or of an assumed-role session's ARN (whose role path is
    not in it: IAM's records name a role by its name alone too)."""
    parsed = parse_arn(arn)
    if parsed is None:
        return None
    kind, _, rest = parsed.resource.partition("/")
    if kind == "assumed-role":
        return parsed.account, rest.split("/", 1)[0]
    if kind == "role":
        return parsed.account, rest.rsplit("/", 1)[-1]
    return None
