"""The shape handlers, through Normalizer(): generic, tag specifications, per-tag targets, STS."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tagwarden.core.normalize import Normalized, Normalizer
from tests.builders.records import record

NORMALIZER = Normalizer()


def _one(result: Normalized) -> dict[str, Any]:
    assert result.unreadable is None
    assert len(result.changes) == 1
    return result.changes[0].to_dict()


def test_a_record_that_is_no_tag_write_has_no_spec() -> None:
    result = NORMALIZER.normalize(record("s3.amazonaws.com", "GetObject", {"bucketName": "b"}))

    assert result == Normalized()


def test_route53_adds_and_removes_in_one_call() -> None:
    params = {
        "resourceType": "hostedzone",
        "resourceId": "Z123",
        "addTags": [{"key": "team", "value": "alpha"}],
        "removeTagKeys": ["owner"],
    }

    change = _one(NORMALIZER.normalize(record("route53.amazonaws.com", "ChangeTagsForResource", params)))

    assert change["set"] == {"team": "alpha"}
    assert change["removed"] == ["owner"]
    assert "Z123" in change["target"]


def test_autoscaling_tags_name_their_own_groups() -> None:
    tags = [
        {"resourceId": "web", "resourceType": "auto-scaling-group", "key": "team", "value": "a"},
        {"resourceId": "db", "resourceType": "auto-scaling-group", "key": "team", "value": "b"},
        {"resourceId": "web", "resourceType": "auto-scaling-group", "key": "env", "value": "prod"},
    ]

    result = NORMALIZER.normalize(record("autoscaling.amazonaws.com", "CreateOrUpdateTags", {"tags": tags}))

    assert [(c.target, c.set) for c in result.changes] == [
        ("autoscaling:autoScalingGroup/web", {"team": "a", "env": "prod"}),
        ("autoscaling:autoScalingGroup/db", {"team": "b"}),
    ]


def test_autoscaling_delete_removes_keys_per_group() -> None:
    tags = [{"resourceId": "web", "resourceType": "auto-scaling-group", "key": "team"}]

    change = _one(NORMALIZER.normalize(record("autoscaling.amazonaws.com", "DeleteTags", {"tags": tags})))

    assert change["removed"] == ["team"]
    assert change["set"] == {}


def test_ec2_delete_tags_keeps_the_values_a_key_is_removed_only_if_it_holds() -> None:
    items = [{"key": "team", "value": "alpha"}, {"key": "env", "value": ""}, {"key": "owner"}]
    params = {"resourcesSet": {"items": [{"resourceId": "vol-0a1b"}]}, "tagSet": {"items": items}}

    change = _one(NORMALIZER.normalize(record("ec2.amazonaws.com", "DeleteTags", params)))

    assert change["removed"] == ["team", "env", "owner"]
    assert change["removed_if"] == {"team": "alpha", "env": ""}


def test_create_time_tags_are_marked_at_creation_on_the_created_resource() -> None:
    response = {"fileSystemArn": "arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-9"}
    params = {"creationToken": "t", "tags": [{"key": "team", "value": "alpha"}]}

    change = _one(
        NORMALIZER.normalize(record("elasticfilesystem.amazonaws.com", "CreateFileSystem", params, response))
    )

    assert change["at_creation"] is True
    assert change["target"] == response["fileSystemArn"]


def test_a_create_call_without_tags_is_no_change() -> None:
    result = NORMALIZER.normalize(
        record("elasticfilesystem.amazonaws.com", "CreateFileSystem", {"creationToken": "t"})
    )

    assert result.changes == ()
    assert result.unreadable is None
    assert result.spec is not None


def test_update_calls_that_carry_tags_are_tag_writes() -> None:
    params = {"stackName": "app", "tags": [{"key": "team", "value": "beta"}]}

    change = _one(NORMALIZER.normalize(record("cloudformation.amazonaws.com", "UpdateStack", params)))

    assert change["set"] == {"team": "beta"}
    assert change["at_creation"] is False
    assert "app" in change["target"]


def test_non_ec2_tag_specifications_tag_resources_of_unknown_id() -> None:
    params = {
        "dBInstanceIdentifier": "db1",
        "tagSpecifications": [{"resourceType": "auto-backup", "tags": [{"key": "k", "value": "v"}]}],
    }

    change = _one(NORMALIZER.normalize(record("rds.amazonaws.com", "ModifyDBInstance", params)))

    assert change["target"] == "rds:auto-backup/?"
    assert change["set"] == {"k": "v"}


def test_batch_compute_resource_tags_go_to_instances_launched_later() -> None:
    params = {
        "computeEnvironmentName": "ce",
        "tags": {"team": "alpha"},
        "computeResources": {"tags": {"Name": "worker"}},
    }
    response = {"computeEnvironmentArn": "arn:aws:batch:eu-west-1:111122223333:compute-environment/ce"}

    result = NORMALIZER.normalize(record("batch.amazonaws.com", "CreateComputeEnvironment", params, response))

    assert [(c.target, c.set) for c in result.changes] == [
        (response["computeEnvironmentArn"], {"team": "alpha"}),
        ("ec2:instance/?", {"Name": "worker"}),
    ]


def test_a_known_tag_call_that_cannot_be_read_says_why() -> None:
    no_tags = NORMALIZER.normalize(
        record("sns.amazonaws.com", "TagResource", {"resourceArn": "arn:aws:sns:r:1:t"})
    )
    no_target = NORMALIZER.normalize(
        record("sns.amazonaws.com", "TagResource", {"tags": [{"key": "k", "value": "v"}]})
    )
    bad_shape = NORMALIZER.normalize(
        record("sns.amazonaws.com", "TagResource", {"resourceArn": "a", "tags": 7})
    )
    null = NORMALIZER.normalize(record("sns.amazonaws.com", "TagResource", None))

    assert no_tags.unreadable == "requestParameters has no tags member"
    assert no_target.unreadable is not None and no_target.unreadable.startswith("no target found")
    assert bad_shape.unreadable is not None and "int" in bad_shape.unreadable
    assert null.unreadable == "requestParameters is null"


def test_a_failed_attempt_keeps_its_error_code() -> None:
    params = {"resourceArn": "arn:aws:sns:eu-west-1:1:t", "tags": [{"key": "team", "value": "x"}]}

    change = _one(
        NORMALIZER.normalize(record("sns.amazonaws.com", "TagResource", params, error="AccessDenied"))
    )

    assert change["outcome"] == "AccessDenied"


def test_unknown_services_fall_back_to_the_generic_tag_calls() -> None:
    params = {"resourceArn": "arn:aws:new:eu-west-1:1:thing/x", "tags": {"team": "alpha"}}

    change = _one(NORMALIZER.normalize(record("brand-new.amazonaws.com", "TagResource", params)))

    assert change["set"] == {"team": "alpha"}


def test_sts_session_tags_and_the_session_grant() -> None:
    params = {
        "roleArn": "arn:aws:iam::111122223333:role/R",
        "roleSessionName": "s",
        "tags": [{"key": "team", "value": "alpha"}],
        "transitiveTagKeys": ["team"],
    }
    response = {"credentials": {"accessKeyId": "ASIAX"}}

    result = NORMALIZER.normalize(record("sts.amazonaws.com", "AssumeRole", params, response))

    assert result.session is not None
    assert result.session.access_key_id == "ASIAX"
    assert result.session.transitive_keys == ("team",)
    assert _one(result)["target"] == "arn:aws:sts::111122223333:assumed-role/R/s"


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=15,
)
_CALLS = st.sampled_from(
    [
        ("ec2.amazonaws.com", "CreateTags"),
        ("ec2.amazonaws.com", "RunInstances"),
        ("s3.amazonaws.com", "PutBucketTagging"),
        ("autoscaling.amazonaws.com", "CreateOrUpdateTags"),
        ("sts.amazonaws.com", "AssumeRole"),
        ("route53.amazonaws.com", "ChangeTagsForResource"),
        ("batch.amazonaws.com", "CreateComputeEnvironment"),
        ("x.amazonaws.com", "TagResource"),
    ]
)


@settings(max_examples=300)
@given(_CALLS, _JSON, _JSON, st.dictionaries(st.text(max_size=12), _JSON, max_size=4))
def test_normalize_never_raises(
    call: tuple[str, str], params: Any, response: Any, extra: dict[str, Any]
) -> None:
    made = {**extra, **record(call[0], call[1], params, response)}

    result = NORMALIZER.normalize(made)

    assert result.spec is not None
    assert result.unreadable is None or isinstance(result.unreadable, str)


def test_tagging_api_targets_in_failed_resources_map_are_failed_attempts_not_changes() -> None:
    # Shape: Resource Groups Tagging API reference, TagResources (FailedResourcesMap, FailureInfo).
    ok = "arn:aws:s3:::bucket-ok"
    denied = "arn:aws:s3:::bucket-denied"
    params = {"resourceARNList": [ok, denied], "tags": {"team": "alpha"}}
    response = {
        "failedResourcesMap": {
            denied: {"statusCode": 403, "errorCode": "InvalidParameterException", "errorMessage": "x"}
        }
    }

    result = NORMALIZER.normalize(record("tagging.amazonaws.com", "TagResources", params, response))

    outcomes = {change.target: change.outcome for change in result.changes}
    assert outcomes == {ok: "success", denied: "InvalidParameterException"}


def test_tags_in_each_element_of_a_batch_create_go_to_one_unresolved_target_each() -> None:
    # WorkSpaces API reference, CreateWorkspaces: Workspaces[].Tags, one request per workspace.
    params = {
        "workspaces": [
            {
                "directoryId": "d-926722edaf",
                "userName": "Mary",
                "bundleId": "wsb-0zsvgp8fc",
                "tags": [{"key": "team", "value": "alpha"}],
            },
            {
                "directoryId": "d-926722edaf",
                "userName": "Bob",
                "bundleId": "wsb-0zsvgp8fc",
                "tags": [{"key": "team", "value": "beta"}],
            },
        ]
    }
    response = {"pendingRequests": [{"workspaceId": "ws-c8wvb67p0"}, {"workspaceId": "ws-c8wvb67p1"}]}

    result = NORMALIZER.normalize(record("workspaces.amazonaws.com", "CreateWorkspaces", params, response))

    assert result.unreadable is None
    assert [(c.target_kind, c.set) for c in result.changes] == [
        ("unresolved", {"team": "alpha"}),
        ("unresolved", {"team": "beta"}),
    ]
    assert not any(c.target.startswith("arn:") for c in result.changes)
