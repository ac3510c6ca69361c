"""Targets the catalog named unresolved although the record determines their ARN (the audit of
the operations of event sources a… to l…): each record is written from the operation's API
reference (cited) and its ARN from the Service Authorization Reference's format or the
service's own documentation of it."""

from __future__ import annotations

from typing import Any

import pytest

from tagwarden.core.normalize import Normalizer
from tests.core.normalize.corpus_builders import ACCOUNT, record
from tests.core.normalize.test_catalog_rules import entry

NORMALIZER = Normalizer()


def _targets(made: dict[str, Any]) -> list[tuple[str, str]]:
    return [(change.target_kind, change.target) for change in NORMALIZER.normalize(made).changes]


_RESERVED_NODE = f"arn:aws:elasticache:us-east-1:{ACCOUNT}:reserved-instance:ri-2024-06-01-12-00-00-000"
_ASSOCIATION = f"arn:aws:fsx:us-east-1:{ACCOUNT}:association/fs-0123456789abcdef0/dra-0123456789abcdef0"

_INSTANCE_USER = (
    f"arn:aws:license-manager-user-subscriptions:us-east-1:{ACCOUNT}:instance-user/"
    "a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4"
)

# Each: (API reference page, record, the target's ARN).
_DETERMINED = [
    pytest.param(
        "https://docs.aws.amazon.com/goto/WebAPI/iam-2010-05-08/CreateVirtualMFADevice",
        record(
            "iam",
            "CreateVirtualMFADevice",
            {"virtualMFADeviceName": "alice-phone", "path": "/ops/", "tags": [{"key": "team", "value": "a"}]},
            {"virtualMFADevice": {"serialNumber": f"arn:aws:iam::{ACCOUNT}:mfa/ops/alice-phone"}},
        ),
        f"arn:aws:iam::{ACCOUNT}:mfa/ops/alice-phone",
        id="iam CreateVirtualMFADevice: the serial number is the ARN, path included",
    ),
    pytest.param(
        "https://docs.aws.amazon.com/goto/WebAPI/glue-2017-03-31/CreateCustomEntityType",
        record(
            "glue",
            "CreateCustomEntityType",
            {"name": "employee-id", "regexString": "EMP-[0-9]{6}", "tags": {"team": "a"}},
            {"name": "employee-id"},
            region="eu-west-1",
        ),
        f"arn:aws:glue:eu-west-1:{ACCOUNT}:customEntityType/employee-id",
        id="glue CreateCustomEntityType: a custom entity type has a name and no id",
    ),
    pytest.param(
        "https://docs.aws.amazon.com/goto/WebAPI/apigateway-2015-07-09/CreateStage",
        record(
            "apigateway",
            "CreateStage",
            {"restApiId": "abc1234", "stageName": "test", "deploymentId": "efg456", "tags": {"team": "a"}},
            {"stageName": "test", "deploymentId": "efg456"},
        ),
        "arn:aws:apigateway:us-east-1::/restapis/abc1234/stages/test",
        id="apigateway CreateStage: a REST API's stage",
    ),
    pytest.param(
        "https://docs.aws.amazon.com/goto/WebAPI/apigatewayv2-2018-11-29/CreateStage",
        record(
            "apigateway",
            "CreateStage",
            {"apiId": "a1b2c3d4", "stageName": "prod", "tags": {"team": "a"}},
            {"stageName": "prod"},
        ),
        "arn:aws:apigateway:us-east-1::/apis/a1b2c3d4/stages/prod",
        id="apigateway CreateStage: an HTTP API's stage",
    ),
    pytest.param(
        "https://docs.aws.amazon.com/goto/WebAPI/lex-models-2017-04-19/PutBot",
        record(
            "lex",
            "PutBot",
            {
                "name": "OrderFlowers",
                "locale": "en-US",
                "childDirected": False,
                "tags": [{"key": "team", "value": "a"}],
            },
            {"name": "OrderFlowers", "version": "$LATEST"},
            region="us-east-2",
        ),
        f"arn:aws:lex:us-east-2:{ACCOUNT}:bot:OrderFlowers",
        id="lex PutBot: a Lex V1 bot, named by its name",
    ),
    pytest.param(
        "https://docs.aws.amazon.com/goto/WebAPI/lex-models-2017-04-19/PutBotAlias",
        record(
            "lex",
            "PutBotAlias",
            {
                "name": "OrderFlowersProd",
                "botName": "OrderFlowers",
                "botVersion": "1",
                "tags": [{"key": "team", "value": "a"}],
            },
            {"name": "OrderFlowersProd", "botName": "OrderFlowers", "botVersion": "1"},
            region="us-east-2",
        ),
        f"arn:aws:lex:us-east-2:{ACCOUNT}:bot:OrderFlowers:OrderFlowersProd",
        id="lex PutBotAlias: a Lex V1 alias, by its bot's name and its own",
    ),
    pytest.param(
        "https://docs.aws.amazon.com/goto/WebAPI/imagebuilder-2019-12-02/StartImagePipelineExecution",
        record(
            "imagebuilder",
            "StartImagePipelineExecution",
            {
                "imagePipelineArn": f"arn:aws:imagebuilder:us-west-2:{ACCOUNT}:image-pipeline/nightly",
                "clientToken": "c0ffee",
                "tags": {"team": "a"},
            },
            {
                "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
                "clientToken": "c0ffee",
                "imageBuildVersionArn": f"arn:aws:imagebuilder:us-west-2:{ACCOUNT}:image/nightly/1.0.0/3",
            },
            region="us-west-2",
        ),
        f"arn:aws:imagebuilder:us-west-2:{ACCOUNT}:image/nightly/1.0.0/3",
        id="imagebuilder StartImagePipelineExecution: the image made, not the request's id",
    ),
    pytest.param(
        "https://docs.aws.amazon.com/goto/WebAPI/connect-2017-08-08/StartAttachedFileUpload",
        record(
            "connect",
            "StartAttachedFileUpload",
            {
                "instanceId": "inst-1",
                "fileName": "case.pdf",
                "fileSizeInBytes": 1024,
                "fileUseCaseType": "ATTACHMENT",
                "associatedResourceArn": f"arn:aws:connect:us-east-1:{ACCOUNT}:instance/inst-1/case/c-1",
                "tags": {"team": "a"},
            },
            {"fileArn": f"arn:aws:connect:us-east-1:{ACCOUNT}:instance/inst-1/file/f-1", "fileId": "f-1"},
        ),
        f"arn:aws:connect:us-east-1:{ACCOUNT}:instance/inst-1/file/f-1",
        id="connect StartAttachedFileUpload: an ARN and an id of one stem name one file",
    ),
    pytest.param(
        "https://docs.aws.amazon.com/goto/WebAPI/finspace-2021-03-12/CreateKxCluster",
        record(
            "finspace",
            "CreateKxCluster",
            {"environmentId": "env1", "clusterName": "hdb-1", "clusterType": "HDB", "tags": {"team": "a"}},
            {"environmentId": "env1", "clusterName": "hdb-1", "status": "PENDING"},
        ),
        f"arn:aws:finspace:us-east-1:{ACCOUNT}:kxEnvironment/env1/kxCluster/hdb-1",
        id="finspace CreateKxCluster: a kdb cluster is named by its name",
    ),
    pytest.param(
        "https://docs.aws.amazon.com/goto/WebAPI/finspace-2021-03-12/CreateKxDataview",
        record(
            "finspace",
            "CreateKxDataview",
            {"environmentId": "env1", "databaseName": "db1", "dataviewName": "dv1", "tags": {"team": "a"}},
            {"environmentId": "env1", "databaseName": "db1", "dataviewName": "dv1"},
        ),
        f"arn:aws:finspace:us-east-1:{ACCOUNT}:kxEnvironment/env1/kxDatabase/db1/kxDataview/dv1",
        id="finspace CreateKxDataview: in its database, by its name",
    ),
    pytest.param(
        "https://docs.aws.amazon.com/goto/WebAPI/databrew-2017-07-25/CreateProfileJob",
        record(
            "databrew",
            "CreateProfileJob",
            {
                "name": "profile-sales",
                "datasetName": "sales",
                "roleArn": "arn:aws:iam::1:role/x",
                "tags": {"team": "a"},
            },
            {"name": "profile-sales"},
        ),
        f"arn:aws:databrew:us-east-1:{ACCOUNT}:job/profile-sales",
        id="databrew CreateProfileJob: a profile job is a job",
    ),
    pytest.param(
        "https://docs.aws.amazon.com/goto/WebAPI/elasticache-2015-02-02/PurchaseReservedCacheNodesOffering",
        record(
            "elasticache",
            "PurchaseReservedCacheNodesOffering",
            {
                "reservedCacheNodesOfferingId": "438012d3-4052-4cc7-b2e3-8d3372e0e706",
                "tags": [{"key": "team", "value": "a"}],
            },
            {
                "reservedCacheNode": {
                    "reservedCacheNodeId": "ri-2024-06-01-12-00-00-000",
                    "reservationARN": _RESERVED_NODE,
                }
            },
        ),
        _RESERVED_NODE,
        id="elasticache PurchaseReservedCacheNodesOffering: the reserved node made",
    ),
    pytest.param(
        "https://docs.aws.amazon.com/goto/WebAPI/fsx-2018-03-01/CreateDataRepositoryAssociation",
        record(
            "fsx",
            "CreateDataRepositoryAssociation",
            {
                "fileSystemId": "fs-0123456789abcdef0",
                "fileSystemPath": "/ns1",
                "dataRepositoryPath": "s3://b/p",
                "tags": [{"key": "team", "value": "a"}],
            },
            {
                "association": {
                    "associationId": "dra-0123456789abcdef0",
                    "fileSystemId": "fs-0123456789abcdef0",
                    "resourceARN": _ASSOCIATION,
                }
            },
        ),
        _ASSOCIATION,
        id="fsx CreateDataRepositoryAssociation: the association's ResourceARN",
    ),
    pytest.param(
        "https://docs.aws.amazon.com/goto/WebAPI/license-manager-user-subscriptions-2018-05-10/AssociateUser",
        record(
            "license-manager-user-subscriptions",
            "AssociateUser",
            {
                "username": "alice",
                "instanceId": "i-0123456789abcdef0",
                "identityProvider": {"activeDirectoryIdentityProvider": {"directoryId": "d-1234567890"}},
                "tags": {"team": "a"},
            },
            {
                "instanceUserSummary": {
                    "username": "alice",
                    "instanceId": "i-0123456789abcdef0",
                    "status": "ASSOCIATING",
                    "instanceUserArn": _INSTANCE_USER,
                }
            },
        ),
        _INSTANCE_USER,
        id="license-manager-user-subscriptions AssociateUser: the one ARN of the one structure",
    ),
    pytest.param(
        "https://docs.aws.amazon.com/goto/WebAPI/bedrock-2023-04-20/CreateAutomatedReasoningPolicyVersion",
        record(
            "bedrock",
            "CreateAutomatedReasoningPolicyVersion",
            {
                "policyArn": f"arn:aws:bedrock:us-east-1:{ACCOUNT}:automated-reasoning-policy/k2r8pmmgw1nl",
                "lastUpdatedDefinitionHash": "a1b2c3",
                "tags": [{"key": "team", "value": "a"}],
            },
            {
                "policyArn": f"arn:aws:bedrock:us-east-1:{ACCOUNT}:automated-reasoning-policy/k2r8pmmgw1nl:2",
                "version": "2",
                "name": "refunds",
            },
        ),
        f"arn:aws:bedrock:us-east-1:{ACCOUNT}:automated-reasoning-policy/k2r8pmmgw1nl:2",
        id="bedrock CreateAutomatedReasoningPolicyVersion: the versioned ARN the response gives",
    ),
    pytest.param(
        "https://docs.aws.amazon.com/goto/WebAPI/codepipeline-2015-07-09/CreateCustomActionType",
        record(
            "codepipeline",
            "CreateCustomActionType",
            {
                "category": "Test",
                "provider": "TestProvider",
                "version": "1",
                "inputArtifactDetails": {"minimumCount": 0, "maximumCount": 1},
                "outputArtifactDetails": {"minimumCount": 0, "maximumCount": 1},
                "tags": [{"key": "team", "value": "a"}],
            },
            {
                "actionType": {
                    "id": {"category": "Test", "owner": "Custom", "provider": "TestProvider", "version": "1"}
                }
            },
            region="us-west-2",
        ),
        f"arn:aws:codepipeline:us-west-2:{ACCOUNT}:actiontype:Custom/Test/TestProvider/1",
        id="codepipeline CreateCustomActionType: owner Custom, category, provider, version",
    ),
]


