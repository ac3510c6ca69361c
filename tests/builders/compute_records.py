"""CloudTrail records of the calls that give compute resources a role, shaped as CloudTrail logs them.

Each builder cites the AWS documentation its shape follows. EC2's newer calls (the instance profile
associations) log their parameters wrapped in ``<Operation>Request`` / ``<Operation>Response``
objects, with the API's member names; RunInstances logs lowerCamelCase members, the instances in
``instancesSet.items``; IAM, Lambda and ECS log the API's members in lowerCamelCase.
"""

from __future__ import annotations

from typing import Any

from tagwarden.app.demo.records import Caller, record

ACCOUNT = "123456789012"
REGION = "us-east-1"


def role(name: str) -> str:
    return f"arn:aws:iam::{ACCOUNT}:role/{name}"


def profile(name: str) -> str:
    return f"arn:aws:iam::{ACCOUNT}:instance-profile/{name}"


def instance(instance_id: str) -> str:
    return f"arn:aws:ec2:{REGION}:{ACCOUNT}:instance/{instance_id}"


def function(name: str) -> str:
    return f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:{name}"


def run_instances(
    caller: Caller, instance_id: str, profile_name: str, *, time: str, event_id: str
) -> dict[str, Any]:
    """RunInstances with an instance profile. Shape: CloudTrail log file examples, "Amazon EC2 log
    examples" (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html)
    and the RunInstances API reference, IamInstanceProfile / Instance.IamInstanceProfile
    (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html)."""
    request = {
        "instancesSet": {"items": [{"imageId": "ami-0abcdef1234567890", "minCount": 1, "maxCount": 1}]},
        "instanceType": "t3.micro",
        "blockDeviceMapping": {},
        "monitoring": {"enabled": False},
        "disableApiTermination": False,
        "iamInstanceProfile": {"name": profile_name},
    }
    response = {
        "requestId": "e3b0c442-98fc-1c14-9afb-f4c8996fb924",
        "reservationId": "r-0123456789abcdef0",
        "ownerId": ACCOUNT,
        "groupSet": {},
        "instancesSet": {
            "items": [
                {
                    "instanceId": instance_id,
                    "imageId": "ami-0abcdef1234567890",
                    "instanceState": {"code": 0, "name": "pending"},
                    "instanceType": "t3.micro",
                    "iamInstanceProfile": {"arn": profile(profile_name), "id": "AIPAEXAMPLEPROFILE001"},
                }
            ]
        },
    }
    return record(
        caller, "ec2.amazonaws.com", "RunInstances", request, response=response, time=time, event_id=event_id
    )


def associate_profile(
    caller: Caller, instance_id: str, profile_name: str, association_id: str, *, time: str, event_id: str
) -> dict[str, Any]:
    """AssociateIamInstanceProfile. Members and sample response: the API reference
    (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AssociateIamInstanceProfile.html);
    CloudTrail wraps them as ``AssociateIamInstanceProfileRequest`` / ``...Response``."""
    request = {
        "AssociateIamInstanceProfileRequest": {
            "InstanceId": instance_id,
            "IamInstanceProfile": {"Name": profile_name},
        }
    }
    response = {
        "AssociateIamInstanceProfileResponse": {
            "xmlns": "http://ec2.amazonaws.com/doc/2016-11-15/",
            "requestId": "e10deeaf-7cda-48e7-950b-example",
            "iamInstanceProfileAssociation": {
                "associationId": association_id,
                "instanceId": instance_id,
                "iamInstanceProfile": {"arn": profile(profile_name), "id": "AIPAEXAMPLEPROFILE002"},
                "state": "associating",
            },
        }
    }
    return record(
        caller,
        "ec2.amazonaws.com",
        "AssociateIamInstanceProfile",
        request,
        response=response,
        time=time,
        event_id=event_id,
    )


def replace_association(
    caller: Caller,
    old_association: str,
    new_association: str,
    instance_id: str,
    profile_name: str,
    *,
    time: str,
    event_id: str,
) -> dict[str, Any]:
    """ReplaceIamInstanceProfileAssociation: the request names the association, the response the
    instance (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ReplaceIamInstanceProfileAssociation.html)."""
    request = {
        "ReplaceIamInstanceProfileAssociationRequest": {
            "AssociationId": old_association,
            "IamInstanceProfile": {"Arn": profile(profile_name)},
        }
    }
    response = {
        "ReplaceIamInstanceProfileAssociationResponse": {
            "xmlns": "http://ec2.amazonaws.com/doc/2016-11-15/",
            "requestId": "0a1b2c3d-1111-2222-3333-example",
            "iamInstanceProfileAssociation": {
                "associationId": new_association,
                "instanceId": instance_id,
                "iamInstanceProfile": {"arn": profile(profile_name), "id": "AIPAEXAMPLEPROFILE003"},
                "state": "associating",
            },
        }
    }
    return record(
        caller,
        "ec2.amazonaws.com",
        "ReplaceIamInstanceProfileAssociation",
        request,
        response=response,
        time=time,
        event_id=event_id,
    )


def create_instance_profile(caller: Caller, name: str, *, time: str, event_id: str) -> dict[str, Any]:
    """CreateInstanceProfile (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateInstanceProfile.html);
    IAM is global: CloudTrail logs it in us-east-1."""
    response = {
        "instanceProfile": {
            "path": "/",
            "instanceProfileName": name,
            "instanceProfileId": "AIPAEXAMPLEPROFILE004",
            "arn": profile(name),
            "createDate": "Jun 3, 2024, 10:00:00 AM",
            "roles": [],
        }
    }
    return record(
        caller,
        "iam.amazonaws.com",
        "CreateInstanceProfile",
        {"instanceProfileName": name},
        response=response,
        time=time,
        event_id=event_id,
    )


