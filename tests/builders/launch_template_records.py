"""CloudTrail records of launch templates and of the groups and fleets launched from them.

Shapes and their sources:

- EC2's launch template calls are logged as EC2's newer calls are: the request wrapped in
  ``<Operation>Request`` with the query API's member names (``SetDefaultVersion`` for
  ModifyLaunchTemplate's DefaultVersion, ``LaunchTemplateVersion`` for DeleteLaunchTemplateVersions'
  Versions: the serialization names of botocore's ec2 model), a list member logged as objects
  carrying a ``tag`` index (a string list as ``{"tag": n, "content": value}``), and the response
  wrapped in ``<Operation>Response`` with the XML response's lowerCamelCase names. A CloudTrail
  record of CreateLaunchTemplate quoted in "Terraform, AWS and Idempotency"
  (https://betterprogramming.pub/terraform-aws-and-idempotency-78220aaa5372) shows the wrapped
  request, ``LaunchTemplateData.IamInstanceProfile.Name`` and the ``tag``/``content`` lists;
  EventBridge rules matching ModifyLaunchTemplate records show
  ``requestParameters.ModifyLaunchTemplateRequest.LaunchTemplateId`` and
  ``responseElements.ModifyLaunchTemplateResponse.launchTemplate.launchTemplateId``. The members:
  https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateLaunchTemplate.html,
  API_CreateLaunchTemplateVersion.html (SourceVersion; LaunchTemplateVersion.versionNumber,
  defaultVersion), API_ModifyLaunchTemplate.html, API_DeleteLaunchTemplate.html,
  API_DeleteLaunchTemplateVersions.html (successfullyDeletedLaunchTemplateVersionSet).
- EC2 CreateFleet: the same wrapping; ``LaunchTemplateConfigs.N.LaunchTemplateSpecification``
  ({LaunchTemplateId | LaunchTemplateName, Version}) and the response's ``fleetId``
  (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateFleet.html).
- EC2 RequestSpotFleet: an older EC2 call, logged as RunInstances is, unwrapped with the
  model's lowerCamelCase location names (``spotFleetRequestConfig.launchTemplateConfigs``,
  ``launchTemplateSpecification``) and the response's ``spotFleetRequestId``
  (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RequestSpotFleet.html).
- Auto Scaling StartInstanceRefresh: lowerCamelCase as the other Auto Scaling calls,
  ``autoScalingGroupName`` and ``desiredConfiguration`` {launchTemplate | mixedInstancesPolicy},
  the response's ``instanceRefreshId``
  (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_StartInstanceRefresh.html,
  API_DesiredConfiguration.html).
- EC2 ModifyFleet: wrapped as CreateFleet, with the query name botocore's model gives the list
  (``LaunchTemplateConfig.N.LaunchTemplateSpecification``), ``FleetId``, and a response of
  ``return`` only (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyFleet.html).
- EC2 ModifySpotFleetRequest: logged as RequestSpotFleet, unwrapped, with the model's location
  names (``spotFleetRequestId``, ``LaunchTemplateConfig``) and a response of ``return`` only
  (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifySpotFleetRequest.html).
- Auto Scaling CreateAutoScalingGroup / UpdateAutoScalingGroup: the request's members in
  lowerCamelCase (``autoScalingGroupName``, ``launchTemplate`` {launchTemplateId |
  launchTemplateName, version}, ``mixedInstancesPolicy.launchTemplate.launchTemplateSpecification``
  and ``overrides[].launchTemplateSpecification``), no response elements
  (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html,
  API_UpdateAutoScalingGroup.html, API_MixedInstancesPolicy.html,
  API_LaunchTemplateOverrides.html).

No record of these calls is among the real samples (../shared/cloudtrail-samples): the shapes of
the groups' and fleets' records follow the documentation and the conventions above.
"""

from __future__ import annotations

from typing import Any

from tagwarden.app.demo.records import Caller, record
from tests.builders.compute_records import ACCOUNT, REGION

EC2 = "ec2.amazonaws.com"
AUTOSCALING = "autoscaling.amazonaws.com"
XMLNS = "http://ec2.amazonaws.com/doc/2016-11-15/"


