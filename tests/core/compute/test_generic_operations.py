"""Operations found in botocore's models (roles.json): a resource that runs as a passed role."""

from __future__ import annotations

from typing import Any

import pytest

from tagwarden.app.demo.records import Caller, record
from tagwarden.core.compute.read import HAND_WRITTEN, ComputeReader, generated_operations
from tests.builders.compute_records import ACCOUNT, REGION, role
from tests.core.compute.cases import ALICE
from tests.core.compute.scenario import replay
from tools.catalog_build.compute_roles import find, with_aliases
from tools.catalog_build.models import load_models


def glue_create_job(who: Caller, team: str) -> dict[str, Any]:
    """Glue CreateJob: Role takes a name or an ARN
    (https://docs.aws.amazon.com/glue/latest/webapi/API_CreateJob.html)."""
    request = {
        "name": "nightly-etl",
        "role": f"app-{team}",
        "command": {"name": "glueetl", "scriptLocation": "s3://scripts-bucket/etl.py", "pythonVersion": "3"},
        "glueVersion": "4.0",
    }
    return record(
        who,
        "glue.amazonaws.com",
        "CreateJob",
        request,
        response={"name": "nightly-etl"},
        time="2024-06-03T11:00:00Z",
        event_id=f"glue-{team}",
    )


def codebuild_create_project(who: Caller, team: str) -> dict[str, Any]:
    """CodeBuild CreateProject, as in CodeBuild's CloudTrail page
    (https://docs.aws.amazon.com/codebuild/latest/userguide/cloudtrail.html) and
    https://docs.aws.amazon.com/codebuild/latest/APIReference/API_CreateProject.html."""
    request = {
        "name": "builder",
        "source": {
            "type": "CODECOMMIT",
            "location": "https://git-codecommit.us-east-1.amazonaws.com/v1/repos/app",
        },
        "artifacts": {"type": "NO_ARTIFACTS"},
        "environment": {
            "type": "LINUX_CONTAINER",
            "image": "aws/codebuild/standard:7.0",
            "computeType": "BUILD_GENERAL1_SMALL",
        },
        "serviceRole": role(f"app-{team}"),
    }
    response = {
        "project": {
            "name": "builder",
            "arn": f"arn:aws:codebuild:{REGION}:{ACCOUNT}:project/builder",
            "serviceRole": role(f"app-{team}"),
        }
    }
    return record(
        who,
        "codebuild.amazonaws.com",
        "CreateProject",
        request,
        response=response,
        time="2024-06-03T11:00:00Z",
        event_id=f"cb-{team}",
    )


def states_create_state_machine(who: Caller, team: str) -> dict[str, Any]:
    """Step Functions CreateStateMachine; CloudTrail hides the definition
    (https://docs.aws.amazon.com/step-functions/latest/dg/procedure-cloud-trail.html)."""
    request = {
        "name": "orders",
        "definition": "HIDDEN_DUE_TO_SECURITY_REASONS",
        "roleArn": role(f"app-{team}"),
        "type": "STANDARD",
    }
    response = {
        "stateMachineArn": f"arn:aws:states:{REGION}:{ACCOUNT}:stateMachine:orders",
        "creationDate": "Jun 3, 2024, 11:00:00 AM",
    }
    return record(
        who,
        "states.amazonaws.com",
        "CreateStateMachine",
        request,
        response=response,
        time="2024-06-03T11:00:00Z",
        event_id=f"sfn-{team}",
    )


def sagemaker_create_training_job(who: Caller, team: str) -> dict[str, Any]:
    """SageMaker CreateTrainingJob (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateTrainingJob.html)."""
    request = {
        "trainingJobName": "churn-model",
        "roleArn": role(f"app-{team}"),
        "algorithmSpecification": {
            "trainingImage": "123456789012.dkr.ecr.us-east-1.amazonaws.com/train:1",
            "trainingInputMode": "File",
        },
        "resourceConfig": {"instanceType": "ml.m5.large", "instanceCount": 1, "volumeSizeInGB": 10},
        "stoppingCondition": {"maxRuntimeInSeconds": 3600},
        "outputDataConfig": {"s3OutputPath": "s3://models-bucket/"},
    }
    response = {"trainingJobArn": f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:training-job/churn-model"}
    return record(
        who,
        "sagemaker.amazonaws.com",
        "CreateTrainingJob",
        request,
        response=response,
        time="2024-06-03T11:00:00Z",
        event_id=f"sm-{team}",
    )


def ec2_create_launch_template(who: Caller, team: str) -> dict[str, Any]:
    """EC2 CreateLaunchTemplate with an instance profile; CloudTrail wraps the members
    (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateLaunchTemplate.html)."""
    request = {
        "CreateLaunchTemplateRequest": {
            "LaunchTemplateName": "web",
            "LaunchTemplateData": {
                "ImageId": "ami-0abcdef1234567890",
                "IamInstanceProfile": {"Name": f"{team}-profile"},
            },
        }
    }
    response = {
        "CreateLaunchTemplateResponse": {
            "xmlns": "http://ec2.amazonaws.com/doc/2016-11-15/",
            "requestId": "f1e2d3c4-0000-1111-2222-example",
            "launchTemplate": {
                "launchTemplateId": "lt-0123456789abcdef0",
                "launchTemplateName": "web",
                "defaultVersionNumber": 1,
                "latestVersionNumber": 1,
            },
        }
    }
    return record(
        who,
        "ec2.amazonaws.com",
        "CreateLaunchTemplate",
        request,
        response=response,
        time="2024-06-03T11:00:00Z",
        event_id=f"lt-{team}",
    )


GENERIC = [
    ("glue CreateJob", glue_create_job, "arn:aws:glue:us-east-1:123456789012:job/nightly-etl"),
    (
        "codebuild CreateProject",
        codebuild_create_project,
        f"arn:aws:codebuild:{REGION}:{ACCOUNT}:project/builder",
    ),
    (
        "states CreateStateMachine",
        states_create_state_machine,
        f"arn:aws:states:{REGION}:{ACCOUNT}:stateMachine:orders",
    ),
    (
        "sagemaker CreateTrainingJob",
        sagemaker_create_training_job,
        f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:training-job/churn-model",
    ),
    (
        "ec2 CreateLaunchTemplate",
        ec2_create_launch_template,
        f"arn:aws:ec2:{REGION}:{ACCOUNT}:launch-template/lt-0123456789abcdef0",
    ),
]


@pytest.mark.parametrize(("name", "make", "target"), GENERIC, ids=[g[0] for g in GENERIC])
def test_a_generic_operation_giving_another_teams_role_is_flagged_and_its_own_is_not(
    name: str, make: Any, target: str
) -> None:
    flagged = [f for f in replay([make(ALICE, "beta")]) if f.kind == "compute_identity"]
    assert [(f.target, f.tag_key, f.new_value) for f in flagged] == [(target, "team", "beta")]
    assert "role/app-beta" in flagged[0].explanation
    assert [f for f in replay([make(ALICE, "alpha")]) if f.kind == "compute_identity"] == []


def test_the_reader_knows_every_generated_operation_and_the_hand_written_ones() -> None:
    reader = ComputeReader()
    known = set(reader.operations())
    assert {(e["src"], e["op"]) for e in generated_operations()} <= known
    assert set(HAND_WRITTEN) <= known
    assert ("lambda.amazonaws.com", "UpdateFunctionConfiguration20150331v2") in known


@pytest.mark.slow
def test_roles_json_matches_what_the_installed_botocore_models_say() -> None:
    assert with_aliases(find(load_models())) == list(generated_operations())
