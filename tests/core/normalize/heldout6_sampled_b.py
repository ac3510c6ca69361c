"""Held-out corpus, round six (continued): see tests/core/normalize/heldout6_sampled.py."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import GONE, M, T, tag_call, untag_call
from tests.core.normalize.heldout_builders import held, kv
from tests.core.normalize.heldout_partitions_ec2 import tag_specifications

BILLING = f"arn:aws:billing::{A}:billingview/custom-a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
COIP = f"arn:aws:ec2:us-west-2:{A}:coip-pool/ipv4pool-coip-0123456789abcdef0"
DEVICE = f"arn:aws:panorama:us-east-1:{A}:device/device-abcdefghijklmnopqrstuvwxyz"
CONTACT = f"arn:aws:ssm-contacts:us-east-1:{A}:contact/akuam"
SEGMENT = f"arn:aws:mobiletargeting:us-east-1:{A}:apps/6e0b7591a90841d2b5d93fa11143e5a7/segments/8d9e2f1c3b4a"
CERT = f"arn:aws:acm:eu-west-1:{A}:certificate/12345678-1234-1234-1234-123456789012"
FUNCTION = f"arn:aws:lambda:us-east-1:{A}:function:my-function"
LOCKER = f"arn:aws:iotmanagedintegrations:us-east-1:{A}:credential-locker/a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6"
PROJECT = f"arn:aws:devicefarm:us-west-2:{A}:project:a1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
WABA = f"arn:aws:social-messaging:us-east-1:{A}:waba/0aa1b2c3d4e5f6a7b8c9d0e1f2a3b4c5"
PLAN = f"arn:aws:arc-region-switch::{A}:plan/my-plan:abc123"
VIRTUAL = f"arn:aws:emr-containers:us-east-1:{A}:/virtualclusters/0123456789abcdefghijklmno"
SPENDING = f"arn:aws:braket:us-east-1:{A}:spending-limit/a1b2c3d4-5678-90ab-cdef-EXAMPLE33333"
SUITE = f"arn:aws:iotdeviceadvisor:us-east-1:{A}:suitedefinition/a1b2c3d4e5f6"

ROUND6_B_ENTRIES: list[dict[str, Any]] = [
    untag_call(
        "billing-2023-09-07",
        "awsbilling",
        "billing",
        "UntagResource",
        {"resourceArn": BILLING, "resourceTagKeys": ["team"]},
        BILLING,
    ),
    held(
        "ec2-2016-11-15",
        "CreateCoipPool",
        "amazonec2",
        record(
            "ec2",
            "CreateCoipPool",
            {
                "localGatewayRouteTableId": "lgw-rtb-0123456789abcdef0",
                "tagSpecificationSet": tag_specifications("coip-pool"),
            },
            {
                "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE44444",
                "coipPool": {
                    "poolId": "ipv4pool-coip-0123456789abcdef0",
                    "localGatewayRouteTableId": "lgw-rtb-0123456789abcdef0",
                    "tagSet": {"items": [{"key": "team", "value": "alpha"}]},
                    "poolArn": COIP,
                },
            },
            region="us-west-2",
        ),
        change(COIP, T),
        note="the tags are the new pool's, not the route table's",
    ),
    held(
        "panorama-2019-07-24",
        "ProvisionDevice",
        "awspanorama",
        record(
            "panorama",
            "ProvisionDevice",
            {"Name": "my-appliance", "Tags": M},
            {
                "Arn": DEVICE,
                "DeviceId": "device-abcdefghijklmnopqrstuvwxyz",
                "IotThingName": "device-abcdefghijklmnopqrstuvwxyz",
                "Status": "AWAITING_PROVISIONING",
            },
        ),
        change(DEVICE, T),
    ),
    held(
        "supplychain-2024-01-01",
        "CreateInstance",
        "awssupplychain",
        record(
            "scn",
            "CreateInstance",
            {"instanceName": "my-instance", "tags": M},
            {
                "instance": {
                    "instanceId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE55555",
                    "awsAccountId": A,
                    "state": "Initializing",
                    "instanceName": "my-instance",
                }
            },
        ),
        change(f"arn:aws:scn:us-east-1:{A}:instance/a1b2c3d4-5678-90ab-cdef-EXAMPLE55555", T),
    ),
    tag_call(
        "ssm-contacts-2021-05-03",
        "awssystemsmanagerincidentmanagercontacts",
        "ssm-contacts",
        "TagResource",
        {"ResourceARN": CONTACT, "Tags": kv(team="alpha")},
        CONTACT,
    ),
    held(
        "pinpoint-2016-12-01",
        "CreateSegment",
        "amazonpinpoint",
        record(
            "pinpoint",
            "CreateSegment",
            {
                "ApplicationId": "6e0b7591a90841d2b5d93fa11143e5a7",
                "WriteSegmentRequest": {"Name": "my-segment", "tags": M},
            },
            {
                "SegmentResponse": {
                    "ApplicationId": "6e0b7591a90841d2b5d93fa11143e5a7",
                    "Arn": SEGMENT,
                    "CreationDate": "2024-06-01T12:00:00Z",
                    "Id": "8d9e2f1c3b4a",
                    "Name": "my-segment",
                    "SegmentType": "DIMENSIONAL",
                    "tags": M,
                    "Version": 1,
                }
            },
        ),
        change(SEGMENT, T),
        note="the tags are the segment's, not the project's",
    ),
    held(
        "elasticmapreduce-2009-03-31",
        "StartNotebookExecution",
        "amazonelasticmapreduce",
        record(
            "elasticmapreduce",
            "StartNotebookExecution",
            {
                "EditorId": "e-ABCDEFGHIJ0123456789ABCDE",
                "RelativePath": "notebook.ipynb",
                "NotebookExecutionName": "my-execution",
                "ExecutionEngine": {"Id": "j-ABCDEFGHIJKLM", "Type": "EMR"},
                "ServiceRole": "EMR_Notebooks_DefaultRole",
                "Tags": kv(team="alpha"),
            },
            {"NotebookExecutionId": "ex-ABCDEFGHIJ0123456789ABCDE"},
            region="eu-west-1",
        ),
        change(f"arn:aws:elasticmapreduce:eu-west-1:{A}:notebook-execution/ex-ABCDEFGHIJ0123456789ABCDE", T),
        note="the tags are the notebook execution's, not the editor's or the cluster's",
    ),
    held(
        "acm-2015-12-08",
        "RemoveTagsFromCertificate",
        "awscertificatemanager",
        record(
            "acm",
            "RemoveTagsFromCertificate",
            {"certificateArn": CERT, "tags": [{"key": "team"}]},
            region="eu-west-1",
        ),
        change(CERT, removed=GONE),
    ),
    held(
        "lambda-2015-03-31",
        "UntagResource",
        "awslambda",
        record("lambda", "UntagResource20170331v2", {"resource": FUNCTION, "tagKeys": ["team"]}),
        change(FUNCTION, removed=GONE),
        note="Lambda logs its operations with their API version appended to the event name",
    ),
    held(
        "iot-managed-integrations-2025-03-03",
        "CreateCredentialLocker",
        "awsiotmanagedintegrations",
        record(
            "iotmanagedintegrations",
            "CreateCredentialLocker",
            {"Name": "my-locker", "Tags": M},
            {"Id": "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6", "Arn": LOCKER, "CreatedAt": "2024-06-01T12:00:00Z"},
        ),
        change(LOCKER, T),
    ),
    tag_call(
        "devicefarm-2015-06-23",
        "awsdevicefarm",
        "devicefarm",
        "TagResource",
        {"ResourceARN": PROJECT, "Tags": kv(team="alpha")},
        PROJECT,
        region="us-west-2",
    ),
    untag_call(
        "socialmessaging-2024-01-01",
        "awsendusermessagingsocial",
        "social-messaging",
        "UntagResource",
        {"resourceArn": WABA, "tagKeys": ["team"]},
        WABA,
    ),
    tag_call(
        "arc-region-switch-2022-07-26",
        "amazonapplicationrecoverycontroller-regionswitch",
        "arc-region-switch",
        "TagResource",
        {"arn": PLAN, "tags": M},
        PLAN,
    ),
    untag_call(
        "emr-containers-2020-10-01",
        "amazonemroneksemrcontainers",
        "emr-containers",
        "UntagResource",
        {"resourceArn": VIRTUAL, "tagKeys": ["team"]},
        VIRTUAL,
    ),
    held(
        "braket-2019-09-01",
        "CreateSpendingLimit",
        "amazonbraket",
        record(
            "braket",
            "CreateSpendingLimit",
            {
                "clientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE66666",
                "deviceArn": "arn:aws:braket:us-east-1::device/qpu/ionq/Forte-1",
                "spendingLimit": "500.00",
                "tags": M,
            },
            {"spendingLimitArn": SPENDING},
        ),
        change(SPENDING, T),
        note="the tags are the spending limit's, not the device's",
    ),
    held(
        "amplifyuibuilder-2021-08-11",
        "StartCodegenJob",
        "awsamplifyuibuilder",
        record(
            "amplifyuibuilder",
            "StartCodegenJob",
            {
                "appId": "d1a2b3c4e5f6g7",
                "environmentName": "staging",
                "codegenJobToCreate": {"renderConfig": {"react": {"module": "es2020"}}, "tags": M},
            },
            {
                "entity": {
                    "id": "a1b2c3d4-5678-90ab-cdef-EXAMPLE77777",
                    "appId": "d1a2b3c4e5f6g7",
                    "environmentName": "staging",
                    "status": "in_progress",
                    "tags": M,
                }
            },
        ),
        change(
            f"arn:aws:amplifyuibuilder:us-east-1:{A}:app/d1a2b3c4e5f6g7/environment/staging/codegen-jobs/"
            "a1b2c3d4-5678-90ab-cdef-EXAMPLE77777",
            T,
        ),
    ),
    tag_call(
        "iotdeviceadvisor-2020-09-18",
        "awsiotcoredeviceadvisor",
        "iotdeviceadvisor",
        "TagResource",
        {"resourceArn": SUITE, "tags": M},
        SUITE,
    ),
]
