"""Wrong ARNs found by auditing the catalog's response-named and request-named create targets
(docs/status/issue-12-x.md): a response member or request name of a resource the call uses, is
made from or in (a namespace, a role, the source instance, the hub, the strategy, the parent
prompt) never names the resource made; where the record does not name it, the change is
unresolved. Records written from the operations' API references (cited per test)."""

from __future__ import annotations

from typing import Any

from tagwarden.core.normalize import Normalizer
from tests.core.normalize.test_tags_of_another import ACCOUNT, record

NORMALIZER = Normalizer()
TAGS = [{"key": "team", "value": "alpha"}]


def _targets(made: dict[str, Any]) -> list[tuple[str, str]]:
    return [(c.target_kind, c.target) for c in NORMALIZER.normalize(made).changes]


def _failed(source: str, name: str, request: dict[str, Any]) -> dict[str, Any]:
    """The record of a denied attempt: CloudTrail logs no responseElements."""
    made = record(source, name, request, {})
    made.update(responseElements=None, errorCode="AccessDenied", errorMessage="not authorized")
    return made


def _unresolved(made: dict[str, Any]) -> bool:
    return all(kind == "unresolved" and not target.startswith("arn:") for kind, target in _targets(made))


def test_a_redshift_cluster_is_named_by_its_identifier_not_its_namespace_arn() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/redshift-2012-12-01/CreateCluster: the response's
    # Cluster holds ClusterIdentifier and ClusterNamespaceArn ("the namespace Amazon Resource Name
    # (ARN) of the cluster"); a cluster's ARN is arn:${Partition}:redshift:${Region}:${Account}:
    # cluster:${ClusterName} (Service Authorization Reference, Amazon Redshift).
    namespace = f"arn:aws:redshift:eu-west-1:{ACCOUNT}:namespace:8f9e0d1c-2b3a-4c5d-6e7f-8091a2b3c4d5"
    made = record(
        "redshift.amazonaws.com",
        "CreateCluster",
        {"clusterIdentifier": "analytics", "nodeType": "ra3.xlplus", "masterUsername": "admin", "tags": TAGS},
        {"clusterIdentifier": "analytics", "nodeType": "ra3.xlplus", "clusterNamespaceArn": namespace},
    )

    assert _targets(made) == [("resource", f"arn:aws:redshift:eu-west-1:{ACCOUNT}:cluster:analytics")]


def test_a_grafana_workspace_is_named_by_its_id_not_its_role() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/grafana-2020-08-18/CreateWorkspace: the response's
    # workspace holds id and workspaceRoleArn (the IAM role it uses); the reference's format is
    # arn:${Partition}:grafana:${Region}:${Account}:/workspaces/${ResourceId}.
    made = record(
        "grafana.amazonaws.com",
        "CreateWorkspace",
        {
            "accountAccessType": "CURRENT_ACCOUNT",
            "authenticationProviders": ["AWS_SSO"],
            "permissionType": "SERVICE_MANAGED",
            "tags": {"team": "alpha"},
        },
        {
            "workspace": {
                "id": "g-abcdef1234",
                "workspaceRoleArn": f"arn:aws:iam::{ACCOUNT}:role/service-role/AmazonGrafanaServiceRole-1",
                "status": "CREATING",
            }
        },
    )

    assert _targets(made) == [("resource", f"arn:aws:grafana:eu-west-1:{ACCOUNT}:/workspaces/g-abcdef1234")]


def test_a_media_insights_pipeline_is_named_by_its_own_arn_not_its_configurations() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/chime-sdk-media-pipelines-2021-07-15/CreateMediaInsightsPipeline:
    # the response's MediaInsightsPipeline holds MediaPipelineArn and the
    # MediaInsightsPipelineConfigurationArn the pipeline was made from.
    configuration = f"arn:aws:chime:eu-west-1:{ACCOUNT}:media-insights-pipeline-configuration/calls"
    pipeline = f"arn:aws:chime:eu-west-1:{ACCOUNT}:media-pipeline/1a2b3c4d-0000-1111-2222-333344445555"
    made = record(
        "chime.amazonaws.com",
        "CreateMediaInsightsPipeline",
        {"mediaInsightsPipelineConfigurationArn": configuration, "tags": TAGS},
        {
            "mediaInsightsPipeline": {
                "mediaPipelineId": "1a2b3c4d-0000-1111-2222-333344445555",
                "mediaPipelineArn": pipeline,
                "mediaInsightsPipelineConfigurationArn": configuration,
                "status": "Initializing",
            }
        },
    )

    assert _targets(made) == [("resource", pipeline)]


