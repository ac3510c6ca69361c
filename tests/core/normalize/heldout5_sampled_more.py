"""Held-out corpus, round five (continued): see tests/core/normalize/heldout5_sampled.py."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, unresolved, values
from tests.core.normalize.heldout_builders import held, kv, lkv

T = values(team="alpha")
M = {"team": "alpha"}
GONE = ("team",)


ROUND5_MORE_ENTRIES: list[dict[str, Any]] = [
    held(
        "workspaces-thin-client-2023-08-22",
        "TagResource",
        "amazonworkspacesthinclient",
        record(
            "thinclient",
            "TagResource",
            {"resourceArn": f"arn:aws:thinclient:us-east-1:{A}:device/k3ykplqt4example", "tags": M},
        ),
        change(f"arn:aws:thinclient:us-east-1:{A}:device/k3ykplqt4example", T),
    ),
    held(
        "codestar-notifications-2019-10-15",
        "UntagResource",
        "awscodestarnotifications",
        record(
            "codestar-notifications",
            "UntagResource",
            {
                "Arn": f"arn:aws:codestar-notifications:us-east-2:{A}:notificationrule/dc82df7a-EXAMPLE",
                "TagKeys": ["team"],
            },
            region="us-east-2",
        ),
        change(
            f"arn:aws:codestar-notifications:us-east-2:{A}:notificationrule/dc82df7a-EXAMPLE", removed=GONE
        ),
    ),
    held(
        "pca-connector-scep-2018-05-10",
        "UntagResource",
        "awsprivatecaconnectorforscep",
        record(
            "pca-connector-scep",
            "UntagResource",
            {
                "ResourceArn": f"arn:aws:pca-connector-scep:us-east-1:{A}:connector/a1b2c3d4-5678-90ab-cdef-EXAMPLE99999",
                "TagKeys": ["team"],
            },
        ),
        change(
            f"arn:aws:pca-connector-scep:us-east-1:{A}:connector/a1b2c3d4-5678-90ab-cdef-EXAMPLE99999",
            removed=GONE,
        ),
    ),
    held(
        "application-insights-2018-11-25",
        "CreateApplication",
        "amazoncloudwatchapplicationinsights",
        record(
            "applicationinsights",
            "CreateApplication",
            {"ResourceGroupName": "my-rg", "OpsCenterEnabled": False, "Tags": kv(team="alpha")},
            {
                "ApplicationInfo": {
                    "AccountId": A,
                    "ResourceGroupName": "my-rg",
                    "LifeCycle": "NOT_CONFIGURED",
                }
            },
        ),
        unresolved("", T),
        note="the reference has no ARN format for an Application Insights application",
    ),
    held(
        "storagegateway-2013-06-30",
        "CreateCachediSCSIVolume",
        "awsstoragegateway",
        record(
            "storagegateway",
            "CreateCachediSCSIVolume",
            {
                "GatewayARN": f"arn:aws:storagegateway:us-east-1:{A}:gateway/sgw-12A3456B",
                "VolumeSizeInBytes": 536870912000,
                "TargetName": "myvolume",
                "NetworkInterfaceId": "10.1.1.1",
                "ClientToken": "cachedvol112233",
                "Tags": kv(team="alpha"),
            },
            {
                "VolumeARN": f"arn:aws:storagegateway:us-east-1:{A}:gateway/sgw-12A3456B/volume/vol-1122AABB",
                "TargetARN": f"arn:aws:storagegateway:us-east-1:{A}:gateway/sgw-12A3456B/target/iqn.1997-05.com.amazon:myvolume",
            },
        ),
        change(f"arn:aws:storagegateway:us-east-1:{A}:gateway/sgw-12A3456B/volume/vol-1122AABB", T),
        note="the request names the gateway and the response the iSCSI target too; the tags are the volume's",
    ),
    held(
        "sagemaker-2017-07-24",
        "CreateModelPackage",
        "amazonsagemaker",
        record(
            "sagemaker",
            "CreateModelPackage",
            {
                "ModelPackageGroupName": "my-group",
                "ModelApprovalStatus": "PendingManualApproval",
                "Tags": kv(team="alpha"),
            },
            {"ModelPackageArn": f"arn:aws:sagemaker:us-east-1:{A}:model-package/my-group/1"},
        ),
        change(f"arn:aws:sagemaker:us-east-1:{A}:model-package/my-group/1", T),
        note="a versioned package of a group; the tags are the package's, not the group's",
    ),
    held(
        "appmesh-2019-01-25",
        "CreateGatewayRoute",
        "awsappmesh",
        record(
            "appmesh",
            "CreateGatewayRoute",
            {
                "gatewayRouteName": "my-route",
                "meshName": "my-mesh",
                "virtualGatewayName": "my-gateway",
                "spec": {
                    "httpRoute": {"action": {"target": {"virtualService": {"virtualServiceName": "svc"}}}}
                },
                "tags": lkv(team="alpha"),
            },
            {
                "gatewayRoute": {
                    "gatewayRouteName": "my-route",
                    "meshName": "my-mesh",
                    "metadata": {
                        "arn": f"arn:aws:appmesh:us-east-1:{A}:mesh/my-mesh/virtualGateway/my-gateway/gatewayRoute/my-route",
                        "meshOwner": A,
                        "resourceOwner": A,
                        "uid": "a1b2c3d4-5678-90ab-cdef-EXAMPLE10101",
                        "version": 1,
                    },
                    "virtualGatewayName": "my-gateway",
                }
            },
        ),
        change(
            f"arn:aws:appmesh:us-east-1:{A}:mesh/my-mesh/virtualGateway/my-gateway/gatewayRoute/my-route", T
        ),
    ),
    held(
        "rum-2018-05-10",
        "TagResource",
        "awscloudwatchrum",
        record(
            "rum",
            "TagResource",
            {"ResourceArn": f"arn:aws:rum:ap-southeast-2:{A}:appmonitor/my-monitor", "Tags": M},
            region="ap-southeast-2",
        ),
        change(f"arn:aws:rum:ap-southeast-2:{A}:appmonitor/my-monitor", T),
    ),
    held(
        "accessanalyzer-2019-11-01",
        "TagResource",
        "awsiamaccessanalyzer",
        record(
            "access-analyzer",
            "TagResource",
            {
                "resourceArn": f"arn:aws-us-gov:access-analyzer:us-gov-west-1:{A}:analyzer/my-analyzer",
                "tags": M,
            },
            region="us-gov-west-1",
        ),
        change(f"arn:aws-us-gov:access-analyzer:us-gov-west-1:{A}:analyzer/my-analyzer", T),
    ),
    held(
        "directconnect-2012-10-25",
        "CreateLag",
        "awsdirectconnect",
        record(
            "directconnect",
            "CreateLag",
            {
                "numberOfConnections": 1,
                "location": "EqDC2",
                "connectionsBandwidth": "1Gbps",
                "lagName": "my-lag",
                "tags": lkv(team="alpha"),
            },
            {
                "lagId": "dxlag-ffrz71kw",
                "lagName": "my-lag",
                "lagState": "pending",
                "ownerAccount": A,
                "region": "us-east-1",
                "connections": [
                    {"connectionId": "dxcon-ffnikghc", "lagId": "dxlag-ffrz71kw", "ownerAccount": A}
                ],
                "tags": lkv(team="alpha"),
            },
        ),
        change(f"arn:aws:directconnect:us-east-1:{A}:dxlag/dxlag-ffrz71kw", T),
        note="the new connection in the response is the lag's; the request's tags are the lag's "
        "(childConnectionTags would be the connections')",
    ),
    held(
        "lambda-2015-03-31",
        "CreateCodeSigningConfig",
        "awslambda",
        record(
            "lambda",
            "CreateCodeSigningConfig",
            {
                "AllowedPublishers": {
                    "SigningProfileVersionArns": [
                        f"arn:aws:signer:us-east-1:{A}:/signing-profiles/my_profile/abcde12345"
                    ]
                },
                "Tags": M,
            },
            {
                "CodeSigningConfig": {
                    "CodeSigningConfigId": "csc-0123456789abcdef0",
                    "CodeSigningConfigArn": f"arn:aws:lambda:us-east-1:{A}:code-signing-config:csc-0123456789abcdef0",
                    "AllowedPublishers": {
                        "SigningProfileVersionArns": [
                            f"arn:aws:signer:us-east-1:{A}:/signing-profiles/my_profile/abcde12345"
                        ]
                    },
                }
            },
        ),
        change(f"arn:aws:lambda:us-east-1:{A}:code-signing-config:csc-0123456789abcdef0", T),
    ),
    held(
        "kinesisvideo-2017-09-30",
        "CreateSignalingChannel",
        "amazonkinesisvideostreams",
        record(
            "kinesisvideo",
            "CreateSignalingChannel",
            {"ChannelName": "my-channel", "ChannelType": "SINGLE_MASTER", "Tags": kv(team="alpha")},
            {"ChannelARN": f"arn:aws:kinesisvideo:us-west-2:{A}:channel/my-channel/1578512345678"},
            region="us-west-2",
        ),
        change(f"arn:aws:kinesisvideo:us-west-2:{A}:channel/my-channel/1578512345678", T),
    ),
    held(
        "imagebuilder-2019-12-02",
        "CreateInfrastructureConfiguration",
        "amazonec2imagebuilder",
        record(
            "imagebuilder",
            "CreateInfrastructureConfiguration",
            {
                "name": "my-infra-config",
                "instanceProfileName": "EC2InstanceProfileForImageBuilder",
                "resourceTags": {"purpose": "build"},
                "tags": M,
                "clientToken": "token-2",
            },
            {
                "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE12121",
                "clientToken": "token-2",
                "infrastructureConfigurationArn": f"arn:aws:imagebuilder:us-west-2:{A}:infrastructure-configuration/my-infra-config",
            },
            region="us-west-2",
        ),
        change(f"arn:aws:imagebuilder:us-west-2:{A}:infrastructure-configuration/my-infra-config", T),
        note="resourceTags go to the instances a build launches, not to the configuration",
    ),
    held(
        "iottwinmaker-2021-11-29",
        "CreateSyncJob",
        "awsiottwinmaker",
        record(
            "iottwinmaker",
            "CreateSyncJob",
            {
                "workspaceId": "my-workspace",
                "syncSource": "SITEWISE",
                "syncRole": f"arn:aws:iam::{A}:role/TwinMakerSyncRole",
                "tags": M,
            },
            {
                "arn": f"arn:aws:iottwinmaker:us-east-1:{A}:workspace/my-workspace/sync-job/SITEWISE",
                "state": "CREATING",
            },
        ),
        change(f"arn:aws:iottwinmaker:us-east-1:{A}:workspace/my-workspace/sync-job/SITEWISE", T),
    ),
    held(
        "mediapackage-vod-2018-11-07",
        "UntagResource",
        "awselementalmediapackagevod",
        record(
            "mediapackage-vod",
            "UntagResource",
            {
                "ResourceArn": f"arn:aws:mediapackage-vod:us-east-1:{A}:packaging-groups/my-group",
                "TagKeys": ["team"],
            },
        ),
        change(f"arn:aws:mediapackage-vod:us-east-1:{A}:packaging-groups/my-group", removed=GONE),
    ),
    held(
        "iot-2015-05-28",
        "CreateStream",
        "awsiot",
        record(
            "iot",
            "CreateStream",
            {
                "streamId": "my-stream",
                "files": [
                    {"fileId": 1, "s3Location": {"bucket": "amzn-s3-demo-bucket", "key": "firmware.bin"}}
                ],
                "roleArn": f"arn:aws:iam::{A}:role/IoTStreamRole",
                "tags": kv(team="alpha"),
            },
            {
                "streamId": "my-stream",
                "streamArn": f"arn:aws:iot:us-east-1:{A}:stream/my-stream",
                "streamVersion": 1,
            },
        ),
        change(f"arn:aws:iot:us-east-1:{A}:stream/my-stream", T),
    ),
]
