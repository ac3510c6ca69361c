"""CloudTrail records of the calls that touch the controls, one builder per call.

Envelope (userIdentity, errorCode/errorMessage with ``responseElements: null`` on a failure): AWS CloudTrail
User Guide, "CloudTrail log file examples"
(https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html) and
"CloudTrail record contents" (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html):
``requestParameters`` carry the API request's parameters in lowerCamelCase. The request of each call follows
its API reference page, cited beside its builder. Accounts, ids and names are the documentation's examples.
"""

from __future__ import annotations

import json
from itertools import count
from typing import Any

ACCOUNT = "111122223333"
REGION = "us-east-2"
TRAIL_BUCKET = "amzn-s3-demo-bucket"
QUEUE_URL = f"https://sqs.{REGION}.amazonaws.com/{ACCOUNT}/tagwarden-cloudtrail"
ATTACKER = f"arn:aws:sts::{ACCOUNT}:assumed-role/Developer/mallory"
ADMIN = f"arn:aws:sts::{ACCOUNT}:assumed-role/PlatformAdmin/alice"
_ids = count(1)


def identity(session_arn: str) -> dict[str, Any]:
    role = session_arn.split("/")[1]
    return {
        "type": "AssumedRole",
        "principalId": f"AROAEXAMPLE{role.upper()}:session",
        "arn": session_arn,
        "accountId": ACCOUNT,
        "accessKeyId": "ASIAIOSFODNN7EXAMPLE",
        "sessionContext": {
            "sessionIssuer": {
                "type": "Role",
                "principalId": f"AROAEXAMPLE{role.upper()}",
                "arn": f"arn:aws:iam::{ACCOUNT}:role/{role}",
                "accountId": ACCOUNT,
                "userName": role,
            },
            "attributes": {"creationDate": "2026-11-30T09:00:00Z", "mfaAuthenticated": "false"},
        },
    }


def record(
    source: str,
    name: str,
    request: dict[str, Any] | None,
    response: dict[str, Any] | None = None,
    *,
    actor: str = ATTACKER,
    error: str | None = None,
    minute: int = 0,
    read_only: bool = False,
) -> dict[str, Any]:
    made: dict[str, Any] = {
        "eventVersion": "1.09",
        "userIdentity": identity(actor),
        "eventTime": f"2026-11-30T10:{minute:02d}:00Z",
        "eventSource": source,
        "eventName": name,
        "awsRegion": "us-east-1" if source == "organizations.amazonaws.com" else REGION,
        "sourceIPAddress": "198.51.100.7",
        "userAgent": "aws-cli/2.15.0",
        "requestParameters": request,
        "responseElements": None if error else response,
        "requestID": f"req-{next(_ids)}",
        "eventID": f"evt-{name}-{next(_ids)}",
        "readOnly": read_only,
        "eventType": "AwsApiCall",
        "managementEvent": True,
        "recipientAccountId": ACCOUNT,
        "eventCategory": "Management",
    }
    if error:
        made["errorCode"] = error
        made["errorMessage"] = "User is not authorized to perform this operation"
    return made


def trail_arn(name: str = "management-events") -> str:
    return f"arn:aws:cloudtrail:{REGION}:{ACCOUNT}:trail/{name}"


# --- CloudTrail (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/) ---------------------------


def create_trail(bucket: str = TRAIL_BUCKET, **kw: Any) -> dict[str, Any]:
    """API_CreateTrail.html: Name, S3BucketName; the response echoes them with TrailARN."""
    request = {"name": "management-events", "s3BucketName": bucket, "isMultiRegionTrail": True}
    response = {**request, "trailARN": trail_arn(), "logFileValidationEnabled": True}
    return record("cloudtrail.amazonaws.com", "CreateTrail", request, response, **kw)


def start_logging(**kw: Any) -> dict[str, Any]:
    """API_StartLogging.html: Name (name or ARN)."""
    return record("cloudtrail.amazonaws.com", "StartLogging", {"name": trail_arn()}, None, **kw)


