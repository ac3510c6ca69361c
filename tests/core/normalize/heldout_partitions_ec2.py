"""Held-out corpus, part five (b): EC2 ids, Auto Scaling, RDS, Redshift, S3, SQS and SNS across partitions."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, tags, unresolved, upper, values
from tests.core.normalize.heldout_builders import OTHER_ACCOUNT as B
from tests.core.normalize.heldout_builders import held

T = values(team="alpha")
M = {"team": "alpha"}
IAM = "iam-2010-05-08"
EC2 = "ec2-2016-11-15"
STS = "sts-2011-06-15"


def tag_set_request(*ids: str) -> dict[str, Any]:
    return {
        "resourcesSet": {"items": [{"resourceId": i} for i in ids]},
        "tagSet": {"items": tags(team="alpha")},
    }


def tag_specifications(kind: str) -> dict[str, Any]:
    return {"items": [{"resourceType": kind, "tags": tags(team="alpha")}]}


PARTITION_EC2_ENTRIES: list[dict[str, Any]] = [
    held(
        EC2,
        "CreateTags",
        "amazonec2",
        record(
            "ec2",
            "CreateTags",
            tag_set_request("ami-0abcdef1234567890", "snap-0123456789abcdef0"),
            region="us-west-2",
        ),
        change("arn:aws:ec2:us-west-2::image/ami-0abcdef1234567890", T),
        change("arn:aws:ec2:us-west-2::snapshot/snap-0123456789abcdef0", T),
        note="image and snapshot ARNs have no account",
    ),
    held(
        EC2,
        "CreateTags",
        "amazonec2",
        record("ec2", "CreateTags", tag_set_request("ipam-pool-0123456789abcdef0"), region="us-east-2"),
        change(f"arn:aws:ec2::{A}:ipam-pool/ipam-pool-0123456789abcdef0", T),
        note="IPAM pool ARNs have no region",
    ),
    held(
        EC2,
        "CreateLaunchTemplate",
        "amazonec2",
        record(
            "ec2",
            "CreateLaunchTemplate",
            {
                "launchTemplateName": "TemplateForWebServer",
                "tagSpecificationSet": tag_specifications("launch-template"),
            },
            {
                "launchTemplate": {
                    "launchTemplateId": "lt-01238c059e3466abc",
                    "launchTemplateName": "TemplateForWebServer",
                }
            },
        ),
        change(f"arn:aws:ec2:us-east-1:{A}:launch-template/lt-01238c059e3466abc", T),
    ),
    held(
        EC2,
        "DeleteTags",
        "amazonec2",
        record(
            "ec2",
            "DeleteTags",
            {
                "resourcesSet": {"items": [{"resourceId": "vpce-0123456789abcdef0"}]},
                "tagSet": {"items": [{"key": "team"}]},
            },
            region="ca-central-1",
        ),
        change(f"arn:aws:ec2:ca-central-1:{A}:vpc-endpoint/vpce-0123456789abcdef0", removed=("team",)),
    ),
    held(
        EC2,
        "CreateTags",
        "amazonec2",
        record(
            "ec2",
            "CreateTags",
            tag_set_request("tgw-attach-0123456789abcdef0"),
            region="cn-northwest-1",
            account=B,
        ),
        change(
            f"arn:aws-cn:ec2:cn-northwest-1:{B}:transit-gateway-attachment/tgw-attach-0123456789abcdef0",
            T,
        ),
    ),
    held(
        EC2,
        "CreateSecurityGroup",
        "amazonec2",
        record(
            "ec2",
            "CreateSecurityGroup",
            {
                "groupName": "web",
                "groupDescription": "web",
                "vpcId": "vpc-1a2b3c4d",
                "tagSpecificationSet": tag_specifications("security-group"),
            },
            {"_return": True, "groupId": "sg-0123456789abcdef0"},
            region="sa-east-1",
        ),
        change(f"arn:aws:ec2:sa-east-1:{A}:security-group/sg-0123456789abcdef0", T),
    ),
    held(
        "autoscaling-2011-01-01",
        "CreateAutoScalingGroup",
        "amazonec2autoscaling",
        record(
            "autoscaling",
            "CreateAutoScalingGroup",
            {
                "autoScalingGroupName": "my-asg",
                "minSize": 1,
                "maxSize": 3,
                "tags": [
                    {
                        "resourceId": "my-asg",
                        "resourceType": "auto-scaling-group",
                        "key": "team",
                        "value": "alpha",
                        "propagateAtLaunch": True,
                    }
                ],
            },
        ),
        unresolved("my-asg", T),
        note="an Auto Scaling group's ARN holds a UUID the record does not give",
    ),
    held(
        "rds-2014-10-31",
        "CreateDBCluster",
        "amazonrds",
        record(
            "rds",
            "CreateDBCluster",
            {
                "dBClusterIdentifier": "sample-cluster",
                "engine": "aurora-mysql",
                "tags": upper(team="alpha"),
            },
            {
                "dBClusterIdentifier": "sample-cluster",
                "dBClusterArn": f"arn:aws-cn:rds:cn-north-1:{B}:cluster:sample-cluster",
            },
            region="cn-north-1",
            account=B,
        ),
        change(f"arn:aws-cn:rds:cn-north-1:{B}:cluster:sample-cluster", T),
    ),
    held(
        "rds-2014-10-31",
        "AddTagsToResource",
        "amazonrds",
        record(
            "rds",
            "AddTagsToResource",
            {
                "resourceName": f"arn:aws-us-gov:rds:us-gov-east-1:{A}:cluster-snapshot:my-snap",
                "tags": upper(team="alpha"),
            },
            region="us-gov-east-1",
        ),
        change(f"arn:aws-us-gov:rds:us-gov-east-1:{A}:cluster-snapshot:my-snap", T),
    ),
    held(
        "redshift-2012-12-01",
        "CreateCluster",
        "amazonredshift",
        record(
            "redshift",
            "CreateCluster",
            {
                "clusterIdentifier": "mycluster",
                "nodeType": "dc2.large",
                "masterUsername": "adminuser",
                "tags": upper(team="alpha"),
            },
            {"clusterIdentifier": "mycluster", "nodeType": "dc2.large", "clusterStatus": "creating"},
            region="us-west-2",
        ),
        change(f"arn:aws:redshift:us-west-2:{A}:cluster:mycluster", T),
    ),
    held(
        "s3-2006-03-01",
        "PutBucketTagging",
        "amazons3",
        record(
            "s3",
            "PutBucketTagging",
            {"bucketName": "gov-bucket", "Tagging": {"TagSet": {"Tag": upper(team="alpha")}}},
            region="us-gov-west-1",
        ),
        change("arn:aws-us-gov:s3:::gov-bucket", T),
    ),
    held(
        "s3-2006-03-01",
        "DeleteObjectTagging",
        "amazons3",
        record(
            "s3",
            "DeleteObjectTagging",
            {"bucketName": "amzn-s3-demo-bucket", "key": "photos/cat.jpg", "tagging": ""},
        ),
        change("arn:aws:s3:::amzn-s3-demo-bucket/photos/cat.jpg"),
    ),
    held(
        "sqs-2012-11-05",
        "TagQueue",
        "amazonsqs",
        record(
            "sqs",
            "TagQueue",
            {"queueUrl": f"https://sqs.us-gov-west-1.amazonaws.com/{A}/my-queue", "tags": M},
            region="us-gov-west-1",
        ),
        change(f"arn:aws-us-gov:sqs:us-gov-west-1:{A}:my-queue", T),
    ),
    held(
        "sns-2010-03-31",
        "CreateTopic",
        "amazonsns",
        record(
            "sns",
            "CreateTopic",
            {"name": "my-topic", "tags": upper(team="alpha")},
            {"topicArn": f"arn:aws-cn:sns:cn-north-1:{B}:my-topic"},
            region="cn-north-1",
            account=B,
        ),
        change(f"arn:aws-cn:sns:cn-north-1:{B}:my-topic", T),
    ),
]
