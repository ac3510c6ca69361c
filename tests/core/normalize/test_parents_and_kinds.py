"""Targets a create call's request or response names beside the resource it makes: the parent it is
made in, a resource it uses, or a type whose format ends in a variable of the same name. Found by
auditing the catalog's "medium" and "high" confidence operations (docs/status/issue-12-m.md).

Each record's shape is the API reference's request and response syntax (cited per test); each
expected ARN is the Service Authorization Reference's format for the resource type made
(https://docs.aws.amazon.com/service-authorization/latest/reference/list_<service>.html).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.builders.records import record
from tests.core.normalize.audit_checks import ACCOUNT, REGION, catalog_entries, targets


def test_a_vocabulary_is_no_medical_vocabulary() -> None:
    # Transcribe API reference, CreateVocabulary: VocabularyName, LanguageCode, Phrases, Tags.
    # Reference formats: vocabulary/${VocabularyName}, medical-vocabulary/${VocabularyName}.
    made = record(
        "transcribe.amazonaws.com",
        "CreateVocabulary",
        {
            "vocabularyName": "support-terms",
            "languageCode": "en-US",
            "phrases": ["tagwarden"],
            "tags": [{"key": "team", "value": "alpha"}],
        },
        {"vocabularyName": "support-terms", "languageCode": "en-US", "vocabularyState": "PENDING"},
    )

    assert targets(made) == [(f"arn:aws:transcribe:{REGION}:{ACCOUNT}:vocabulary/support-terms", "resource")]


def test_a_format_of_the_nouns_own_type_is_chosen_over_another_ending_alike() -> None:
    # GameLift CreateFleet makes a fleet (fleet/${FleetId}), not a container fleet; Connect
    # ClaimPhoneNumber a phone-number/${PhoneNumberId}, not the instance-scoped format.
    assert catalog_entries()[("gamelift", "CreateFleet")]["arn"].endswith(":fleet/{id}")
    assert catalog_entries()[("connect", "ClaimPhoneNumber")]["arn"].endswith(":{account}:phone-number/{id}")


def test_an_appconfig_deployment_is_named_by_its_number_not_by_its_strategy() -> None:
    # AppConfig API reference, StartDeployment: the Tags are "metadata to assign to the deployment";
    # the response's DeploymentNumber is an integer. Reference format: application/${ApplicationId}/
    # environment/${EnvironmentId}/deployment/${DeploymentNumber}.
    made = record(
        "appconfig.amazonaws.com",
        "StartDeployment",
        {
            "ApplicationId": "abc1234",
            "EnvironmentId": "54j1r29",
            "DeploymentStrategyId": "AppConfig.AllAtOnce",
            "ConfigurationProfileId": "ur8hx2f",
            "ConfigurationVersion": "1",
            "Tags": {"team": "alpha"},
        },
        {
            "ApplicationId": "abc1234",
            "EnvironmentId": "54j1r29",
            "DeploymentStrategyId": "AppConfig.AllAtOnce",
            "DeploymentNumber": 3,
            "State": "DEPLOYING",
        },
    )

    assert targets(made) == [
        (
            f"arn:aws:appconfig:{REGION}:{ACCOUNT}:application/abc1234/environment/54j1r29/deployment/3",
            "resource",
        )
    ]


def test_a_textract_adapter_version_is_not_its_adapter() -> None:
    # Textract API reference, CreateAdapterVersion: AdapterId names the adapter that receives the
    # version; the response gives AdapterVersion. Reference format: /adapters/${AdapterId}/
    # versions/${AdapterVersion}.
    made = record(
        "textract.amazonaws.com",
        "CreateAdapterVersion",
        {
            "AdapterId": "2e9bf1c4aa31",
            "DatasetConfig": {
                "ManifestS3Object": {"Bucket": "amzn-s3-demo-bucket", "Name": "manifest.jsonl"}
            },
            "OutputConfig": {"S3Bucket": "amzn-s3-demo-bucket", "S3Prefix": "out"},
            "Tags": {"team": "alpha"},
        },
        {"AdapterId": "2e9bf1c4aa31", "AdapterVersion": "1"},
    )

    assert targets(made) == [
        (f"arn:aws:textract:{REGION}:{ACCOUNT}:/adapters/2e9bf1c4aa31/versions/1", "resource")
    ]


def test_a_customer_profiles_layout_is_not_its_domain() -> None:
    # Customer Profiles API reference, CreateDomainLayout: DomainName, LayoutDefinitionName, ...
    # Reference format: domains/${DomainName}/layouts/${LayoutDefinitionName}.
    made = record(
        "profile.amazonaws.com",
        "CreateDomainLayout",
        {
            "DomainName": "retail",
            "LayoutDefinitionName": "agent-view",
            "Description": "d",
            "DisplayName": "Agent view",
            "LayoutType": "PROFILE_EXPLORER",
            "Layout": "{}",
            "Tags": {"team": "alpha"},
        },
        {"LayoutDefinitionName": "agent-view", "Version": "1"},
    )

    assert targets(made) == [
        (f"arn:aws:profile:{REGION}:{ACCOUNT}:domains/retail/layouts/agent-view", "resource")
    ]


def test_an_rtb_fabric_routing_rule_is_not_its_link() -> None:
    # RTB Fabric API reference, CreateLinkRoutingRule: gatewayId and linkId name where the rule is
    # made; the response's ruleId is the rule's, for which the reference has no format.
    made = record(
        "rtbfabric.amazonaws.com",
        "CreateLinkRoutingRule",
        {"gatewayId": "rtb-gw-1", "linkId": "link-1", "priority": 1, "conditions": {}, "tags": {"team": "a"}},
        {"ruleId": "rule-1", "status": "ACTIVE"},
    )

    assert targets(made) == [("rtbfabric:linkroutingrule/rule-1", "unresolved")]


def test_a_hosted_connection_is_never_named_by_the_interconnect_it_is_allocated_on() -> None:
    # Direct Connect API reference, AllocateHostedConnection: connectionId is "the ID of the
    # interconnect or LAG", ownerAccount the customer's account; the response's connectionId
    # is the new hosted connection's.
    params = {
        "connectionId": "dxcon-fgk1b2c3",
        "ownerAccount": "444455556666",
        "bandwidth": "500Mbps",
        "connectionName": "customer-a",
        "vlan": 101,
        "tags": [{"key": "team", "value": "alpha"}],
    }
    allocated = record(
        "directconnect.amazonaws.com",
        "AllocateHostedConnection",
        params,
        {"connectionId": "dxcon-ffh2j3k4", "ownerAccount": "444455556666", "connectionState": "ordering"},
    )
    denied = record("directconnect.amazonaws.com", "AllocateHostedConnection", params, error="AccessDenied")

    assert targets(allocated) == [("directconnect:dxcon/dxcon-ffh2j3k4", "unresolved")]
    assert all("dxcon-fgk1b2c3" not in target for target, _ in targets(denied))


@pytest.mark.parametrize(
    ("source", "name", "params", "parent_arn"),
    [
        # Bedrock Agents API reference, CreatePromptVersion: promptIdentifier is the prompt's.
        (
            "bedrock.amazonaws.com",
            "CreatePromptVersion",
            {"promptIdentifier": "PROMPT12345", "tags": {"team": "a"}},
            f"arn:aws:bedrock:{REGION}:{ACCOUNT}:prompt/PROMPT12345",
        ),
        # Elastic Beanstalk API reference, CreateApplicationVersion: ApplicationName is the
        # application the version belongs to.
        (
            "elasticbeanstalk.amazonaws.com",
            "CreateApplicationVersion",
            {"applicationName": "shop", "versionLabel": "v2", "tags": [{"key": "team", "value": "a"}]},
            f"arn:aws:elasticbeanstalk:{REGION}:{ACCOUNT}:application/shop",
        ),
        # SageMaker API reference, CreateHubContentReference: HubName is the hub it is made in.
        (
            "sagemaker.amazonaws.com",
            "CreateHubContentReference",
            {
                "hubName": "models",
                "sageMakerPublicHubContentArn": "x",
                "tags": [{"key": "team", "value": "a"}],
            },
            f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:hub/models",
        ),
        # Redshift Serverless API reference, ConvertRecoveryPointToSnapshot: recoveryPointId is
        # the recovery point the snapshot is made from.
        (
            "redshift-serverless.amazonaws.com",
            "ConvertRecoveryPointToSnapshot",
            {"recoveryPointId": "rp-1", "snapshotName": "snap-1", "tags": [{"key": "team", "value": "a"}]},
            f"arn:aws:redshift-serverless:{REGION}:{ACCOUNT}:recoverypoint/rp-1",
        ),
        # RDS API reference, RestoreDBInstanceToPointInTime: DBName is the database's name; the
        # new instance is TargetDBInstanceIdentifier.
        (
            "rds.amazonaws.com",
            "RestoreDBInstanceToPointInTime",
            {
                "sourceDBInstanceIdentifier": "orders",
                "targetDBInstanceIdentifier": "orders-restored",
                "dBName": "orders",
                "tags": [{"key": "team", "value": "a"}],
            },
            f"arn:aws:rds:{REGION}:{ACCOUNT}:db:orders",
        ),
    ],
)
def test_a_failed_create_is_never_named_by_its_parent(
    source: str, name: str, params: dict[str, Any], parent_arn: str
) -> None:
    # A failed call has no response: the request's member naming the parent, or another
    # resource, is not the ARN of the resource the call would have made.
    found = targets(record(source, name, params, error="AccessDenied"))

    assert found and all(target != parent_arn for target, _ in found)
    assert all(kind == "unresolved" or not target.startswith(parent_arn) for target, kind in found)


def test_a_name_of_the_nouns_own_format_is_still_read() -> None:
    # CUR PutReportDefinition's ReportDefinition.ReportName fills definition/${ReportName};
    # Entity Resolution CreateSchemaMapping's schemaName fills schemamapping/${SchemaName}.
    assert catalog_entries()[("cur", "PutReportDefinition")]["target"] == ["ReportDefinition.ReportName"]
    assert catalog_entries()[("profile", "CreateCalculatedAttributeDefinition")]["target"] == [
        "CalculatedAttributeName"
    ]
    assert catalog_entries()[("entityresolution", "CreateSchemaMapping")]["target"] == ["schemaName"]


@pytest.mark.parametrize(
    ("secret_id", "expected"),
    [
        # The random suffix is six characters of [A-Za-z0-9] (Secrets Manager API reference,
        # TagResource: SecretId is "the ARN or the friendly name"; user guide, "Find secrets from
        # a partial ARN").
        ("prod/db-AbC123", (f"arn:aws:secretsmanager:{REGION}:{ACCOUNT}:secret:prod/db-AbC123", "resource")),
        ("MyTestDatabaseSecret-a1b2c3", None),
        # A name ending in a word of six lower-case letters is its own name, not name + suffix.
        ("payments-secret", ("secretsmanager:Secret/payments-secret", "unresolved")),
        # A partial ARN (no suffix) is no secret's ARN.
        (
            f"arn:aws:secretsmanager:{REGION}:{ACCOUNT}:secret:payments-secret",
            (
                f"secretsmanager:Secret/arn:aws:secretsmanager:{REGION}:{ACCOUNT}:secret:payments-secret",
                "unresolved",
            ),
        ),
    ],
)
def test_a_secret_is_named_exactly_only_with_its_random_suffix(
    secret_id: str, expected: tuple[str, str] | None
) -> None:
    made = record(
        "secretsmanager.amazonaws.com",
        "TagResource",
        {"secretId": secret_id, "tags": [{"key": "team", "value": "alpha"}]},
    )

    found = targets(made)

    if expected is None:
        assert found == [(f"arn:aws:secretsmanager:{REGION}:{ACCOUNT}:secret:{secret_id}", "resource")]
    else:
        assert found == [expected]


@pytest.mark.parametrize(
    ("source", "name", "params", "another_resource"),
    [
        # Omics API reference, StartRun: runId is "the ID of a run to duplicate".
        (
            "omics.amazonaws.com",
            "StartRun",
            {"runId": "1234567", "roleArn": "r"},
            f"arn:aws:omics:{REGION}:{ACCOUNT}:run/1234567",
        ),
        # Control Tower API reference, EnableBaseline: baselineIdentifier is "the ARN of the
        # baseline to be enabled"; the EnabledBaseline made has an ARN of its own.
        (
            "controltower.amazonaws.com",
            "EnableBaseline",
            {
                "baselineIdentifier": f"arn:aws:controltower:{REGION}::baseline/17BSJV3IGJ2QSGA2",
                "baselineVersion": "4.0",
            },
            f"arn:aws:controltower:{REGION}::baseline/17BSJV3IGJ2QSGA2",
        ),
        # MediaLive API reference, CreatePartnerInput: InputId is the input partnered.
        (
            "medialive.amazonaws.com",
            "CreatePartnerInput",
            {"inputId": "1234567"},
            f"arn:aws:medialive:{REGION}:{ACCOUNT}:input:1234567",
        ),
        # MediaLive API reference, PurchaseOffering: the tags are the reservation's.
        (
            "medialive.amazonaws.com",
            "PurchaseOffering",
            {"offeringId": "87654321", "count": 1},
            f"arn:aws:medialive:{REGION}:{ACCOUNT}:offering:87654321",
        ),
        # Bedrock API reference, CreateModelInvocationJob: jobName is the caller's; the job's ARN
        # ends in an id the service makes (model-invocation-job/${JobIdentifier}).
        (
            "bedrock.amazonaws.com",
            "CreateModelInvocationJob",
            {"jobName": "nightly", "roleArn": "r"},
            f"arn:aws:bedrock:{REGION}:{ACCOUNT}:model-invocation-job/nightly",
        ),
    ],
)
def test_a_failed_create_is_never_named_by_another_resource_its_request_names(
    source: str, name: str, params: dict[str, Any], another_resource: str
) -> None:
    found = targets(record(source, name, {**params, "tags": {"team": "a"}}, error="AccessDenied"))

    assert found and all(target != another_resource and kind == "unresolved" for target, kind in found)


def test_a_medialive_reservation_is_named_by_its_reservation_id() -> None:
    # MediaLive API reference, PurchaseOffering: the response's Reservation holds Arn and
    # ReservationId. Reference format: reservation:${ReservationId}.
    made = record(
        "medialive.amazonaws.com",
        "PurchaseOffering",
        {"offeringId": "87654321", "count": 1, "tags": {"team": "a"}},
        {"reservation": {"offeringId": "87654321", "reservationId": "1234567"}},
    )

    assert targets(made) == [(f"arn:aws:medialive:{REGION}:{ACCOUNT}:reservation:1234567", "resource")]


def test_an_iot_fleet_metric_is_no_custom_metric() -> None:
    # IoT API reference, CreateFleetMetric: metricName; reference formats fleetmetric/
    # ${FleetMetricName} and custommetric/${MetricName}.
    made = record(
        "iot.amazonaws.com",
        "CreateFleetMetric",
        {"metricName": "m1", "tags": [{"Key": "team", "Value": "a"}]},
        error="AccessDenied",
    )

    assert targets(made) == [(f"arn:aws:iot:{REGION}:{ACCOUNT}:fleetmetric/m1", "resource")]