def stop_logging(**kw: Any) -> dict[str, Any]:
    """API_StopLogging.html: Name (name or ARN)."""
    return record("cloudtrail.amazonaws.com", "StopLogging", {"name": trail_arn()}, None, **kw)


def delete_trail(**kw: Any) -> dict[str, Any]:
    """API_DeleteTrail.html: Name (name or ARN)."""
    return record("cloudtrail.amazonaws.com", "DeleteTrail", {"name": "management-events"}, None, **kw)


def update_trail(changes: dict[str, Any], **kw: Any) -> dict[str, Any]:
    """API_UpdateTrail.html: Name and only the settings being changed."""
    request = {"name": trail_arn(), **changes}
    response = {"name": "management-events", "s3BucketName": TRAIL_BUCKET, "trailARN": trail_arn(), **changes}
    return record("cloudtrail.amazonaws.com", "UpdateTrail", request, response, **kw)


def put_event_selectors(selectors: dict[str, Any], **kw: Any) -> dict[str, Any]:
    """API_PutEventSelectors.html: TrailName with EventSelectors (API_EventSelector.html) or
    AdvancedEventSelectors (API_AdvancedEventSelector.html, API_AdvancedFieldSelector.html)."""
    request = {"trailName": "management-events", **selectors}
    return record(
        "cloudtrail.amazonaws.com", "PutEventSelectors", request, {"trailARN": trail_arn(), **selectors}, **kw
    )


def delete_event_data_store(**kw: Any) -> dict[str, Any]:
    """API_DeleteEventDataStore.html: EventDataStore (ARN or id suffix)."""
    store = f"arn:aws:cloudtrail:{REGION}:{ACCOUNT}:eventdatastore/EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE"
    return record("cloudtrail.amazonaws.com", "DeleteEventDataStore", {"eventDataStore": store}, None, **kw)


def describe_trails(**kw: Any) -> dict[str, Any]:
    """API_DescribeTrails.html: a read-only call."""
    return record(
        "cloudtrail.amazonaws.com", "DescribeTrails", {"trailNameList": []}, None, read_only=True, **kw
    )


# --- Organizations (https://docs.aws.amazon.com/organizations/latest/APIReference/) ------------------------

SCP_ID = "p-examplepolicyid111"
BACKUP_ID = "p-examplepolicyid222"
ORG = "o-exampleorgid"


def create_policy(policy_id: str, policy_type: str, **kw: Any) -> dict[str, Any]:
    """API_CreatePolicy.html: the response's Policy.PolicySummary carries Id, Arn and Type."""
    arn = f"arn:aws:organizations::{ACCOUNT}:policy/{ORG}/{policy_type.lower()}/{policy_id}"
    request = {"name": "deny-tag-writes", "type": policy_type, "content": "{}", "description": ""}
    response = {
        "policy": {"policySummary": {"id": policy_id, "arn": arn, "type": policy_type, "awsManaged": False}}
    }
    return record("organizations.amazonaws.com", "CreatePolicy", request, response, **kw)


def detach_policy(policy_id: str = SCP_ID, **kw: Any) -> dict[str, Any]:
    """API_DetachPolicy.html: PolicyId, TargetId."""
    request = {"policyId": policy_id, "targetId": "ou-examplerootid111-exampleouid111"}
    return record("organizations.amazonaws.com", "DetachPolicy", request, None, **kw)


def attach_policy(policy_id: str = SCP_ID, **kw: Any) -> dict[str, Any]:
    """API_AttachPolicy.html: PolicyId, TargetId."""
    request = {"policyId": policy_id, "targetId": "ou-examplerootid111-exampleouid111"}
    return record("organizations.amazonaws.com", "AttachPolicy", request, None, **kw)


def delete_policy(policy_id: str = SCP_ID, **kw: Any) -> dict[str, Any]:
    """API_DeletePolicy.html: PolicyId."""
    return record("organizations.amazonaws.com", "DeletePolicy", {"policyId": policy_id}, None, **kw)


