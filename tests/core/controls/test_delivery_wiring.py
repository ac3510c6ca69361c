"""The delivery path the daemon starts with: its sources' queues and buckets, and DescribeTrails (moto)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.exceptions import EndpointConnectionError

from tagwarden.adapters.aws import AwsClients
from tagwarden.app.config import load_config
from tagwarden.app.delivery_path import delivery_path, role_of
from tagwarden.app.logs import get_logger
from tagwarden.app.wiring import build_parts
from tagwarden.core.controls import classify, judge_control
from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.governance.model import GovernancePolicy
from tests.core.controls import records as r

CONFIG = """
policy: {version: 1}
sources:
  - {type: sqs, name: cloudtrail-queue, queue_url: "https://sqs.us-east-1.amazonaws.com/123456789012/ct"}
  - {type: files, name: backfill, paths: ["s3://org-trail-logs/AWSLogs/", "./local"]}
"""


def test_sources_and_describe_trails_seed_the_delivery_path(aws: str, tmp_path: Path) -> None:
    (tmp_path / "tagwarden.yaml").write_text(CONFIG)
    config = load_config(tmp_path / "tagwarden.yaml", env={})
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket="trail-bucket")
    key = boto3.client("kms", region_name="us-east-1").create_key()["KeyMetadata"]["Arn"]
    boto3.client("sns", region_name="us-east-1").create_topic(Name="trail-news")
    boto3.client("cloudtrail", region_name="us-east-1").create_trail(
        Name="main", S3BucketName="trail-bucket", KmsKeyId=key, SnsTopicName="trail-news"
    )

    delivery = delivery_path(config, AwsClients("us-east-1"), get_logger())

    assert delivery.source_queues == {"arn:aws:sqs:us-east-1:123456789012:ct": "cloudtrail-queue"}
    assert delivery.source_buckets == {"org-trail-logs": "backfill"}
    assert list(delivery.trail_buckets) == ["trail-bucket"]
    assert delivery.trail_buckets["trail-bucket"].endswith(":trail/main")
    assert list(delivery.trail_keys) == [key.rsplit("/", 1)[1]]  # its KMS key, by id
    assert delivery.encrypts_with_own_key(delivery.trail_buckets["trail-bucket"])
    assert list(delivery.trail_topics) == ["arn:aws:sns:us-east-1:123456789012:trail-news"]


def test_without_aws_only_the_configuration_counts(tmp_path: Path) -> None:
    (tmp_path / "tagwarden.yaml").write_text(CONFIG)
    delivery = delivery_path(load_config(tmp_path / "tagwarden.yaml", env={}), None, get_logger())
    assert delivery.trail_buckets == {} and "org-trail-logs" in delivery.source_buckets


QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:ct"
CLOUDTRAIL_PATTERN = '{"detail-type": ["AWS API Call via CloudTrail"]}'


def made_before_tagwarden_started() -> dict[str, str]:
    """A trail notifying an SNS topic the queue subscribes to, EventBridge rules sending to the queue
    (default bus and another), and an SCP: all made before the daemon starts, so no event teaches them."""
    boto3.client("s3", region_name="us-east-1").create_bucket(Bucket="trail-bucket")
    sns = boto3.client("sns", region_name="us-east-1")
    topic = sns.create_topic(Name="trail-news")["TopicArn"]
    boto3.client("sqs", region_name="us-east-1").create_queue(QueueName="ct")
    subscription = sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=QUEUE_ARN)["SubscriptionArn"]
    sns.subscribe(TopicArn=topic, Protocol="email", Endpoint="ops@example.com")
    # S3 notifications fanned out through a topic no trail names: found by the queue's subscriptions.
    bucket_topic = sns.create_topic(Name="log-bucket-news")["TopicArn"]
    bucket_subscription = sns.subscribe(TopicArn=bucket_topic, Protocol="sqs", Endpoint=QUEUE_ARN)
    other = sns.create_topic(Name="orders")["TopicArn"]
    sns.subscribe(TopicArn=other, Protocol="sqs", Endpoint=QUEUE_ARN + "-orders")
    boto3.client("cloudtrail", region_name="us-east-1").create_trail(
        Name="main", S3BucketName="trail-bucket", SnsTopicName="trail-news"
    )
    events = boto3.client("events", region_name="us-east-1")
    rule = events.put_rule(Name="ct-to-queue", EventPattern=CLOUDTRAIL_PATTERN)["RuleArn"]
    events.put_targets(Rule="ct-to-queue", Targets=[{"Id": "q", "Arn": QUEUE_ARN}])
    events.put_rule(Name="unrelated", EventPattern='{"source": ["aws.health"]}')
    events.put_targets(Rule="unrelated", Targets=[{"Id": "x", "Arn": QUEUE_ARN + "-other"}])
    events.create_event_bus(Name="central")
    central = events.put_rule(Name="from-members", EventPattern=CLOUDTRAIL_PATTERN, EventBusName="central")
    events.put_targets(Rule="from-members", EventBusName="central", Targets=[{"Id": "q", "Arn": QUEUE_ARN}])
    org = boto3.client("organizations", region_name="us-east-1")
    org.create_organization(FeatureSet="ALL")
    scp = org.create_policy(
        Name="deny-tagging",
        Type="SERVICE_CONTROL_POLICY",
        Description="",
        Content='{"Version": "2012-10-17", '
        '"Statement": [{"Effect": "Deny", "Action": "ec2:CreateTags", "Resource": "*"}]}',
    )["Policy"]["PolicySummary"]
    return {
        "topic": topic,
        "subscription": subscription,
        "bucket_topic": bucket_topic,
        "bucket_subscription": bucket_subscription["SubscriptionArn"],
        "rule": rule,
        "central": central["RuleArn"],
        "scp": scp["Id"],
        "scp_arn": scp["Arn"],
    }


def test_rules_subscriptions_and_policies_made_before_start_are_read_from_aws(
    aws: str, tmp_path: Path
) -> None:
    made = made_before_tagwarden_started()
    (tmp_path / "tagwarden.yaml").write_text(CONFIG)

    delivery = delivery_path(
        load_config(tmp_path / "tagwarden.yaml", env={}), AwsClients("us-east-1"), get_logger()
    )

    assert delivery.forwarding_rules == {made["rule"], made["central"]}
    assert delivery.rule_targets[made["rule"]] == {"q": QUEUE_ARN}
    assert delivery.topic_feeds == {
        made["topic"]: "cloudtrail-queue",
        made["bucket_topic"]: "cloudtrail-queue",
    }
    assert delivery.subscriptions == {
        made["subscription"]: "cloudtrail-queue",
        made["bucket_subscription"]: "cloudtrail-queue",
    }
    assert delivery.policies[made["scp"]] == ("SERVICE_CONTROL_POLICY", made["scp_arn"])
    assert not delivery.encrypts_with_own_key(delivery.trail_buckets["trail-bucket"])  # no KmsKeyId


POLICY = CompiledPolicy(GovernancePolicy.model_validate({"version": 1}))


def in_moto(service: str, name: str, request: dict[str, Any]) -> dict[str, Any]:
    """A CloudTrail record of a call made in moto's account and region."""
    made = r.record(f"{service}.amazonaws.com", name, request)
    made.update(awsRegion="us-east-1", recipientAccountId="123456789012")
    return made


