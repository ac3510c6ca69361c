"""Held-out corpus, round nine, part A, draws 16 to 30 (see heldout9a_sampled.py for how the round
was drawn and written).

Expectations a reader may question (each note says why):

- Cognito ``UpdateIdentityPool`` (draw 22), in aws-us-gov: ``IdentityPoolTags`` are "the tags that
  are assigned to the identity pool"; the pool's id holds its region and a colon
  (``us-gov-west-1:<guid>``), kept whole in the ARN. Only the tag the request sets is expected: the
  reference says parameters left out are set to their default, but not whether tags the pool had
  and the request leaves out are removed.
- Amazon Location ``CreateKey`` (draw 26): the API reference's example of ``KeyArn`` reads
  ``key/ExampleKey``, the Service Authorization Reference's format ``api-key/${KeyName}``; the
  record's response and the expected ARN follow the Service Authorization Reference.
- Braket ``CreateQuantumTask`` (draw 17): the device ARN holds no account; the tags are the
  quantum task's (the response's ARN), not the device's.
- Launch Wizard ``CreateDeployment`` (draw 18): the response gives only ``deploymentId``; the
  expected ARN is built from it (``deployment/${DeploymentId}``).
- Security Incident Response ``CreateMembership`` (draw 20): the response gives only
  ``membershipId``; the expected ARN is built from it (``membership/${MembershipId}``).
- User Notifications ``UntagResource`` (draw 24): notification configuration ARNs hold no region,
  whatever region the call was made in.
"""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import GONE, M, T, tag_call, untag_call
from tests.core.normalize.heldout_builders import held, kv

SNAPSHOT = f"arn:aws:neptune-graph:ap-southeast-1:{A}:graph-snapshot/gs-a1b2c3d4e5"
TASK = f"arn:aws:braket:eu-north-1:{A}:quantum-task/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
DEPLOYMENT = "b2c3d4e5-6789-01bc-def0-EXAMPLE22222"
GROUP = f"arn:aws:synthetics:ap-southeast-2:{A}:group:1a2b3c4d5e6f7g8h"
MEMBERSHIP = "m-a1b2c3d4e5f6g7h8"
APPROVAL_TEAM = f"arn:aws:mpa:us-east-1:{A}:approval-team/at-a1b2c3d4e5f6"
POOL = "us-gov-west-1:c3d4e5f6-7890-12cd-ef01-EXAMPLE33333"
WORKFLOW = f"arn:aws:airflow-serverless:us-east-2:{A}:workflow/nightly-etl-a1B2c3D4e5"
NOTIFICATION = f"arn:aws:notifications::{A}:configuration/a01jes88qxwkbj05xv9c967pgm1"
HOST = f"arn:aws:codeconnections:sa-east-1:{A}:host/ghes-host-28148021"
KEY = f"arn:aws:geo:ap-northeast-1:{A}:api-key/web-maps-key"
DATASTORE = f"arn:aws:healthlake:ap-south-1:{A}:datastore/fhir/0c3f8c4ea26bd7f0d0b0e4c2a1b9f3e7"
GATEWAY = f"arn:aws:bedrock-agentcore:us-west-2:{A}:gateway/tools-gateway-a1b2c3d4e5"
PROFILING_GROUP = f"arn:aws:codeguru-profiler:eu-west-2:{A}:profilingGroup/checkout-service"
PORTAL = f"arn:aws:workspaces-web:eu-west-1:{A}:portal/d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f7a"
IDP = (
    f"arn:aws:workspaces-web:eu-west-1:{A}:identityProvider/d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f7a/"
    "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b"
)

HIDDEN = "HIDDEN_DUE_TO_SECURITY_REASONS"

