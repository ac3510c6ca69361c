"""control_tamper on every call the issue names: flagged, benign, by a listed controls writer, failed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tagwarden.core.controls import DeliveryPath, classify, judge_control, logs_management_writes
from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.governance.model import GovernancePolicy
from tagwarden.core.model import Finding
from tests.core.controls import records as r
from tests.core.controls.judging import judged_on

SCP_ARN = f"arn:aws:organizations::{r.ACCOUNT}:policy/{r.ORG}/service_control_policy/{r.SCP_ID}"

DAEMON_POLICY = f"arn:aws:iam::{r.ACCOUNT}:policy/tagwarden-daemon"
READER_POLICY = f"arn:aws:iam::{r.ACCOUNT}:policy/tagwarden-read"
READER_BOUNDARY = f"arn:aws:iam::{r.ACCOUNT}:policy/tagwarden-boundary"
OTHER_POLICY = f"arn:aws:iam::{r.ACCOUNT}:policy/team-alpha"

# AWS Health's own events only: no CloudTrail record, no S3 event
HEALTH_ONLY = {"source": ["aws.health"], "detail-type": ["AWS Health Event"]}


def delivery() -> DeliveryPath:
    path = DeliveryPath()
    path.learn(r.create_trail())
    path.add_source_queue(r.QUEUE_URL, "sqs-cloudtrail")
    path.learn(r.put_rule())
    path.learn(r.create_policy(r.SCP_ID, "SERVICE_CONTROL_POLICY"))
    path.learn(r.create_policy(r.BACKUP_ID, "BACKUP_POLICY"))
    path.learn(r.put_targets())
    path.learn(r.subscribe())
    path.learn(r.update_trail({"kmsKeyId": r.KEY_ARN}))
    path.add_watcher_role(r.ACCOUNT, "tagwarden", "the role the tagwarden daemon runs as")
    path.add_watcher_role("*", "TagwardenReadOnly", "the role tagwarden's inventory reads every account with")
    path.learn(r.iam_role_call("AttachRolePolicy", policyArn=DAEMON_POLICY))  # learned as it passes
    path.set_role_policies(r.ACCOUNT, "TagwardenReadOnly", {READER_POLICY}, READER_BOUNDARY)  # an inventory
    return path


def judged(record: dict[str, Any], path: DeliveryPath | None = None) -> Finding | None:
    return judged_on(record, path if path is not None else delivery())


Build = Callable[..., dict[str, Any]]
TRAIL = r.trail_arn()
BUCKET_ARN = f"arn:aws:s3:::{r.TRAIL_BUCKET}"
QUEUE_ARN = f"arn:aws:sqs:{r.REGION}:{r.ACCOUNT}:tagwarden-cloudtrail"
FLAGGED: list[tuple[str, Build, str, str]] = [
    ("StopLogging", r.stop_logging, TRAIL, "stopped recording"),
    ("DeleteTrail", r.delete_trail, TRAIL, "was deleted"),
    (
        "UpdateTrail bucket",
        lambda **kw: r.update_trail({"s3BucketName": "elsewhere"}, **kw),
        TRAIL,
        "bucket elsewhere",
    ),
    (
        "UpdateTrail one region",
        lambda **kw: r.update_trail({"isMultiRegionTrail": False}, **kw),
        TRAIL,
        "home region",
    ),
    (
        "UpdateTrail no validation",
        lambda **kw: r.update_trail({"enableLogFileValidation": False}, **kw),
        TRAIL,
        "digest",
    ),
    (
        "UpdateTrail no global",
        lambda **kw: r.update_trail({"includeGlobalServiceEvents": False}, **kw),
        TRAIL,
        "IAM",
    ),
    (
        "PutEventSelectors read-only",
        lambda **kw: r.put_event_selectors(r.READ_ONLY_BASIC, **kw),
        TRAIL,
        "management write",
    ),
    (
        "PutEventSelectors data only",
        lambda **kw: r.put_event_selectors(r.DATA_ONLY_BASIC, **kw),
        TRAIL,
        "management write",
    ),
    (
        "PutEventSelectors advanced reads",
        lambda **kw: r.put_event_selectors(r.MANAGEMENT_READS_ADVANCED, **kw),
        TRAIL,
        "advanced",
    ),
    (
        "PutEventSelectors advanced data",
        lambda **kw: r.put_event_selectors(r.DATA_ONLY_ADVANCED, **kw),
        TRAIL,
        "advanced",
    ),
    (
        "DeleteEventDataStore",
        r.delete_event_data_store,
        "arn:aws:cloudtrail:us-east-2:111122223333:eventdatastore/EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE",
        "event data store",
    ),
    ("DetachPolicy SCP", r.detach_policy, SCP_ARN, "SERVICE_CONTROL_POLICY"),
    ("DeletePolicy SCP", r.delete_policy, SCP_ARN, "was deleted"),
    ("UpdatePolicy SCP content", r.update_policy, SCP_ARN, "new content"),
    (
        "DisablePolicyType SCP",
        r.disable_policy_type,
        f"arn:aws:organizations::{r.ACCOUNT}:root/r-examplerootid111",
        "disabled",
    ),
    (
        "DisablePolicyType TAG_POLICY",
        lambda **kw: r.disable_policy_type("TAG_POLICY", **kw),
        f"arn:aws:organizations::{r.ACCOUNT}:root/r-examplerootid111",
        "TAG_POLICY",
    ),
    (
        "DisableAWSServiceAccess CloudTrail",
        r.disable_service_access,
        f"arn:aws:organizations::{r.ACCOUNT}:account/{r.ACCOUNT}",
        "organization trails stop logging",
    ),
    (
        "DetachRolePolicy of the daemon's role",
        lambda **kw: r.iam_role_call(
            "DetachRolePolicy", policyArn="arn:aws:iam::111122223333:policy/tw", **kw
        ),
        f"arn:aws:iam::{r.ACCOUNT}:role/tagwarden",
        "policy arn:aws:iam::111122223333:policy/tw was detached",
    ),
    (
        "PutRolePolicy on the daemon's role",
        lambda **kw: r.iam_role_call("PutRolePolicy", policyName="deny", policyDocument="{}", **kw),
        f"arn:aws:iam::{r.ACCOUNT}:role/tagwarden",
        "inline policy deny was put",
    ),
    (
        "UpdateAssumeRolePolicy of the inventory's role",
        lambda **kw: r.iam_role_call(
            "UpdateAssumeRolePolicy", "TagwardenReadOnly", policyDocument="{}", **kw
        ),
        f"arn:aws:iam::{r.ACCOUNT}:role/TagwardenReadOnly",
        "may no longer assume it",
    ),
    (
        "DeleteRole of the inventory's role",
        lambda **kw: r.iam_role_call("DeleteRole", "TagwardenReadOnly", **kw),
        f"arn:aws:iam::{r.ACCOUNT}:role/TagwardenReadOnly",
        "inventory reads every account with; it was deleted",
    ),
    ("PutBucketPolicy", lambda **kw: r.bucket_call("PutBucketPolicy", **kw), BUCKET_ARN, "bucket policy"),
    (
        "DeleteBucketPolicy",
        lambda **kw: r.bucket_call("DeleteBucketPolicy", **kw),
        BUCKET_ARN,
        "bucket policy",
    ),
    ("PutBucketLifecycle", lambda **kw: r.bucket_call("PutBucketLifecycle", **kw), BUCKET_ARN, "expire"),
    (
        "PutBucketNotification",
        lambda **kw: r.bucket_call("PutBucketNotification", **kw),
        BUCKET_ARN,
        "notifications",
    ),
    ("DeleteBucket", lambda **kw: r.bucket_call("DeleteBucket", **kw), BUCKET_ARN, "deleted"),
    (
        "PutBucketRequestPayment Requester",
        lambda **kw: r.bucket_call("PutBucketRequestPayment", **kw),
        BUCKET_ARN,
        "requesters pay",
    ),
    ("DeleteQueue", lambda **kw: r.queue_call("DeleteQueue", **kw), QUEUE_ARN, "deleted"),
    (
        "SetQueueAttributes",
        lambda **kw: r.queue_call("SetQueueAttributes", **kw),
        QUEUE_ARN,
        "MessageRetentionPeriod",
    ),
    ("PurgeQueue", lambda **kw: r.queue_call("PurgeQueue", **kw), QUEUE_ARN, "purged"),
    ("DisableRule", lambda **kw: r.rule_call("DisableRule", **kw), r.rule_arn(), "disabled"),
    ("DeleteRule", lambda **kw: r.rule_call("DeleteRule", **kw), r.rule_arn(), "deleted"),
    ("RemoveTargets", lambda **kw: r.rule_call("RemoveTargets", **kw), r.rule_arn(), "lost targets"),
    (
        "PutEventSelectors advanced without KMS",
        lambda **kw: r.put_event_selectors(r.MANAGEMENT_WRITES_NO_KMS_ADVANCED, **kw),
        TRAIL,
        "kms.amazonaws.com",
    ),
    (
        "PutEventSelectors basic without KMS",
        lambda **kw: r.put_event_selectors(
            {
                "eventSelectors": [
                    {"readWriteType": "All", "excludeManagementEventSources": ["kms.amazonaws.com"]}
                ]
            },
            **kw,
        ),
        TRAIL,
        "KMS key's tags",
    ),
    ("RemovePermission", lambda **kw: r.queue_call("RemovePermission", **kw), QUEUE_ARN, "access policy"),
    ("PutRule disabled", lambda **kw: _put_rule(state="DISABLED", **kw), r.rule_arn(), "disabled"),
    (
        "PutRule pattern narrowed",
        lambda **kw: r.put_rule(pattern=HEALTH_ONLY, **kw),
        r.rule_arn(),
        "takes no tag write nor control call",
    ),
    (
        "PutTargets elsewhere",
        lambda **kw: r.put_targets(f"arn:aws:sqs:{r.REGION}:444455556666:elsewhere", **kw),
        r.rule_arn(),
        "444455556666:elsewhere",
    ),
    (
        "PutTargets same queue, constant input",
        lambda **kw: r.put_targets(rewrite={"input": "{}"}, **kw),
        r.rule_arn(),
        "sends its input instead of the event",
    ),
    (
        "PutTargets same queue, input transformer",
        lambda **kw: r.put_targets(
            rewrite={"inputTransformer": {"inputPathsMap": {"a": "$.account"}, "inputTemplate": '"<a>"'}},
            **kw,
        ),
        r.rule_arn(),
        "inputTransformer",
    ),
    ("DeleteTopic", lambda **kw: r.sns_call("DeleteTopic", {"topicArn": r.TOPIC}, **kw), r.TOPIC, "deleted"),
    (
        "SetTopicAttributes Policy",
        lambda **kw: r.sns_call("SetTopicAttributes", {"topicArn": r.TOPIC, "attributeName": "Policy"}, **kw),
        r.TOPIC,
        "publish",
    ),
    (
        "Unsubscribe the queue",
        lambda **kw: r.sns_call("Unsubscribe", {"subscriptionArn": r.SUBSCRIPTION}, **kw),
        r.TOPIC,
        "removed",
    ),
    (
        "SetSubscriptionAttributes FilterPolicy",
        lambda **kw: r.sns_call(
            "SetSubscriptionAttributes",
            {"subscriptionArn": r.SUBSCRIPTION, "attributeName": "FilterPolicy", "attributeValue": "{}"},
            **kw,
        ),
        r.TOPIC,
        "FilterPolicy",
    ),
    ("DisableKey", lambda **kw: r.kms_call("DisableKey", **kw), r.KEY_ARN, "disabled"),
    (
        "ScheduleKeyDeletion by key id",
        lambda **kw: r.kms_call("ScheduleKeyDeletion", r.KEY_ARN.rsplit("/", 1)[1], **kw),
        r.KEY_ARN,
        "deletion",
    ),
    ("PutKeyPolicy", lambda **kw: r.kms_call("PutKeyPolicy", **kw), r.KEY_ARN, "key policy"),
    (
        "DeleteImportedKeyMaterial",
        lambda **kw: r.kms_call("DeleteImportedKeyMaterial", **kw),
        r.KEY_ARN,
        "imported key material was deleted",
    ),
    (
        "CreatePolicyVersion as default, of a policy attached to the daemon's role",
        lambda **kw: r.iam_policy_call(
            "CreatePolicyVersion", DAEMON_POLICY, policyDocument="{}", setAsDefault=True, **kw
        ),
        DAEMON_POLICY,
        "governs role tagwarden (the role the tagwarden daemon runs as); a new version of it became the",
    ),
    (
        "SetDefaultPolicyVersion of the inventory role's policy",
        lambda **kw: r.iam_policy_call("SetDefaultPolicyVersion", READER_POLICY, versionId="v3", **kw),
        READER_POLICY,
        "its default version became v3",
    ),
    (
        "SetDefaultPolicyVersion of the inventory role's permissions boundary",
        lambda **kw: r.iam_policy_call("SetDefaultPolicyVersion", READER_BOUNDARY, versionId="v2", **kw),
        READER_BOUNDARY,
        "role TagwardenReadOnly (the role tagwarden's inventory reads every account with)",
    ),
    (
        "LeaveOrganization",
        lambda **kw: r.account_call("LeaveOrganization", **kw),
        f"arn:aws:organizations::{r.ACCOUNT}:account/{r.ACCOUNT}",
        "left the organization",
    ),
    (
        "RemoveAccountFromOrganization",
        lambda **kw: r.account_call("RemoveAccountFromOrganization", **kw),
        f"arn:aws:organizations::{r.ACCOUNT}:account/444455556666",
        "SCPs",
    ),
]


def _put_rule(state: str, **kw: Any) -> dict[str, Any]:
    made = r.put_rule(**kw)
    made["requestParameters"]["state"] = state
    return made


@pytest.mark.parametrize(("label", "build", "target", "phrase"), FLAGGED, ids=[f[0] for f in FLAGGED])
def test_flagged_call_is_critical(label: str, build: Build, target: str, phrase: str) -> None:
    finding = judged(build())
    assert finding is not None
    assert (finding.kind, finding.severity, finding.target, finding.tag_key) == (
        "control_tamper",
        "critical",
        target,
        "",
    )
    assert phrase in finding.explanation
    assert finding.actor == f"arn:aws:iam::{r.ACCOUNT}:role/Developer"
    assert finding.rule == "builtin:control_tamper"


@pytest.mark.parametrize(("label", "build", "target", "phrase"), FLAGGED, ids=[f[0] for f in FLAGGED])
def test_listed_controls_writer_gives_info_only(label: str, build: Build, target: str, phrase: str) -> None:
    finding = judged(build(actor=r.ADMIN))
    assert finding is not None
    assert (finding.kind, finding.severity, finding.target) == ("control_tamper", "info", target)
    assert "listed controls writer" in finding.explanation


@pytest.mark.parametrize(("label", "build", "target", "phrase"), FLAGGED, ids=[f[0] for f in FLAGGED])
def test_failed_attempt_is_a_warning(label: str, build: Build, target: str, phrase: str) -> None:
    finding = judged(build(error="AccessDenied"))
    assert finding is not None
    assert (finding.kind, finding.severity, finding.target) == ("control_tamper", "warning", target)
    assert "failed with AccessDenied" in finding.explanation


BENIGN: list[tuple[str, dict[str, Any]]] = [
    ("StartLogging", r.start_logging()),
    ("CreateTrail", r.create_trail()),
    ("DescribeTrails (read-only)", r.describe_trails()),
    ("UpdateTrail turning validation on", r.update_trail({"enableLogFileValidation": True})),
    ("PutEventSelectors basic All", r.put_event_selectors(r.MANAGEMENT_WRITES_BASIC)),
    ("PutEventSelectors advanced Management", r.put_event_selectors(r.MANAGEMENT_WRITES_ADVANCED)),
    (
        "PutEventSelectors advanced without RDS Data",
        r.put_event_selectors(
            {
                "advancedEventSelectors": [
                    {
                        "fieldSelectors": [
                            {"field": "eventCategory", "equals": ["Management"]},
                            {"field": "eventSource", "notEquals": ["rdsdata.amazonaws.com"]},
                        ]
                    }
                ]
            }
        ),
    ),
    ("DetachRolePolicy of another role", r.iam_role_call("DetachRolePolicy", "TeamAlpha", policyArn="p")),
    ("PutRolePolicy on another role", r.iam_role_call("PutRolePolicy", "TeamAlpha", policyName="x")),
    (
        "CreatePolicyVersion not made the default",
        r.iam_policy_call("CreatePolicyVersion", DAEMON_POLICY, policyDocument="{}", setAsDefault=False),
    ),
    ("CreatePolicyVersion with no SetAsDefault", r.iam_policy_call("CreatePolicyVersion", READER_POLICY)),
    (
        "SetDefaultPolicyVersion of a policy no watcher role has",
        r.iam_policy_call("SetDefaultPolicyVersion", OTHER_POLICY, versionId="v2"),
    ),
    ("PutBucketRequestPayment BucketOwner", r.bucket_call("PutBucketRequestPayment", payer="BucketOwner")),
    ("PutTargets re-sending the event to the same queue", r.put_targets()),
    ("PutTargets adding a target", r.put_targets(f"arn:aws:sqs:{r.REGION}:{r.ACCOUNT}:audit", "audit-copy")),
    (
        "SetTopicAttributes DisplayName",
        r.sns_call("SetTopicAttributes", {"topicArn": r.TOPIC, "attributeName": "DisplayName"}),
    ),
    ("DeleteTopic of another topic", r.sns_call("DeleteTopic", {"topicArn": r.TOPIC + "-other"})),
    ("DisableKey of another key", r.kms_call("DisableKey", r.KEY_ARN[:-4] + "ffff")),
    ("DetachPolicy of a backup policy", r.detach_policy(r.BACKUP_ID)),
    ("UpdatePolicy description only", r.update_policy(content=False)),
    ("DisablePolicyType BACKUP_POLICY", r.disable_policy_type("BACKUP_POLICY")),
    ("DisableAWSServiceAccess of another service", r.disable_service_access("config.amazonaws.com")),
    ("PutBucketPolicy on another bucket", r.bucket_call("PutBucketPolicy", "team-alpha-data")),
    ("DeleteBucket on another bucket", r.bucket_call("DeleteBucket", "scratch-bucket")),
    (
        "DeleteQueue on another queue",
        r.queue_call("DeleteQueue", f"https://sqs.{r.REGION}.amazonaws.com/{r.ACCOUNT}/orders"),
    ),
    ("PutRule", r.put_rule()),
    ("UpdateTrail resending its own bucket", r.update_trail({"s3BucketName": r.TRAIL_BUCKET})),
    ("DetachPolicy of FullAWSAccess", r.detach_policy("p-FullAWSAccess")),
]


@pytest.mark.parametrize(("label", "record"), BENIGN, ids=[b[0] for b in BENIGN])
def test_benign_call_raises_nothing(label: str, record: dict[str, Any]) -> None:
    assert judged(record) is None


def test_rule_not_known_to_forward_cloudtrail_is_info_only() -> None:
    finding = judged(r.rule_call("DeleteRule", rule="nightly-report"))
    assert finding is not None and finding.severity == "info"
    assert "does not know whether it forwards CloudTrail" in finding.explanation


def test_policy_of_unknown_type_is_treated_as_a_control_policy() -> None:
    finding = judged(r.detach_policy("p-neverseen1"), DeliveryPath())
    assert finding is not None and finding.severity == "critical"
    assert "unknown type" in finding.explanation


def test_same_event_gives_the_same_finding_id() -> None:
    record = r.stop_logging()
    first, second = judged(record), judged(record)
    assert first is not None and second is not None and first.id == second.id


def test_policy_severity_override_applies() -> None:
    policy = CompiledPolicy(
        GovernancePolicy.model_validate({"version": 1, "severities": {"control_tamper": "high"}})
    )
    call = classify(r.stop_logging(), delivery())
    assert call is not None and judge_control(call, policy, None).severity == "high"


def test_controls_writers_reject_same_as_resource() -> None:
    with pytest.raises(ValueError, match="same_as_resource"):
        GovernancePolicy.model_validate(
            {"version": 1, "controls": {"writers": [{"same_as_resource": "team"}]}}
        )


@pytest.mark.parametrize(
    ("selectors", "logs"),
    [
        ({"eventSelectors": [{}]}, True),  # defaults: All, management events included
        ({"eventSelectors": [{"readWriteType": "WriteOnly"}]}, True),
        ({"eventSelectors": []}, False),
        ({"eventSelectors": [r.READ_ONLY_BASIC["eventSelectors"][0], {"readWriteType": "WriteOnly"}]}, True),
        (
            {
                "advancedEventSelectors": [
                    {
                        "fieldSelectors": [
                            {"field": "eventCategory", "equals": ["Management"]},
                            {"field": "readOnly", "equals": ["false"]},
                        ]
                    }
                ]
            },
            True,
        ),
        (
            {
                "advancedEventSelectors": [
                    {
                        "fieldSelectors": [
                            {"field": "eventCategory", "equals": ["Management"]},
                            {"field": "readOnly", "notEquals": ["false"]},
                        ]
                    }
                ]
            },
            False,
        ),
    ],
)
def test_management_write_selectors(selectors: dict[str, Any], logs: bool) -> None:
    assert logs_management_writes(selectors) is logs


S3_CREATED = {
    "source": ["aws.s3"],
    "detail-type": ["Object Created"],
    "detail": {"bucket": {"name": [r.TRAIL_BUCKET]}},
}


def test_a_rule_forwarding_s3_object_created_events_is_on_the_path() -> None:
    """The SQS source reads S3's Object Created events from EventBridge too: such a rule applied
    again unchanged weakens nothing, and stays known, so disabling it later is judged."""
    path = DeliveryPath()
    path.add_source_queue(r.QUEUE_URL, "sqs-cloudtrail")
    path.learn(r.put_rule("s3-to-queue", S3_CREATED))
    targets = {"rule": "s3-to-queue", "targets": [{"id": "q", "arn": r.QUEUE_ARN}]}
    path.learn(r.record("events.amazonaws.com", "PutTargets", targets, {"failedEntryCount": 0}))
    assert judged(r.put_rule("s3-to-queue", S3_CREATED), path) is None
    finding = judged(_put_rule(state="DISABLED", name="s3-to-queue", pattern=S3_CREATED), path)
    assert finding is not None and finding.severity == "critical"


def test_attaching_a_tag_policy_is_recorded_and_an_scp_is_not() -> None:
    path = delivery()
    tag_policy = "p-exampletagpolicy1"
    path.learn(r.create_policy(tag_policy, "TAG_POLICY"))
    finding = judged(r.attach_policy(tag_policy), path)
    assert finding is not None and finding.severity == "info" and "@@assign" in finding.explanation
    assert judged(r.attach_policy(r.SCP_ID), path) is None  # an SCP attached only denies more
    assert judged(r.attach_policy("p-neverseen"), path) is None


def test_a_watcher_role_s_policies_follow_its_attach_detach_and_boundary_calls() -> None:
    path = delivery()
    new_default = r.iam_policy_call("SetDefaultPolicyVersion", DAEMON_POLICY, versionId="v2")
    assert classify(new_default, path) is not None
    path.learn(r.iam_role_call("DetachRolePolicy", policyArn=DAEMON_POLICY))
    assert classify(new_default, path) is None  # no longer attached: its versions are not the daemon's

    bounding = r.iam_policy_call("SetDefaultPolicyVersion", OTHER_POLICY, versionId="v2")
    path.learn(r.iam_role_call("PutRolePermissionsBoundary", permissionsBoundary=OTHER_POLICY))
    assert classify(bounding, path) is not None
    path.learn(r.iam_role_call("DeleteRolePermissionsBoundary"))
    assert classify(bounding, path) is None

    # Another role's attachments teach nothing; a failed attach attaches nothing.
    path.learn(r.iam_role_call("AttachRolePolicy", "TeamAlpha", policyArn=OTHER_POLICY))
    path.learn(r.iam_role_call("AttachRolePolicy", policyArn=OTHER_POLICY, error="AccessDenied"))
    assert classify(bounding, path) is None

    # An inventory's read replaces what events taught of that role.
    path.set_role_policies(r.ACCOUNT, "TagwardenReadOnly", set(), None)
    assert classify(r.iam_policy_call("SetDefaultPolicyVersion", READER_POLICY, versionId="v2"), path) is None