def test_replicated_automated_backups_are_named_by_their_arn_not_the_source_instances() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/rds-2014-10-31/StartDBInstanceAutomatedBackupsReplication:
    # Tags are "tags to associate with the replicated automated backups"; the response's
    # DBInstanceAutomatedBackup holds DBInstanceArn (the source instance's) and
    # DBInstanceAutomatedBackupsArn ("for the replicated automated backups").
    source = f"arn:aws:rds:us-east-1:{ACCOUNT}:db:orders"
    backups = f"arn:aws:rds:eu-west-1:{ACCOUNT}:auto-backup:ab-kbtyt6nsnjclgjqqvs2wxbkbxn5bc2aclxrmdfi"
    made = record(
        "rds.amazonaws.com",
        "StartDBInstanceAutomatedBackupsReplication",
        {"sourceDBInstanceArn": source, "backupRetentionPeriod": 7, "tags": TAGS},
        {"dBInstanceArn": source, "dBInstanceAutomatedBackupsArn": backups, "status": "pending"},
    )

    assert _targets(made) == [("resource", backups)]


def test_a_hub_content_reference_is_its_hub_contents_not_the_hubs() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/sagemaker-2017-07-24/CreateHubContentReference: the
    # response gives HubArn ("the hub that the hub content reference was added to") and
    # HubContentArn; HubName names the hub, so a denied attempt names no resource.
    public = "arn:aws:sagemaker:eu-west-1:aws:hub-content/SageMakerPublicHub/Model/llama-3-8b"
    content = f"arn:aws:sagemaker:eu-west-1:{ACCOUNT}:hub-content/models/ModelReference/llama-3-8b"
    request = {"hubName": "models", "sageMakerPublicHubContentArn": public, "tags": TAGS}
    made = record(
        "sagemaker.amazonaws.com",
        "CreateHubContentReference",
        request,
        {"hubArn": f"arn:aws:sagemaker:eu-west-1:{ACCOUNT}:hub/models", "hubContentArn": content},
    )

    assert _targets(made) == [("resource", content)]
    assert _unresolved(_failed("sagemaker.amazonaws.com", "CreateHubContentReference", request))


def test_an_invitations_tags_are_the_accounts_not_the_handshakes() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/organizations-2016-11-28/InviteAccountToOrganization:
    # Tags are those "to attach to the account when it becomes a member of the organization"; the
    # response gives the handshake, whose ARN is no account's.
    made = record(
        "organizations.amazonaws.com",
        "InviteAccountToOrganization",
        {"target": {"id": "444455556666", "type": "ACCOUNT"}, "tags": TAGS},
        {
            "handshake": {
                "id": "h-example111",
                "arn": f"arn:aws:organizations::{ACCOUNT}:handshake/o-exampleorgid/invite/h-example111",
                "state": "OPEN",
            }
        },
    )

    assert _unresolved(made)


def test_a_deployments_tags_are_not_its_strategys() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/appconfig-2019-10-09/StartDeployment: Tags are
    # "metadata to assign to the deployment"; the response's DeploymentStrategyId names the
    # strategy it uses (a deployment's ARN holds its application, environment and number).
    made = record(
        "appconfig.amazonaws.com",
        "StartDeployment",
        {
            "applicationId": "abc1234",
            "environmentId": "def5678",
            "deploymentStrategyId": "AppConfig.AllAtOnce",
            "configurationProfileId": "ghi9012",
            "configurationVersion": "1",
            "tags": {"team": "alpha"},
        },
        {
            "applicationId": "abc1234",
            "environmentId": "def5678",
            "deploymentStrategyId": "AppConfig.AllAtOnce",
        },
    )

    assert _unresolved(made)


def test_a_purchased_offering_tags_its_reservation_not_the_offering() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/medialive-2017-10-14/PurchaseOffering: "Purchase an
    # offering and create a reservation"; the response's reservation holds Arn, ReservationId and
    # the OfferingId bought. A denied attempt names no reservation.
    reservation = f"arn:aws:medialive:eu-west-1:{ACCOUNT}:reservation:1234567"
    request = {"offeringId": "87654321", "count": 1, "name": "encoders", "tags": {"team": "alpha"}}
    made = record(
        "medialive.amazonaws.com",
        "PurchaseOffering",
        request,
        {"reservation": {"arn": reservation, "reservationId": "1234567", "offeringId": "87654321"}},
    )

    assert _targets(made) == [("resource", reservation)]
    assert _unresolved(_failed("medialive.amazonaws.com", "PurchaseOffering", request))


