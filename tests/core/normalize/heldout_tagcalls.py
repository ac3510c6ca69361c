"""Held-out corpus, part four: tag and untag calls on existing resources of services the documented
corpus does not cover, by ARN or by name; and targets no record can determine."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, unresolved, values
from tests.core.normalize.heldout_builders import held, kv, lkv

T = values(team="alpha")
M = {"team": "alpha"}
GROUP = f"arn:aws:resource-groups:eu-west-1:{A}:group/app-servers"
PINPOINT_APP = f"arn:aws:mobiletargeting:us-east-1:{A}:apps/6e0b7591a90841d2b5d93fa11143e5a7"


TAG_CALL_ENTRIES: list[dict[str, Any]] = [
    held(
        "resource-groups-2017-11-27",
        "Tag",
        "awsresourcegroups",
        record(
            "resource-groups",
            "Tag",
            {"arn": GROUP, "tags": M},
            {"arn": GROUP, "tags": M},
            region="eu-west-1",
        ),
        change(GROUP, T),
    ),
    held(
        "resource-groups-2017-11-27",
        "Untag",
        "awsresourcegroups",
        record(
            "resource-groups",
            "Untag",
            {"arn": GROUP, "keys": ["team"]},
            {"arn": GROUP, "keys": ["team"]},
            region="eu-west-1",
        ),
        change(GROUP, removed=("team",)),
    ),
    held(
        "servicediscovery-2017-03-14",
        "TagResource",
        "awscloudmap",
        record(
            "servicediscovery",
            "TagResource",
            {
                "resourceARN": f"arn:aws:servicediscovery:us-east-1:{A}:namespace/ns-e4anhexample0004",
                "tags": kv(team="alpha"),
            },
        ),
        change(f"arn:aws:servicediscovery:us-east-1:{A}:namespace/ns-e4anhexample0004", T),
    ),
    held(
        "servicediscovery-2017-03-14",
        "UntagResource",
        "awscloudmap",
        record(
            "servicediscovery",
            "UntagResource",
            {
                "resourceARN": f"arn:aws:servicediscovery:us-east-1:{A}:service/srv-e4anhexample0004",
                "tagKeys": ["team"],
            },
        ),
        change(f"arn:aws:servicediscovery:us-east-1:{A}:service/srv-e4anhexample0004", removed=("team",)),
    ),
    held(
        "servicediscovery-2017-03-14",
        "CreateHttpNamespace",
        "awscloudmap",
        record(
            "servicediscovery",
            "CreateHttpNamespace",
            {"name": "example-http", "creatorRequestId": "example-request-id", "tags": kv(team="alpha")},
            {"operationId": "gv4hwbfs3zjhkqgh2hjs4nkaac6hgc7d-mm0zd8ri"},
        ),
        unresolved("servicediscovery:", T),
        note="a namespace's ARN holds its id, which the asynchronous call's response does not give",
    ),
    held(
        "codeartifact-2018-09-22",
        "TagResource",
        "awscodeartifact",
        record(
            "codeartifact",
            "TagResource",
            {
                "resourceArn": f"arn:aws:codeartifact:us-east-1:{A}:repository/my-domain/my-repo",
                "tags": lkv(team="alpha"),
            },
        ),
        change(f"arn:aws:codeartifact:us-east-1:{A}:repository/my-domain/my-repo", T),
    ),
    held(
        "dax-2017-04-19",
        "UntagResource",
        "amazondynamodbacceleratordax",
        record(
            "dax",
            "UntagResource",
            {"resourceName": f"arn:aws:dax:us-west-2:{A}:cache/daxcluster", "tagKeys": ["team"]},
            region="us-west-2",
        ),
        change(f"arn:aws:dax:us-west-2:{A}:cache/daxcluster", removed=("team",)),
    ),
    held(
        "kinesisvideo-2017-09-30",
        "TagStream",
        "amazonkinesisvideostreams",
        record("kinesisvideo", "TagStream", {"streamName": "my-stream", "tags": M}, region="us-west-2"),
        unresolved("my-stream", T),
        note="a video stream's ARN holds its creation time, which a record naming it by name lacks",
    ),
    held(
        "kinesisvideo-2017-09-30",
        "UntagStream",
        "amazonkinesisvideostreams",
        record(
            "kinesisvideo",
            "UntagStream",
            {
                "streamARN": f"arn:aws:kinesisvideo:us-west-2:{A}:stream/my-stream/1234567890123",
                "tagKeyList": ["team"],
            },
            region="us-west-2",
        ),
        change(f"arn:aws:kinesisvideo:us-west-2:{A}:stream/my-stream/1234567890123", removed=("team",)),
    ),
    held(
        "medialive-2017-10-14",
        "CreateTags",
        "awselementalmedialive",
        record(
            "medialive",
            "CreateTags",
            {"resourceArn": f"arn:aws:medialive:us-west-2:{A}:channel:1234567", "tags": M},
            region="us-west-2",
        ),
        change(f"arn:aws:medialive:us-west-2:{A}:channel:1234567", T),
    ),
    held(
        "mediastore-2017-09-01",
        "TagResource",
        "awselementalmediastore",
        record(
            "mediastore",
            "TagResource",
            {
                "resource": f"arn:aws:mediastore:us-west-2:{A}:container/ExampleContainer",
                "tags": kv(team="alpha"),
            },
            region="us-west-2",
        ),
        change(f"arn:aws:mediastore:us-west-2:{A}:container/ExampleContainer", T),
    ),
    held(
        "pinpoint-2016-12-01",
        "TagResource",
        "amazonpinpoint",
        record("pinpoint", "TagResource", {"resourceArn": PINPOINT_APP, "tagsModel": {"tags": M}}),
        change(PINPOINT_APP, T),
    ),
    held(
        "pinpoint-2016-12-01",
        "UntagResource",
        "amazonpinpoint",
        record("pinpoint", "UntagResource", {"resourceArn": PINPOINT_APP, "tagKeys": ["team"]}),
        change(PINPOINT_APP, removed=("team",)),
    ),
    held(
        "sagemaker-2017-07-24",
        "DeleteTags",
        "amazonsagemaker",
        record(
            "sagemaker",
            "DeleteTags",
            {"resourceArn": f"arn:aws:sagemaker:eu-west-1:{A}:endpoint/my-endpoint", "tagKeys": ["team"]},
            region="eu-west-1",
        ),
        change(f"arn:aws:sagemaker:eu-west-1:{A}:endpoint/my-endpoint", removed=("team",)),
    ),
    held(
        "budgets-2016-10-20",
        "TagResource",
        "awsbudgetservice",
        record(
            "budgets",
            "TagResource",
            {
                "resourceARN": f"arn:aws:budgets::{A}:budget/monthly-cost",
                "resourceTags": kv(team="alpha"),
            },
        ),
        change(f"arn:aws:budgets::{A}:budget/monthly-cost", T),
    ),
    held(
        "cloudtrail-2013-11-01",
        "AddTags",
        "awscloudtrail",
        record(
            "cloudtrail",
            "AddTags",
            {
                "resourceId": f"arn:aws:cloudtrail:us-east-2:{A}:trail/my-trail",
                "tagsList": kv(team="alpha"),
            },
            region="us-east-2",
        ),
        change(f"arn:aws:cloudtrail:us-east-2:{A}:trail/my-trail", T),
    ),
    held(
        "cloudtrail-2013-11-01",
        "RemoveTags",
        "awscloudtrail",
        record(
            "cloudtrail",
            "RemoveTags",
            {
                "resourceId": f"arn:aws:cloudtrail:us-east-2:{A}:trail/my-trail",
                "tagsList": [{"key": "team"}],
            },
            region="us-east-2",
        ),
        change(f"arn:aws:cloudtrail:us-east-2:{A}:trail/my-trail", removed=("team",)),
    ),
    held(
        "cloudtrail-2013-11-01",
        "CreateTrail",
        "awscloudtrail",
        record(
            "cloudtrail",
            "CreateTrail",
            {
                "name": "my-trail",
                "s3BucketName": "amzn-s3-demo-bucket",
                "snsTopicName": "trail-topic",
                "tagsList": kv(team="alpha"),
            },
            {
                "name": "my-trail",
                "s3BucketName": "amzn-s3-demo-bucket",
                "snsTopicARN": f"arn:aws:sns:us-east-2:{A}:trail-topic",
                "trailARN": f"arn:aws:cloudtrail:us-east-2:{A}:trail/my-trail",
            },
            region="us-east-2",
        ),
        change(f"arn:aws:cloudtrail:us-east-2:{A}:trail/my-trail", T),
    ),
    held(
        "config-2014-11-12",
        "PutConfigRule",
        "awsconfig",
        record(
            "config",
            "PutConfigRule",
            {
                "configRule": {
                    "configRuleName": "s3-bucket-versioning-enabled",
                    "source": {"owner": "AWS"},
                },
                "tags": kv(team="alpha"),
            },
        ),
        unresolved("config:", T),
        note="a config rule's ARN holds the config-rule-... id AWS assigns, which the record does not give",
    ),
    held(
        "config-2014-11-12",
        "PutAggregationAuthorization",
        "awsconfig",
        record(
            "config",
            "PutAggregationAuthorization",
            {
                "authorizedAccountId": "444455556666",
                "authorizedAwsRegion": "us-east-1",
                "tags": kv(team="alpha"),
            },
            {
                "aggregationAuthorization": {
                    "aggregationAuthorizationArn": f"arn:aws:config:us-east-1:{A}:aggregation-authorization/444455556666/us-east-1"
                }
            },
        ),
        change(f"arn:aws:config:us-east-1:{A}:aggregation-authorization/444455556666/us-east-1", T),
    ),
    held(
        "quicksight-2018-04-01",
        "TagResource",
        "amazonquicksight",
        record(
            "quicksight",
            "TagResource",
            {
                "resourceArn": f"arn:aws:quicksight:us-east-1:{A}:dashboard/sales",
                "tags": kv(team="alpha"),
            },
        ),
        change(f"arn:aws:quicksight:us-east-1:{A}:dashboard/sales", T),
    ),
    held(
        "greengrassv2-2020-11-30",
        "TagResource",
        "awsiotgreengrass",
        record(
            "greengrass",
            "TagResource",
            {
                "resourceArn": f"arn:aws:greengrass:us-west-2:{A}:components:com.example.HelloWorld",
                "tags": M,
            },
            region="us-west-2",
        ),
        change(f"arn:aws:greengrass:us-west-2:{A}:components:com.example.HelloWorld", T),
    ),
    held(
        "transcribe-2017-10-26",
        "TagResource",
        "amazontranscribe",
        record(
            "transcribe",
            "TagResource",
            {
                "resourceArn": f"arn:aws:transcribe:ca-central-1:{A}:vocabulary/my-vocab",
                "tags": kv(team="alpha"),
            },
            region="ca-central-1",
        ),
        change(f"arn:aws:transcribe:ca-central-1:{A}:vocabulary/my-vocab", T),
    ),
    held(
        "connect-2017-08-08",
        "TagResource",
        "amazonconnect",
        record(
            "connect",
            "TagResource",
            {
                "resourceArn": f"arn:aws:connect:us-west-2:{A}:instance/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/queue/q1",
                "tags": M,
            },
            region="us-west-2",
        ),
        change(f"arn:aws:connect:us-west-2:{A}:instance/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/queue/q1", T),
    ),
    held(
        "apigatewayv2-2018-11-29",
        "CreateApi",
        "amazonapigatewaymanagement",
        record(
            "apigateway",
            "CreateApi",
            {"name": "my-http-api", "protocolType": "HTTP", "tags": M},
            {
                "apiId": "a1b2c3d4",
                "apiEndpoint": "https://a1b2c3d4.execute-api.us-west-2.amazonaws.com",
                "name": "my-http-api",
            },
            region="us-west-2",
        ),
        change("arn:aws:apigateway:us-west-2::/apis/a1b2c3d4", T),
    ),
    held(
        "apigateway-2015-07-09",
        "CreateRestApi",
        "amazonapigatewaymanagement",
        record(
            "apigateway",
            "CreateRestApi",
            {"name": "my-api", "tags": M},
            {"id": "abc123defg", "name": "my-api"},
        ),
        change("arn:aws:apigateway:us-east-1::/restapis/abc123defg", T),
    ),
]
