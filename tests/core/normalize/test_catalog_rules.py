"""Rules of the catalog builder that the held-out corpus led to, shown on the generated catalog
and on the builder itself (tools/catalog_build)."""

from __future__ import annotations

from functools import cache
from typing import Any

from tagwarden.core.normalize.catalog import catalog_document
from tools.catalog_build.created import ResponseMember
from tools.catalog_build.derive import _only_identifier
from tools.catalog_build.iamdefs import IamDefinitions
from tools.catalog_build.models import ServiceModel, load_models


@cache
def _entries() -> dict[tuple[str, str], dict[str, Any]]:
    return {(item["src"].split(".")[0], item["op"]): item for item in catalog_document()["operations"]}


def entry(service: str, operation: str) -> dict[str, Any]:
    return _entries()[(service, operation)]


def test_a_removal_call_may_name_its_keys_in_the_list_its_add_call_takes() -> None:
    removal = entry("cloudtrail", "RemoveTags")

    assert removal["effect"] == "remove" and removal["removes"] == ["TagsList"]


def test_tags_in_the_request_body_structure_are_read_there_or_unwrapped() -> None:
    created = entry("pinpoint", "CreateApp")

    assert created["tags"] == ["CreateApplicationRequest.tags", "tags"]
    assert created["response"][0] == "ApplicationResponse.Arn"


def test_a_created_resource_named_inside_the_request_structure_gets_its_format() -> None:
    budget = entry("budgets", "CreateBudget")
    database = entry("glue", "CreateDatabase")

    assert budget["target"] == ["Budget.BudgetName"]
    assert budget["arn"] == "arn:{partition}:budgets::{account}:budget/{id}"
    assert database["target"] == ["DatabaseInput.Name"]
    assert database["arn"] == "arn:{partition}:glue:{region}:{account}:database/{id}"


def test_a_name_inside_the_request_never_fills_an_identifier_that_may_be_an_id() -> None:
    # Cost Explorer's anomaly monitor ARNs end in a UUID, its format in ${Identifier}.
    monitor = entry("ce", "CreateAnomalyMonitor")

    assert "target" not in monitor
    assert monitor["response"] == ["MonitorArn"]


def test_a_resource_type_named_with_a_resource_suffix_is_the_nouns_type() -> None:
    # The reference's type is AppMonitorResource, arn .../appmonitor/${Name}; the response's Id
    # is no name, so only the request's Name is read.
    monitor = entry("rum", "CreateAppMonitor")

    assert monitor["arn"] == "arn:{partition}:rum:{region}:{account}:appmonitor/{id}"
    assert monitor["target"] == ["Name"] and "response" not in monitor


def test_a_generic_format_takes_the_only_identifier_a_call_gives() -> None:
    assert (
        entry("dlm", "CreateLifecyclePolicy")["arn"] == "arn:{partition}:dlm:{region}:{account}:policy/{id}"
    )
    assert (
        entry("databrew", "CreateDataset")["arn"]
        == "arn:{partition}:databrew:{region}:{account}:dataset/{id}"
    )


@cache
def _databrew() -> ServiceModel:
    return next(model for model in load_models() if model.name == "databrew")


def test_a_generic_format_takes_no_identifier_where_the_call_gives_a_name_and_an_id() -> None:
    # DataBrew's dataset format, as the Service Authorization Reference gives it.
    dataset = {"arn": "arn:${Partition}:databrew:${Region}:${Account}:dataset/${ResourceId}"}
    iam = IamDefinitions({"databrew": {"resources": {"Dataset": dataset}, "privileges": {}}})

    one = _only_identifier(iam, _databrew(), [ResponseMember("Name", False)], "Name", "dataset")
    two = _only_identifier(iam, _databrew(), [ResponseMember("Id", False)], "Name", "dataset")

    assert one is not None and one.template == "arn:{partition}:databrew:{region}:{account}:dataset/{id}"
    assert two is None


def test_a_format_fits_only_where_the_arn_ends_with_the_members_variable() -> None:
    # The reference's ApiMappings type is /domainnames/${DomainName}/apimappings: a collection.
    created = entry("apigateway", "CreateDomainName")

    assert created["arn"] == "arn:{partition}:apigateway:{region}::/domainnames/{id}"


def test_an_id_whose_stem_begins_the_noun_names_the_parent_not_the_created_resource() -> None:
    snapshot = entry("redshift", "CreateClusterSnapshot")

    assert "Snapshot.ClusterIdentifier" not in snapshot["response"]
    assert snapshot["arn"] == "arn:{partition}:redshift:{region}:{account}:snapshot:{clusteridentifier}/{id}"


def test_a_resource_made_in_another_region_is_named_only_by_an_arn() -> None:
    replica = entry("kms", "ReplicateKey")

    assert "arn" not in replica and "target" not in replica
    assert replica["response"] == ["ReplicaKeyMetadata.Arn"]


def test_a_version_or_platform_suffix_is_not_part_of_the_noun() -> None:
    assert (
        entry("cloud9", "CreateEnvironmentEC2")["arn"]
        == "arn:{partition}:cloud9:{region}:{account}:environment:{id}"
    )


