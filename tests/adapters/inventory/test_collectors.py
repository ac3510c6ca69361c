"""The collectors against moto in server mode, and botocore's Stubber where moto does not paginate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from tagwarden.adapters.aws import AwsClients
from tagwarden.adapters.inventory.collect import AccountTarget, InventoryRun, account_targets
from tagwarden.adapters.inventory.iam_principals import collect_principals
from tagwarden.adapters.inventory.organization import (
    OrganizationFilesError,
    discover_accounts,
    organization_from_api,
    organization_from_files,
)
from tagwarden.adapters.inventory.resources import bucket_policy, iter_resources, key_policy
from tagwarden.core.settings.inventory import InventorySettings, OrganizationSettings, PolicyLevels

MOTO_ACCOUNT = "123456789012"


def statement(action: str, **extra: Any) -> dict[str, Any]:
    return {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": action, "Resource": "*", **extra}],
    }


def test_principals_carry_their_whole_policy_stack(aws: str) -> None:
    iam = boto3.client("iam")
    trust = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"AWS": f"arn:aws:iam::{MOTO_ACCOUNT}:root"},
                "Action": "sts:AssumeRole",
            }
        ],
    }
    managed = iam.create_policy(PolicyName="tagger", PolicyDocument=json.dumps(statement("ec2:CreateTags")))[
        "Policy"
    ]["Arn"]
    bound = iam.create_policy(PolicyName="bound", PolicyDocument=json.dumps(statement("ec2:*")))["Policy"][
        "Arn"
    ]
    iam.create_role(
        RoleName="dev", AssumeRolePolicyDocument=json.dumps(trust), Tags=[{"Key": "team", "Value": "alpha"}]
    )
    iam.put_role_policy(
        RoleName="dev", PolicyName="inline", PolicyDocument=json.dumps(statement("s3:PutBucketTagging"))
    )
    iam.attach_role_policy(RoleName="dev", PolicyArn=managed)
    iam.put_role_permissions_boundary(RoleName="dev", PermissionsBoundary=bound)
    iam.create_group(GroupName="admins")
    iam.put_group_policy(
        GroupName="admins", PolicyName="group-inline", PolicyDocument=json.dumps(statement("iam:TagRole"))
    )
    iam.attach_group_policy(GroupName="admins", PolicyArn=managed)
    iam.create_user(UserName="bob", Tags=[{"Key": "team", "Value": "beta"}])
    iam.add_user_to_group(GroupName="admins", UserName="bob")

    role, user = sorted(collect_principals(iam), key=lambda p: p.kind)
    assert (role.arn, role.kind, role.tags, role.account) == (
        f"arn:aws:iam::{MOTO_ACCOUNT}:role/dev",
        "role",
        {"team": "alpha"},
        MOTO_ACCOUNT,
    )
    assert [p.name for p in role.policies] == ["role/dev inline inline", managed]
    assert role.policies[1].document == statement("ec2:CreateTags")
    assert role.boundary is not None and role.boundary.name == bound
    assert role.trust_policy is not None and role.trust_policy.document == trust
    assert [p.name for p in user.policies] == ["group/admins inline group-inline", managed]
    assert (user.tags, user.unresolved, user.trust_policy) == ({"team": "beta"}, (), None)
    # Without policies (the principals job), the same principals and tags.
    assert {p.arn: p.tags for p in collect_principals(iam, with_policies=False)} == {
        role.arn: {"team": "alpha"},
        user.arn: {"team": "beta"},
    }


def test_authorization_details_are_read_page_by_page(no_aws: None) -> None:
    iam = boto3.client("iam", region_name="us-east-1")
    group = {
        "GroupName": "g",
        "GroupId": "AGPA" + "A" * 16,
        "Arn": "arn:aws:iam::1:group/g",
        "Path": "/",
        "CreateDate": "2024-01-01T00:00:00Z",
        "GroupPolicyList": [{"PolicyName": "p", "PolicyDocument": json.dumps(statement("iam:TagUser"))}],
    }
    role = {
        "RoleName": "r",
        "RoleId": "AROA" + "A" * 16,
        "Arn": "arn:aws:iam::1:role/r",
        "Path": "/",
        "CreateDate": "2024-01-01T00:00:00Z",
        "Tags": [{"Key": "team", "Value": "alpha"}],
        "AttachedManagedPolicies": [
            {"PolicyName": "m", "PolicyArn": "arn:aws:iam::1:policy/m"},
            {"PolicyName": "gone", "PolicyArn": "arn:aws:iam::1:policy/gone"},
        ],
    }
    user = {
        "UserName": "u",
        "UserId": "AIDA" + "A" * 16,
        "Arn": "arn:aws:iam::1:user/u",
        "Path": "/",
        "CreateDate": "2024-01-01T00:00:00Z",
        "GroupList": ["g"],
    }
    old, new = json.dumps(statement("x:Old")), json.dumps(statement("ec2:CreateTags"))
    managed = {
        "PolicyName": "m",
        "Arn": "arn:aws:iam::1:policy/m",
        "DefaultVersionId": "v2",
        "PolicyVersionList": [
            {"VersionId": "v1", "IsDefaultVersion": False, "Document": old},
            {"VersionId": "v2", "IsDefaultVersion": True, "Document": new},
        ],
    }
    with Stubber(iam) as stub:
        expected = {"Filter": ["User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"]}
        stub.add_response(
            "get_account_authorization_details",
            {"RoleDetailList": [role], "GroupDetailList": [group], "IsTruncated": True, "Marker": "page-2"},
            expected,
        )
        stub.add_response(
            "get_account_authorization_details",
            {"UserDetailList": [user], "Policies": [managed], "IsTruncated": False},
            {**expected, "Marker": "page-2"},
        )
        found = {p.kind: p for p in collect_principals(iam)}
        stub.assert_no_pending_responses()
    assert [p.document for p in found["role"].policies] == [
        statement("ec2:CreateTags")
    ]  # from the second page
    assert found["role"].unresolved == ("arn:aws:iam::1:policy/gone",)
    assert [p.document for p in found["user"].policies] == [
        statement("iam:TagUser")
    ]  # its group, on page one


def test_resource_tags_and_policies_across_regions(aws: str) -> None:
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket="with-policy")
    s3.put_bucket_tagging(Bucket="with-policy", Tagging={"TagSet": [{"Key": "team", "Value": "alpha"}]})
    policy = statement("s3:PutBucketTagging", Principal={"AWS": f"arn:aws:iam::{MOTO_ACCOUNT}:root"})
    policy["Statement"][0]["Resource"] = "arn:aws:s3:::with-policy"
    s3.put_bucket_policy(Bucket="with-policy", Policy=json.dumps(policy))
    s3.create_bucket(Bucket="no-policy")
    s3.put_bucket_tagging(Bucket="no-policy", Tagging={"TagSet": [{"Key": "env", "Value": "dev"}]})
    kms = boto3.client("kms", region_name="eu-west-1")
    key = kms.create_key(Tags=[{"TagKey": "team", "TagValue": "beta"}])["KeyMetadata"]["Arn"]

    clients = AwsClients("us-east-1")
    east = {r.arn: r for r in iter_resources(clients.tagging("us-east-1"), MOTO_ACCOUNT, "us-east-1")}
    west = list(iter_resources(clients.tagging("eu-west-1"), MOTO_ACCOUNT, "eu-west-1"))
    assert {arn: r.tags for arn, r in east.items()} == {
        "arn:aws:s3:::with-policy": {"team": "alpha"},
        "arn:aws:s3:::no-policy": {"env": "dev"},
    }
    assert (key, "eu-west-1", {"team": "beta"}) in [(r.arn, r.region, r.tags) for r in west]
    assert key not in east
    found = bucket_policy(clients.s3(), "arn:aws:s3:::with-policy")
    assert found is not None and found.document == policy
    assert bucket_policy(clients.s3(), "arn:aws:s3:::no-policy") is None
    key_doc = key_policy(clients.kms("eu-west-1"), key)
    assert key_doc is not None and key_doc.document["Statement"][0]["Principal"] == {
        "AWS": f"arn:aws:iam::{MOTO_ACCOUNT}:root"
    }


def test_get_resources_follows_the_pagination_token(no_aws: None) -> None:
    tagging = AwsClients("us-east-1").tagging()

    def page(arn: str) -> dict[str, Any]:
        return {"ResourceARN": arn, "Tags": [{"Key": "team", "Value": "a"}]}

    with Stubber(tagging) as stub:
        stub.add_response(
            "get_resources",
            {"ResourceTagMappingList": [page("arn:aws:s3:::one")], "PaginationToken": "next"},
            {"ResourcesPerPage": 100, "ResourceTypeFilters": ["s3:bucket"]},
        )
        stub.add_response(
            "get_resources",
            {"ResourceTagMappingList": [page("arn:aws:s3:::two")], "PaginationToken": ""},
            {"ResourcesPerPage": 100, "ResourceTypeFilters": ["s3:bucket"], "PaginationToken": "next"},
        )
        found = list(iter_resources(tagging, "1", "us-east-1", ["s3:bucket"]))
        stub.assert_no_pending_responses()
    assert [r.arn for r in found] == ["arn:aws:s3:::one", "arn:aws:s3:::two"]


def test_every_client_retries_in_standard_mode(no_aws: None) -> None:
    clients = AwsClients("eu-west-1", max_attempts=7)
    for client in (clients.tagging(), clients.iam(), clients.organizations(), clients.kms(), clients.s3()):
        retries = client.meta.config.retries  # type: ignore[attr-defined]
        assert retries is not None and retries["mode"] == "standard"
        assert retries["total_max_attempts"] == 8  # botocore counts the first attempt too
    assert clients.tagging().meta.region_name == "eu-west-1"


def test_organization_levels_from_the_api(aws: str) -> None:
    org = boto3.client("organizations")
    org.create_organization(FeatureSet="ALL")
    root = org.list_roots()["Roots"][0]["Id"]
    ou = org.create_organizational_unit(ParentId=root, Name="prod")["OrganizationalUnit"]["Id"]
    member = org.create_account(AccountName="member", Email="m@example.com")["CreateAccountStatus"][
        "AccountId"
    ]
    org.move_account(AccountId=member, SourceParentId=root, DestinationParentId=ou)
    deny = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Deny", "Action": "s3:PutBucketTagging", "Resource": "*"}],
    }
    policy_id = org.create_policy(
        Content=json.dumps(deny), Description="", Name="no-tagging", Type="SERVICE_CONTROL_POLICY"
    )["Policy"]["PolicySummary"]["Id"]
    org.attach_policy(PolicyId=policy_id, TargetId=ou)

    assert discover_accounts(org) == sorted([MOTO_ACCOUNT, member])
    found = organization_from_api(org, [member, MOTO_ACCOUNT])
    assert found.management_account == MOTO_ACCOUNT and found.source == "api"
    names = [[p.name.split(" ")[0] for p in level] for level in found.scps_of(member)]
    assert names == [["FullAWSAccess"], ["FullAWSAccess", "no-tagging"], ["FullAWSAccess"]]
    assert found.scps_of(member)[1][1].document == deny
    assert len(found.scps_of(MOTO_ACCOUNT)) == 2  # root and the account
    assert [[p.name.split(" ")[0] for p in level] for level in found.rcps_of(member)] == [
        ["RCPFullAWSAccess"]
    ] * 3


def test_where_scps_are_not_enabled_none_applies(no_aws: None) -> None:
    org = boto3.client("organizations", region_name="us-east-1")
    member, root = "222222222222", "r-abcd"
    not_enabled = "PolicyTypeNotEnabledException"
    with Stubber(org) as stub:
        stub.add_response("list_parents", {"Parents": [{"Id": root, "Type": "ROOT"}]}, {"ChildId": member})
        for kind in ("SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"):
            for target in (root, member):
                stub.add_client_error(
                    "list_policies_for_target",
                    not_enabled,
                    expected_params={"TargetId": target, "Filter": kind},
                )
        stub.add_response("describe_organization", {"Organization": {"MasterAccountId": MOTO_ACCOUNT}})
        found = organization_from_api(org, [member])
        stub.assert_no_pending_responses()
    # Not "no SCP allows anything at either level": every request would be denied.
    assert found.scps_of(member) == ()
    assert found.rcps_of(member) == ()


def test_organization_levels_from_files(tmp_path: Path) -> None:
    (tmp_path / "full.json").write_text(json.dumps(statement("*")))
    (tmp_path / "deny.json").write_text(
        json.dumps(
            {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}
        )
    )
    settings = OrganizationSettings(
        source="files",
        management_account="111111111111",
        accounts=[
            PolicyLevels(account="222222222222", scps=[["full.json"], ["full.json", "deny.json"]]),
            PolicyLevels(account="default", scps=[["full.json"]]),
        ],
    )
    found = organization_from_files(settings, tmp_path)
    assert [[p.name for p in level] for level in found.scps_of("222222222222")] == [
        ["full.json"],
        ["full.json", "deny.json"],
    ]
    assert [[p.name for p in level] for level in found.scps_of("333333333333")] == [["full.json"]]
    assert found.rcps_of("222222222222") == () and found.management_account == "111111111111"
    broken = OrganizationSettings(accounts=[PolicyLevels(account="222222222222", rcps=[["missing.json"]])])
    with pytest.raises(OrganizationFilesError, match=r"inventory\.organization\.accounts\[0\]\.rcps\[0\]"):
        organization_from_files(broken, tmp_path)


def test_account_targets_name_the_role_to_assume() -> None:
    settings = InventorySettings.model_validate(
        {
            "regions": ["us-east-1", "eu-west-1"],
            "accounts": [
                {"id": "111111111111"},
                {"id": "222222222222"},
                {
                    "id": "333333333333",
                    "role": "arn:aws:iam::333333333333:role/Custom",
                    "regions": ["ap-south-1"],
                },
            ],
        }
    )
    targets = account_targets(
        settings, "111111111111", "us-west-2", discovered=["444444444444", "111111111111"]
    )
    assert targets == [
        AccountTarget("111111111111", None, ("us-east-1", "eu-west-1")),
        AccountTarget(
            "222222222222", "arn:aws:iam::222222222222:role/TagwardenReadOnly", ("us-east-1", "eu-west-1")
        ),
        AccountTarget("333333333333", "arn:aws:iam::333333333333:role/Custom", ("ap-south-1",)),
        AccountTarget(
            "444444444444", "arn:aws:iam::444444444444:role/TagwardenReadOnly", ("us-east-1", "eu-west-1")
        ),
    ]
    assert account_targets(InventorySettings(), "111111111111", "us-west-2", []) == [
        AccountTarget("111111111111", None, ("us-west-2",))
    ]


def test_a_run_without_a_known_account_says_so(no_aws: None, tmp_path: Path) -> None:
    class Log:
        def warning(self, *_: Any, **__: Any) -> None: ...
        def info(self, *_: Any, **__: Any) -> None: ...

    run = InventoryRun(AwsClients("us-east-1"), InventorySettings(), None, "us-east-1", tmp_path, Log())
    run.settings = InventorySettings.model_validate({"organization": {"source": "none"}})
    inventory = run.collect()
    assert inventory.accounts == [] and [f.stage for f in inventory.failures] == ["accounts"]
