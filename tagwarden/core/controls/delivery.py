"""What carries CloudTrail to tagwarden, and which Organizations policies govern tag writes.

Learned from the configuration (the buckets and queues sources read), from DescribeTrails, and from the
events themselves as they pass: CreateTrail/UpdateTrail name a trail's bucket, PutRule/PutTargets a rule
that forwards CloudTrail events, CreatePolicy a policy's type. Kept in memory: after a restart the
configuration and DescribeTrails seed it again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from tagwarden.core.arn import is_arn, partition_for

# Policy types whose change weakens tag governance: SCPs and RCPs deny tag writes, tag policies
# constrain the values.
GOVERNING_POLICY_TYPES = frozenset({"SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY", "TAG_POLICY"})
CLOUDTRAIL_DETAIL_TYPE = "AWS API Call via CloudTrail"


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


def rule_arn(name: str, bus: str, region: str, account: str) -> str:
    if is_arn(name):
        return name
    bus_name = bus.rsplit("/", 1)[-1] if bus else "default"
    path = name if bus_name == "default" else f"{bus_name}/{name}"
    return f"arn:{partition_for(region)}:events:{region}:{account}:rule/{path}"


@dataclass
class DeliveryPath:
    trail_buckets: dict[str, str] = field(default_factory=dict)  # bucket -> the trail that writes to it
    source_buckets: dict[str, str] = field(default_factory=dict)  # bucket -> the source that reads it
    source_queues: dict[str, str] = field(default_factory=dict)  # queue ARN -> the source that reads it
    forwarding_rules: set[str] = field(default_factory=set)  # rule ARNs forwarding CloudTrail events
    policies: dict[str, tuple[str, str]] = field(default_factory=dict)  # policy id -> (type, ARN)

    def add_trail(self, bucket: str, trail: str) -> None:
        if bucket:
            self.trail_buckets[bucket] = trail

    def add_source_bucket(self, bucket: str, source: str) -> None:
        self.source_buckets[bucket] = source

    def add_source_queue(self, queue_url: str, source: str) -> None:
        self.source_queues[queue_arn(queue_url)] = source

    def add_policy(self, policy_id: str, policy_type: str, arn: str) -> None:
        self.policies[policy_id] = (policy_type, arn)

    def bucket_role(self, bucket: str) -> str | None:
        """What the bucket is to tagwarden ("the bucket trail X writes to"), None if nothing."""
        if bucket in self.trail_buckets:
            return f"the bucket trail {self.trail_buckets[bucket]} delivers its log files to"
        if bucket in self.source_buckets:
            return f"the bucket source {self.source_buckets[bucket]!r} reads log files from"
        return None

    def learn(self, record: dict[str, Any]) -> None:
        """Remember what a successful CreateTrail, UpdateTrail, PutRule, PutTargets or CreatePolicy says."""
        if record.get("errorCode"):
            return
        name = record.get("eventName")
        request, response = _params(record, "requestParameters"), _params(record, "responseElements")
        region, account = _text(record.get("awsRegion")), _text(record.get("recipientAccountId"))
        if name in ("CreateTrail", "UpdateTrail"):
            bucket = _text(response.get("s3BucketName")) or _text(request.get("s3BucketName"))
            trail = _text(response.get("trailARN")) or _text(request.get("name"))
            self.add_trail(bucket, trail)
        elif name == "PutRule":
            pattern = request.get("eventPattern")
            text = pattern if isinstance(pattern, str) else json.dumps(pattern)
            if CLOUDTRAIL_DETAIL_TYPE in text:
                arn = _text(response.get("ruleArn"))
                bus = _text(request.get("eventBusName"))
                self.forwarding_rules.add(arn or rule_arn(_text(request.get("name")), bus, region, account))
        elif name == "PutTargets":
            targets = request.get("targets")
            arns = (
                {_text(t.get("arn")) for t in targets if isinstance(t, dict)}
                if isinstance(targets, list)
                else set()
            )
            if arns & set(self.source_queues):
                bus = _text(request.get("eventBusName"))
                self.forwarding_rules.add(rule_arn(_text(request.get("rule")), bus, region, account))
        elif name == "CreatePolicy":
            policy = _params(response, "policy").get("policySummary")
            if isinstance(policy, dict) and policy.get("id"):
                self.add_policy(str(policy["id"]), _text(policy.get("type")), _text(policy.get("arn")))