def test_calls_on_what_was_made_before_start_are_judged_as_critical(aws: str, tmp_path: Path) -> None:
    made = made_before_tagwarden_started()
    (tmp_path / "tagwarden.yaml").write_text(CONFIG)
    delivery = delivery_path(
        load_config(tmp_path / "tagwarden.yaml", env={}), AwsClients("us-east-1"), get_logger()
    )
    disabled = in_moto("events", "PutRule", {"name": "ct-to-queue", "state": "DISABLED"})
    redirected = in_moto(
        "events",
        "PutTargets",
        {"rule": "ct-to-queue", "targets": [{"id": "q", "arn": "arn:aws:sqs:us-east-1:444455556666:x"}]},
    )
    unsubscribed = in_moto("sns", "Unsubscribe", {"subscriptionArn": made["subscription"]})
    unsubscribed_bucket = in_moto("sns", "Unsubscribe", {"subscriptionArn": made["bucket_subscription"]})
    opened = in_moto(
        "sns", "SetTopicAttributes", {"topicArn": made["bucket_topic"], "attributeName": "Policy"}
    )
    detached = in_moto("organizations", "DetachPolicy", {"policyId": made["scp"], "targetId": "r-1"})
    narrowed = in_moto(
        "events",
        "PutRule",
        {"name": "ct-to-queue", "eventPattern": CLOUDTRAIL_PATTERN[:-1] + ', "source": ["aws.ec2"]}'},
    )
    members_refused = in_moto("events", "RemovePermission", {"eventBusName": "central", "statementId": "org"})
    for record in (
        disabled,
        redirected,
        unsubscribed,
        unsubscribed_bucket,
        opened,
        detached,
        narrowed,
        members_refused,
    ):
        call = classify(record, delivery)
        assert call is not None, record["eventName"]
        assert judge_control(call, POLICY, None).severity == "critical", record["eventName"]