def _ec2_record(
    caller: Caller,
    call: str,
    request: dict[str, Any],
    body: dict[str, Any],
    request_id: str,
    *,
    time: str,
    event_id: str,
) -> dict[str, Any]:
    """A record of one of EC2's newer calls: its response element wrapped in ``<Call>Response``."""
    response = {f"{call}Response": {"xmlns": XMLNS, "requestId": request_id, **body}}
    return record(caller, EC2, call, request, response=response, time=time, event_id=event_id)


def template_arn(template_id: str) -> str:
    return f"arn:aws:ec2:{REGION}:{ACCOUNT}:launch-template/{template_id}"


def group_target(name: str) -> str:
    """What the tag catalog names an Auto Scaling group by: its record holds no ARN."""
    return f"autoscaling:autoscalinggroup/{name}"


def fleet_arn(fleet_id: str) -> str:
    return f"arn:aws:ec2:{REGION}:{ACCOUNT}:fleet/{fleet_id}"


def spot_fleet_arn(request_id: str) -> str:
    return f"arn:aws:ec2:{REGION}:{ACCOUNT}:spot-fleet-request/{request_id}"


def _data(profile_name: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "ImageId": "ami-0abcdef1234567890",
        "InstanceType": "t3.micro",
        "SecurityGroupId": [{"tag": 1, "content": "sg-0123456789abcdef0"}],
    }
    if profile_name is not None:
        data["IamInstanceProfile"] = {"Name": profile_name}
    return data


def _template(template_id: str, name: str, default: int, latest: int) -> dict[str, Any]:
    return {
        "launchTemplateId": template_id,
        "launchTemplateName": name,
        "createTime": "2024-06-03T09:00:00.000Z",
        "createdBy": f"arn:aws:iam::{ACCOUNT}:role/TagAdmin",
        "defaultVersionNumber": default,
        "latestVersionNumber": latest,
    }


def create_launch_template(
    caller: Caller, template_id: str, name: str, profile_name: str | None, *, time: str, event_id: str
) -> dict[str, Any]:
    request = {
        "CreateLaunchTemplateRequest": {"LaunchTemplateName": name, "LaunchTemplateData": _data(profile_name)}
    }
    return _ec2_record(
        caller,
        "CreateLaunchTemplate",
        request,
        {
            "launchTemplate": _template(template_id, name, 1, 1),
        },
        "a1b2c3d4-0000-1111-2222-example",
        time=time,
        event_id=event_id,
    )


def create_launch_template_version(
    caller: Caller,
    template_id: str,
    name: str,
    version: int,
    profile_name: str | None,
    *,
    time: str,
    event_id: str,
    source_version: str | None = None,
    by_name: bool = False,
    response_data: bool = False,
) -> dict[str, Any]:
    """``response_data``: the response also carries the new version's whole data (the API returns
    it; whether CloudTrail keeps it is not documented, so tagwarden does not rely on it)."""
    request: dict[str, Any] = {"LaunchTemplateData": _data(profile_name)}
    request["LaunchTemplateName" if by_name else "LaunchTemplateId"] = name if by_name else template_id
    if source_version is not None:
        request["SourceVersion"] = source_version
    answer: dict[str, Any] = {
        "launchTemplateId": template_id,
        "launchTemplateName": name,
        "versionNumber": version,
        "createTime": "2024-06-03T09:00:00.000Z",
        "createdBy": caller.principal_arn,
        "defaultVersion": False,
    }
    if response_data and profile_name is not None:
        answer["launchTemplateData"] = {
            "imageId": "ami-0abcdef1234567890",
            "iamInstanceProfile": {"name": profile_name},
        }
    return _ec2_record(
        caller,
        "CreateLaunchTemplateVersion",
        {"CreateLaunchTemplateVersionRequest": request},
        {
            "launchTemplateVersion": answer,
        },
        "b1b2c3d4-0000-1111-2222-example",
        time=time,
        event_id=event_id,
    )


def modify_launch_template(
    caller: Caller, template_id: str, name: str, default: int, latest: int, *, time: str, event_id: str
) -> dict[str, Any]:
    request = {
        "ModifyLaunchTemplateRequest": {"LaunchTemplateId": template_id, "SetDefaultVersion": str(default)}
    }
    return _ec2_record(
        caller,
        "ModifyLaunchTemplate",
        request,
        {
            "launchTemplate": _template(template_id, name, default, latest),
        },
        "c1b2c3d4-0000-1111-2222-example",
        time=time,
        event_id=event_id,
    )


