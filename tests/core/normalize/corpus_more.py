"""Documented corpus, part two: one or more records of each further service."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import (
    change,
    entry,
    goto,
    partition,
    record,
    tags,
    upper,
    values,
)

_TEAM = values(team="alpha")


def tag_by_arn(
    uid: str,
    source: str,
    arn: str,
    member: str = "resourceArn",
    op: str = "TagResource",
    tag_member: str = "tags",
    shape: str = "list",
) -> dict[str, Any]:
    """A TagResource-style call naming its target by ARN, in the region the ARN holds."""
    region = arn.split(":")[3] or "us-east-1"
    given: Any = {"list": tags(team="alpha"), "map": dict(_TEAM), "upper": upper(team="alpha")}[shape]
    return entry(
        goto(uid, op),
        record(source, op, {member: arn, tag_member: given}, region=region),
        change(arn, dict(_TEAM)),
    )


def untag_by_arn(
    uid: str, source: str, arn: str, member: str = "resourceArn", keys_member: str = "tagKeys"
) -> dict[str, Any]:
    region = arn.split(":")[3] or "us-east-1"
    return entry(
        goto(uid, "UntagResource"),
        record(source, "UntagResource", {member: arn, keys_member: ["team"]}, region=region),
        change(arn, removed=("team",)),
    )


def _r(service: str, rest: str, region: str = "us-east-1") -> str:
    return f"arn:{partition(region)}:{service}:{region}:{A}:{rest}"


BY_ARN_ENTRIES: list[dict[str, Any]] = [
    tag_by_arn("sns-2010-03-31", "sns", _r("sns", "MyTopic")),
    untag_by_arn("sns-2010-03-31", "sns", _r("sns", "MyTopic", "eu-west-1")),
    tag_by_arn("dynamodb-2012-08-10", "dynamodb", _r("dynamodb", "table/Music"), shape="upper"),
    untag_by_arn("dynamodb-2012-08-10", "dynamodb", _r("dynamodb", "table/Music", "ap-northeast-1")),
    tag_by_arn("ecs-2014-11-13", "ecs", _r("ecs", "cluster/dev")),
    tag_by_arn("ecs-2014-11-13", "ecs", _r("ecs", "service/dev/web", "us-west-2")),
    tag_by_arn("ecr-2015-09-21", "ecr", _r("ecr", "repository/project-a/nginx-web-app")),
    tag_by_arn("eks-2017-11-01", "eks", _r("eks", "cluster/my-cluster"), shape="map"),
    tag_by_arn(
        "acm-2015-12-08",
        "acm",
        _r("acm", "certificate/12345678-1234-1234-1234-123456789012"),
        member="certificateArn",
        op="AddTagsToCertificate",
    ),
    tag_by_arn("states-2016-11-23", "states", _r("states", "stateMachine:HelloWorld")),
    tag_by_arn("eventbridge-2015-10-07", "events", _r("events", "rule/my-rule"), member="resourceARN"),
    tag_by_arn("logs-2014-03-28", "logs", _r("logs", "log-group:/aws/lambda/my-function"), shape="map"),
    tag_by_arn(
        "apigateway-2015-07-09",
        "apigateway",
        "arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5",
        shape="map",
    ),
    tag_by_arn(
        "glue-2017-03-31",
        "glue",
        _r("glue", "job/nightly-etl"),
        member="resourceArn",
        tag_member="tagsToAdd",
        shape="map",
    ),
    tag_by_arn("athena-2017-05-18", "athena", _r("athena", "workgroup/primary"), member="resourceARN"),
    tag_by_arn("dms-2016-01-01", "dms", _r("dms", "rep:ABCDEFGHIJKLMNOPQRSTUVWXYZ"), op="AddTagsToResource"),
    tag_by_arn(
        "redshift-2012-12-01",
        "redshift",
        _r("redshift", "cluster:examplecluster"),
        member="resourceName",
        op="CreateTags",
    ),
    tag_by_arn(
        "elasticache-2015-02-02",
        "elasticache",
        _r("elasticache", "cluster:my-mem-cluster"),
        member="resourceName",
        op="AddTagsToResource",
    ),
    tag_by_arn(
        "es-2015-01-01", "es", _r("es", "domain/movies"), member="aRN", op="AddTags", tag_member="tagList"
    ),
    tag_by_arn(
        "sagemaker-2017-07-24",
        "sagemaker",
        _r("sagemaker", "notebook-instance/my-notebook"),
        op="AddTags",
    ),
    tag_by_arn("codecommit-2015-04-13", "codecommit", _r("codecommit", "MyDemoRepo"), shape="map"),
    tag_by_arn("codepipeline-2015-07-09", "codepipeline", _r("codepipeline", "MyPipeline")),
    tag_by_arn(
        "codedeploy-2014-10-06",
        "codedeploy",
        _r("codedeploy", "application:testApp"),
        member="resourceArn",
    ),
    tag_by_arn(
        "wafv2-2019-07-29",
        "wafv2",
        _r("wafv2", "regional/webacl/test-web-acl/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"),
        member="resourceARN",
    ),
    tag_by_arn(
        "guardduty-2017-11-28",
        "guardduty",
        _r("guardduty", "detector/12abc34d567e8fa901bc2d34e56789f0"),
        shape="map",
    ),
    tag_by_arn("securityhub-2018-10-26", "securityhub", _r("securityhub", "hub/default"), shape="map"),
    tag_by_arn(
        "config-2014-11-12",
        "config",
        _r("config", "config-rule/config-rule-a1bzhi"),
        member="resourceArn",
    ),
    tag_by_arn("backup-2018-11-15", "backup", _r("backup", "backup-vault:Default"), shape="map"),
    tag_by_arn("fsx-2018-03-01", "fsx", _r("fsx", "file-system/fs-0498eed5fe91001ec"), member="resourceARN"),
    tag_by_arn(
        "storagegateway-2013-06-30",
        "storagegateway",
        _r("storagegateway", "gateway/sgw-12A3456B"),
        member="resourceARN",
        op="AddTagsToResource",
    ),
    tag_by_arn("transfer-2018-11-05", "transfer", _r("transfer", "server/s-01234567890abcdef"), member="arn"),
    tag_by_arn(
        "cognito-idp-2016-04-18",
        "cognito-idp",
        _r("cognito-idp", "userpool/us-east-1_EXAMPLE"),
        shape="map",
    ),
    tag_by_arn(
        "appsync-2017-07-25", "appsync", _r("appsync", "apis/abcdefghijklmnopqrstuvwxyz"), shape="map"
    ),
    tag_by_arn(
        "cloud9-2017-09-23",
        "cloud9",
        _r("cloud9", "environment:8a34f51ce1e04a08882f1e811bd706EX"),
        member="resourceARN",
    ),
    tag_by_arn("batch-2016-08-10", "batch", _r("batch", "job-queue/HighPriority"), shape="map"),
    tag_by_arn("sesv2-2019-09-27", "ses", _r("ses", "configuration-set/my-config-set")),
    tag_by_arn(
        "xray-2016-04-12",
        "xray",
        _r("xray", "group/my-group/ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        member="resourceARN",
    ),
    tag_by_arn("iot-2015-05-28", "iot", _r("iot", "thinggroup/LightBulbs")),
    tag_by_arn(
        "timestream-write-2018-11-01",
        "timestream",
        _r("timestream", "database/sampleDB"),
        member="resourceARN",
    ),
    tag_by_arn("memorydb-2021-01-01", "memorydb", _r("memorydb", "cluster/my-cluster")),
    tag_by_arn("keyspaces-2022-02-10", "cassandra", _r("cassandra", "/keyspace/mykeyspace/")),
    tag_by_arn(
        "datasync-2018-11-09",
        "datasync",
        _r("datasync", "task/task-08de6e6697796f026"),
        member="resourceArn",
    ),
    tag_by_arn(
        "acm-pca-2017-08-22",
        "acm-pca",
        _r("acm-pca", "certificate-authority/12345678-1234-1234-1234-123456789012"),
        member="certificateAuthorityArn",
        op="TagCertificateAuthority",
    ),
    tag_by_arn(
        "network-firewall-2020-11-12",
        "network-firewall",
        _r("network-firewall", "firewall/example-firewall"),
    ),
    tag_by_arn(
        "route53resolver-2018-04-01",
        "route53resolver",
        _r("route53resolver", "resolver-rule/rslvr-rr-42b60677c0example"),
        member="resourceArn",
    ),
    tag_by_arn("dlm-2018-01-12", "dlm", _r("dlm", "policy/policy-0123456789abcdef0"), shape="map"),
    tag_by_arn(
        "imagebuilder-2019-12-02",
        "imagebuilder",
        _r("imagebuilder", "image-pipeline/my-pipeline"),
        shape="map",
    ),
    tag_by_arn(
        "globalaccelerator-2018-08-08",
        "globalaccelerator",
        f"arn:aws:globalaccelerator::{A}:accelerator/1234abcd-abcd-1234-abcd-1234abcdefgh",
    ),
    tag_by_arn("directconnect-2012-10-25", "directconnect", _r("directconnect", "dxcon/dxcon-fg5678gh")),
    tag_by_arn(
        "mq-2017-11-27",
        "mq",
        _r("mq", "broker:MyBroker:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9"),
        op="CreateTags",
        shape="map",
    ),
    tag_by_arn(
        "kafka-2018-11-14",
        "kafka",
        _r("kafka", "cluster/demo/abcd1234-ab12-cd34-ef56-abcdef123456-1"),
        shape="map",
    ),
    tag_by_arn(
        "kinesis-2013-12-02",
        "kinesis",
        _r("kinesis", "stream/my-stream"),
        member="resourceARN",
        shape="map",
    ),
    tag_by_arn(
        "monitoring-2010-08-01", "monitoring", _r("cloudwatch", "alarm:cpu-high"), member="resourceARN"
    ),
    tag_by_arn(
        "elasticbeanstalk-2010-12-01",
        "elasticbeanstalk",
        _r("elasticbeanstalk", "environment/my-app/my-env"),
        op="UpdateTagsForResource",
        tag_member="tagsToAdd",
    ),
    tag_by_arn(
        "rds-2014-10-31",
        "rds",
        _r("rds", "db:mydbinstance"),
        member="resourceName",
        op="AddTagsToResource",
    ),
    tag_by_arn(
        "rds-2014-10-31",
        "rds",
        _r("rds", "cluster:my-neptune-cluster", "us-west-2"),
        member="resourceName",
        op="AddTagsToResource",
    ),
]