def test_a_denied_read_leaves_the_rest_of_the_path(aws: str, tmp_path: Path) -> None:
    (tmp_path / "tagwarden.yaml").write_text(CONFIG)
    boto3.client("s3", region_name="us-east-1").create_bucket(Bucket="trail-bucket")
    boto3.client("cloudtrail", region_name="us-east-1").create_trail(Name="main", S3BucketName="trail-bucket")
    # No organization: ListPolicies is refused (AWSOrganizationsNotInUseException).
    delivery = delivery_path(
        load_config(tmp_path / "tagwarden.yaml", env={}), AwsClients("us-east-1"), get_logger()
    )
    assert list(delivery.trail_buckets) == ["trail-bucket"] and delivery.policies == {}


class _Unreachable:
    """AWS that gives no answer to DescribeTrails; anything else asked of it fails the test."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def cloudtrail(self) -> Any:
        self.asked.append("cloudtrail")
        return self

    def describe_trails(self, **_: Any) -> Any:
        raise EndpointConnectionError(endpoint_url="https://cloudtrail.us-east-1.amazonaws.com")

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"{name} asked after AWS gave no answer")


def test_no_answer_from_aws_asks_nothing_more(tmp_path: Path) -> None:
    (tmp_path / "tagwarden.yaml").write_text(CONFIG)
    aws = _Unreachable()
    delivery = delivery_path(load_config(tmp_path / "tagwarden.yaml", env={}), aws, get_logger())  # type: ignore[arg-type]
    assert aws.asked == ["cloudtrail"]
    assert delivery.source_queues == {QUEUE_ARN: "cloudtrail-queue"} and delivery.forwarding_rules == set()


WATCHED = """
policy: {version: 1}
inventory:
  role_name: InventoryReader
  accounts:
    - {id: "222222222222"}
    - {id: "333333333333", role: "arn:aws:iam::333333333333:role/ops/CustomReader"}
    - {id: "444444444444", role: NamedReader}
  organization: {role: "arn:aws:iam::999999999999:role/OrgReader"}