def test_formats_of_another_type_named_like_the_member_are_not_the_resources() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/transcribe-2017-10-26/CreateVocabulary (the response
    # gives VocabularyName, no ARN): a vocabulary is vocabulary/${VocabularyName}, not
    # medical-vocabulary/; https://docs.aws.amazon.com/goto/WebAPI/iot-2015-05-28/CreateFleetMetric:
    # a fleet metric is fleetmetric/${FleetMetricName}, not custommetric/${MetricName};
    # https://docs.aws.amazon.com/goto/WebAPI/entityresolution-2018-05-10/CreateMatchingWorkflow:
    # a matching workflow is matchingworkflow/${WorkflowName}, not idmappingworkflow/.
    vocabulary = record(
        "transcribe.amazonaws.com",
        "CreateVocabulary",
        {"vocabularyName": "terms", "languageCode": "en-US", "phrases": ["tagwarden"], "tags": TAGS},
        {"vocabularyName": "terms", "languageCode": "en-US", "vocabularyState": "PENDING"},
    )
    metric = _failed(
        "iot.amazonaws.com",
        "CreateFleetMetric",
        {
            "metricName": "connected",
            "queryString": "*",
            "aggregationType": {"name": "Statistics"},
            "tags": TAGS,
        },
    )
    workflow = _failed(
        "entityresolution.amazonaws.com",
        "CreateMatchingWorkflow",
        {
            "workflowName": "customers",
            "roleArn": f"arn:aws:iam::{ACCOUNT}:role/er",
            "tags": {"team": "alpha"},
        },
    )

    assert _targets(vocabulary) == [("resource", f"arn:aws:transcribe:eu-west-1:{ACCOUNT}:vocabulary/terms")]
    assert _targets(metric) == [("resource", f"arn:aws:iot:eu-west-1:{ACCOUNT}:fleetmetric/connected")]
    assert _targets(workflow) == [
        ("resource", f"arn:aws:entityresolution:eu-west-1:{ACCOUNT}:matchingworkflow/customers")
    ]


def test_a_denied_version_or_child_names_no_parent() -> None:
    # A denied attempt's request names only the parent the resource would be made in or from:
    # https://docs.aws.amazon.com/goto/WebAPI/bedrock-agent-2023-06-05/CreatePromptVersion
    # (promptIdentifier: "the prompt that you want to create a version of"),
    # https://docs.aws.amazon.com/goto/WebAPI/elasticbeanstalk-2010-12-01/CreateApplicationVersion
    # (ApplicationName), https://docs.aws.amazon.com/goto/WebAPI/rds-2014-10-31/RestoreDBInstanceToPointInTime
    # (DBName: the database's name, not the instance's TargetDBInstanceIdentifier).
    prompt = _failed(
        "bedrock.amazonaws.com",
        "CreatePromptVersion",
        {"promptIdentifier": "PROMPT12345", "tags": {"team": "a"}},
    )
    version = _failed(
        "elasticbeanstalk.amazonaws.com",
        "CreateApplicationVersion",
        {"applicationName": "shop", "versionLabel": "v2", "tags": TAGS},
    )
    restored = _failed(
        "rds.amazonaws.com",
        "RestoreDBInstanceToPointInTime",
        {
            "sourceDBInstanceIdentifier": "orders",
            "targetDBInstanceIdentifier": "orders-copy",
            "dBName": "orders",
        },
    )
    restored["requestParameters"]["tags"] = TAGS

    assert _unresolved(prompt)
    assert _unresolved(version)
    assert _unresolved(restored)


def test_a_denied_schema_names_no_schema_without_its_registry() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/glue-2017-03-31/CreateSchema: the request names the
    # registry in RegistryId; a schema's ARN is schema/<registry>/<schema> (Glue developer guide,
    # "Getting started with schema registry"), not the reference's schema/${SchemaName}.
    made = _failed(
        "glue.amazonaws.com",
        "CreateSchema",
        {
            "registryId": {"registryName": "events"},
            "schemaName": "orders",
            "dataFormat": "AVRO",
            "tags": {"t": "a"},
        },
    )

    assert _unresolved(made)


def test_an_id_of_what_the_resource_holds_is_no_fallback_for_its_arn() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/memorydb-2021-01-01/CreateSubnetGroup: the response's
    # SubnetGroup holds ARN, Name and Subnets[].Identifier (subnet ids); where its ARN is not
    # logged, the group is named by its Name, never by a subnet's id.
    made = record(
        "memorydb.amazonaws.com",
        "CreateSubnetGroup",
        {"subnetGroupName": "cache-subnets", "subnetIds": ["subnet-0a1b2c3d"], "tags": TAGS},
        {"subnetGroup": {"name": "cache-subnets", "subnets": [{"identifier": "subnet-0a1b2c3d"}]}},
    )

    assert _targets(made) == [("resource", f"arn:aws:memorydb:eu-west-1:{ACCOUNT}:subnetgroup/cache-subnets")]


def test_a_denied_enable_names_not_what_it_would_enable() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/controltower-2018-05-10/EnableBaseline
    # (baselineIdentifier: "the ARN of the baseline to be enabled") and .../EnableControl
    # (controlIdentifier: "the ARN of the control"): the tags go to the EnabledBaseline or
    # EnabledControl made, whose ARN only the response gives.
    target = f"arn:aws:organizations::{ACCOUNT}:ou/o-a1b2c3d4e5/ou-a1b2-c3d4e5f6"
    baseline = _failed(
        "controltower.amazonaws.com",
        "EnableBaseline",
        {
            "baselineIdentifier": "arn:aws:controltower:eu-west-1::baseline/17BSJV3IGJ2QSGA2",
            "baselineVersion": "4.0",
            "targetIdentifier": target,
            "tags": {"team": "alpha"},
        },
    )
    control = _failed(
        "controltower.amazonaws.com",
        "EnableControl",
        {
            "controlIdentifier": "arn:aws:controlcatalog:::control/7dk1jdxm5yvzhh3x3fmg3qjhw",
            "targetIdentifier": target,
            "tags": {"team": "alpha"},
        },
    )

    assert _unresolved(baseline)
    assert _unresolved(control)


def test_a_denied_create_names_not_what_it_is_made_from() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/medialive-2017-10-14/CreatePartnerInput: InputId (in
    # the URI) is the input a partner input is made for; the new one's ARN is the response's
    # Input.Arn. https://docs.aws.amazon.com/goto/WebAPI/rds-2014-10-31/CopyDBSnapshot: the copy is
    # TargetDBSnapshotIdentifier, SourceDBSnapshotIdentifier what it is copied from.
    partner = _failed(
        "medialive.amazonaws.com",
        "CreatePartnerInput",
        {"inputId": "1234567", "requestId": "a1b2", "tags": {"team": "alpha"}},
    )
    copy = _failed(
        "rds.amazonaws.com",
        "CopyDBSnapshot",
        {
            "sourceDBSnapshotIdentifier": "rds:orders-2026-11-30-00-05",
            "targetDBSnapshotIdentifier": "orders-keep",
            "tags": TAGS,
        },
    )

    # https://docs.aws.amazon.com/goto/WebAPI/directconnect-2012-10-25/AllocateHostedConnection:
    # connectionId is "the ID of the interconnect or LAG"; .../omics-2022-11-28/StartRun: runId is
    # "the ID of a run to duplicate".
    hosted = _failed(
        "directconnect.amazonaws.com",
        "AllocateHostedConnection",
        {
            "connectionId": "dxcon-fgq9rgot",
            "ownerAccount": "444455556666",
            "bandwidth": "500Mbps",
            "connectionName": "partner",
            "vlan": 101,
            "tags": TAGS,
        },
    )
    rerun = _failed(
        "omics.amazonaws.com", "StartRun", {"runId": "1234567", "roleArn": "r", "tags": {"t": "a"}}
    )

    assert _unresolved(partner)
    assert _unresolved(copy)
    assert _unresolved(hosted)
    assert _unresolved(rerun)
    assert [target for _, target in _targets(copy)] == ["rds:dbsnapshot/orders-keep"]


def test_a_batch_create_names_none_of_what_failed() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/frauddetector-2019-11-15/BatchCreateVariable: the
    # response's errors[] lists the variables not made; the tags went to the others.
    made = record(
        "frauddetector.amazonaws.com",
        "BatchCreateVariable",
        {
            "variableEntries": [
                {"name": "email", "dataType": "STRING", "dataSource": "EVENT", "defaultValue": "x"},
                {"name": "ip", "dataType": "STRING", "dataSource": "EVENT", "defaultValue": "x"},
            ],
            "tags": TAGS,
        },
        {"errors": [{"name": "ip", "code": 409, "message": "already exists"}]},
    )

    assert _unresolved(made)
    assert all(not target.endswith("/ip") for _, target in _targets(made))


def test_a_ca_certificate_id_is_no_device_certificates() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/iot-2015-05-28/RegisterCACertificate: the response
    # gives certificateArn and certificateId; a CA certificate is cacert/${CACertificate}, not
    # cert/${Certificate} (Service Authorization Reference, AWS IoT). Where the ARN is not logged,
    # the id makes no device certificate's ARN.
    made = record(
        "iot.amazonaws.com",
        "RegisterCACertificate",
        {"caCertificate": "-----BEGIN CERTIFICATE-----", "tags": TAGS},
        {"certificateId": "4f0ba725787aa94d67d2fca420eca022242532e8b3c58e7465c7778b443fd65e"},
    )

    assert _unresolved(made)