@pytest.mark.parametrize(("page", "made", "arn"), _DETERMINED)
def test_a_record_that_determines_the_arn_names_it(page: str, made: dict[str, Any], arn: str) -> None:
    assert page.startswith("https://docs.aws.amazon.com/")
    assert _targets(made) == [("resource", arn)]


def test_a_stage_of_one_api_is_never_named_with_the_other_apis_format() -> None:
    # A REST API's stage record has no apiId, an HTTP API's no restApiId: a record with neither
    # determines no ARN.
    made = record("apigateway", "CreateStage", {"stageName": "test", "tags": {"team": "a"}})

    assert [kind for kind, _ in _targets(made)] == ["unresolved"]


def test_a_member_documented_as_the_arn_of_one_of_several_types_is_an_arn() -> None:
    # "Specifies the ARN of the trail, event data store, dashboard, or channel" (CloudTrail
    # AddTags); "The Amazon Resource Name (ARN) of the resource ..., for example ...:cluster:myCluster
    # or ...:snapshot:mySnapshot" (ElastiCache AddTagsToResource): no other kind of value.
    assert entry("cloudtrail", "AddTags")["kind"] == "arn"
    assert entry("cloudtrail", "RemoveTags")["kind"] == "arn"
    assert entry("elasticache", "AddTagsToResource")["kind"] == "arn"


