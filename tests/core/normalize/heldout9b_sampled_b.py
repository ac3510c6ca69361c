"""Held-out corpus, round nine, part B, continued: draw lines 46 to 60 (see heldout9b_sampled.py
for the draw and how the records were written)."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import GONE, M, T, untag_call
from tests.core.normalize.heldout_builders import held, kv

APP = f"arn:aws:resiliencehub:ap-northeast-1:{A}:app/a1b2c3d4-5678-90ab-cdef-012345616161"
ASSESSMENT = f"arn:aws:resiliencehub:ap-northeast-1:{A}:app-assessment/a1b2c3d4-5678-90ab-cdef-012345617171"
AD_TEMPLATE = (
    f"arn:aws:pca-connector-ad:eu-west-1:{A}:connector/a1b2c3d4-5678-90ab-cdef-012345618181/"
    "template/a1b2c3d4-5678-90ab-cdef-012345619191"
)
DEADLINE_FLEET = (
    f"arn:aws:deadline:us-east-2:{A}:farm/farm-0123456789abcdef0123456789abcdef/"
    "fleet/fleet-fedcba9876543210fedcba9876543210"
)
IP_SET_ID = "a1b2c3d4-5678-90ab-cdef-012345620202"
IP_SET = f"arn:aws-cn:wafv2:cn-northwest-1:{A}:regional/ipset/blocked-ranges/{IP_SET_ID}"
FLOW_MONITOR = f"arn:aws:networkflowmonitor:ap-southeast-1:{A}:monitor/checkout-flows"
ENABLED_BASELINE = f"arn:aws:controltower:eu-central-1:{A}:enabledbaseline/XAJ4V9Y4MLYHLEJ2K"
GLOBAL_NETWORK = "global-network-01231231231231231"
CONNECTION = f"arn:aws:networkmanager::{A}:connection/{GLOBAL_NETWORK}/connection-07f6fd08867abc123"
SLO = f"arn:aws:application-signals:eu-west-1:{A}:slo/checkout-latency"
PROFILE = f"arn:aws:wellarchitected:ap-south-1:{A}:profile/7c5f5f5c8d5a4d1e9d1e0f7c3a1b2c3d"
PERMISSION_SET = "arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-2222222222222222"
BACKUP_GATEWAY = f"arn:aws:backup-gateway:eu-west-3:{A}:gateway/bgw-1234ABCD"
SPACE_ID = "SPa1b2c3d4e5f6g7h8i9"
MEMORYDB_CLUSTER = f"arn:aws:memorydb:ap-northeast-2:{A}:cluster/sessions-cache"
JOB_QUEUE = f"arn:aws-us-gov:batch:us-gov-west-1:{A}:job-queue/HighPriority"


ROUND9_B2_ENTRIES: list[dict[str, Any]] = [
    held(
        "resiliencehub-2020-04-30",
        "StartAppAssessment",
        "awsresiliencehub",
        record(
            "resiliencehub",
            "StartAppAssessment",
            {
                "appArn": APP,
                "appVersion": "release",
                "assessmentName": "weekly-assessment",
                "clientToken": "a1b2c3d4-5678-90ab-cdef-012345621212",
                "tags": M,
            },
            {
                "assessment": {
                    "appArn": APP,
                    "appVersion": "release",
                    "assessmentArn": ASSESSMENT,
                    "assessmentName": "weekly-assessment",
                    "assessmentStatus": "Pending",
                    "invoker": "User",
                    "startTime": "2024-06-01T12:00:00Z",
                    "tags": M,
                }
            },
            region="ap-northeast-1",
        ),
        change(ASSESSMENT, T),
        note="the call creates an assessment ('Creates a new application assessment'); its tags are "
        "'assigned to the resource' and returned on the response's assessment; the application named by "
        "appArn is not the target; SAR app-assessment/${AppAssessmentId}",
    ),
    untag_call(
        "pca-connector-ad-2018-05-10",
        "awsprivatecaconnectorforactivedirectory",
        "pca-connector-ad",
        "UntagResource",
        {"ResourceArn": AD_TEMPLATE, "tagKeys": ["team"]},
        AD_TEMPLATE,
        region="eu-west-1",
    ),
    untag_call(
        "deadline-2023-10-12",
        "awsdeadlinecloud",
        "deadline",
        "UntagResource",
        {"resourceArn": DEADLINE_FLEET, "tagKeys": ["team"]},
        DEADLINE_FLEET,
        region="us-east-2",
    ),
    held(
        "wafv2-2019-07-29",
        "CreateIPSet",
        "awswafv2",
        record(
            "wafv2",
            "CreateIPSet",
            {
                "Name": "blocked-ranges",
                "Scope": "REGIONAL",
                "Description": "Ranges blocked at the edge",
                "IPAddressVersion": "IPV4",
                "Addresses": ["192.0.2.44/32", "203.0.113.0/24"],
                "Tags": kv(team="alpha"),
            },
            {
                "Summary": {
                    "Name": "blocked-ranges",
                    "Id": IP_SET_ID,
                    "Description": "Ranges blocked at the edge",
                    "LockToken": "0674c84b-0304-47fe-8728-c6bff46af8fc",
                    "ARN": IP_SET,
                }
            },
            region="cn-northwest-1",
        ),
        change(IP_SET, T),
        note="SAR ipset format ${Scope}/ipset/${Name}/${Id}, with the scope REGIONAL written regional in the ARN",
    ),
    untag_call(
        "workspaces-instances-2022-07-26",
        "awsworkspacesmanagedinstances",
        "workspaces-instances",
        "UntagResource",
        {"WorkspaceInstanceId": "wsinst-abcd1234", "TagKeys": ["team"]},
        f"arn:aws:workspaces-instances:us-west-2:{A}:workspaceinstance/wsinst-abcd1234",
        region="us-west-2",
    ),
    held(
        "networkflowmonitor-2023-04-19",
        "CreateMonitor",
        "networkflowmonitor",
        record(
            "networkflowmonitor",
            "CreateMonitor",
            {
                "monitorName": "checkout-flows",
                "localResources": [
                    {
                        "type": "AWS::EC2::VPC",
                        "identifier": f"arn:aws:ec2:ap-southeast-1:{A}:vpc/vpc-0123456789abcdef0",
                    }
                ],
                "remoteResources": [{"type": "AWS::Region", "identifier": "ap-southeast-1"}],
                "scopeArn": f"arn:aws:networkflowmonitor:ap-southeast-1:{A}:scope/a1b2c3d4-5678-90ab-cdef-012345622222",
                "clientToken": "a1b2c3d4-5678-90ab-cdef-012345623232",
                "tags": M,
            },
            {
                "monitorArn": FLOW_MONITOR,
                "monitorName": "checkout-flows",
                "monitorStatus": "PENDING",
                "localResources": [
                    {
                        "type": "AWS::EC2::VPC",
                        "identifier": f"arn:aws:ec2:ap-southeast-1:{A}:vpc/vpc-0123456789abcdef0",
                    }
                ],
                "remoteResources": [{"type": "AWS::Region", "identifier": "ap-southeast-1"}],
                "createdAt": "2024-06-01T12:00:00Z",
                "modifiedAt": "2024-06-01T12:00:00Z",
                "tags": M,
            },
            region="ap-southeast-1",
        ),
        change(FLOW_MONITOR, T),
        note="tags are 'The tags for a monitor'; the scope and the VPC are not the target",
    ),
    held(
        "controltower-2018-05-10",
        "EnableBaseline",
        "awscontroltower",
        record(
            "controltower",
            "EnableBaseline",
            {
                "baselineVersion": "4.0",
                "baselineIdentifier": "arn:aws:controltower:eu-central-1::baseline/17BSJV3IGJ2QSGA2",
                "targetIdentifier": f"arn:aws:organizations::{A}:ou/o-a1b2c3d4e5/ou-ab12-cd34ef56",
                "tags": M,
            },
            {"operationIdentifier": "a1b2c3d4-5678-90ab-cdef-012345624242", "arn": ENABLED_BASELINE},
            region="eu-central-1",
        ),
        change(ENABLED_BASELINE, T),
        note="the response's arn is 'The ARN of the EnabledBaseline resource' the call makes; the reference "
        "says only 'Tags associated with input to EnableBaseline', read here as the enabled baseline's "
        "tags (AWS::ControlTower::EnabledBaseline takes Tags); the baseline and the OU are not the target",
    ),
    held(
        "networkmanager-2019-07-05",
        "CreateConnection",
        "awsnetworkmanager",
        record(
            "networkmanager",
            "CreateConnection",
            {
                "globalNetworkId": GLOBAL_NETWORK,
                "DeviceId": "device-07f6fd08867abc123",
                "ConnectedDeviceId": "device-0a1b2c3d4e5f6a7b8",
                "Description": "Branch router to DC firewall",
                "Tags": kv(team="alpha"),
            },
            {
                "Connection": {
                    "ConnectionId": "connection-07f6fd08867abc123",
                    "ConnectionArn": CONNECTION,
                    "GlobalNetworkId": GLOBAL_NETWORK,
                    "DeviceId": "device-07f6fd08867abc123",
                    "ConnectedDeviceId": "device-0a1b2c3d4e5f6a7b8",
                    "Description": "Branch router to DC firewall",
                    "CreatedAt": "2024-06-01T12:00:00Z",
                    "State": "PENDING",
                    "Tags": kv(team="alpha"),
                }
            },
            region="us-west-2",
        ),
        change(CONNECTION, T),
        note="SAR connection format has no region (networkmanager::${Account}:connection/${GlobalNetworkId}/"
        "${ResourceId}); globalNetworkId is the URI wire name; the devices are not the target",
    ),
    held(
        "application-signals-2024-04-15",
        "UntagResource",
        "amazoncloudwatchapplicationsignals",
        record(
            "application-signals",
            "UntagResource",
            {"ResourceArn": SLO, "TagKeys": ["team"]},
            region="eu-west-1",
        ),
        change(SLO, removed=GONE),
        note="ResourceArn's text gives the SLO format arn:aws:cloudwatch:Region:account-id:slo:slo-name, but the "
        "SAR (slo/${SloName} under application-signals) and the ServiceLevelObjective Arn pattern "
        "(arn:aws:application-signals:...:slo/name) agree on the form used here",
    ),
    held(
        "wellarchitected-2020-03-31",
        "CreateProfile",
        "awswell-architectedtool",
        record(
            "wellarchitected",
            "CreateProfile",
            {
                "ProfileName": "startup-profile",
                "ProfileDescription": "Questions for early-stage workloads",
                "ProfileQuestions": [
                    {"QuestionId": "priorities", "SelectedChoiceIds": ["sec_priorities_compliance"]}
                ],
                "ClientRequestToken": "a1b2c3d4-5678-90ab-cdef-012345625252",
                "Tags": M,
            },
            {"ProfileArn": PROFILE, "ProfileVersion": "1717243200"},
            region="ap-south-1",
        ),
        change(PROFILE, T),
    ),
    untag_call(
        "sso-admin-2020-07-20",
        "awsiamidentitycenter",
        "sso",
        "UntagResource",
        {
            "InstanceArn": "arn:aws:sso:::instance/ssoins-1111111111111111",
            "ResourceArn": PERMISSION_SET,
            "TagKeys": ["team"],
        },
        PERMISSION_SET,
        region="eu-west-1",
    ),
    held(
        "backup-gateway-2021-01-01",
        "CreateGateway",
        "awsbackupgateway",
        record(
            "backup-gateway",
            "CreateGateway",
            {
                "ActivationKey": "ABCDE-12345-FGHIJ-67890-KLMNO",
                "GatewayDisplayName": "vmware-backup-gw",
                "GatewayType": "BACKUP_VM",
                "Tags": kv(team="alpha"),
            },
            {"GatewayArn": BACKUP_GATEWAY},
            region="eu-west-3",
        ),
        change(BACKUP_GATEWAY, T),
    ),
    held(
        "repostspace-2022-05-13",
        "CreateSpace",
        "awsrepostprivate",
        record(
            "repostspace",
            "CreateSpace",
            {
                "name": "engineering-qa",
                "subdomain": "engineering-qa",
                "tier": "BASIC",
                "description": "Internal questions and answers",
                "tags": M,
            },
            {"spaceId": SPACE_ID},
            region="us-west-2",
        ),
        change(f"arn:aws:repostspace:us-west-2:{A}:space/{SPACE_ID}", T),
        note="the response gives only spaceId, the ${ResourceId} of the SAR format space/${ResourceId}",
    ),
    held(
        "memorydb-2021-01-01",
        "CreateCluster",
        "amazonmemorydb",
        record(
            "memorydb",
            "CreateCluster",
            {
                "ClusterName": "sessions-cache",
                "NodeType": "db.r6g.large",
                "ACLName": "open-access",
                "SubnetGroupName": "cache-subnets",
                "NumShards": 2,
                "Tags": kv(team="alpha"),
            },
            {
                "Cluster": {
                    "Name": "sessions-cache",
                    "Status": "creating",
                    "NumberOfShards": 2,
                    "NodeType": "db.r6g.large",
                    "Engine": "redis",
                    "EngineVersion": "7.1",
                    "ParameterGroupName": "default.memorydb-redis7",
                    "SubnetGroupName": "cache-subnets",
                    "TLSEnabled": True,
                    "ARN": MEMORYDB_CLUSTER,
                    "ACLName": "open-access",
                }
            },
            region="ap-northeast-2",
        ),
        change(MEMORYDB_CLUSTER, T),
        note="the subnet group, parameter group and ACL are not the target",
    ),
    untag_call(
        "batch-2016-08-10",
        "awsbatch",
        "batch",
        "UntagResource",
        {"resourceArn": JOB_QUEUE, "tagKeys": ["team"]},
        JOB_QUEUE,
        region="us-gov-west-1",
    ),
]
