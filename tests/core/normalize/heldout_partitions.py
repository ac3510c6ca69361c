"""Held-out corpus, part five: principals, sessions, EC2 ids, global and region-less resources,
and the aws-cn and aws-us-gov partitions."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, tags, unresolved, upper, values
from tests.core.normalize.heldout_builders import OTHER_ACCOUNT as B
from tests.core.normalize.heldout_builders import held, kv
from tests.core.normalize.heldout_partitions_ec2 import tag_specifications

T = values(team="alpha")
M = {"team": "alpha"}
IAM = "iam-2010-05-08"
EC2 = "ec2-2016-11-15"
STS = "sts-2011-06-15"


PARTITION_ENTRIES: list[dict[str, Any]] = [
    held(
        IAM,
        "CreateRole",
        "awsidentityandaccessmanagementiam",
        record(
            "iam",
            "CreateRole",
            {
                "path": "/engineering/",
                "roleName": "Test-Role",
                "assumeRolePolicyDocument": "{}",
                "tags": tags(team="alpha"),
            },
            {
                "role": {
                    "path": "/engineering/",
                    "roleName": "Test-Role",
                    "roleId": "AROA1234567890EXAMPLE",
                    "arn": f"arn:aws:iam::{A}:role/engineering/Test-Role",
                }
            },
        ),
        change(f"arn:aws:iam::{A}:role/engineering/Test-Role", T, kind="principal"),
        note="the role's ARN holds its path, as aws:PrincipalArn does",
    ),
    held(
        IAM,
        "CreateUser",
        "awsidentityandaccessmanagementiam",
        record(
            "iam",
            "CreateUser",
            {"userName": "Bob", "tags": tags(team="alpha")},
            {
                "user": {
                    "path": "/",
                    "userName": "Bob",
                    "userId": "AIDA1234567890EXAMPLE",
                    "arn": f"arn:aws-us-gov:iam::{A}:user/Bob",
                }
            },
            region="us-gov-west-1",
        ),
        change(f"arn:aws-us-gov:iam::{A}:user/Bob", T, kind="principal"),
    ),
    held(
        IAM,
        "UntagUser",
        "awsidentityandaccessmanagementiam",
        record(
            "iam", "UntagUser", {"userName": "anika", "tagKeys": ["Dept"]}, region="cn-north-1", account=B
        ),
        change(f"arn:aws-cn:iam::{B}:user/anika", removed=("Dept",), kind="principal"),
    ),
    held(
        IAM,
        "TagServerCertificate",
        "awsidentityandaccessmanagementiam",
        record(
            "iam",
            "TagServerCertificate",
            {"serverCertificateName": "ExampleCertificate", "tags": tags(team="alpha")},
        ),
        unresolved("ExampleCertificate", T),
        note="a server certificate's ARN holds its path, which the record does not carry",
    ),
    held(
        IAM,
        "TagOpenIDConnectProvider",
        "awsidentityandaccessmanagementiam",
        record(
            "iam",
            "TagOpenIDConnectProvider",
            {
                "openIDConnectProviderArn": f"arn:aws:iam::{A}:oidc-provider/server.example.com",
                "tags": tags(team="alpha"),
            },
        ),
        change(f"arn:aws:iam::{A}:oidc-provider/server.example.com", T),
    ),
    held(
        IAM,
        "CreatePolicy",
        "awsidentityandaccessmanagementiam",
        record(
            "iam",
            "CreatePolicy",
            {
                "policyName": "S3-read-only-example-bucket",
                "path": "/teams/",
                "policyDocument": "{}",
                "tags": tags(team="alpha"),
            },
            {
                "policy": {
                    "policyName": "S3-read-only-example-bucket",
                    "path": "/teams/",
                    "arn": f"arn:aws:iam::{A}:policy/teams/S3-read-only-example-bucket",
                }
            },
        ),
        change(f"arn:aws:iam::{A}:policy/teams/S3-read-only-example-bucket", T),
    ),
    held(
        IAM,
        "TagSAMLProvider",
        "awsidentityandaccessmanagementiam",
        record(
            "iam",
            "TagSAMLProvider",
            {"sAMLProviderArn": f"arn:aws:iam::{A}:saml-provider/ADFS", "tags": tags(team="alpha")},
        ),
        change(f"arn:aws:iam::{A}:saml-provider/ADFS", T),
    ),
    held(
        "organizations-2016-11-28",
        "CreateOrganizationalUnit",
        "awsorganizations",
        record(
            "organizations",
            "CreateOrganizationalUnit",
            {"parentId": "r-examplerootid111", "name": "AccountingOU", "tags": kv(team="alpha")},
            {
                "organizationalUnit": {
                    "id": "ou-examplerootid111-exampleouid111",
                    "arn": f"arn:aws:organizations::{A}:ou/o-exampleorgid/ou-examplerootid111-exampleouid111",
                    "name": "AccountingOU",
                }
            },
        ),
        change(f"arn:aws:organizations::{A}:ou/o-exampleorgid/ou-examplerootid111-exampleouid111", T),
    ),
    held(
        "organizations-2016-11-28",
        "CreateAccount",
        "awsorganizations",
        record(
            "organizations",
            "CreateAccount",
            {"email": "susan@example.com", "accountName": "Production Account", "tags": kv(team="alpha")},
            {
                "createAccountStatus": {
                    "id": "car-examplecreateaccountrequestid111",
                    "state": "IN_PROGRESS",
                    "accountName": "Production Account",
                }
            },
        ),
        unresolved("organizations:", T),
        note="the account does not exist yet: its id (and its ARN's organization id) come later",
    ),
    held(
        STS,
        "AssumeRoleWithSAML",
        "awssecuritytokenservice",
        record(
            "sts",
            "AssumeRoleWithSAML",
            {
                "roleArn": f"arn:aws-us-gov:iam::{A}:role/SSO-Engineer",
                "principalArn": f"arn:aws-us-gov:iam::{A}:saml-provider/Okta",
                "roleSessionName": "gina@example.com",
                "principalTags": M,
            },
            {
                "credentials": {"accessKeyId": "ASIAGOVSAMLEXAMPLE01"},
                "assumedRoleUser": {
                    "arn": f"arn:aws-us-gov:sts::{A}:assumed-role/SSO-Engineer/gina@example.com"
                },
            },
            region="us-gov-west-1",
        ),
        change(f"arn:aws-us-gov:sts::{A}:assumed-role/SSO-Engineer/gina@example.com", T, kind="session"),
    ),
    held(
        STS,
        "AssumeRoleWithWebIdentity",
        "awssecuritytokenservice",
        record(
            "sts",
            "AssumeRoleWithWebIdentity",
            {
                "roleArn": f"arn:aws:iam::{A}:role/FederatedWebIdentityRole",
                "roleSessionName": "app1",
                "principalTags": M,
            },
            {
                "credentials": {"accessKeyId": "ASIAWEBIDEXAMPLE0001"},
                "assumedRoleUser": {"arn": f"arn:aws:sts::{A}:assumed-role/FederatedWebIdentityRole/app1"},
            },
            region="eu-west-1",
        ),
        change(f"arn:aws:sts::{A}:assumed-role/FederatedWebIdentityRole/app1", T, kind="session"),
    ),
    held(
        STS,
        "AssumeRole",
        "awssecuritytokenservice",
        record(
            "sts",
            "AssumeRole",
            {
                "roleArn": f"arn:aws-cn:iam::{B}:role/service/deploy",
                "roleSessionName": "ci-run",
                "tags": upper(team="alpha"),
            },
            {
                "credentials": {"accessKeyId": "ASIACNEXAMPLE0000001"},
                "assumedRoleUser": {"arn": f"arn:aws-cn:sts::{B}:assumed-role/deploy/ci-run"},
            },
            region="cn-northwest-1",
            account=B,
        ),
        change(f"arn:aws-cn:sts::{B}:assumed-role/deploy/ci-run", T, kind="session"),
    ),
    held(
        EC2,
        "CreateVpc",
        "amazonec2",
        record(
            "ec2",
            "CreateVpc",
            {"cidrBlock": "10.0.0.0/16", "tagSpecificationSet": tag_specifications("vpc")},
            {
                "vpc": {
                    "vpcId": "vpc-1a2b3c4d5e6f1a2b3",
                    "cidrBlock": "10.0.0.0/16",
                    "dhcpOptionsId": "dopt-19edf471",
                }
            },
            region="eu-west-1",
        ),
        change(f"arn:aws:ec2:eu-west-1:{A}:vpc/vpc-1a2b3c4d5e6f1a2b3", T),
    ),
]