def delete_launch_template(
    caller: Caller, template_id: str, name: str, *, time: str, event_id: str
) -> dict[str, Any]:
    request = {"DeleteLaunchTemplateRequest": {"LaunchTemplateId": template_id}}
    return _ec2_record(
        caller,
        "DeleteLaunchTemplate",
        request,
        {
            "launchTemplate": _template(template_id, name, 1, 1),
        },
        "d1b2c3d4-0000-1111-2222-example",
        time=time,
        event_id=event_id,
    )


def delete_launch_template_versions(
    caller: Caller, template_id: str, name: str, versions: list[int], *, time: str, event_id: str
) -> dict[str, Any]:
    listed = [{"tag": n, "content": str(v)} for n, v in enumerate(versions, start=1)]
    request = {
        "DeleteLaunchTemplateVersionsRequest": {
            "LaunchTemplateId": template_id,
            "LaunchTemplateVersion": listed[0] if len(listed) == 1 else listed,
        }
    }
    deleted = [
        {"launchTemplateId": template_id, "launchTemplateName": name, "versionNumber": v} for v in versions
    ]
    return _ec2_record(
        caller,
        "DeleteLaunchTemplateVersions",
        request,
        {
            "successfullyDeletedLaunchTemplateVersionSet": {
                "item": deleted[0] if len(deleted) == 1 else deleted
            },
            "unsuccessfullyDeletedLaunchTemplateVersionSet": {},
        },
        "e1b2c3d4-0000-1111-2222-example",
        time=time,
        event_id=event_id,
    )


def template_spec(
    template_id: str | None = None,
    name: str | None = None,
    version: str | None = None,
    *,
    upper: bool = False,
) -> dict[str, Any]:
    """A LaunchTemplateSpecification: Auto Scaling and RequestSpotFleet log lowerCamelCase members,
    CreateFleet (wrapped) the API's UpperCamelCase ones (``upper``)."""
    spec: dict[str, Any] = {}
    if template_id is not None:
        spec["LaunchTemplateId" if upper else "launchTemplateId"] = template_id
    if name is not None:
        spec["LaunchTemplateName" if upper else "launchTemplateName"] = name
    if version is not None:
        spec["Version" if upper else "version"] = version
    return spec


def _group_request(name: str, spec: dict[str, Any] | None, mixed: dict[str, Any] | None) -> dict[str, Any]:
    request: dict[str, Any] = {
        "autoScalingGroupName": name,
        "minSize": 1,
        "maxSize": 3,
        "desiredCapacity": 1,
        "vPCZoneIdentifier": "subnet-0123456789abcdef0",
    }
    if spec is not None:
        request["launchTemplate"] = spec
    if mixed is not None:
        request["mixedInstancesPolicy"] = mixed
    return request


def mixed_policy(spec: dict[str, Any], override: dict[str, Any] | None = None) -> dict[str, Any]:
    """A MixedInstancesPolicy on ``spec``; ``override`` a template for one instance type."""
    overrides: list[dict[str, Any]] = [{"instanceType": "t3.micro"}]
    if override is not None:
        overrides.append({"instanceType": "m5.large", "launchTemplateSpecification": override})
    return {
        "launchTemplate": {"launchTemplateSpecification": spec, "overrides": overrides},
        "instancesDistribution": {"onDemandPercentageAboveBaseCapacity": 0},
    }


def create_auto_scaling_group(
    caller: Caller,
    name: str,
    spec: dict[str, Any] | None = None,
    *,
    mixed: dict[str, Any] | None = None,
    time: str,
    event_id: str,
) -> dict[str, Any]:
    return record(
        caller,
        AUTOSCALING,
        "CreateAutoScalingGroup",
        _group_request(name, spec, mixed),
        time=time,
        event_id=event_id,
    )


def update_auto_scaling_group(
    caller: Caller,
    name: str,
    spec: dict[str, Any] | None = None,
    *,
    mixed: dict[str, Any] | None = None,
    time: str,
    event_id: str,
) -> dict[str, Any]:
    request = _group_request(name, spec, mixed)
    for sizing in ("minSize", "maxSize", "vPCZoneIdentifier"):
        request.pop(sizing)
    return record(caller, AUTOSCALING, "UpdateAutoScalingGroup", request, time=time, event_id=event_id)


