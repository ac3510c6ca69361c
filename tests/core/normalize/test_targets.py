"""Targets found by a TargetRule and made ARNs where the service's format allows."""

from __future__ import annotations

from dataclasses import replace

from tagwarden.core.arn import _EC2_PREFIXES, ec2_arn
from tagwarden.core.model import Actor
from tagwarden.core.normalize.operations import TargetRule
from tagwarden.core.normalize.record_fields import RecordContext
from tagwarden.core.normalize.targets import Target, find_targets, to_arn

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


def test_an_id_without_a_format_is_no_arn() -> None:
    assert to_arn("x-1", TargetRule(resource_type="widget"), {}, CTX) is None


def test_an_id_without_a_format_is_an_unresolved_target_named_with_its_type() -> None:
    rule = TargetRule(members=("resourceId",), type_member="resourceType")

    assert find_targets(rule, {"resourceId": "doc-1", "resourceType": "Widget"}, None, CTX) == [
        Target("elasticfilesystem:Widget/doc-1", False)
    ]


def test_a_template_missing_a_member_gives_no_arn() -> None:
    rule = TargetRule(arn_template="arn:{partition}:x:::{other}/{id}", resource_type="thing")

    assert to_arn("a", rule, {}, CTX) is None


SSM_TYPES = (
    ("parameter", "arn:{partition}:ssm:{region}:{account}:parameter/{id_path}"),
    ("document", "arn:{partition}:ssm:{region}:{account}:document/{id}"),
)


def test_the_request_type_member_chooses_the_format_and_a_leading_slash_is_not_doubled() -> None:
    rule = TargetRule(members=("resourceId",), type_member="resourceType", type_templates=SSM_TYPES)

    param = find_targets(rule, {"resourceId": "/prod/db", "resourceType": "Parameter"}, None, CTX)
    doc = find_targets(rule, {"resourceId": "Deploy", "resourceType": "Document"}, None, CTX)
    other = find_targets(rule, {"resourceId": "x", "resourceType": "OpsItem"}, None, CTX)

    assert param == [Target("arn:aws:ssm:us-west-2:111122223333:parameter/prod/db", True)]
    assert doc == [Target("arn:aws:ssm:us-west-2:111122223333:document/Deploy", True)]
    assert other == [Target("elasticfilesystem:OpsItem/x", False)]


def test_the_id_prefix_chooses_the_format() -> None:
    rule = TargetRule(
        members=("resourceId",),
        prefix_templates=(
            ("fsap-", "arn:{partition}:elasticfilesystem:{region}:{account}:access-point/{id}"),
            ("fs-", "arn:{partition}:elasticfilesystem:{region}:{account}:file-system/{id}"),
        ),
    )

    assert to_arn("fsap-0a1", rule, {}, CTX) == (
        "arn:aws:elasticfilesystem:us-west-2:111122223333:access-point/fsap-0a1"
    )
    assert (
        to_arn("fs-0a1", rule, {}, CTX)
        == "arn:aws:elasticfilesystem:us-west-2:111122223333:file-system/fs-0a1"
    )
    assert to_arn("mt-0a1", rule, {}, CTX) is None


def test_the_member_that_named_the_target_chooses_the_format() -> None:
    classic = "arn:{partition}:elasticloadbalancing:{region}:{account}:loadbalancer/{id}"
    rule = TargetRule(
        members=("loadBalancerName", "name"),
        arn_template=classic,
        member_templates=(("LoadBalancerName", classic), ("Name", "")),
    )

    assert find_targets(rule, {"loadBalancerName": "web"}, None, CTX)[0].resolved
    assert find_targets(rule, {"name": "my-alb"}, None, CTX) == [
        Target("elasticfilesystem:resource/my-alb", False)
    ]


def test_a_secret_named_without_its_suffix_is_unresolved() -> None:
    rule = TargetRule(
        arn_template="arn:{partition}:secretsmanager:{region}:{account}:secret:{id}",
        id_pattern="-[A-Za-z0-9]{6}$",
    )

    assert to_arn("prod/db-AbC123", rule, {}, CTX) == (
        "arn:aws:secretsmanager:us-west-2:111122223333:secret:prod/db-AbC123"
    )
    assert to_arn("prod/db", rule, {}, CTX) is None


def test_sqs_queue_urls_become_queue_arns() -> None:
    rule = TargetRule(members=("queueUrl",), id_kind="sqs_url")
    url = "https://sqs.us-east-1.amazonaws.com/444455556666/orders"

    assert find_targets(rule, {"queueUrl": url}, None, CTX) == [
        Target("arn:aws:sqs:us-east-1:444455556666:orders", True)
    ]


def test_ec2_ids_carry_their_type_and_shared_types_have_no_account() -> None:
    assert ec2_arn("vol-0a", "us-west-2", "1") == "arn:aws:ec2:us-west-2:1:volume/vol-0a"
    assert ec2_arn("snap-0a", "us-west-2", "1") == "arn:aws:ec2:us-west-2::snapshot/snap-0a"
    assert str(ec2_arn("tgw-attach-0a", "us-west-2", "1")).endswith(
        ":transit-gateway-attachment/tgw-attach-0a"
    )
    assert ec2_arn("weird-1", "us-west-2", "1") is None


