"""Request members of generated operations (roles.json) that hold a role or an instance profile:
shapes the member names alone do not tell, and members nested deep or under other verbs."""

from __future__ import annotations

from typing import Any

from tagwarden.app.demo.records import Caller, record
from tagwarden.core.compute.read import generated_operations
from tests.builders.compute_records import ACCOUNT, REGION, profile, role, run_instances
from tests.core.compute.cases import ALICE
from tests.core.compute.scenario import replay

T = "2024-06-03T11:00:00Z"


def _flagged(records: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    return [(f.event_id, f.new_value) for f in replay(records) if f.kind == "compute_identity"]


def batch_create_compute_environment(who: Caller, instance_role: str) -> dict[str, Any]:
    """Batch CreateComputeEnvironment: ComputeResource.instanceRole is "the short name or full
    Amazon Resource Name (ARN) of an instance profile"
    (https://docs.aws.amazon.com/batch/latest/APIReference/API_ComputeResource.html)."""
    request = {
        "computeEnvironmentName": "ce1",
        "type": "MANAGED",
        "computeResources": {
            "type": "EC2",
            "maxvCpus": 16,
            "subnets": ["subnet-1"],
            "instanceTypes": ["optimal"],
            "instanceRole": instance_role,
        },
    }
    response = {
        "computeEnvironmentName": "ce1",
        "computeEnvironmentArn": f"arn:aws:batch:{REGION}:{ACCOUNT}:compute-environment/ce1",
    }
    return record(
        who,
        "batch.amazonaws.com",
        "CreateComputeEnvironment",
        request,
        response=response,
        time=T,
        event_id="batch-ce",
    )


def emr_run_job_flow(who: Caller, job_flow_role: str) -> dict[str, Any]:
    """EMR RunJobFlow: JobFlowRole is "also called instance profile and Amazon EC2 role"
    (https://docs.aws.amazon.com/emr/latest/APIReference/API_RunJobFlow.html)."""
    request = {
        "name": "c1",
        "releaseLabel": "emr-7.0.0",
        "instances": {"instanceCount": 1},
        "jobFlowRole": job_flow_role,
        "serviceRole": "EMR_DefaultRole",
    }
    response = {
        "jobFlowId": "j-1ABCDEF",
        "clusterArn": f"arn:aws:elasticmapreduce:{REGION}:{ACCOUNT}:cluster/j-1ABCDEF",
    }
    return record(
        who,
        "elasticmapreduce.amazonaws.com",
        "RunJobFlow",
        request,
        response=response,
        time=T,
        event_id="emr-run",
    )


def test_a_batch_instance_role_is_an_instance_profile() -> None:
    assert _flagged([batch_create_compute_environment(ALICE, profile("beta-profile"))]) == [
        ("batch-ce", "beta")
    ]
    assert _flagged([batch_create_compute_environment(ALICE, "alpha-profile")]) == []


def test_an_emr_job_flow_role_is_an_instance_profile() -> None:
    assert _flagged([emr_run_job_flow(ALICE, "beta-profile")]) == [("emr-run", "beta")]


def test_a_role_whose_documentation_only_later_mentions_an_instance_profile_stays_a_role() -> None:
    # EKS nodeRole: "the IAM role to associate with your node group. ... Nodes receive permissions
    # ... through an IAM instance profile"
    (entry,) = [e for e in generated_operations() if (e["model"], e["op"]) == ("eks", "CreateNodegroup")]
    assert "nodeRole" in entry["roles"]
    assert "nodeRole" not in entry.get("profiles", [])


def ec2_request_spot_instances(who: Caller, profile_name: str) -> dict[str, Any]:
    """EC2 RequestSpotInstances: LaunchSpecification.IamInstanceProfile
    (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RequestSpotInstances.html)."""
    request = {
        "instanceCount": 1,
        "type": "one-time",
        "launchSpecification": {
            "imageId": "ami-0abcdef1234567890",
            "instanceType": "t3.micro",
            "iamInstanceProfile": {"arn": profile(profile_name)},
        },
    }
    response = {
        "spotInstanceRequestSet": {"items": [{"spotInstanceRequestId": "sir-abcd1234", "state": "open"}]}
    }
    return record(
        who, "ec2.amazonaws.com", "RequestSpotInstances", request, response=response, time=T, event_id="spot"
    )


def ec2_request_spot_fleet(who: Caller, profile_name: str) -> dict[str, Any]:
    """EC2 RequestSpotFleet: SpotFleetRequestConfig.LaunchSpecifications[].IamInstanceProfile
    (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_SpotFleetLaunchSpecification.html);
    CloudTrail wraps the members as for EC2's other newer calls."""
    config = {
        "IamFleetRole": f"arn:aws:iam::{ACCOUNT}:role/aws-ec2-spot-fleet-tagging-role",
        "TargetCapacity": 1,
        "LaunchSpecifications": [
            {
                "ImageId": "ami-0abcdef1234567890",
                "InstanceType": "t3.micro",
                "IamInstanceProfile": {"Arn": profile(profile_name)},
            }
        ],
    }
    request = {"RequestSpotFleetRequest": {"SpotFleetRequestConfig": config}}
    response = {
        "RequestSpotFleetResponse": {"spotFleetRequestId": "sfr-12345678-1234-1234-1234-123456789012"}
    }
    return record(
        who, "ec2.amazonaws.com", "RequestSpotFleet", request, response=response, time=T, event_id="fleet"
    )


def test_a_spot_request_is_judged_by_the_profile_of_its_launch_specification() -> None:
    # The instances are launched by Spot's service-linked role, which acts for itself: the request
    # is where the actor chose the profile.
    spot = Caller(ACCOUNT, "aws-service-role/spot.amazonaws.com/AWSServiceRoleForEC2Spot", session="spot")
    launch = run_instances(spot, "i-0aaaaaaaaaaaaaaa1", "beta-profile", time=T, event_id="spot-run")
    assert _flagged([ec2_request_spot_instances(ALICE, "beta-profile"), launch]) == [("spot", "beta")]
    assert _flagged([ec2_request_spot_fleet(ALICE, "beta-profile")]) == [("fleet", "beta")]
    assert _flagged([ec2_request_spot_instances(ALICE, "alpha-profile")]) == []


def test_a_build_started_with_another_service_role_is_flagged() -> None:
    """CodeBuild StartBuild's serviceRoleOverride
    (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_StartBuild.html)."""
    request = {"projectName": "alpha-builder", "serviceRoleOverride": role("app-beta")}
    arn = f"arn:aws:codebuild:{REGION}:{ACCOUNT}:build/alpha-builder:1111"
    response = {"build": {"id": "alpha-builder:1111", "arn": arn, "serviceRole": role("app-beta")}}
    start = record(
        ALICE, "codebuild.amazonaws.com", "StartBuild", request, response=response, time=T, event_id="build"
    )
    assert _flagged([start]) == [("build", "beta")]


def test_a_sagemaker_user_profiles_execution_role_is_flagged() -> None:
    """SageMaker CreateUserProfile's UserSettings.ExecutionRole, "the execution role for the user"
    (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UserSettings.html)."""
    request = {
        "domainId": "d-abc",
        "userProfileName": "alice2",
        "userSettings": {"executionRole": role("app-beta")},
    }
    response = {"userProfileArn": f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:user-profile/d-abc/alice2"}
    create = record(
        ALICE,
        "sagemaker.amazonaws.com",
        "CreateUserProfile",
        request,
        response=response,
        time=T,
        event_id="user",
    )
    assert _flagged([create]) == [("user", "beta")]


def test_an_ecs_managed_instances_capacity_providers_profile_is_flagged() -> None:
    """ECS CreateCapacityProvider's InstanceLaunchTemplate.ec2InstanceProfileArn
    (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_InstanceLaunchTemplate.html)."""
    request = {
        "name": "mi",
        "managedInstancesProvider": {
            "infrastructureRoleArn": role("app-plain"),
            "instanceLaunchTemplate": {
                "ec2InstanceProfileArn": profile("beta-profile"),
                "networkConfiguration": {"subnets": ["subnet-1"]},
            },
        },
    }
    arn = f"arn:aws:ecs:{REGION}:{ACCOUNT}:capacity-provider/mi"
    response = {"capacityProvider": {"capacityProviderArn": arn}}
    create = record(
        ALICE,
        "ecs.amazonaws.com",
        "CreateCapacityProvider",
        request,
        response=response,
        time=T,
        event_id="cp",
    )
    assert _flagged([create]) == [("cp", "beta")]


def test_an_emr_steps_runtime_role_is_flagged() -> None:
    """EMR AddJobFlowSteps' ExecutionRoleArn, the steps' runtime role
    (https://docs.aws.amazon.com/emr/latest/APIReference/API_AddJobFlowSteps.html)."""
    request = {
        "jobFlowId": "j-1ABCDEF",
        "steps": [{"name": "s", "hadoopJarStep": {"jar": "command-runner.jar"}}],
        "executionRoleArn": role("app-beta"),
    }
    add = record(
        ALICE,
        "elasticmapreduce.amazonaws.com",
        "AddJobFlowSteps",
        request,
        response={"stepIds": ["s-1"]},
        time=T,
        event_id="steps",
    )
    assert _flagged([add]) == [("steps", "beta")]


def test_a_task_role_nested_in_a_multi_node_batch_job_definition_is_flagged() -> None:
    """Batch RegisterJobDefinition, multi-node with ECS properties: nodeProperties.
    nodeRangeProperties[].ecsProperties.taskProperties[].taskRoleArn, five levels down
    (https://docs.aws.amazon.com/batch/latest/APIReference/API_NodeRangeProperty.html)."""
    task = {"taskRoleArn": role("app-beta"), "containers": [{"image": "busybox", "name": "c"}]}
    node_range = {"targetNodes": "0:", "ecsProperties": {"taskProperties": [task]}}
    request = {
        "jobDefinitionName": "mn",
        "type": "multinode",
        "nodeProperties": {"numNodes": 2, "mainNode": 0, "nodeRangeProperties": [node_range]},
    }
    response = {"jobDefinitionArn": f"arn:aws:batch:{REGION}:{ACCOUNT}:job-definition/mn:1"}
    register = record(
        ALICE,
        "batch.amazonaws.com",
        "RegisterJobDefinition",
        request,
        response=response,
        time=T,
        event_id="mn",
    )
    assert _flagged([register]) == [("mn", "beta")]