def create_fleet(
    caller: Caller, fleet_id: str, specs: list[dict[str, Any]], *, time: str, event_id: str
) -> dict[str, Any]:
    """``specs``: UpperCamelCase LaunchTemplateSpecifications (``template_spec(..., upper=True)``)."""
    configs = [
        {"LaunchTemplateSpecification": spec, "Overrides": {"InstanceType": "t3.micro", "tag": 1}, "tag": n}
        for n, spec in enumerate(specs, start=1)
    ]
    request = {
        "CreateFleetRequest": {
            "LaunchTemplateConfigs": configs[0] if len(configs) == 1 else configs,
            "TargetCapacitySpecification": {"TotalTargetCapacity": 2, "DefaultTargetCapacityType": "spot"},
            "Type": "maintain",
        }
    }
    return _ec2_record(
        caller,
        "CreateFleet",
        request,
        {
            "fleetId": fleet_id,
            "errorSet": {},
            "fleetInstanceSet": {},
        },
        "f1b2c3d4-0000-1111-2222-example",
        time=time,
        event_id=event_id,
    )


def request_spot_fleet(
    caller: Caller, request_id: str, specs: list[dict[str, Any]], *, time: str, event_id: str
) -> dict[str, Any]:
    """``specs``: lowerCamelCase LaunchTemplateSpecifications; the fleet role is Spot's own."""
    request = {
        "spotFleetRequestConfig": {
            "iamFleetRole": f"arn:aws:iam::{ACCOUNT}:role/aws-ec2-spot-fleet-tagging-role",
            "allocationStrategy": "priceCapacityOptimized",
            "targetCapacity": 2,
            "type": "maintain",
            "launchTemplateConfigs": [
                {"launchTemplateSpecification": spec, "overrides": [{"instanceType": "t3.micro"}]}
                for spec in specs
            ],
        }
    }
    return record(
        caller,
        EC2,
        "RequestSpotFleet",
        request,
        response={"spotFleetRequestId": request_id},
        time=time,
        event_id=event_id,
    )


def _configs(specs: list[dict[str, Any]]) -> Any:
    configs = [{"LaunchTemplateSpecification": spec, "tag": n} for n, spec in enumerate(specs, start=1)]
    return configs[0] if len(configs) == 1 else configs


def modify_fleet(
    caller: Caller, fleet_id: str, specs: list[dict[str, Any]], *, time: str, event_id: str
) -> dict[str, Any]:
    """``specs``: UpperCamelCase LaunchTemplateSpecifications (``template_spec(..., upper=True)``)."""
    request = {"ModifyFleetRequest": {"FleetId": fleet_id, "LaunchTemplateConfig": _configs(specs)}}
    return _ec2_record(
        caller,
        "ModifyFleet",
        request,
        {"return": True},
        "f2b2c3d4-0000-1111-2222-example",
        time=time,
        event_id=event_id,
    )


def modify_spot_fleet_request(
    caller: Caller, request_id: str, specs: list[dict[str, Any]], *, time: str, event_id: str
) -> dict[str, Any]:
    """``specs``: lowerCamelCase LaunchTemplateSpecifications."""
    request = {"spotFleetRequestId": request_id, "LaunchTemplateConfig": _configs(specs)}
    return record(
        caller,
        EC2,
        "ModifySpotFleetRequest",
        request,
        response={"return": True},
        time=time,
        event_id=event_id,
    )


def start_instance_refresh(
    caller: Caller, name: str, spec: dict[str, Any], *, time: str, event_id: str
) -> dict[str, Any]:
    """``spec``: a lowerCamelCase LaunchTemplateSpecification the group's instances move to."""
    request = {
        "autoScalingGroupName": name,
        "strategy": "Rolling",
        "desiredConfiguration": {"launchTemplate": spec},
        "preferences": {"minHealthyPercentage": 90},
    }
    response = {"instanceRefreshId": "08b91cf7-8fa6-48af-b6a6-d227f40f1b9b"}
    return record(
        caller, AUTOSCALING, "StartInstanceRefresh", request, response=response, time=time, event_id=event_id
    )