def test_newer_ec2_prefixes_are_known_and_ipam_arns_have_no_region() -> None:
    assert ec2_arn("sfr-0a", "us-east-1", "1") == "arn:aws:ec2:us-east-1:1:spot-fleet-request/sfr-0a"
    assert ec2_arn("eice-0a", "us-east-1", "1") == "arn:aws:ec2:us-east-1:1:instance-connect-endpoint/eice-0a"
    assert ec2_arn("ipam-pool-0a", "us-east-1", "1") == "arn:aws:ec2::1:ipam-pool/ipam-pool-0a"
    assert ec2_arn("ipam-0a", "us-east-1", "1") == "arn:aws:ec2::1:ipam/ipam-0a"
    # A customer-owned IP pool's id (EC2 API reference, CreateCoipPool) is no EC2 address pool's.
    coip = "arn:aws:ec2:us-east-1:1:coip-pool/ipv4pool-coip-0a"
    assert ec2_arn("ipv4pool-coip-0a", "us-east-1", "1") == coip


def test_the_response_wins_over_the_request_and_lists_give_one_target_each() -> None:
    rule = TargetRule(members=("names",), response_members=("created.arn",), arn_template="arn:x:{id}:y:z:w")
    created = {"created": {"arn": "arn:aws:svc:r:1:thing/new"}}

    assert find_targets(rule, {"names": ["a"]}, created, CTX) == [Target("arn:aws:svc:r:1:thing/new", True)]
    assert [t.name for t in find_targets(rule, {"names": ["a", "b", "a"]}, None, CTX)] == [
        "arn:x:a:y:z:w",
        "arn:x:b:y:z:w",
    ]


def test_a_member_named_as_an_arn_is_never_formatted_as_an_id() -> None:
    # Rekognition's API reference example: CollectionArn "aws:rekognition:us-west-2:...".
    rule = TargetRule(
        members=("CollectionId",),
        response_members=("CollectionArn",),
        arn_template="arn:{partition}:rekognition:{region}:{account}:collection/{id}",
    )
    response = {"collectionArn": f"aws:rekognition:us-west-2:{CTX.account}:collection/myphotos"}

    from_response = find_targets(rule, {}, response, CTX)
    from_request = find_targets(rule, {"collectionId": "myphotos"}, response, CTX)

    assert [t.resolved for t in from_response] == [False]
    assert not from_response[0].name.startswith("arn:")
    assert from_request == [Target(f"arn:aws:rekognition:us-west-2:{CTX.account}:collection/myphotos", True)]
    assert to_arn("myphotos", replace(rule, members=()), {}, CTX, "CollectionArn") is None


def test_a_glue_catalog_id_is_the_owner_and_a_federated_one_is_unresolved() -> None:
    rule = TargetRule(
        members=("DatabaseInput.Name",), arn_template="arn:{partition}:glue:{region}:{account}:database/{id}"
    )

    own = to_arn("sales", rule, {}, CTX)
    other = to_arn("sales", rule, {"catalogId": "444455556666"}, CTX)
    federated = to_arn("sales", rule, {"catalogId": "444455556666:s3tablescatalog/bucket"}, CTX)

    assert own == f"arn:aws:glue:us-west-2:{CTX.account}:database/sales"
    assert other == "arn:aws:glue:us-west-2:444455556666:database/sales"
    assert federated is None


def test_ec2_types_whose_arn_holds_a_name_get_no_arn_from_an_id() -> None:
    assert ec2_arn("key-0123456789abcdef0", "us-east-1", "111122223333") is None
    assert ec2_arn("pg-0123456789abcdef0", "us-east-1", "111122223333") is None


# EC2 formats that are not <region>:<account>:<type>/<id>, from the Service Authorization Reference.
_EC2_DOCUMENTED = {
    "image": "arn:aws:ec2:us-east-1::image/{}",
    "snapshot": "arn:aws:ec2:us-east-1::snapshot/{}",
    "ipam": "arn:aws:ec2::111122223333:ipam/{}",
    "ipam-pool": "arn:aws:ec2::111122223333:ipam-pool/{}",
    "ipam-scope": "arn:aws:ec2::111122223333:ipam-scope/{}",
    "ipam-resource-discovery": "arn:aws:ec2::111122223333:ipam-resource-discovery/{}",
    "ipam-resource-discovery-association": "arn:aws:ec2::111122223333:ipam-resource-discovery-association/{}",
}
# Types whose ARN holds a name (key-pair/${KeyPairName}), and one the reference has no format for.
_EC2_NO_ARN_FROM_ID = {"key-pair", "placement-group", "route-table-association"}


def test_every_ec2_id_prefix_gives_the_arn_the_reference_formats_or_none() -> None:
    wrong = []
    for prefix, kind in _EC2_PREFIXES:
        resource_id = f"{prefix}0123456789abcdef0"
        made = ec2_arn(resource_id, "us-east-1", "111122223333")
        documented = _EC2_DOCUMENTED.get(kind, f"arn:aws:ec2:us-east-1:111122223333:{kind}/{{}}")
        expected = None if kind in _EC2_NO_ARN_FROM_ID else documented.format(resource_id)
        if made != expected:
            wrong.append((prefix, made, expected))

    assert not wrong


def test_a_parent_named_by_its_arn_is_no_segment_of_another_arn() -> None:
    # Bedrock CreateFlowAlias: flowIdentifier is the flow's id or its ARN.
    rule = TargetRule(
        arn_template="arn:{partition}:bedrock:{region}:{account}:flow/{flowidentifier}/alias/{id}"
    )
    flow_arn = f"arn:aws:bedrock:us-west-2:{CTX.account}:flow/FLOW12345"

    by_id = to_arn("ALIAS1", rule, {"flowIdentifier": "FLOW12345"}, CTX)
    by_arn = to_arn("ALIAS1", rule, {"flowIdentifier": flow_arn}, CTX)

    assert by_id == f"arn:aws:bedrock:us-west-2:{CTX.account}:flow/FLOW12345/alias/ALIAS1"
    assert by_arn is None
