"""Tag members that do not tag what the call makes: tags of another resource, and tags that only
select resources. Records written from the operations' API references (cited per test)."""

from __future__ import annotations

from typing import Any

from tagwarden.core.normalize import Normalizer

ACCOUNT = "111122223333"
NORMALIZER = Normalizer()
SOURCE = "arn:aws:lookoutequipment:us-east-1:444455556666:model/pump/0a1b2c3d"


def record(source: str, name: str, request: dict[str, Any], response: dict[str, Any]) -> dict[str, Any]:
    return {
        "eventVersion": "1.08",
        "userIdentity": {"type": "IAMUser", "arn": f"arn:aws:iam::{ACCOUNT}:user/dev", "accountId": ACCOUNT},
        "eventTime": "2026-11-30T10:00:00Z",
        "eventSource": source,
        "eventName": name,
        "awsRegion": "eu-west-1",
        "recipientAccountId": ACCOUNT,
        "eventID": f"{name}-1",
        "requestParameters": request,
        "responseElements": response,
    }


def written(made: dict[str, Any]) -> list[tuple[str, str, dict[str, str]]]:
    """(target kind, target, tags set) of each change the record makes."""
    return [(c.target_kind, c.target, dict(c.set)) for c in NORMALIZER.normalize(made).changes]


def test_a_change_sets_tags_are_the_stacks() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/cloudformation-2010-05-15/CreateChangeSet: Tags are
    # "key-value pairs to associate with this stack"; the response gives Id (the change set's
    # ARN) and StackId.
    stack = f"arn:aws:cloudformation:eu-west-1:{ACCOUNT}:stack/web/1a2b3c4d-0000-1111-2222-333344445555"
    made = record(
        "cloudformation.amazonaws.com",
        "CreateChangeSet",
        {"stackName": "web", "changeSetName": "add-cache", "tags": [{"key": "team", "value": "alpha"}]},
        {"id": f"arn:aws:cloudformation:eu-west-1:{ACCOUNT}:changeSet/add-cache/9f8e7d6c", "stackId": stack},
    )

    assert written(made) == [("resource", stack, {"team": "alpha"})]


def test_an_imported_model_versions_tags_are_the_models() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/lookoutequipment-2020-12-15/ImportModelVersion: Tags
    # are "the tags associated with the machine learning model to be created"; the response gives
    # ModelArn and ModelVersionArn.
    model = f"arn:aws:lookoutequipment:eu-west-1:{ACCOUNT}:model/pump/5c1e2d3f-aaaa-bbbb-cccc-ddddeeeeffff"
    made = record(
        "lookoutequipment.amazonaws.com",
        "ImportModelVersion",
        {
            "SourceModelVersionArn": f"{SOURCE}/model-version/1",
            "ModelName": "pump",
            "DatasetName": "pumps",
            "ClientToken": "t-1",
            "Tags": [{"Key": "team", "Value": "alpha"}],
        },
        {
            "ModelName": "pump",
            "ModelArn": model,
            "ModelVersionArn": f"{model}/model-version/1",
            "ModelVersion": 1,
            "Status": "IN_PROGRESS",
        },
    )

    assert written(made) == [("resource", model, {"team": "alpha"})]


def test_tags_that_select_instances_write_no_tag() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/inspector-2016-02-16/CreateResourceGroup: "Creates
    # a resource group using the specified set of tags (key and value pairs) that are used to
    # select the EC2 instances to be included in an Amazon Inspector assessment target."
    made = record(
        "inspector.amazonaws.com",
        "CreateResourceGroup",
        {"resourceGroupTags": [{"key": "team", "value": "alpha"}]},
        {"resourceGroupArn": f"arn:aws:inspector:eu-west-1:{ACCOUNT}:resourcegroup/0-AB6DMKnv"},
    )

    assert NORMALIZER.normalize(made).changes == ()


def test_a_serverless_application_change_sets_tags_are_the_stacks() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/serverlessrepo-2017-09-08/CreateCloudFormationChangeSet:
    # Tags "correspond to the parameter of the same name for the AWS CloudFormation
    # CreateChangeSet API"; the response gives ChangeSetId and StackId.
    stack = f"arn:aws:cloudformation:eu-west-1:{ACCOUNT}:stack/serverlessrepo-hello/0f1e2d3c"
    made = record(
        "serverlessrepo.amazonaws.com",
        "CreateCloudFormationChangeSet",
        {
            "applicationId": f"arn:aws:serverlessrepo:eu-west-1:{ACCOUNT}:applications/hello",
            "stackName": "serverlessrepo-hello",
            "tags": [{"key": "team", "value": "alpha"}],
        },
        {"changeSetId": f"arn:aws:cloudformation:eu-west-1:{ACCOUNT}:changeSet/c1/9a8b", "stackId": stack},
    )

    assert written(made) == [("resource", stack, {"team": "alpha"})]


def test_a_member_logged_under_its_uri_name_is_read() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/schemas-2019-12-02/UntagResource: the URI is
    # /tags/{resource-arn}, the member ResourceArn.
    registry = f"arn:aws:schemas:eu-west-1:{ACCOUNT}:registry/orders"
    made = record(
        "schemas.amazonaws.com", "UntagResource", {"resource-arn": registry, "tagKeys": ["team"]}, {}
    )

    changes = NORMALIZER.normalize(made).changes

    assert [(c.target, c.removed) for c in changes] == [(registry, ("team",))]


def test_a_customization_jobs_model_tags_are_the_models_unresolved() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/bedrock-2023-04-20/CreateModelCustomizationJob:
    # jobTags are the job's; customModelTags are "tags to attach to the resulting custom model",
    # whose ARN ends in an id the response does not give (it gives jobArn only).
    job = f"arn:aws:bedrock:eu-west-1:{ACCOUNT}:model-customization-job/amazon.titan-text/a1b2c3d4e5f6"
    made = record(
        "bedrock.amazonaws.com",
        "CreateModelCustomizationJob",
        {
            "jobName": "tune-1",
            "customModelName": "titan-support",
            "jobTags": [{"key": "team", "value": "alpha"}],
            "customModelTags": [{"key": "team", "value": "beta"}],
        },
        {"jobArn": job},
    )

    assert written(made) == [
        ("resource", job, {"team": "alpha"}),
        ("unresolved", "bedrock:custom-model/titan-support", {"team": "beta"}),
    ]