def update_policy(policy_id: str = SCP_ID, content: bool = True, **kw: Any) -> dict[str, Any]:
    """API_UpdatePolicy.html: PolicyId and any of Name, Description, Content."""
    request: dict[str, Any] = {"policyId": policy_id, "description": "reviewed"}
    if content:
        request["content"] = json.dumps(
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
        )
    return record("organizations.amazonaws.com", "UpdatePolicy", request, {"policy": {}}, **kw)


def disable_policy_type(policy_type: str = "SERVICE_CONTROL_POLICY", **kw: Any) -> dict[str, Any]:
    """API_DisablePolicyType.html: RootId, PolicyType."""
    request = {"rootId": "r-examplerootid111", "policyType": policy_type}
    return record("organizations.amazonaws.com", "DisablePolicyType", request, {"root": {}}, **kw)


def disable_service_access(service: str = "cloudtrail.amazonaws.com", **kw: Any) -> dict[str, Any]:
    """API_DisableAWSServiceAccess.html: ServicePrincipal; no response."""
    request = {"servicePrincipal": service}
    return record("organizations.amazonaws.com", "DisableAWSServiceAccess", request, None, **kw)


# --- S3 (https://docs.aws.amazon.com/AmazonS3/latest/API/; CloudTrail event names:
# https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html) -------------------


def bucket_call(name: str, bucket: str = TRAIL_BUCKET, payer: str = "Requester", **kw: Any) -> dict[str, Any]:
    """API_PutBucketPolicy.html, API_DeleteBucketPolicy.html, API_PutBucketLifecycleConfiguration.html
    (logged as PutBucketLifecycle), API_PutBucketNotificationConfiguration.html (logged as
    PutBucketNotification), API_DeleteBucket.html: bucketName and Host in requestParameters."""
    request: dict[str, Any] = {"bucketName": bucket, "Host": f"{bucket}.s3.{REGION}.amazonaws.com"}
    if name == "PutBucketPolicy":
        request["bucketPolicy"] = {"Version": "2012-10-17", "Statement": []}
    elif name == "PutBucketLifecycle":
        request["lifecycle"] = ""
        request["LifecycleConfiguration"] = {
            "Rule": {"Status": "Enabled", "Expiration": {"Days": 1}, "Filter": {"Prefix": ""}, "ID": "expire"}
        }
    elif name == "PutBucketRequestPayment":
        request["requestPayment"] = ""
        request["RequestPaymentConfiguration"] = {
            "xmlns": "http://s3.amazonaws.com/doc/2006-03-01/",
            "Payer": payer,
        }
    elif name == "PutBucketNotification":
        request["notification"] = ""
        request["NotificationConfiguration"] = {}
    return record("s3.amazonaws.com", name, request, None, **kw)


def put_bucket_encryption(
    *defaults: tuple[str, str | None], bucket: str = TRAIL_BUCKET, as_list: bool = False, **kw: Any
) -> dict[str, Any]:
    """API_PutBucketEncryption.html: ServerSideEncryptionConfiguration, one Rule per (SSEAlgorithm,
    KMSMasterKeyID or None) given; CloudTrail writes a lone XML element as an object, several as a list."""
    rules = [
        {
            "ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": algorithm}
            | ({"KMSMasterKeyID": key} if key is not None else {}),
            "BucketKeyEnabled": True,
        }
        for algorithm, key in defaults
    ]
    request: dict[str, Any] = {
        "bucketName": bucket,
        "Host": f"{bucket}.s3.{REGION}.amazonaws.com",
        "encryption": "",
    }
    if defaults:
        request["ServerSideEncryptionConfiguration"] = {
            "xmlns": "http://s3.amazonaws.com/doc/2006-03-01/",
            "Rule": rules if as_list or len(rules) > 1 else rules[0],
        }
    return record("s3.amazonaws.com", "PutBucketEncryption", request, None, **kw)


# --- SQS (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/; queueUrl as in
# https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-logging-using-cloudtrail.html)