def add_role_to_profile(
    caller: Caller, profile_name: str, role_name: str, *, time: str, event_id: str
) -> dict[str, Any]:
    """AddRoleToInstanceProfile: names only, no response elements
    (https://docs.aws.amazon.com/IAM/latest/APIReference/API_AddRoleToInstanceProfile.html)."""
    request = {"instanceProfileName": profile_name, "roleName": role_name}
    return record(
        caller, "iam.amazonaws.com", "AddRoleToInstanceProfile", request, time=time, event_id=event_id
    )


def remove_role_from_profile(
    caller: Caller, profile_name: str, role_name: str, *, time: str, event_id: str
) -> dict[str, Any]:
    """RemoveRoleFromInstanceProfile
    (https://docs.aws.amazon.com/IAM/latest/APIReference/API_RemoveRoleFromInstanceProfile.html)."""
    request = {"instanceProfileName": profile_name, "roleName": role_name}
    return record(
        caller, "iam.amazonaws.com", "RemoveRoleFromInstanceProfile", request, time=time, event_id=event_id
    )


def _function_configuration(name: str, role_name: str) -> dict[str, Any]:
    return {
        "functionName": name,
        "functionArn": function(name),
        "runtime": "python3.12",
        "role": role(role_name),
        "handler": "app.handler",
        "codeSize": 312,
        "timeout": 3,
        "memorySize": 128,
        "lastModified": "2024-06-03T10:00:00.000+0000",
        "version": "$LATEST",
        "state": "Pending",
    }


def create_function(caller: Caller, name: str, role_name: str, *, time: str, event_id: str) -> dict[str, Any]:
    """CreateFunction as CloudTrail names it, CreateFunction20150331 (Lambda's CloudTrail page,
    https://docs.aws.amazon.com/lambda/latest/dg/logging-using-cloudtrail.html); members from
    https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html (Role; FunctionArn, Role)."""
    request = {
        "functionName": name,
        "runtime": "python3.12",
        "role": role(role_name),
        "handler": "app.handler",
        "code": {},
        "publish": False,
    }
    response = _function_configuration(name, role_name)
    return record(
        caller,
        "lambda.amazonaws.com",
        "CreateFunction20150331",
        request,
        response=response,
        time=time,
        event_id=event_id,
    )


def update_function_configuration(
    caller: Caller, name: str, role_name: str | None, *, time: str, event_id: str
) -> dict[str, Any]:
    """UpdateFunctionConfiguration, logged as UpdateFunctionConfiguration20150331v2
    (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionConfiguration.html)."""
    request: dict[str, Any] = {"functionName": name, "timeout": 30}
    if role_name is not None:
        request["role"] = role(role_name)
    response = _function_configuration(name, role_name or "unchanged")
    return record(
        caller,
        "lambda.amazonaws.com",
        "UpdateFunctionConfiguration20150331v2",
        request,
        response=response,
        time=time,
        event_id=event_id,
    )


def register_task_definition(
    caller: Caller,
    family: str,
    revision: int,
    task_role: str,
    *,
    time: str,
    event_id: str,
    execution_role: str = "ecsTaskExecutionRole",
) -> dict[str, Any]:
    """RegisterTaskDefinition (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html):
    taskRoleArn is the role the task's containers run as; executionRoleArn the agent's."""
    request = {
        "family": family,
        "taskRoleArn": role(task_role),
        "executionRoleArn": role(execution_role),
        "networkMode": "awsvpc",
        "containerDefinitions": [
            {"name": "app", "image": "public.ecr.aws/docker/library/busybox:latest", "essential": True}
        ],
        "requiresCompatibilities": ["FARGATE"],
        "cpu": "256",
        "memory": "512",
    }
    arn = f"arn:aws:ecs:{REGION}:{ACCOUNT}:task-definition/{family}:{revision}"
    response = {
        "taskDefinition": {
            "taskDefinitionArn": arn,
            "family": family,
            "revision": revision,
            "taskRoleArn": role(task_role),
            "executionRoleArn": role(execution_role),
            "status": "ACTIVE",
        }
    }
    return record(
        caller,
        "ecs.amazonaws.com",
        "RegisterTaskDefinition",
        request,
        response=response,
        time=time,
        event_id=event_id,
    )


def disassociate_profile(
    caller: Caller, instance_id: str, profile_name: str, association_id: str, *, time: str, event_id: str
) -> dict[str, Any]:
    """DisassociateIamInstanceProfile: the request names the association, the response the instance
    (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DisassociateIamInstanceProfile.html)."""
    request = {"DisassociateIamInstanceProfileRequest": {"AssociationId": association_id}}
    response = {
        "DisassociateIamInstanceProfileResponse": {
            "xmlns": "http://ec2.amazonaws.com/doc/2016-11-15/",
            "requestId": "0d1e2f3a-4444-5555-6666-example",
            "iamInstanceProfileAssociation": {
                "associationId": association_id,
                "instanceId": instance_id,
                "iamInstanceProfile": {"arn": profile(profile_name), "id": "AIPAEXAMPLEPROFILE005"},
                "state": "disassociating",
            },
        }
    }
    return record(
        caller,
        "ec2.amazonaws.com",
        "DisassociateIamInstanceProfile",
        request,
        response=response,
        time=time,
        event_id=event_id,
    )
