"""Held-out corpus, round eleven, part C, second file: draws 64 to 75 of
``python -m tests.core.normalize.draw_heldout 20261209 100 11``, written as
heldout11c_sampled.py says (from the API reference and the Service Authorization Reference, without
seeing the catalog or the normalizer's output). No drawn operation was skipped.

Expectations a reader may question (each note says why):

- Kinesis Video Streams ``TagResource`` (draw 69): the reference says it tags "a signaling
  channel"; the channel's ARN ends in its creation time, which the request's ARN carries.
- AppRegistry ``CreateApplication`` (draw 70), in aws-us-gov: the application's ARN is under the
  ``servicecatalog`` prefix with a leading slash (``:/applications/<id>``), from the response.
- OpenSearch ``CreateApplication`` (draw 68): logged by ``es.amazonaws.com``; the application's ARN
  is under the ``opensearch`` prefix (``application/<id>``), from the response.
- FSx ``CreateVolume`` (draw 71), in aws-us-gov: the volume's ARN names its file system and its
  volume id (``volume/<fs id>/<fsvol id>``), from the response; the tags are the volume's, not its
  storage virtual machine's.
- WorkSpaces ``CreateWorkspaceBundle`` (draw 74): the response carries no ARN; the expected ARN is
  built from the bundle id (``workspacebundle/<wsb id>``), not the image's the request names.
"""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import M, T, untag_call
from tests.core.normalize.heldout_builders import held, kv

EXPORT = f"arn:aws:bcm-data-exports:us-east-1:{A}:export/daily-costs-3f8e2a1b-4c5d-4e6f-8a9b-0c1d2e3f4a5b"
TRUST_ANCHOR = (
    f"arn:aws-us-gov:rolesanywhere:us-gov-east-1:{A}:trust-anchor/a1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
)
CONNECTION = f"arn:aws:codeconnections:eu-west-3:{A}:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f"
LINK_ID = "6053346f-8a33-4edb-9397-10394b695901"
REPOSITORY_LINK = f"arn:aws:codeconnections:eu-west-3:{A}:repository-link/{LINK_ID}"
SERVICE_NETWORK = f"arn:aws:vpc-lattice:ap-south-1:{A}:servicenetwork/sn-0bf3f2882e9cc805a"
SEARCH_APP_ID = "k3p9x2m7q1"
SEARCH_APP = f"arn:aws:opensearch:eu-north-1:{A}:application/{SEARCH_APP_ID}"
CHANNEL = f"arn:aws:kinesisvideo:sa-east-1:{A}:channel/door-camera/1717243200000"
APPREG_ID = "0a1b2c3d4e5f6g7h8i9j0k1l2m"
APPREG = f"arn:aws-us-gov:servicecatalog:us-gov-west-1:{A}:/applications/{APPREG_ID}"
FS_ID = "fs-0123456789abcdef0"
FSX_VOLUME_ID = "fsvol-0123456789abcdef0"
FSX_VOLUME = f"arn:aws-us-gov:fsx:us-gov-east-1:{A}:volume/{FS_ID}/{FSX_VOLUME_ID}"
MEMORYDB_USER = f"arn:aws:memorydb:ca-central-1:{A}:user/report-reader"
FRAMEWORK_ID = "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b"
FRAMEWORK = f"arn:aws:auditmanager:us-east-2:{A}:assessmentFramework/{FRAMEWORK_ID}"
BUNDLE_ID = "wsb-3b4c5d6e7"
BUNDLE = f"arn:aws:workspaces:ap-southeast-2:{A}:workspacebundle/{BUNDLE_ID}"
PIPE = f"arn:aws-cn:pipes:cn-northwest-1:{A}:pipe/orders-to-queue"