def queue_call(name: str, queue_url: str = QUEUE_URL, **kw: Any) -> dict[str, Any]:
    """API_DeleteQueue.html, API_PurgeQueue.html: QueueUrl.
    API_SetQueueAttributes.html: QueueUrl, Attributes."""
    request: dict[str, Any] = {"queueUrl": queue_url}
    if name == "SetQueueAttributes":
        request["attributes"] = {"MessageRetentionPeriod": "60"}
    return record("sqs.amazonaws.com", name, request, None, **kw)


# --- EventBridge (https://docs.aws.amazon.com/eventbridge/latest/APIReference/) ---------------------------

RULE = "forward-cloudtrail-to-tagwarden"


def rule_arn(name: str = RULE) -> str:
    return f"arn:aws:events:{REGION}:{ACCOUNT}:rule/{name}"


def put_rule(name: str = RULE, pattern: dict[str, Any] | None = None, **kw: Any) -> dict[str, Any]:
    """API_PutRule.html: Name, EventPattern (a JSON string), State; the response has RuleArn."""
    pattern = pattern or {"source": ["aws.s3", "aws.ec2"], "detail-type": ["AWS API Call via CloudTrail"]}
    request = {"name": name, "eventPattern": json.dumps(pattern), "state": "ENABLED"}
    return record("events.amazonaws.com", "PutRule", request, {"ruleArn": rule_arn(name)}, **kw)


def rule_call(name: str, rule: str = RULE, **kw: Any) -> dict[str, Any]:
    """API_DisableRule.html, API_DeleteRule.html: Name; API_RemoveTargets.html: Rule, Ids."""
    request: dict[str, Any] = (
        {"rule": rule, "ids": ["tagwarden-queue"]} if name == "RemoveTargets" else {"name": rule}
    )
    response = {"failedEntryCount": 0, "failedEntries": []} if name == "RemoveTargets" else None
    return record("events.amazonaws.com", name, request, response, **kw)


def remove_bus_permission(
    bus: str | None = None, statement: str | None = "member-accounts", remove_all: bool = False, **kw: Any
) -> dict[str, Any]:
    """API_RemovePermission.html (EventBridge): EventBusName (omitted: the default bus), StatementId,
    RemoveAllPermissions."""
    request: dict[str, Any] = {}
    if bus is not None:
        request["eventBusName"] = bus
    if statement is not None:
        request["statementId"] = statement
    if remove_all:
        request["removeAllPermissions"] = True
    return record("events.amazonaws.com", "RemovePermission", request, None, **kw)


MANAGEMENT_WRITES_BASIC = {
    "eventSelectors": [{"readWriteType": "All", "includeManagementEvents": True, "dataResources": []}]
}
READ_ONLY_BASIC = {
    "eventSelectors": [{"readWriteType": "ReadOnly", "includeManagementEvents": True, "dataResources": []}]
}
DATA_ONLY_BASIC = {
    "eventSelectors": [
        {
            "readWriteType": "All",
            "includeManagementEvents": False,
            "dataResources": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}],
        }
    ]
}
MANAGEMENT_WRITES_ADVANCED = {
    "advancedEventSelectors": [
        {
            "name": "Management events",
            "fieldSelectors": [{"field": "eventCategory", "equals": ["Management"]}],
        }
    ]
}
MANAGEMENT_READS_ADVANCED = {
    "advancedEventSelectors": [
        {
            "name": "Read-only management events",
            "fieldSelectors": [
                {"field": "eventCategory", "equals": ["Management"]},
                {"field": "readOnly", "equals": ["true"]},
            ],
        }
    ]
}
DATA_ONLY_ADVANCED = {
    "advancedEventSelectors": [
        {
            "name": "S3 data events",
            "fieldSelectors": [
                {"field": "eventCategory", "equals": ["Data"]},
                {"field": "resources.type", "equals": ["AWS::S3::Object"]},
            ],
        }
    ]
}
MANAGEMENT_WRITES_NO_KMS_ADVANCED = {
    "advancedEventSelectors": [
        {
            "name": "Management events but KMS",
            "fieldSelectors": [
                {"field": "eventCategory", "equals": ["Management"]},
                {"field": "eventSource", "notEquals": ["kms.amazonaws.com"]},
            ],
        }
    ]
}