"""


def test_the_roles_tagwarden_reads_with_are_watched(tmp_path: Path) -> None:
    (tmp_path / "tagwarden.yaml").write_text(WATCHED)
    config = load_config(tmp_path / "tagwarden.yaml", env={})
    daemon = "arn:aws:sts::111111111111:assumed-role/tagwarden/botocore-session-1700000000"
    delivery = delivery_path(config, None, get_logger(), daemon)
    assert set(delivery.watcher_roles) == {
        ("111111111111", "tagwarden"),
        ("*", "InventoryReader"),
        ("333333333333", "CustomReader"),
        ("444444444444", "NamedReader"),
        ("999999999999", "OrgReader"),
    }
    assert delivery.watcher_role("555555555555", "InventoryReader") is not None  # in any account
    assert delivery.watcher_role("555555555555", "tagwarden") is None  # the daemon's is in its own
    replayed = delivery_path(config, None, get_logger(), None)  # a replay: the caller is not the daemon
    assert ("111111111111", "tagwarden") not in replayed.watcher_roles


@pytest.mark.parametrize(
    ("arn", "expected"),
    [
        ("arn:aws:sts::111111111111:assumed-role/tagwarden/session", ("111111111111", "tagwarden")),
        ("arn:aws:iam::111111111111:role/path/to/Reader", ("111111111111", "Reader")),
        ("arn:aws-cn:iam::111111111111:role/Reader", ("111111111111", "Reader")),
        ("arn:aws:iam::111111111111:user/alice", None),
        ("arn:aws:sts::111111111111:federated-user/bob", None),
        ("not an arn", None),
    ],
)
def test_role_of(arn: str, expected: tuple[str, str] | None) -> None:
    assert role_of(arn) == expected


@pytest.mark.usefixtures("no_aws")
def test_the_daemon_watches_its_own_role_and_a_replay_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "tagwarden.yaml").write_text(
        "policy: {version: 1}\nstore: {url: 'sqlite:///state.db'}\naws: {max_attempts: 1}\n"
    )
    config = load_config(tmp_path / "tagwarden.yaml", env={})

    class Known:
        account, arn = "111111111111", "arn:aws:sts::111111111111:assumed-role/tagwarden/botocore-session-1"

        def __init__(self, *_: Any) -> None:
            pass

        def __call__(self) -> str:
            return self.account

    monkeypatch.setattr("tagwarden.app.wiring.CallerAccount", Known)
    daemon = build_parts(config, get_logger())
    assert daemon.processor.delivery.watcher_role("111111111111", "tagwarden") is not None
    daemon.store.close()
    replay = build_parts(config, get_logger(), replay=True)
    assert replay.processor.delivery.watcher_role("111111111111", "tagwarden") is None
    replay.store.close()


@pytest.mark.parametrize("named_by", ["id", "arn", "alias"])
def test_the_queues_own_kms_key_is_watched(aws: str, tmp_path: Path, named_by: str) -> None:
    kms = boto3.client("kms", region_name="us-east-1")
    key = kms.create_key()["KeyMetadata"]
    kms.create_alias(AliasName="alias/tagwarden-queue", TargetKeyId=key["KeyId"])
    named = {"id": key["KeyId"], "arn": key["Arn"], "alias": "alias/tagwarden-queue"}[named_by]
    boto3.client("sqs", region_name="us-east-1").create_queue(
        QueueName="ct", Attributes={"KmsMasterKeyId": named}
    )
    (tmp_path / "tagwarden.yaml").write_text(CONFIG)
    delivery = delivery_path(
        load_config(tmp_path / "tagwarden.yaml", env={}), AwsClients("us-east-1"), get_logger()
    )
    assert delivery.queue_keys == {key["KeyId"]: QUEUE_ARN}
    call = classify(in_moto("kms", "DisableKey", {"keyId": key["Arn"]}), delivery)
    assert call is not None and judge_control(call, POLICY, None).severity == "critical"
    assert "encrypts queue arn:aws:sqs:us-east-1:123456789012:ct" in call.lost


def test_a_queue_with_an_aws_managed_key_or_none_watches_no_key(aws: str, tmp_path: Path) -> None:
    boto3.client("sqs", region_name="us-east-1").create_queue(
        QueueName="ct", Attributes={"KmsMasterKeyId": "alias/aws/sqs"}
    )
    (tmp_path / "tagwarden.yaml").write_text(CONFIG)
    delivery = delivery_path(
        load_config(tmp_path / "tagwarden.yaml", env={}), AwsClients("us-east-1"), get_logger()
    )
    assert delivery.queue_keys == {}


def test_a_scan_reads_the_path_but_not_the_queues_subscriptions(aws: str, tmp_path: Path) -> None:
    # Listing them pages through every subscription of the account (minutes in a large one); only
    # judging control calls needs them, which a scan does not do. A replay does.
    made = made_before_tagwarden_started()
    (tmp_path / "tagwarden.yaml").write_text(CONFIG + f'store: {{url: "sqlite:///{tmp_path}/s.db"}}\n')
    config = load_config(tmp_path / "tagwarden.yaml", env={})
    listings: list[str] = []
    session = boto3.session.Session(region_name="us-east-1")
    session.events.register("before-call.sns.ListSubscriptions", lambda **_: listings.append("asked"))
    for replay, asked in ((False, []), (True, ["asked"])):
        parts = build_parts(config, get_logger(), AwsClients("us-east-1", session=session), replay=replay)
        try:
            delivery = parts.processor.delivery
            assert list(delivery.trail_buckets) == ["trail-bucket"]  # the path is read either way
            assert (made["bucket_subscription"] in delivery.subscriptions) is replay
            assert listings == asked
        finally:
            parts.store.close()
        listings.clear()