def _vehicle(name: str, team: str) -> dict[str, Any]:
    return {
        "vehicleName": name,
        "modelManifestArn": f"arn:aws:iotfleetwise:us-east-1:{ACCOUNT}:model-manifest/m1",
        "decoderManifestArn": f"arn:aws:iotfleetwise:us-east-1:{ACCOUNT}:decoder-manifest/d1",
        "tags": [{"Key": "team", "Value": team}],
    }


def test_each_element_of_a_batch_create_gets_the_arn_the_response_gives_for_its_name() -> None:
    # IoT FleetWise BatchCreateVehicle (API reference: the response's vehicles[] give vehicleName,
    # arn and thingArn; a vehicle that failed is in errors[] only). The thing's ARN is IoT's, not
    # FleetWise's, and is not taken.
    made = record(
        "iotfleetwise",
        "BatchCreateVehicle",
        {"vehicles": [_vehicle("car-1", "a"), _vehicle("car-2", "b")]},
        {
            "vehicles": [
                {
                    "vehicleName": "car-1",
                    "arn": f"arn:aws:iotfleetwise:us-east-1:{ACCOUNT}:vehicle/car-1",
                    "thingArn": f"arn:aws:iot:us-east-1:{ACCOUNT}:thing/car-1",
                }
            ],
            "errors": [{"vehicleName": "car-2", "code": "409", "message": "exists"}],
        },
    )
    changes = NORMALIZER.normalize(made).changes

    assert [(c.target_kind, c.target, dict(c.set)) for c in changes] == [
        ("resource", f"arn:aws:iotfleetwise:us-east-1:{ACCOUNT}:vehicle/car-1", {"team": "a"}),
        ("unresolved", changes[1].target, {"team": "b"}),
    ]


def test_elements_that_share_a_name_are_not_told_apart() -> None:
    # Two elements with one value in every name or id member: no member says which is which.
    made = record(
        "iotfleetwise",
        "BatchCreateVehicle",
        {"vehicles": [_vehicle("car-1", "a"), _vehicle("car-1", "b")]},
        {
            "vehicles": [
                {"vehicleName": "car-1", "arn": f"arn:aws:iotfleetwise:us-east-1:{ACCOUNT}:vehicle/car-1"}
            ]
        },
    )

    assert [c.target_kind for c in NORMALIZER.normalize(made).changes] == ["unresolved", "unresolved"]