ROUND11C_B_ENTRIES: list[dict[str, Any]] = [
    held(
        "bcm-data-exports-2023-11-26",
        "TagResource",
        "awsbillingandcostmanagementdataexports",
        record("bcm-data-exports", "TagResource", {"ResourceArn": EXPORT, "ResourceTags": kv(team="alpha")}),
        change(EXPORT, T),
    ),
    untag_call(
        "rolesanywhere-2018-05-10",
        "awsidentityandaccessmanagementrolesanywhere",
        "rolesanywhere",
        "UntagResource",
        {"resourceArn": TRUST_ANCHOR, "tagKeys": ["team"]},
        TRUST_ANCHOR,
        region="us-gov-east-1",
    ),
    held(
        "codeconnections-2023-12-01",
        "CreateRepositoryLink",
        "awscodeconnections",
        record(
            "codeconnections",
            "CreateRepositoryLink",
            {
                "ConnectionArn": CONNECTION,
                "OwnerId": "example-org",
                "RepositoryName": "infra-config",
                "Tags": kv(team="alpha"),
            },
            {
                "RepositoryLinkInfo": {
                    "ConnectionArn": CONNECTION,
                    "OwnerId": "example-org",
                    "ProviderType": "GitHub",
                    "RepositoryLinkArn": REPOSITORY_LINK,
                    "RepositoryLinkId": LINK_ID,
                    "RepositoryName": "infra-config",
                }
            },
            region="eu-west-3",
        ),
        change(REPOSITORY_LINK, T),
        note="the tags are the repository link's, not the connection's the request names",
    ),
    untag_call(
        "vpc-lattice-2022-11-30",
        "amazonvpclattice",
        "vpc-lattice",
        "UntagResource",
        {"resourceArn": SERVICE_NETWORK, "tagKeys": ["team"]},
        SERVICE_NETWORK,
        region="ap-south-1",
    ),
    held(
        "opensearch-2021-01-01",
        "CreateApplication",
        "amazonopensearchservice",
        record(
            "es",
            "CreateApplication",
            {
                "name": "log-explorer",
                "clientToken": "log-explorer-create-1",
                "dataSources": [
                    {
                        "dataSourceArn": f"arn:aws:es:eu-north-1:{A}:domain/app-logs",
                        "dataSourceDescription": "logs",
                    }
                ],
                "appConfigs": [
                    {"key": "opensearchDashboards.dashboardAdmin.users", "value": '["admin@example.com"]'}
                ],
                "tagList": kv(team="alpha"),
            },
            {
                "id": SEARCH_APP_ID,
                "name": "log-explorer",
                "arn": SEARCH_APP,
                "dataSources": [
                    {
                        "dataSourceArn": f"arn:aws:es:eu-north-1:{A}:domain/app-logs",
                        "dataSourceDescription": "logs",
                    }
                ],
                "appConfigs": [
                    {"key": "opensearchDashboards.dashboardAdmin.users", "value": '["admin@example.com"]'}
                ],
                "tagList": kv(team="alpha"),
                "createdAt": "2024-06-01T12:00:00Z",
            },
            region="eu-north-1",
        ),
        change(SEARCH_APP, T),
        note="the tags are the application's, not its data source domain's; the ARN's prefix is opensearch",
    ),
    held(
        "kinesisvideo-2017-09-30",
        "TagResource",
        "amazonkinesisvideostreams",
        record(
            "kinesisvideo",
            "TagResource",
            {"ResourceARN": CHANNEL, "Tags": kv(team="alpha")},
            region="sa-east-1",
        ),
        change(CHANNEL, T),
        note="a signaling channel's ARN ends in its creation time",
    ),
    held(
        "AWS242AppRegistry-2020-06-24",
        "CreateApplication",
        "awsservicecatalog",
        record(
            "servicecatalog-appregistry",
            "CreateApplication",
            {
                "name": "payments",
                "description": "Payments platform",
                "tags": M,
                "clientToken": "payments-create-1",
            },
            {
                "application": {
                    "id": APPREG_ID,
                    "arn": APPREG,
                    "name": "payments",
                    "description": "Payments platform",
                    "creationTime": "2024-06-01T12:00:00Z",
                    "lastUpdateTime": "2024-06-01T12:00:00Z",
                    "tags": M,
                    "applicationTag": {"awsApplication": APPREG},
                }
            },
            region="us-gov-west-1",
        ),
        change(APPREG, T),
        note="the application's ARN has the servicecatalog prefix and a leading slash (:/applications/<id>)",
    ),
    held(
        "fsx-2018-03-01",
        "CreateVolume",
        "amazonfsx",
        record(
            "fsx",
            "CreateVolume",
            {
                "ClientRequestToken": "vol-create-1",
                "VolumeType": "ONTAP",
                "Name": "vol_reports",
                "OntapConfiguration": {
                    "JunctionPath": "/reports",
                    "SizeInMegabytes": 102400,
                    "StorageEfficiencyEnabled": True,
                    "StorageVirtualMachineId": "svm-0123456789abcdef0",
                },
                "Tags": kv(team="alpha"),
            },
            {
                "Volume": {
                    "CreationTime": "2024-06-01T12:00:00Z",
                    "FileSystemId": FS_ID,
                    "Lifecycle": "CREATING",
                    "Name": "vol_reports",
                    "OntapConfiguration": {
                        "JunctionPath": "/reports",
                        "SizeInMegabytes": 102400,
                        "StorageEfficiencyEnabled": True,
                        "StorageVirtualMachineId": "svm-0123456789abcdef0",
                        "StorageVirtualMachineRoot": False,
                    },
                    "ResourceARN": FSX_VOLUME,
                    "Tags": kv(team="alpha"),
                    "VolumeId": FSX_VOLUME_ID,
                    "VolumeType": "ONTAP",
                }
            },
            region="us-gov-east-1",
        ),
        change(FSX_VOLUME, T),
        note="the tags are the volume's, not its storage virtual machine's; its ARN names its file system",
    ),
    held(
        "memorydb-2021-01-01",
        "CreateUser",
        "amazonmemorydb",
        record(
            "memorydb",
            "CreateUser",
            {
                "UserName": "report-reader",
                "AuthenticationMode": {"Type": "iam"},
                "AccessString": "on ~reports:* +@read",
                "Tags": kv(team="alpha"),
            },
            {
                "User": {
                    "Name": "report-reader",
                    "Status": "active",
                    "AccessString": "on ~reports:* resetchannels -@all +@read",
                    "ACLNames": [],
                    "MinimumEngineVersion": "7.0",
                    "Authentication": {"Type": "iam"},
                    "ARN": MEMORYDB_USER,
                }
            },
            region="ca-central-1",
        ),
        change(MEMORYDB_USER, T),
    ),
    held(
        "auditmanager-2017-07-25",
        "CreateAssessmentFramework",
        "awsauditmanager",
        record(
            "auditmanager",
            "CreateAssessmentFramework",
            {
                "name": "internal-access-review",
                "description": "Quarterly access review",
                "controlSets": [
                    {"name": "access", "controls": [{"id": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"}]}
                ],
                "tags": M,
            },
            {
                "framework": {
                    "arn": FRAMEWORK,
                    "id": FRAMEWORK_ID,
                    "name": "internal-access-review",
                    "type": "Custom",
                    "description": "Quarterly access review",
                    "controlSets": [
                        {
                            "id": "c0d1e2f3-a4b5-4c6d-8e7f-9a0b1c2d3e4f",
                            "name": "access",
                            "controls": [{"id": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"}],
                        }
                    ],
                    "createdAt": "2024-06-01T12:00:00Z",
                    "lastUpdatedAt": "2024-06-01T12:00:00Z",
                    "tags": M,
                }
            },
            region="us-east-2",
        ),
        change(FRAMEWORK, T),
        note="the tags are the framework's, not its controls' the request names by id",
    ),
    held(
        "workspaces-2015-04-08",
        "CreateWorkspaceBundle",
        "amazonworkspaces",
        record(
            "workspaces",
            "CreateWorkspaceBundle",
            {
                "BundleName": "dev-standard",
                "BundleDescription": "Developer desktop",
                "ImageId": "wsi-0123abcde",
                "ComputeType": {"Name": "STANDARD"},
                "UserStorage": {"Capacity": "50"},
                "RootStorage": {"Capacity": "80"},
                "Tags": kv(team="alpha"),
            },
            {
                "WorkspaceBundle": {
                    "BundleId": BUNDLE_ID,
                    "Name": "dev-standard",
                    "Owner": A,
                    "Description": "Developer desktop",
                    "ImageId": "wsi-0123abcde",
                    "RootStorage": {"Capacity": "80"},
                    "UserStorage": {"Capacity": "50"},
                    "ComputeType": {"Name": "STANDARD"},
                    "CreationTime": "2024-06-01T12:00:00Z",
                    "State": "PENDING",
                    "BundleType": "REGULAR",
                }
            },
            region="ap-southeast-2",
        ),
        change(BUNDLE, T),
        note="the response carries no ARN: built from the bundle id, not the image's the request names",
    ),
    untag_call(
        "pipes-2015-10-07",
        "amazoneventbridgepipes",
        "pipes",
        "UntagResource",
        {"resourceArn": PIPE, "tagKeys": ["team"]},
        PIPE,
        region="cn-northwest-1",
    ),
]