ROUND9A_B_ENTRIES: list[dict[str, Any]] = [
    tag_call(
        "neptune-graph-2023-11-29",
        "amazonneptuneanalytics",
        "neptune-graph",
        "TagResource",
        {"resourceArn": SNAPSHOT, "tags": M},
        SNAPSHOT,
        region="ap-southeast-1",
    ),
    held(
        "braket-2019-09-01",
        "CreateQuantumTask",
        "amazonbraket",
        record(
            "braket",
            "CreateQuantumTask",
            {
                "clientToken": "d4e5f6a7-b8c9-0d1e-2f3a-EXAMPLE44444",
                "deviceArn": "arn:aws:braket:eu-north-1::device/qpu/iqm/Garnet",
                "shots": 100,
                "outputS3Bucket": "amzn-braket-results-eu-north-1",
                "outputS3KeyPrefix": "bell-pair",
                "action": '{"braketSchemaHeader": {"name": "braket.ir.openqasm.program", "version": "1"}, '
                '"source": "OPENQASM 3; qubit[2] q; h q[0]; cnot q[0], q[1];"}',
                "tags": M,
            },
            {"quantumTaskArn": TASK},
            region="eu-north-1",
        ),
        change(TASK, T),
        note="the tags are the quantum task's, not the device's",
    ),
    held(
        "launch-wizard-2018-05-10",
        "CreateDeployment",
        "awslaunchwizard",
        record(
            "launchwizard",
            "CreateDeployment",
            {
                "workloadName": "SAP",
                "deploymentPatternName": "SapHanaSingle",
                "name": "hana-dev",
                "specifications": HIDDEN,
                "tags": M,
            },
            {"deploymentId": DEPLOYMENT},
            region="us-east-2",
        ),
        change(f"arn:aws:launchwizard:us-east-2:{A}:deployment/{DEPLOYMENT}", T),
        note="the tags are the deployment's (the response's id), not the resources it deploys",
    ),
    held(
        "synthetics-2017-10-11",
        "CreateGroup",
        "amazoncloudwatchsynthetics",
        record(
            "synthetics",
            "CreateGroup",
            {"Name": "checkout-canaries", "Tags": M},
            {
                "Group": {
                    "Id": "1a2b3c4d5e6f7g8h",
                    "Name": "checkout-canaries",
                    "Arn": GROUP,
                    "Tags": M,
                    "CreatedTime": "2024-06-01T12:00:00Z",
                    "LastModifiedTime": "2024-06-01T12:00:00Z",
                }
            },
            region="ap-southeast-2",
        ),
        change(GROUP, T),
        note="group ARNs are named by the group's id, not its name",
    ),
    held(
        "security-ir-2018-05-10",
        "CreateMembership",
        "awssecurityincidentresponse",
        record(
            "security-ir",
            "CreateMembership",
            {
                "clientToken": "e5f6a7b8-c9d0-1e2f-3a4b-EXAMPLE55555",
                "membershipName": HIDDEN,
                "incidentResponseTeam": [
                    {
                        "name": HIDDEN,
                        "jobTitle": HIDDEN,
                        "email": HIDDEN,
                    },
                    {
                        "name": HIDDEN,
                        "jobTitle": HIDDEN,
                        "email": HIDDEN,
                    },
                ],
                "tags": M,
            },
            {"membershipId": MEMBERSHIP},
            region="us-west-2",
        ),
        change(f"arn:aws:security-ir:us-west-2:{A}:membership/{MEMBERSHIP}", T),
        note="the membership is named by the response's id",
    ),
    tag_call(
        "mpa-2022-07-26",
        "multi-partyapproval",
        "mpa",
        "TagResource",
        {"ResourceArn": APPROVAL_TEAM, "Tags": M},
        APPROVAL_TEAM,
    ),
    held(
        "cognito-identity-2014-06-30",
        "UpdateIdentityPool",
        "amazoncognitoidentity",
        record(
            "cognito-identity",
            "UpdateIdentityPool",
            {
                "IdentityPoolId": POOL,
                "IdentityPoolName": "GovAppIdentities",
                "AllowUnauthenticatedIdentities": False,
                "AllowClassicFlow": False,
                "IdentityPoolTags": M,
            },
            {
                "IdentityPoolId": POOL,
                "IdentityPoolName": "GovAppIdentities",
                "AllowUnauthenticatedIdentities": False,
                "AllowClassicFlow": False,
                "IdentityPoolTags": M,
            },
            region="us-gov-west-1",
        ),
        change(f"arn:aws-us-gov:cognito-identity:us-gov-west-1:{A}:identitypool/{POOL}", T),
        note="the pool id holds its region and a colon; only the tag the request sets is expected",
    ),
    tag_call(
        "mwaa-serverless-2024-07-26",
        "awsmwaaserverless",
        "airflow-serverless",
        "TagResource",
        {"ResourceArn": WORKFLOW, "Tags": M},
        WORKFLOW,
        region="us-east-2",
    ),
    held(
        "notifications-2018-05-10",
        "UntagResource",
        "awsusernotifications",
        record(
            "notifications", "UntagResource", {"arn": NOTIFICATION, "tagKeys": ["team"]}, region="eu-west-1"
        ),
        change(NOTIFICATION, removed=GONE),
        note="notification configuration ARNs hold no region",
    ),
    held(
        "codeconnections-2023-12-01",
        "CreateHost",
        "awscodeconnections",
        record(
            "codeconnections",
            "CreateHost",
            {
                "Name": "ghes-host",
                "ProviderType": "GitHubEnterpriseServer",
                "ProviderEndpoint": "https://github.example.com",
                "Tags": kv(team="alpha"),
            },
            {"HostArn": HOST, "Tags": kv(team="alpha")},
            region="sa-east-1",
        ),
        change(HOST, T),
        note="the host's ARN is the response's (its id is generated), not built from its name",
    ),
    held(
        "location-2020-11-19",
        "CreateKey",
        "amazonlocation",
        record(
            "geo",
            "CreateKey",
            {
                "KeyName": "web-maps-key",
                "Restrictions": {
                    "AllowActions": ["geo-maps:*"],
                    "AllowResources": ["arn:aws:geo-maps:ap-northeast-1::provider/default"],
                    "AllowReferers": [HIDDEN],
                },
                "NoExpiry": True,
                "Tags": M,
            },
            {
                "Key": HIDDEN,
                "KeyArn": KEY,
                "KeyName": "web-maps-key",
                "CreateTime": HIDDEN,
            },
            region="ap-northeast-1",
        ),
        change(KEY, T),
        note="the tags are the API key's, not the resources it allows; api-key/ as the SAR writes it",
    ),
    untag_call(
        "healthlake-2017-07-01",
        "awshealthlake",
        "healthlake",
        "UntagResource",
        {"ResourceARN": DATASTORE, "TagKeys": ["team"]},
        DATASTORE,
        region="ap-south-1",
    ),
    held(
        "bedrock-agentcore-control-2023-06-05",
        "CreateGateway",
        "amazonbedrockagentcore",
        record(
            "bedrock-agentcore",
            "CreateGateway",
            {
                "name": HIDDEN,
                "roleArn": f"arn:aws:iam::{A}:role/AgentCoreGatewayRole",
                "protocolType": "MCP",
                "authorizerType": "AWS_IAM",
                "kmsKeyArn": f"arn:aws:kms:us-west-2:{A}:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                "tags": M,
            },
            {
                "gatewayArn": GATEWAY,
                "gatewayId": "tools-gateway-a1b2c3d4e5",
                "gatewayUrl": "https://tools-gateway-a1b2c3d4e5.gateway.bedrock-agentcore.us-west-2.amazonaws.com/mcp",
                "createdAt": "2024-06-01T12:00:00Z",
                "updatedAt": "2024-06-01T12:00:00Z",
                "status": "CREATING",
                "name": HIDDEN,
                "roleArn": f"arn:aws:iam::{A}:role/AgentCoreGatewayRole",
                "protocolType": "MCP",
                "authorizerType": "AWS_IAM",
            },
            region="us-west-2",
        ),
        change(GATEWAY, T),
        note="the tags are the gateway's, not the role's or the KMS key's",
    ),
    tag_call(
        "codeguruprofiler-2019-07-18",
        "amazoncodeguruprofiler",
        "codeguru-profiler",
        "TagResource",
        {"resourceArn": PROFILING_GROUP, "tags": M},
        PROFILING_GROUP,
        region="eu-west-2",
    ),
    held(
        "workspaces-web-2020-07-08",
        "CreateIdentityProvider",
        "amazonworkspacessecurebrowser",
        record(
            "workspaces-web",
            "CreateIdentityProvider",
            {
                "portalArn": PORTAL,
                "identityProviderName": HIDDEN,
                "identityProviderType": "SAML",
                "identityProviderDetails": HIDDEN,
                "tags": kv(team="alpha"),
            },
            {"identityProviderArn": IDP},
            region="eu-west-1",
        ),
        change(IDP, T),
        note="the tags are the identity provider's, not the portal's",
    ),
]