def test_a_name_is_no_fallback_for_an_identifier_the_response_assigns() -> None:
    # RDS blue/green deployment ARNs end in the bgd- id the response gives, not the request's name.
    deployment = entry("rds", "CreateBlueGreenDeployment")

    assert "target" not in deployment
    assert deployment["response"][-1] == "BlueGreenDeployment.BlueGreenDeploymentIdentifier"


def test_a_variant_the_reference_has_a_type_for_keeps_its_suffix() -> None:
    # Security Hub's automation-rulev2 ARNs are not v1 automation-rule ARNs.
    rule = entry("securityhub", "CreateAutomationRuleV2")

    assert "automation-rule/" not in rule.get("arn", "")
    assert entry("securityhub", "EnableSecurityHubV2")["response"] == ["HubV2Arn"]


def test_a_generic_format_takes_no_name_where_the_response_gives_the_arn() -> None:
    # IVS channel ARNs end in an id the response's ARN holds, not the channel's name.
    channel = entry("ivs", "CreateChannel")

    assert "arn" not in channel and channel["response"][0] == "channel.arn"


def test_a_create_calls_lone_response_id_fills_the_format_named_like_it() -> None:
    # Directory Service's CreateHybridAD and CreateMicrosoftAD answer with the directory's id.
    hybrid = entry("ds", "CreateHybridAD")
    managed = entry("ds", "CreateMicrosoftAD")

    assert hybrid["response"] == ["DirectoryId"] and managed["response"] == ["DirectoryId"]
    assert hybrid["arn"] == managed["arn"] == "arn:{partition}:ds:{region}:{account}:directory/{id}"
    assert "target" not in managed  # the directory's DNS name is no id


def test_a_lone_response_arn_names_what_a_create_call_made() -> None:
    assert entry("observabilityadmin", "CreateCentralizationRuleForOrganization")["response"] == ["RuleArn"]
    assert entry("bedrock", "StartAsyncInvoke")["response"] == ["invocationArn"]


def test_a_lone_response_id_of_a_run_or_an_operation_is_not_taken() -> None:
    # SSM StartChangeRequestExecution answers with an automation execution's id, Cloud Map's
    # asynchronous creates with their operation's: neither is what the tags go to.
    change_request = entry("ssm", "StartChangeRequestExecution")
    namespace = entry("servicediscovery", "CreateHttpNamespace")

    assert "response" not in change_request and "arn" not in change_request
    assert "OperationId" not in namespace.get("response", [])


def test_a_structure_that_describes_the_resource_is_read_for_its_arn() -> None:
    # Elastic Beanstalk CreatePlatformVersion: PlatformSummary.PlatformArn, not Builder.ARN.
    platform = entry("elasticbeanstalk", "CreatePlatformVersion")

    assert platform["response"] == ["PlatformSummary.PlatformArn"] and platform["kind"] == "arn"


def test_the_runtime_api_of_bedrock_is_logged_as_bedrock() -> None:
    assert ("bedrock-runtime", "StartAsyncInvoke") not in _entries()
    assert entry("bedrock", "StartAsyncInvoke")["model"] == "bedrock-runtime"


def test_the_id_of_an_asynchronous_operation_is_no_resources_id() -> None:
    # Lightsail's create calls answer with operations[].id; a load balancer's ARN ends in its own
    # id, which they do not return, and a name never fills the reference's ${Id}.
    balancer = entry("lightsail", "CreateLoadBalancer")

    assert "arn" not in balancer and "operations.id" not in balancer.get("response", [])
    assert "arn" not in entry("lightsail", "CreateDomain")
    assert "arn" not in entry("lightsail", "CreateInstances")


def test_the_callers_account_id_names_no_resource_where_another_member_may() -> None:
    tagging = entry("s3", "PutStorageLensConfigurationTagging")

    assert tagging["target"] == ["ConfigId"]
    assert tagging["arn"] == "arn:{partition}:s3:{region}:{account}:storage-lens/{id}"


def test_an_arn_named_for_a_kind_of_the_describing_structure_names_the_resource() -> None:
    slack = entry("chatbot", "CreateSlackChannelConfiguration")
    pipeline = entry("chime", "CreateMediaCapturePipeline")

    assert slack["response"][0] == "ChannelConfiguration.ChatConfigurationArn"
    assert pipeline["response"] == ["MediaCapturePipeline.MediaPipelineArn"]


def test_a_name_fills_a_bare_resource_path_only_where_the_response_names_nothing() -> None:
    event_type = entry("frauddetector", "PutEventType")
    share = entry("ram", "CreateResourceShare")

    assert event_type["arn"] == "arn:{partition}:frauddetector:{region}:{account}:event-type/{id}"
    assert event_type["target"] == ["name"]
    assert share["how"].startswith("arn: the response names")


def test_a_dms_replication_subnet_group_is_named_by_its_identifier() -> None:
    created = entry("dms", "CreateReplicationSubnetGroup")

    assert created["arn"] == "arn:{partition}:dms:{region}:{account}:subgrp:{id}"
    assert created["target"] == ["ReplicationSubnetGroupIdentifier"]