# --- SNS, KMS and account moves (the SNS, KMS and Organizations API references) ---------------------------

TOPIC = f"arn:aws:sns:{REGION}:{ACCOUNT}:cloudtrail-notifications"
SUBSCRIPTION = f"{TOPIC}:f248de18-2cf6-578c-8592-b6f1eaa877dc"
KEY_ARN = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
QUEUE_ARN = f"arn:aws:sqs:{REGION}:{ACCOUNT}:tagwarden-cloudtrail"


def subscribe(**kw: Any) -> dict[str, Any]:
    """Subscribe: TopicArn, Protocol, Endpoint; the response has SubscriptionArn."""
    request = {"topicArn": TOPIC, "protocol": "sqs", "endpoint": QUEUE_ARN}
    return record("sns.amazonaws.com", "Subscribe", request, {"subscriptionArn": SUBSCRIPTION}, **kw)


def sns_call(name: str, request: dict[str, Any], **kw: Any) -> dict[str, Any]:
    return record("sns.amazonaws.com", name, request, None, **kw)


def kms_call(name: str, key: str = KEY_ARN, **kw: Any) -> dict[str, Any]:
    """DisableKey, ScheduleKeyDeletion, PutKeyPolicy: KeyId (a key id or ARN)."""
    return record("kms.amazonaws.com", name, {"keyId": key}, None, **kw)


def put_targets(
    target_arn: str = QUEUE_ARN,
    target_id: str = "tagwarden-queue",
    rewrite: dict[str, Any] | None = None,
    **kw: Any,
) -> dict[str, Any]:
    """PutTargets: Rule, Targets (Id, Arn, and Input, InputPath or InputTransformer where ``rewrite``
    says); a target with an existing id replaces it."""
    request = {"rule": RULE, "targets": [{"id": target_id, "arn": target_arn, **(rewrite or {})}]}
    return record("events.amazonaws.com", "PutTargets", request, {"failedEntryCount": 0}, **kw)


def account_call(name: str, **kw: Any) -> dict[str, Any]:
    """LeaveOrganization (no parameters), RemoveAccountFromOrganization and MoveAccount: AccountId."""
    request: dict[str, Any] | None = {
        "LeaveOrganization": None,
        "RemoveAccountFromOrganization": {"accountId": "444455556666"},
        "MoveAccount": {
            "accountId": "444455556666",
            "sourceParentId": "ou-exam-governed",
            "destinationParentId": "r-examplerootid111",
        },
    }[name]
    return record("organizations.amazonaws.com", name, request, None, **kw)


# --- IAM (https://docs.aws.amazon.com/IAM/latest/APIReference/; roleName and the call's own members) ---


def iam_role_call(name: str, role: str = "tagwarden", **request: Any) -> dict[str, Any]:
    """AttachRolePolicy/DetachRolePolicy (PolicyArn), PutRolePolicy (PolicyName, PolicyDocument),
    DeleteRolePolicy (PolicyName), PutRolePermissionsBoundary (PermissionsBoundary),
    UpdateAssumeRolePolicy (PolicyDocument), DeleteRole: RoleName."""
    actor = request.pop("actor", ATTACKER)
    error = request.pop("error", None)
    return record("iam.amazonaws.com", name, {"roleName": role, **request}, None, actor=actor, error=error)


def iam_policy_call(name: str, policy_arn: str, **request: Any) -> dict[str, Any]:
    """CreatePolicyVersion (PolicyArn, PolicyDocument, SetAsDefault), SetDefaultPolicyVersion
    (PolicyArn, VersionId)."""
    actor = request.pop("actor", ATTACKER)
    error = request.pop("error", None)
    return record(
        "iam.amazonaws.com", name, {"policyArn": policy_arn, **request}, None, actor=actor, error=error
    )
