"""What carries CloudTrail to tagwarden, and which Organizations policies govern tag writes.

Learned from the configuration (the buckets and queues sources read), from what AWS says at start
(app/delivery_path.py: trails, rules, subscriptions, policies), and from the events themselves as they
pass: CreateTrail/UpdateTrail name a trail's bucket, KMS key and SNS topic, PutRule/PutTargets a rule
that forwards CloudTrail events (and its targets), Subscribe a topic that feeds a source's queue,
CreatePolicy a policy's type. Kept in memory: after a restart the configuration and AWS seed it again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tagwarden.core.arn import is_arn, partition_for
from tagwarden.core.controls.forwarded import forwards_any, names_what_tagwarden_reads, pattern_text

# Policy types whose change weakens tag governance: SCPs and RCPs deny tag writes, tag policies
# constrain the values.
GOVERNING_POLICY_TYPES = frozenset({"SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY", "TAG_POLICY"})
# IAM calls that change which managed policies govern a role: learned for the roles tagwarden reads with
_ROLE_POLICY_CALLS = frozenset(
    {"AttachRolePolicy", "DetachRolePolicy", "PutRolePermissionsBoundary", "DeleteRolePermissionsBoundary"}
)


def _params(record: dict[str, Any], name: str) -> dict[str, Any]:
    value = record.get(name)
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def queue_arn(queue_url: str, region: str = "", account: str = "") -> str:
    """arn:aws:sqs:<region>:<account>:<name> of https://sqs.<region>.amazonaws.com/<account>/<name>
    (also the legacy https://queue.amazonaws.com/<account>/<name>, with the record's region)."""
    if is_arn(queue_url):
        return queue_url
    parts = queue_url.split("/")
    host = parts[2] if len(parts) > 2 else ""
    labels = host.split(".")
    if len(labels) >= 4 and labels[0] == "sqs":
        region = labels[1]
    elif len(labels) >= 4 and labels[1] == "queue":
        region = labels[0]
    owner, name = (parts[-2], parts[-1]) if len(parts) >= 5 else (account, parts[-1])
    return f"arn:{partition_for(region)}:sqs:{region}:{owner}:{name}"


def key_id(key: str) -> str:
    """A KMS key's id, from its ARN or id (an alias stays as it is: it names no key by itself)."""
    return key.rsplit(":key/", 1)[-1] if ":key/" in key else key


def topic_of(subscription_arn: str) -> str:
    """arn:aws:sns:<region>:<account>:<topic> of its subscription's ARN (the topic's, a colon, an id)."""
    return subscription_arn.rsplit(":", 1)[0] if subscription_arn.count(":") >= 6 else subscription_arn


def rule_arn(name: str, bus: str, region: str, account: str) -> str:
    if is_arn(name):
        return name
    bus_name = bus.rsplit("/", 1)[-1] if bus else "default"
    path = name if bus_name == "default" else f"{bus_name}/{name}"
    return f"arn:{partition_for(region)}:events:{region}:{account}:rule/{path}"


def bus_arn(bus: str, region: str, account: str) -> str:
    """An event bus's ARN from a name or ARN as requests give it (none: the default bus)."""
    if is_arn(bus):
        return bus
    return f"arn:{partition_for(region)}:events:{region}:{account}:event-bus/{bus or 'default'}"


def rule_bus_arn(rule: str) -> str:
    """The ARN of the bus a rule is on: ``rule/NAME`` is on the default bus, ``rule/BUS/NAME`` on BUS."""
    head, _, path = rule.partition(":rule/")
    bus, _, _ = path.rpartition("/")
    return f"{head}:event-bus/{bus or 'default'}"


@dataclass
class DeliveryPath:
    trail_buckets: dict[str, str] = field(default_factory=dict)  # bucket -> the trail that writes to it
    source_buckets: dict[str, str] = field(default_factory=dict)  # bucket -> the source that reads it
    source_queues: dict[str, str] = field(default_factory=dict)  # queue ARN -> the source that reads it
    queue_urls: dict[str, str] = field(default_factory=dict)  # queue ARN -> its URL, as configured
    forwarding_rules: set[str] = field(default_factory=set)  # rule ARNs forwarding CloudTrail events
    rule_patterns: dict[str, str] = field(default_factory=dict)  # rule ARN -> its event pattern (JSON)
    rule_targets: dict[str, dict[str, str]] = field(default_factory=dict)  # rule ARN -> target id -> ARN
    policies: dict[str, tuple[str, str]] = field(default_factory=dict)  # policy id -> (type, ARN)
    trail_keys: dict[str, str] = field(default_factory=dict)  # KMS key id -> the trail it encrypts
    # Trails known to encrypt with no KMS key now (their old keys stay in trail_keys: old log files
    # still need them to be read).
    keyless_trails: set[str] = field(default_factory=set)
    queue_keys: dict[str, str] = field(default_factory=dict)  # KMS key id -> the source queue it encrypts
    trail_topics: dict[str, str] = field(default_factory=dict)  # SNS topic ARN -> the trail notifying it
    topic_feeds: dict[str, str] = field(default_factory=dict)  # topic ARN -> the source its queue feeds
    subscriptions: dict[str, str] = field(default_factory=dict)  # subscription ARN -> that source
    # (account or "*", role name) -> what tagwarden reads with the role (its own, the inventory's)
    watcher_roles: dict[tuple[str, str], str] = field(default_factory=dict)
    # (account, role name) of a watcher role -> the managed policies attached to it, and its boundary
    watcher_attached: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    watcher_boundary: dict[tuple[str, str], str] = field(default_factory=dict)
    _bucket_of: dict[str, str] = field(default_factory=dict)  # trail -> the bucket it writes to now

    def add_trail(self, bucket: str, trail: str) -> None:
        if not bucket:
            return
        left = self._bucket_of.get(trail)
        if left is not None and left != bucket and self.trail_buckets.get(left) == trail:
            del self.trail_buckets[left]  # a bucket it left is no longer where its logs go
        self.trail_buckets[bucket] = trail
        self._bucket_of[trail] = bucket

    def add_source_bucket(self, bucket: str, source: str) -> None:
        self.source_buckets[bucket] = source

    def add_source_queue(self, queue_url: str, source: str) -> None:
        self.source_queues[queue_arn(queue_url)] = source
        self.queue_urls[queue_arn(queue_url)] = queue_url

    def add_watcher_role(self, account: str, role: str, purpose: str) -> None:
        """A role tagwarden reads with, in ``account`` ("*": every account)."""
        self.watcher_roles.setdefault((account, role), purpose)

    def watcher_role(self, account: str, role: str) -> str | None:
        """What tagwarden reads with ``role`` of ``account``, or None if it is not one of its own."""
        return self.watcher_roles.get((account, role)) or self.watcher_roles.get(("*", role))

    def set_role_policies(self, account: str, role: str, attached: set[str], boundary: str | None) -> None:
        """The managed policies attached to a watcher role and its permissions boundary, as an
        inventory read them: they replace what was known of that role."""
        self.watcher_attached[(account, role)] = set(attached)
        if boundary:
            self.watcher_boundary[(account, role)] = boundary
        else:
            self.watcher_boundary.pop((account, role), None)

    def roles_governed_by(self, policy_arn: str) -> list[tuple[str, str]]:
        """The watcher roles (account, name) ``policy_arn`` is attached to or bounds."""
        attached = {who for who, arns in self.watcher_attached.items() if policy_arn in arns}
        bounded = {who for who, arn in self.watcher_boundary.items() if arn == policy_arn}
        return sorted(attached | bounded)

    def add_queue_arn(self, queue_url: str, arn: str) -> None:
        """The ARN SQS gives for a source's queue, in place of the one read from its URL where that
        did not say it whole (a VPC endpoint's URL, or another endpoint's: no region in it)."""
        parsed = queue_arn(queue_url)
        source = self.source_queues.get(parsed)
        if arn and source is not None and arn != parsed:
            del self.source_queues[parsed], self.queue_urls[parsed]
            self.source_queues[arn] = source
            self.queue_urls[arn] = queue_url

    def add_policy(self, policy_id: str, policy_type: str, arn: str) -> None:
        self.policies[policy_id] = (policy_type, arn)

    def add_rule(self, arn: str, pattern: Any, targets: dict[str, str]) -> None:
        """An EventBridge rule: its event pattern (None where not known) and targets (id -> ARN)
        added or replaced. It forwards CloudTrail while its pattern takes what tagwarden reads, or
        where targets just given send to a source's queue."""
        known = self.rule_targets.setdefault(arn, {})
        known.update(targets)
        sends_here = bool(targets) and bool(set(known.values()) & set(self.source_queues))
        if pattern is not None:
            text = pattern_text(pattern)
            # Matching takes tens of milliseconds: not done for every rule anyone puts.
            if sends_here or arn in self.forwarding_rules or names_what_tagwarden_reads(text):
                self.rule_patterns[arn] = text
                if forwards_any(text) is False and not sends_here:
                    self.forwarding_rules.discard(arn)  # its new pattern forwards CloudTrail no more
                    return
                self.forwarding_rules.add(arn)
        elif sends_here:
            self.forwarding_rules.add(arn)

    def encrypts_with_own_key(self, trail: str) -> bool:
        """Whether ``trail`` names a KMS key of its own for its log files, as last known."""
        return trail not in self.keyless_trails and trail in self.trail_keys.values()

    def rules_sending_here_on(self, bus_arn: str) -> list[str]:
        """The rules on event bus ``bus_arn`` with a target sending to a source's queue."""
        queues = set(self.source_queues)
        return sorted(
            arn
            for arn, targets in self.rule_targets.items()
            if rule_bus_arn(arn) == bus_arn and set(targets.values()) & queues
        )

    def add_subscription(self, topic: str, subscription: str, protocol: str, endpoint: str) -> None:
        """An SNS subscription: one of a source's queue to ``topic`` makes the topic part of the path."""
        source = self.source_queues.get(endpoint)
        if source is None or protocol != "sqs":
            return
        self.topic_feeds[topic] = source
        if subscription:
            self.subscriptions[subscription] = source

    def merge(self, read: DeliveryPath) -> None:
        """Take in what a read of AWS made after start found (``read``: the configuration's path,
        seeded). AWS as read now is newer than any event judged so far, so its answers replace what
        events taught of the same trail, rule or key; what events taught of others stays."""
        self.source_queues, self.queue_urls = dict(read.source_queues), dict(read.queue_urls)
        for trail, bucket in read._bucket_of.items():
            self.add_trail(bucket, trail)
            if trail in read.keyless_trails:
                self.keyless_trails.add(trail)
            else:
                self.keyless_trails.discard(trail)
        for arn, targets in read.rule_targets.items():
            self.rule_targets.setdefault(arn, {}).update(targets)
        self.forwarding_rules |= read.forwarding_rules
        self.policies.update(read.policies)
        for mine, theirs in (
            (self.rule_patterns, read.rule_patterns),
            (self.trail_keys, read.trail_keys),
            (self.queue_keys, read.queue_keys),
            (self.trail_topics, read.trail_topics),
            (self.topic_feeds, read.topic_feeds),
            (self.subscriptions, read.subscriptions),
        ):
            mine.update(theirs)
        for (account, role), purpose in read.watcher_roles.items():
            self.add_watcher_role(account, role, purpose)

    def bucket_role(self, bucket: str) -> str | None:
        """What the bucket is to tagwarden ("the bucket trail X writes to"), None if nothing."""
        if bucket in self.trail_buckets:
            return f"the bucket trail {self.trail_buckets[bucket]} delivers its log files to"
        if bucket in self.source_buckets:
            return f"the bucket source {self.source_buckets[bucket]!r} reads log files from"
        return None

    def learn(self, record: dict[str, Any]) -> None:
        """Remember what a successful CreateTrail, UpdateTrail, PutRule, PutTargets, Subscribe,
        CreatePolicy, or change of a watcher role's managed policies says."""
        if record.get("errorCode"):
            return
        name = record.get("eventName")
        request, response = _params(record, "requestParameters"), _params(record, "responseElements")
        region, account = _text(record.get("awsRegion")), _text(record.get("recipientAccountId"))
        if name in ("CreateTrail", "UpdateTrail"):
            self.learn_trail(response, request)
        elif name == "PutRule":
            self.add_rule(put_rule_arn(request, response, region, account), request.get("eventPattern"), {})
        elif name == "PutTargets":
            bus = _text(request.get("eventBusName"))
            arn = rule_arn(_text(request.get("rule")), bus, region, account)
            self.add_rule(arn, None, rule_target_arns(request))
        elif name == "Subscribe":
            self.add_subscription(
                _text(request.get("topicArn")),
                _text(response.get("subscriptionArn")),
                _text(request.get("protocol")),
                _text(request.get("endpoint")),
            )
        elif name in _ROLE_POLICY_CALLS:
            self._learn_role_policy(str(name), request, account)
        elif name == "CreatePolicy":
            policy = _params(response, "policy").get("policySummary")
            if isinstance(policy, dict) and policy.get("id"):
                self.add_policy(str(policy["id"]), _text(policy.get("type")), _text(policy.get("arn")))

    def _learn_role_policy(self, name: str, request: dict[str, Any], account: str) -> None:
        role = _text(request.get("roleName"))
        if self.watcher_role(account, role) is None:
            return
        who = (account, role)
        if name == "AttachRolePolicy":
            self.watcher_attached.setdefault(who, set()).add(_text(request.get("policyArn")))
        elif name == "DetachRolePolicy":
            self.watcher_attached.get(who, set()).discard(_text(request.get("policyArn")))
        elif name == "PutRolePermissionsBoundary":
            self.watcher_boundary[who] = _text(request.get("permissionsBoundary"))
        else:  # DeleteRolePermissionsBoundary
            self.watcher_boundary.pop(who, None)

    def learn_trail(
        self, described: dict[str, Any], request: dict[str, Any] | None = None, *, whole: bool = False
    ) -> None:
        """A trail as CreateTrail's or UpdateTrail's response (or DescribeTrails, ``whole``: every
        setting it has) describes it; ``request`` fills in what a response leaves out."""
        request, response = request or {}, described
        trail = _text(response.get("trailARN")) or _text(request.get("name"))
        self.add_trail(_text(response.get("s3BucketName")) or _text(request.get("s3BucketName")), trail)
        key = _text(response.get("kmsKeyId")) or _text(request.get("kmsKeyId"))
        if key:
            self.trail_keys[key_id(key)] = trail
            self.keyless_trails.discard(trail)
        elif whole or ("kmsKeyId" in request and not request["kmsKeyId"]):  # an empty key: none now
            self.keyless_trails.add(trail)
        topic = _text(response.get("snsTopicARN"))
        if topic:
            self.trail_topics[topic] = trail


def put_rule_arn(request: dict[str, Any], response: dict[str, Any], region: str, account: str) -> str:
    bus = _text(request.get("eventBusName"))
    return _text(response.get("ruleArn")) or rule_arn(_text(request.get("name")), bus, region, account)


def rule_targets(put_targets: dict[str, Any]) -> list[dict[str, Any]]:
    """The targets of a PutTargets request (which adds targets, or replaces those of the same id)."""
    targets = put_targets.get("targets")
    return [t for t in targets if isinstance(t, dict)] if isinstance(targets, list) else []


def rule_target_arns(put_targets: dict[str, Any]) -> dict[str, str]:
    """Target id -> ARN of a PutTargets request."""
    return {_text(t.get("id")): _text(t.get("arn")) for t in rule_targets(put_targets)}
