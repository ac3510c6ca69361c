"""Targets found by a TargetRule and made ARNs where the service's format allows."""

from __future__ import annotations

from tagwarden.core.arn import ec2_arn
from tagwarden.core.model import Actor
from tagwarden.core.normalize.operations import TargetRule
from tagwarden.core.normalize.record_fields import RecordContext
from tagwarden.core.normalize.targets import find_targets, to_arn

CTX = RecordContext(
    event_id="e",
    event_time="t",
    event_source="elasticfilesystem.amazonaws.com",
    event_name="CreateTags",
    account="111122223333",
    region="us-west-2",
    partition="aws",
    actor=Actor("arn:aws:iam::111122223333:user/a"),
    outcome="success",
)
EFS = TargetRule(
    members=("fileSystemId",),
    arn_template="arn:{partition}:elasticfilesystem:{region}:{account}:file-system/{id}",
    resource_type="file-system",
)


def test_an_arn_is_kept_as_given() -> None:
    arn = "arn:aws:elasticfilesystem:eu-west-1:444455556666:file-system/fs-1"

    assert to_arn(arn, EFS, {}, CTX) == arn


def test_an_id_becomes_an_arn_with_the_records_account_and_region() -> None:
    assert to_arn("fs-00112233", EFS, {}, CTX) == (
        "arn:aws:elasticfilesystem:us-west-2:111122223333:file-system/fs-00112233"
    )


def test_template_members_are_matched_whatever_their_casing() -> None:
    rule = TargetRule(arn_template="arn:{partition}:s3:::{bucketname}/{id}")

    assert to_arn("a/b.txt", rule, {"BucketName": "bkt"}, CTX) == "arn:aws:s3:::bkt/a/b.txt"


def test_an_id_without_a_format_is_kept_with_its_type() -> None:
    assert to_arn("x-1", TargetRule(resource_type="widget"), {}, CTX) == "elasticfilesystem:widget/x-1"


def test_the_type_can_come_from_the_request() -> None:
    rule = TargetRule(members=("resourceId",), type_member="resourceType")

    assert find_targets(rule, {"resourceId": "doc-1", "resourceType": "Document"}, None, CTX) == [
        "elasticfilesystem:Document/doc-1"
    ]


def test_a_template_missing_a_member_falls_back_to_the_id_with_its_type() -> None:
    rule = TargetRule(arn_template="arn:{partition}:x:::{other}/{id}", resource_type="thing")

    assert to_arn("a", rule, {}, CTX) == "elasticfilesystem:thing/a"


def test_sqs_queue_urls_become_queue_arns() -> None:
    rule = TargetRule(members=("queueUrl",), id_kind="sqs_url")
    url = "https://sqs.us-east-1.amazonaws.com/444455556666/orders"

    assert find_targets(rule, {"queueUrl": url}, None, CTX) == ["arn:aws:sqs:us-east-1:444455556666:orders"]


def test_ec2_ids_carry_their_type_and_shared_types_have_no_account() -> None:
    assert ec2_arn("vol-0a", "us-west-2", "1") == "arn:aws:ec2:us-west-2:1:volume/vol-0a"
    assert ec2_arn("snap-0a", "us-west-2", "1") == "arn:aws:ec2:us-west-2::snapshot/snap-0a"
    assert ec2_arn("tgw-attach-0a", "us-west-2", "1").endswith(":transit-gateway-attachment/tgw-attach-0a")
    assert ec2_arn("weird-1", "us-west-2", "1") == "ec2:weird-1"


def test_the_response_wins_over_the_request_and_lists_give_one_target_each() -> None:
    rule = TargetRule(members=("names",), response_members=("created.arn",), arn_template="arn:x:{id}:y:z:w")
    created = {"created": {"arn": "arn:aws:svc:r:1:thing/new"}}

    assert find_targets(rule, {"names": ["a"]}, created, CTX) == ["arn:aws:svc:r:1:thing/new"]
    assert find_targets(rule, {"names": ["a", "b", "a"]}, None, CTX) == ["arn:x:a:y:z:w", "arn:x:b:y:z:w"]
