"""Held-out corpus, round eight, part B: operations drawn at random after round seven's first fixes,
written without seeing the catalog, the normalizer's output or any later fix, and measured on the
code those fixes led to. The draw (``random.seed(20261206)``, ``python -m tests.core.normalize.draw_heldout 20261206 80 8``): the
catalogued operations no corpus had after round seven (1,571 over 273 event sources), grouped by
event source; 80 event sources drawn with ``random.sample`` over the sorted sources, then one
operation of each with ``random.choice`` over its sorted operations. Part B is draw lines 41 to
80 (this module and heldout8b_sampled_b/_c); part A (heldout8a_*) is lines 1 to 40. Written as
rounds four to seven were, from the API reference (botocore's service-model text, which the
reference is generated from, and the ``goto/WebAPI`` page cited; wire names where a member has a
``locationName``) and the Service Authorization Reference, without looking at the catalog entries
of the drawn operations and without running the normalizer on these records.

No operation of part B was skipped: every drawn operation's reference says which resource its tags
land on (the new resource for the Create* calls, the resource named by ARN for the tag calls)."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import M, T, tag_call, untag_call
from tests.core.normalize.heldout_builders import held, kv, lkv

TWIN_WORKSPACE = f"arn:aws:iottwinmaker:eu-west-1:{A}:workspace/factory-floor"
RULE_GROUP_ID = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
DISCOVERER = f"arn:aws:schemas:us-west-2:{A}:discoverer/events-event-bus-default-8a1b2c3d"
CONNECTOR_V2_ID = "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
EVENT_TRACKER = f"arn:aws:personalize:ap-southeast-1:{A}:event-tracker/a1b2c3d4"
STREAM = f"arn:aws-cn:kinesis:cn-north-1:{A}:stream/orders"
CONSUMER = f"{STREAM}/consumer/analytics:1717243200"
PACKAGE_GROUP = f"arn:aws:codeartifact:eu-west-1:{A}:package-group/my-domain/npm/space/*"
GRAPH = f"arn:aws:detective:eu-west-2:{A}:graph:027c7c4610ea4aacaf0b883093cab899"
OUTPOST = f"arn:aws-us-gov:outposts:us-gov-west-1:{A}:outpost/op-0123456789abcdef0"
PAYMENT_KEY = f"arn:aws:payment-cryptography:us-east-2:{A}:key/hjprdg5o4jtgs5tw"
WORKFLOW = f"arn:aws:migrationhub-orchestrator:us-west-2:{A}:workflow/mw-0123456789abcdefg"
MANAGED_DEVICE = f"arn:aws:snow-device-management:us-west-2:{A}:managed-device/smd-fictbgr3rbcjeqa5"


ROUND8_B_ENTRIES: list[dict[str, Any]] = [
    tag_call(
        "iottwinmaker-2021-11-29",
        "awsiottwinmaker",
        "iottwinmaker",
        "TagResource",
        {"resourceARN": TWIN_WORKSPACE, "tags": M},
        TWIN_WORKSPACE,
        region="eu-west-1",
    ),
    held(
        "waf-regional-2016-11-28",
        "CreateRuleGroup",
        "awswafregional",
        record(
            "waf-regional",
            "CreateRuleGroup",
            {
                "Name": "MyRuleGroup",
                "MetricName": "MyRuleGroupMetric",
                "ChangeToken": "abcd12f2-46da-4fdb-b8d5-fbd4c466928f",
                "Tags": kv(team="alpha"),
            },
            {
                "RuleGroup": {
                    "RuleGroupId": RULE_GROUP_ID,
                    "Name": "MyRuleGroup",
                    "MetricName": "MyRuleGroupMetric",
                },
                "ChangeToken": "abcd12f2-46da-4fdb-b8d5-fbd4c466928f",
            },
            region="ap-northeast-1",
        ),
        change(f"arn:aws:waf-regional:ap-northeast-1:{A}:rulegroup/{RULE_GROUP_ID}", T),
    ),
    held(
        "schemas-2019-12-02",
        "CreateDiscoverer",
        "amazoneventbridgeschemas",
        record(
            "schemas",
            "CreateDiscoverer",
            {
                "Description": "Discover schemas on the default bus",
                "SourceArn": f"arn:aws:events:us-west-2:{A}:event-bus/default",
                "CrossAccount": True,
                "tags": M,
            },
            {
                "Description": "Discover schemas on the default bus",
                "DiscovererArn": DISCOVERER,
                "DiscovererId": "events-event-bus-default-8a1b2c3d",
                "SourceArn": f"arn:aws:events:us-west-2:{A}:event-bus/default",
                "State": "STARTED",
                "CrossAccount": True,
                "tags": M,
            },
            region="us-west-2",
        ),
        change(DISCOVERER, T),
        note="Tags has the wire name tags (locationName); the SAR discoverer format is discoverer/${DiscovererId}",
    ),
    held(
        "securityhub-2018-10-26",
        "CreateConnectorV2",
        "awssecurityhub",
        record(
            "securityhub",
            "CreateConnectorV2",
            {
                "Name": "jira-findings",
                "Description": "Send findings to Jira Cloud",
                "Provider": {"JiraCloud": {"ProjectKey": "SEC"}},
                "Tags": M,
                "ClientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLEaaaaa",
            },
            {
                "ConnectorArn": f"arn:aws:securityhub:eu-central-1:{A}:connectorv2/{CONNECTOR_V2_ID}",
                "ConnectorId": CONNECTOR_V2_ID,
                "AuthUrl": "https://auth.atlassian.com/authorize?client_id=example",
                "ConnectorStatus": "PENDING_AUTHORIZATION",
            },
            region="eu-central-1",
        ),
        change(f"arn:aws:securityhub:eu-central-1:{A}:connectorv2/{CONNECTOR_V2_ID}", T),
    ),
    held(
        "personalize-2018-05-22",
        "CreateEventTracker",
        "amazonpersonalize",
        record(
            "personalize",
            "CreateEventTracker",
            {
                "name": "MovieClickTracker",
                "datasetGroupArn": f"arn:aws:personalize:ap-southeast-1:{A}:dataset-group/movies",
                "tags": [{"tagKey": "team", "tagValue": "alpha"}],
            },
            {"eventTrackerArn": EVENT_TRACKER, "trackingId": "b1c2d3e4-5678-90ab-cdef-EXAMPLEbbbbb"},
            region="ap-southeast-1",
        ),
        change(EVENT_TRACKER, T),
        note="tags is 'A list of tags to apply to the event tracker'; the ARN is the response's eventTrackerArn",
    ),
    held(
        "kinesis-2013-12-02",
        "RegisterStreamConsumer",
        "amazonkinesisdatastreams",
        record(
            "kinesis",
            "RegisterStreamConsumer",
            {"StreamARN": STREAM, "ConsumerName": "analytics", "Tags": M},
            {
                "Consumer": {
                    "ConsumerName": "analytics",
                    "ConsumerARN": CONSUMER,
                    "ConsumerStatus": "CREATING",
                    "ConsumerCreationTimestamp": "2024-06-01T12:00:00Z",
                }
            },
            region="cn-north-1",
        ),
        change(CONSUMER, T),
        note="'You can add tags to the registered consumer ... by setting the Tags parameter'; the SAR consumer "
        "format is ${StreamType}/${StreamName}/consumer/${ConsumerName}:${ConsumerCreationTimpstamp}, "
        "not the stream",
    ),
    held(
        "codeartifact-2018-09-22",
        "CreatePackageGroup",
        "awscodeartifact",
        record(
            "codeartifact",
            "CreatePackageGroup",
            {
                "domain": "my-domain",
                "domain-owner": A,
                "packageGroup": "/npm/space/*",
                "contactInfo": "platform@example.com",
                "description": "Internal npm scope",
                "tags": lkv(team="alpha"),
            },
            {
                "packageGroup": {
                    "arn": PACKAGE_GROUP,
                    "pattern": "/npm/space/*",
                    "domainName": "my-domain",
                    "domainOwner": A,
                    "createdTime": "2024-06-01T12:00:00Z",
                    "contactInfo": "platform@example.com",
                    "description": "Internal npm scope",
                    "parent": {
                        "arn": f"arn:aws:codeartifact:eu-west-1:{A}:package-group/my-domain/*",
                        "pattern": "/*",
                    },
                }
            },
            region="eu-west-1",
        ),
        change(PACKAGE_GROUP, T),
        note="SAR package-group/${DomainName}${EncodedPackageGroupPattern}; the pattern /npm/space/* has no "
        "character a URI path encodes, so its encoded form is itself; domain and domain-owner are the "
        "querystring wire names; the response's parent group is not the target",
    ),
    held(
        "rtbfabric-2023-05-15",
        "CreateInboundExternalLink",
        "awsrtbfabric",
        record(
            "rtbfabric",
            "CreateInboundExternalLink",
            {
                "clientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLEccccc",
                "gatewayId": "rtb-gw-0123456789abcdef",
                "logSettings": {"applicationLogs": {"sampling": {"errorLog": 10.0, "filterLog": 5.0}}},
                "tags": M,
            },
            {
                "gatewayId": "rtb-gw-0123456789abcdef",
                "linkId": "link-fedcba9876543210",
                "status": "PENDING_CREATION",
                "domainName": "link-fedcba9876543210.rtbfabric.us-east-1.amazonaws.com",
            },
        ),
        change(
            f"arn:aws:rtbfabric:us-east-1:{A}:gateway/rtb-gw-0123456789abcdef/link/link-fedcba9876543210", T
        ),
        note="SAR InboundExternalLink format gateway/${GatewayId}/link/${LinkId}; both ids are in the response",
    ),
    untag_call(
        "detective-2018-10-26",
        "amazondetective",
        "detective",
        "UntagResource",
        {"ResourceArn": GRAPH, "tagKeys": ["team"]},
        GRAPH,
        region="eu-west-2",
    ),
    untag_call(
        "outposts-2019-12-03",
        "awsoutposts",
        "outposts",
        "UntagResource",
        {"ResourceArn": OUTPOST, "tagKeys": ["team"]},
        OUTPOST,
        region="us-gov-west-1",
    ),
    held(
        "payment-cryptography-2021-09-14",
        "CreateKey",
        "awspaymentcryptography",
        record(
            "payment-cryptography",
            "CreateKey",
            {
                "KeyAttributes": {
                    "KeyUsage": "TR31_K0_KEY_ENCRYPTION_KEY",
                    "KeyClass": "SYMMETRIC_KEY",
                    "KeyAlgorithm": "TDES_3KEY",
                    "KeyModesOfUse": {"Encrypt": True, "Decrypt": True, "Wrap": True, "Unwrap": True},
                },
                "Exportable": True,
                "Enabled": True,
                "Tags": kv(team="alpha"),
            },
            {
                "Key": {
                    "KeyArn": PAYMENT_KEY,
                    "KeyAttributes": {
                        "KeyUsage": "TR31_K0_KEY_ENCRYPTION_KEY",
                        "KeyClass": "SYMMETRIC_KEY",
                        "KeyAlgorithm": "TDES_3KEY",
                        "KeyModesOfUse": {"Encrypt": True, "Decrypt": True, "Wrap": True, "Unwrap": True},
                    },
                    "KeyCheckValue": "B72F",
                    "KeyCheckValueAlgorithm": "ANSI_X9_24",
                    "Enabled": True,
                    "Exportable": True,
                    "KeyState": "CREATE_COMPLETE",
                    "KeyOrigin": "AWS_PAYMENT_CRYPTOGRAPHY",
                    "CreateTimestamp": "2024-06-01T12:00:00Z",
                }
            },
            region="us-east-2",
        ),
        change(PAYMENT_KEY, T),
    ),
    held(
        "migrationhuborchestrator-2021-08-28",
        "CreateWorkflow",
        "awsmigrationhuborchestrator",
        record(
            "migrationhub-orchestrator",
            "CreateWorkflow",
            {
                "name": "sap-migration",
                "templateId": "a1b2c3d4-5678-90ab-cdef-EXAMPLEddddd",
                "inputParameters": {"source-host": {"stringValue": "sap-prod-01"}},
                "tags": M,
            },
            {
                "id": "mw-0123456789abcdefg",
                "arn": WORKFLOW,
                "name": "sap-migration",
                "templateId": "a1b2c3d4-5678-90ab-cdef-EXAMPLEddddd",
                "workflowInputs": {"source-host": {"stringValue": "sap-prod-01"}},
                "status": "CREATING",
                "creationTime": "2024-06-01T12:00:00Z",
                "tags": M,
            },
            region="us-west-2",
        ),
        change(WORKFLOW, T),
        note="tags are 'The tags to add on a migration workflow'; the template named by templateId is not the target",
    ),
    untag_call(
        "snow-device-management-2021-08-04",
        "awssnowdevicemanagement",
        "snow-device-management",
        "UntagResource",
        {"resourceArn": MANAGED_DEVICE, "tagKeys": ["team"]},
        MANAGED_DEVICE,
        region="us-west-2",
    ),
]
