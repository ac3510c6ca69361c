"""Documented corpus, part one (b): S3, IAM, KMS, Lambda, Secrets Manager."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, entry, goto, record, tags, unresolved, upper, values

S3 = "s3-2006-03-01"
IAM = "iam-2010-05-08"
KMS = "kms-2014-11-01"
LAMBDA = "lambda-2015-03-31"
SECRETS = "secretsmanager-2017-10-17"
KEY = "1234abcd-12ab-34cd-56ef-1234567890ab"


bucket_tags = {"Tagging": {"TagSet": {"Tag": upper(team="alpha", cost_center="42")}}}
S3_IAM_KMS_ENTRIES: list[dict[str, Any]] = [
    entry(
        goto(S3, "PutBucketTagging"),
        record("s3", "PutBucketTagging", {"bucketName": "amzn-s3-demo-bucket", **bucket_tags}),
        change("arn:aws:s3:::amzn-s3-demo-bucket", values(team="alpha", cost_center="42")),
    ),
    entry(
        goto(S3, "PutBucketTagging"),
        record("s3", "PutBucketTagging", {"bucketName": "demo-cn", **bucket_tags}, region="cn-north-1"),
        change("arn:aws-cn:s3:::demo-cn", values(team="alpha", cost_center="42")),
    ),
    entry(
        goto(S3, "DeleteBucketTagging"),
        record("s3", "DeleteBucketTagging", {"bucketName": "amzn-s3-demo-bucket", "tagging": ""}),
        change("arn:aws:s3:::amzn-s3-demo-bucket"),
    ),
    entry(
        goto(S3, "PutObjectTagging"),
        record(
            "s3",
            "PutObjectTagging",
            {
                "bucketName": "amzn-s3-demo-bucket",
                "key": "reports/2024.csv",
                "Tagging": {"TagSet": {"Tag": {"Key": "team", "Value": "beta"}}},
            },
        ),
        change("arn:aws:s3:::amzn-s3-demo-bucket/reports/2024.csv", values(team="beta")),
    ),
    entry(
        goto(IAM, "TagRole"),
        record("iam", "TagRole", {"roleName": "taggedrole", "tags": tags(Department="Accounting")}),
        change(f"arn:aws:iam::{A}:role/taggedrole", values(Department="Accounting"), kind="principal"),
    ),
    entry(
        goto(IAM, "TagUser"),
        record("iam", "TagUser", {"userName": "anika", "tags": tags(team="alpha")}, region="us-gov-west-1"),
        change(f"arn:aws-us-gov:iam::{A}:user/anika", values(team="alpha"), kind="principal"),
    ),
    entry(
        goto(IAM, "UntagRole"),
        record("iam", "UntagRole", {"roleName": "taggedrole", "tagKeys": ["Dept"]}),
        change(f"arn:aws:iam::{A}:role/taggedrole", removed=("Dept",), kind="principal"),
    ),
    entry(
        goto(IAM, "TagPolicy"),
        record(
            "iam",
            "TagPolicy",
            {"policyArn": f"arn:aws:iam::{A}:policy/billing-access", "tags": tags(team="fin")},
        ),
        change(f"arn:aws:iam::{A}:policy/billing-access", values(team="fin")),
    ),
    entry(
        goto(IAM, "TagInstanceProfile"),
        record("iam", "TagInstanceProfile", {"instanceProfileName": "Webserver", "tags": tags(team="web")}),
        unresolved("Webserver", values(team="web")),
        note="an instance profile's ARN holds its path, which the record does not carry",
    ),
    entry(
        "https://docs.aws.amazon.com/kms/latest/developerguide/ct-tagresource.html",
        record(
            "kms",
            "TagResource",
            {
                "keyId": f"arn:aws:kms:us-west-2:{A}:key/{KEY}",
                "tags": [{"tagKey": "Department", "tagValue": "IT"}],
            },
            region="us-west-2",
        ),
        change(f"arn:aws:kms:us-west-2:{A}:key/{KEY}", values(Department="IT")),
    ),
    entry(
        goto(KMS, "TagResource"),
        record(
            "kms",
            "TagResource",
            {"keyId": KEY, "tags": [{"tagKey": "team", "tagValue": "alpha"}]},
            region="eu-central-1",
        ),
        change(f"arn:aws:kms:eu-central-1:{A}:key/{KEY}", values(team="alpha")),
    ),
    entry(
        "https://docs.aws.amazon.com/kms/latest/developerguide/ct-untagresource.html",
        record("kms", "UntagResource", {"keyId": KEY, "tagKeys": ["Dept"]}),
        change(f"arn:aws:kms:us-east-1:{A}:key/{KEY}", removed=("Dept",)),
    ),
    entry(
        goto(KMS, "CreateKey"),
        record(
            "kms",
            "CreateKey",
            {"tags": [{"tagKey": "team", "tagValue": "alpha"}]},
            {"keyMetadata": {"keyId": KEY, "arn": f"arn:aws:kms:us-east-1:{A}:key/{KEY}"}},
        ),
        change(f"arn:aws:kms:us-east-1:{A}:key/{KEY}", values(team="alpha")),
    ),
    entry(
        goto(LAMBDA, "TagResource"),
        record(
            "lambda",
            "TagResource20170331v2",
            {
                "resource": f"arn:aws:lambda:us-east-1:{A}:function:my-function",
                "tags": values(DEPARTMENT="Department A"),
            },
        ),
        change(f"arn:aws:lambda:us-east-1:{A}:function:my-function", values(DEPARTMENT="Department A")),
    ),
    entry(
        goto(LAMBDA, "CreateFunction"),
        record(
            "lambda",
            "CreateFunction20150331",
            {"functionName": "my-function", "runtime": "python3.12", "tags": values(team="alpha")},
            {
                "functionName": "my-function",
                "functionArn": f"arn:aws:lambda:us-east-1:{A}:function:my-function",
            },
        ),
        change(f"arn:aws:lambda:us-east-1:{A}:function:my-function", values(team="alpha")),
    ),
    entry(
        goto(SECRETS, "TagResource"),
        record(
            "secretsmanager",
            "TagResource",
            {
                "secretId": f"arn:aws:secretsmanager:us-west-2:{A}:secret:MyTestDatabaseSecret-a1b2c3",
                "tags": upper(FirstTag="SomeValue"),
            },
            region="us-west-2",
        ),
        change(
            f"arn:aws:secretsmanager:us-west-2:{A}:secret:MyTestDatabaseSecret-a1b2c3",
            values(FirstTag="SomeValue"),
        ),
    ),
    entry(
        goto(SECRETS, "TagResource"),
        record(
            "secretsmanager",
            "TagResource",
            {"secretId": "MyTestDatabaseSecret", "tags": upper(team="alpha")},
            region="us-west-2",
        ),
        unresolved("MyTestDatabaseSecret", values(team="alpha")),
        note="a secret named without its random suffix: its ARN cannot be known from the record",
    ),
    entry(
        goto(SECRETS, "UntagResource"),
        record("secretsmanager", "UntagResource", {"secretId": "prod/db-AbCdEf", "tagKeys": ["team"]}),
        change(f"arn:aws:secretsmanager:us-east-1:{A}:secret:prod/db-AbCdEf", removed=("team",)),
    ),
    entry(
        goto(SECRETS, "CreateSecret"),
        record(
            "secretsmanager",
            "CreateSecret",
            {"name": "MyTestDatabaseSecret", "tags": upper(team="alpha")},
            {
                "aRN": f"arn:aws:secretsmanager:us-west-2:{A}:secret:MyTestDatabaseSecret-a1b2c3",
                "name": "MyTestDatabaseSecret",
            },
            region="us-west-2",
        ),
        change(
            f"arn:aws:secretsmanager:us-west-2:{A}:secret:MyTestDatabaseSecret-a1b2c3",
            values(team="alpha"),
        ),
    ),
]


def principal_entries() -> list[dict[str, Any]]:
    return S3_IAM_KMS_ENTRIES
