"""Held-out corpus, part six: records whose request or response also names other resources (roles,
sources, parents), targets built from two members, and ids whose prefix says their type."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, values
from tests.core.normalize.heldout_builders import OTHER_ACCOUNT as B
from tests.core.normalize.heldout_builders import held, kv, lkv

T = values(team="alpha")
M = {"team": "alpha"}


TRAP_ENTRIES: list[dict[str, Any]] = [
    held(
        "transfer-2018-11-05",
        "CreateUser",
        "awstransferfamily",
        record(
            "transfer",
            "CreateUser",
            {
                "serverId": "s-01234567890abcdef",
                "userName": "my_user",
                "role": f"arn:aws:iam::{A}:role/transfer",
                "tags": kv(team="alpha"),
            },
            {"serverId": "s-01234567890abcdef", "userName": "my_user"},
        ),
        change(f"arn:aws:transfer:us-east-1:{A}:user/s-01234567890abcdef/my_user", T),
    ),
    held(
        "fsx-2018-03-01",
        "CreateBackup",
        "amazonfsx",
        record(
            "fsx",
            "CreateBackup",
            {"fileSystemId": "fs-0498eed5fe91001ec", "tags": kv(team="alpha")},
            {
                "backup": {
                    "backupId": "backup-03e3c82e0183b7b6b",
                    "resourceARN": f"arn:aws:fsx:us-east-1:{A}:backup/backup-03e3c82e0183b7b6b",
                    "fileSystem": {
                        "fileSystemId": "fs-0498eed5fe91001ec",
                        "resourceARN": f"arn:aws:fsx:us-east-1:{A}:file-system/fs-0498eed5fe91001ec",
                    },
                }
            },
        ),
        change(f"arn:aws:fsx:us-east-1:{A}:backup/backup-03e3c82e0183b7b6b", T),
        note="the backup's tags, not the file system's",
    ),
    held(
        "pipes-2015-10-07",
        "CreatePipe",
        "amazoneventbridgepipes",
        record(
            "pipes",
            "CreatePipe",
            {
                "name": "my-pipe",
                "source": f"arn:aws:sqs:us-east-1:{A}:source-queue",
                "target": f"arn:aws:states:us-east-1:{A}:stateMachine:target",
                "roleArn": f"arn:aws:iam::{A}:role/pipe",
                "tags": M,
            },
            {
                "arn": f"arn:aws:pipes:us-east-1:{A}:pipe/my-pipe",
                "name": "my-pipe",
                "currentState": "CREATING",
            },
        ),
        change(f"arn:aws:pipes:us-east-1:{A}:pipe/my-pipe", T),
    ),
    held(
        "elasticmapreduce-2009-03-31",
        "CreateStudio",
        "amazonelasticmapreduce",
        record(
            "elasticmapreduce",
            "CreateStudio",
            {
                "name": "my-studio",
                "authMode": "IAM",
                "vpcId": "vpc-1a2b3c4d",
                "serviceRole": f"arn:aws:iam::{A}:role/emr-studio",
                "tags": kv(team="alpha"),
            },
            {
                "studioId": "es-D4ED1DCCEXAMPLE",
                "url": "https://es-D4ED1DCCEXAMPLE.emrstudio-prod.us-east-1.amazonaws.com",
            },
        ),
        change(f"arn:aws:elasticmapreduce:us-east-1:{A}:studio/es-D4ED1DCCEXAMPLE", T),
    ),
    held(
        "elasticache-2015-02-02",
        "CreateCacheCluster",
        "amazonelasticache",
        record(
            "elasticache",
            "CreateCacheCluster",
            {
                "cacheClusterId": "my-memcached-cluster",
                "engine": "memcached",
                "numCacheNodes": 2,
                "tags": kv(team="alpha"),
            },
            {
                "cacheClusterId": "my-memcached-cluster",
                "cacheClusterStatus": "creating",
                "ARN": f"arn:aws:elasticache:us-west-2:{A}:cluster:my-memcached-cluster",
            },
            region="us-west-2",
        ),
        change(f"arn:aws:elasticache:us-west-2:{A}:cluster:my-memcached-cluster", T),
    ),
    held(
        "secretsmanager-2017-10-17",
        "CreateSecret",
        "awssecretsmanager",
        record(
            "secretsmanager",
            "CreateSecret",
            {"name": "MyTestSecret", "tags": kv(team="alpha")},
            {
                "aRN": f"arn:aws-cn:secretsmanager:cn-north-1:{B}:secret:MyTestSecret-a1b2c3",
                "name": "MyTestSecret",
            },
            region="cn-north-1",
            account=B,
        ),
        change(f"arn:aws-cn:secretsmanager:cn-north-1:{B}:secret:MyTestSecret-a1b2c3", T),
    ),
    held(
        "elasticloadbalancingv2-2015-12-01",
        "CreateTargetGroup",
        "awselasticloadbalancing",
        record(
            "elasticloadbalancing",
            "CreateTargetGroup",
            {
                "name": "my-targets",
                "protocol": "HTTP",
                "port": 80,
                "vpcId": "vpc-3ac0fb5f",
                "tags": kv(team="alpha"),
            },
            {
                "targetGroups": [
                    {
                        "targetGroupArn": f"arn:aws:elasticloadbalancing:us-west-2:{A}:targetgroup/my-targets/73e2d6bc24d8a067",
                        "targetGroupName": "my-targets",
                    }
                ]
            },
            region="us-west-2",
        ),
        change(f"arn:aws:elasticloadbalancing:us-west-2:{A}:targetgroup/my-targets/73e2d6bc24d8a067", T),
    ),
    held(
        "ssm-contacts-2021-05-03",
        "CreateContact",
        "awssystemsmanagerincidentmanagercontacts",
        record(
            "ssm-contacts",
            "CreateContact",
            {
                "alias": "akuam",
                "displayName": "Akua Mansa",
                "type": "PERSONAL",
                "plan": {"stages": []},
                "tags": kv(team="alpha"),
            },
            {"contactArn": f"arn:aws:ssm-contacts:us-east-2:{A}:contact/akuam"},
            region="us-east-2",
        ),
        change(f"arn:aws:ssm-contacts:us-east-2:{A}:contact/akuam", T),
    ),
    held(
        "keyspaces-2022-02-10",
        "CreateKeyspace",
        "amazonkeyspacesforapachecassandra",
        record(
            "cassandra",
            "CreateKeyspace",
            {"keyspaceName": "my_keyspace", "tags": lkv(team="alpha")},
            {"resourceArn": f"arn:aws:cassandra:eu-north-1:{A}:/keyspace/my_keyspace/"},
            region="eu-north-1",
        ),
        change(f"arn:aws:cassandra:eu-north-1:{A}:/keyspace/my_keyspace/", T),
    ),
    held(
        "iotevents-2018-07-27",
        "CreateInput",
        "awsiotevents",
        record(
            "iotevents",
            "CreateInput",
            {
                "inputName": "PressureInput",
                "inputDefinition": {"attributes": []},
                "tags": kv(team="alpha"),
            },
            {
                "inputConfiguration": {
                    "inputName": "PressureInput",
                    "inputArn": f"arn:aws:iotevents:us-west-2:{A}:input/PressureInput",
                    "status": "CREATING",
                }
            },
            region="us-west-2",
        ),
        change(f"arn:aws:iotevents:us-west-2:{A}:input/PressureInput", T),
    ),
    held(
        "route53resolver-2018-04-01",
        "CreateResolverRule",
        "amazonroute53resolver",
        record(
            "route53resolver",
            "CreateResolverRule",
            {
                "creatorRequestId": "1234",
                "name": "forward-example",
                "ruleType": "FORWARD",
                "domainName": "example.com",
                "resolverEndpointId": "rslvr-out-fdc049932dexample",
                "tags": kv(team="alpha"),
            },
            {
                "resolverRule": {
                    "id": "rslvr-rr-42b60677c0example",
                    "arn": f"arn:aws:route53resolver:ap-south-1:{A}:resolver-rule/rslvr-rr-42b60677c0example",
                    "resolverEndpointId": "rslvr-out-fdc049932dexample",
                }
            },
            region="ap-south-1",
        ),
        change(f"arn:aws:route53resolver:ap-south-1:{A}:resolver-rule/rslvr-rr-42b60677c0example", T),
    ),
    held(
        "xray-2016-04-12",
        "CreateGroup",
        "awsx-ray",
        record(
            "xray",
            "CreateGroup",
            {
                "groupName": "AdminGroup",
                "filterExpression": 'service("mydomain.com")',
                "tags": kv(team="alpha"),
            },
            {
                "group": {
                    "groupName": "AdminGroup",
                    "groupARN": f"arn:aws:xray:us-west-2:{A}:group/AdminGroup/UNIQUEID",
                }
            },
            region="us-west-2",
        ),
        change(f"arn:aws:xray:us-west-2:{A}:group/AdminGroup/UNIQUEID", T),
    ),
]
