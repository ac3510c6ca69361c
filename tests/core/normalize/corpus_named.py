"""Documented corpus, part three: targets named by id or name, made at creation, or in each tag."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, entry, goto, record, tags, upper, values

T = values(team="alpha")


k = "kinesis-2013-12-02"
cw = "monitoring-2010-08-01"
STREAMS_AND_ALARMS_ENTRIES: list[dict[str, Any]] = [
    entry(
        goto(k, "AddTagsToStream"),
        record(
            "kinesis",
            "AddTagsToStream",
            {"streamName": "exampleStreamName", "tags": values(Project="myProject")},
        ),
        change(f"arn:aws:kinesis:us-east-1:{A}:stream/exampleStreamName", values(Project="myProject")),
    ),
    entry(
        goto(k, "AddTagsToStream"),
        record(
            "kinesis",
            "AddTagsToStream",
            {"streamARN": f"arn:aws:kinesis:us-west-2:{A}:stream/orders", "tags": dict(T)},
            region="us-west-2",
        ),
        change(f"arn:aws:kinesis:us-west-2:{A}:stream/orders", T),
    ),
    entry(
        goto(k, "RemoveTagsFromStream"),
        record(
            "kinesis",
            "RemoveTagsFromStream",
            {"streamName": "orders", "tagKeys": ["team"]},
            region="us-gov-east-1",
        ),
        change(f"arn:aws-us-gov:kinesis:us-gov-east-1:{A}:stream/orders", removed=("team",)),
    ),
    entry(
        goto(k, "CreateStream"),
        record("kinesis", "CreateStream", {"streamName": "clicks", "shardCount": 1, "tags": dict(T)}),
        change(f"arn:aws:kinesis:us-east-1:{A}:stream/clicks", T),
    ),
    entry(
        goto(cw, "PutMetricAlarm"),
        record(
            "monitoring",
            "PutMetricAlarm",
            {"alarmName": "cpu-mon", "metricName": "CPUUtilization", "tags": tags(team="alpha")},
        ),
        change(f"arn:aws:cloudwatch:us-east-1:{A}:alarm:cpu-mon", T),
    ),
    entry(
        goto(cw, "PutMetricAlarm"),
        record(
            "monitoring",
            "PutMetricAlarm",
            {"alarmName": "disk-full", "tags": tags(team="alpha")},
            region="cn-north-1",
        ),
        change(f"arn:aws-cn:cloudwatch:cn-north-1:{A}:alarm:disk-full", T),
    ),
    entry(
        goto(cw, "PutInsightRule"),
        record(
            "monitoring",
            "PutInsightRule",
            {"ruleName": "top-talkers", "ruleDefinition": "{}", "tags": tags(team="alpha")},
        ),
        change(f"arn:aws:cloudwatch:us-east-1:{A}:insight-rule/top-talkers", T),
    ),
    entry(
        goto(cw, "PutMetricStream"),
        record(
            "monitoring",
            "PutMetricStream",
            {"name": "to-firehose", "tags": tags(team="alpha")},
            {"arn": f"arn:aws:cloudwatch:us-east-1:{A}:metric-stream/to-firehose"},
        ),
        change(f"arn:aws:cloudwatch:us-east-1:{A}:metric-stream/to-firehose", T),
    ),
    entry(
        goto(cw, "UntagResource"),
        record(
            "monitoring",
            "UntagResource",
            {"resourceARN": f"arn:aws:cloudwatch:us-east-1:{A}:alarm:cpu-mon", "tagKeys": ["team"]},
        ),
        change(f"arn:aws:cloudwatch:us-east-1:{A}:alarm:cpu-mon", removed=("team",)),
    ),
]


r53 = "route53-2013-04-01"
sqs = "sqs-2012-11-05"
DNS_QUEUES_TOPICS_ENTRIES: list[dict[str, Any]] = [
    entry(
        goto(r53, "ChangeTagsForResource"),
        record(
            "route53",
            "ChangeTagsForResource",
            {"resourceType": "hostedzone", "resourceId": "Z1D633PJN98FT9", "addTags": tags(team="alpha")},
        ),
        change("arn:aws:route53:::hostedzone/Z1D633PJN98FT9", T),
    ),
    entry(
        goto(r53, "ChangeTagsForResource"),
        record(
            "route53",
            "ChangeTagsForResource",
            {
                "resourceType": "healthcheck",
                "resourceId": "abcdef11-2222-3333-4444-555555fedcba",
                "addTags": tags(team="alpha"),
                "removeTagKeys": ["old"],
            },
        ),
        change("arn:aws:route53:::healthcheck/abcdef11-2222-3333-4444-555555fedcba", T, removed=("old",)),
    ),
    entry(
        goto(sqs, "TagQueue"),
        record(
            "sqs",
            "TagQueue",
            {
                "queueUrl": f"https://sqs.us-east-1.amazonaws.com/{A}/MyQueue",
                "tags": values(QueueType="Production"),
            },
        ),
        change(f"arn:aws:sqs:us-east-1:{A}:MyQueue", values(QueueType="Production")),
    ),
    entry(
        goto(sqs, "UntagQueue"),
        record(
            "sqs",
            "UntagQueue",
            {"queueUrl": f"https://sqs.eu-west-1.amazonaws.com/{A}/MyQueue", "tagKeys": ["QueueType"]},
            region="eu-west-1",
        ),
        change(f"arn:aws:sqs:eu-west-1:{A}:MyQueue", removed=("QueueType",)),
    ),
    entry(
        goto(sqs, "CreateQueue"),
        record(
            "sqs",
            "CreateQueue",
            {"queueName": "orders", "tags": dict(T)},
            {"queueUrl": f"https://sqs.us-east-1.amazonaws.com/{A}/orders"},
        ),
        change(f"arn:aws:sqs:us-east-1:{A}:orders", T),
    ),
    entry(
        goto("sns-2010-03-31", "CreateTopic"),
        record(
            "sns",
            "CreateTopic",
            {"name": "alerts", "tags": tags(team="alpha")},
            {"topicArn": f"arn:aws:sns:us-east-1:{A}:alerts"},
        ),
        change(f"arn:aws:sns:us-east-1:{A}:alerts", T),
    ),
    entry(
        goto("dynamodb-2012-08-10", "CreateTable"),
        record(
            "dynamodb",
            "CreateTable",
            {"tableName": "Music", "tags": upper(team="alpha")},
            {
                "tableDescription": {
                    "tableName": "Music",
                    "tableArn": f"arn:aws:dynamodb:us-east-1:{A}:table/Music",
                }
            },
        ),
        change(f"arn:aws:dynamodb:us-east-1:{A}:table/Music", T),
    ),
    entry(
        goto("rds-2014-10-31", "CreateDBInstance"),
        record(
            "rds",
            "CreateDBInstance",
            {"dBInstanceIdentifier": "mydbinstance", "engine": "mysql", "tags": tags(team="alpha")},
            {
                "dBInstanceIdentifier": "mydbinstance",
                "dBInstanceArn": f"arn:aws:rds:us-east-1:{A}:db:mydbinstance",
            },
        ),
        change(f"arn:aws:rds:us-east-1:{A}:db:mydbinstance", T),
    ),
    entry(
        goto("ecs-2014-11-13", "CreateCluster"),
        record(
            "ecs",
            "CreateCluster",
            {"clusterName": "dev", "tags": tags(team="alpha")},
            {"cluster": {"clusterName": "dev", "clusterArn": f"arn:aws:ecs:us-east-1:{A}:cluster/dev"}},
        ),
        change(f"arn:aws:ecs:us-east-1:{A}:cluster/dev", T),
    ),
    entry(
        goto("ecr-2015-09-21", "CreateRepository"),
        record(
            "ecr",
            "CreateRepository",
            {"repositoryName": "project-a/web", "tags": upper(team="alpha")},
            {
                "repository": {
                    "repositoryName": "project-a/web",
                    "repositoryArn": f"arn:aws:ecr:us-east-1:{A}:repository/project-a/web",
                }
            },
        ),
        change(f"arn:aws:ecr:us-east-1:{A}:repository/project-a/web", T),
    ),
    entry(
        goto("eks-2017-11-01", "CreateCluster"),
        record(
            "eks",
            "CreateCluster",
            {"name": "prod", "tags": dict(T)},
            {"cluster": {"name": "prod", "arn": f"arn:aws:eks:us-east-1:{A}:cluster/prod"}},
        ),
        change(f"arn:aws:eks:us-east-1:{A}:cluster/prod", T),
    ),
    entry(
        goto("states-2016-11-23", "CreateStateMachine"),
        record(
            "states",
            "CreateStateMachine",
            {"name": "HelloWorld", "definition": "{}", "tags": tags(team="alpha")},
            {"stateMachineArn": f"arn:aws:states:us-east-1:{A}:stateMachine:HelloWorld"},
        ),
        change(f"arn:aws:states:us-east-1:{A}:stateMachine:HelloWorld", T),
    ),
    entry(
        goto("eventbridge-2015-10-07", "CreateEventBus"),
        record(
            "events",
            "CreateEventBus",
            {"name": "orders-bus", "tags": upper(team="alpha")},
            {"eventBusArn": f"arn:aws:events:us-east-1:{A}:event-bus/orders-bus"},
        ),
        change(f"arn:aws:events:us-east-1:{A}:event-bus/orders-bus", T),
    ),
    entry(
        goto("logs-2014-03-28", "TagLogGroup"),
        record("logs", "TagLogGroup", {"logGroupName": "/aws/lambda/orders", "tags": dict(T)}),
        change(f"arn:aws:logs:us-east-1:{A}:log-group:/aws/lambda/orders", T),
    ),
    entry(
        goto("logs-2014-03-28", "CreateLogGroup"),
        record("logs", "CreateLogGroup", {"logGroupName": "app-logs", "tags": dict(T)}, region="ap-south-1"),
        change(f"arn:aws:logs:ap-south-1:{A}:log-group:app-logs", T),
    ),
    entry(
        goto("glue-2017-03-31", "CreateJob"),
        record(
            "glue",
            "CreateJob",
            {"name": "nightly-etl", "role": "GlueRole", "tags": dict(T)},
            {"name": "nightly-etl"},
        ),
        change(f"arn:aws:glue:us-east-1:{A}:job/nightly-etl", T),
    ),
    entry(
        goto("athena-2017-05-18", "CreateWorkGroup"),
        record("athena", "CreateWorkGroup", {"name": "analysts", "tags": upper(team="alpha")}),
        change(f"arn:aws:athena:us-east-1:{A}:workgroup/analysts", T),
    ),
    entry(
        goto("firehose-2015-08-04", "TagDeliveryStream"),
        record(
            "firehose",
            "TagDeliveryStream",
            {"deliveryStreamName": "clicks-to-s3", "tags": upper(team="alpha")},
        ),
        change(f"arn:aws:firehose:us-east-1:{A}:deliverystream/clicks-to-s3", T),
    ),
    entry(
        goto("backup-2018-11-15", "CreateBackupVault"),
        record(
            "backup",
            "CreateBackupVault",
            {"backupVaultName": "prod-vault", "backupVaultTags": dict(T)},
            {
                "backupVaultName": "prod-vault",
                "backupVaultArn": f"arn:aws:backup:us-east-1:{A}:backup-vault:prod-vault",
            },
        ),
        change(f"arn:aws:backup:us-east-1:{A}:backup-vault:prod-vault", T),
    ),
    entry(
        goto("transfer-2018-11-05", "CreateServer"),
        record(
            "transfer", "CreateServer", {"tags": upper(team="alpha")}, {"serverId": "s-01234567890abcdef"}
        ),
        change(f"arn:aws:transfer:us-east-1:{A}:server/s-01234567890abcdef", T),
    ),
]


def named_entries() -> list[dict[str, Any]]:
    return [*STREAMS_AND_ALARMS_ENTRIES, *DNS_QUEUES_TOPICS_ENTRIES]
