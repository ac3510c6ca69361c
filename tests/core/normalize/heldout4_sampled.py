"""Held-out corpus, round four: operations drawn at random, written after round three's fixes
and measured before any further fix. The draw (``random.seed(20261202)``): the catalogued
operations neither corpus had, grouped by event source; 70 event sources drawn with
``random.sample`` over the sorted sources, then one operation of each with ``random.choice`` over
its sorted operations, so that the draw covers many services rather than the few with many
operations. 69 written (one skipped: Organizations InviteOrganizationToTransferResponsibility,
whose reference does not say whether its tags land on the handshake in the response or on the
transfer, which the response does not name). Records from the operation's API reference
(request and response members as botocore's model spells them, with a lower-case first letter
for the query-protocol and EFS records, as the earlier rounds have them), expected targets from the
Service Authorization Reference's ARN format, by hand, before running the normalizer on them."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, values
from tests.core.normalize.heldout_builders import held, kv

T = values(team="alpha")
M = {"team": "alpha"}
GONE = ("team",)


ROUND4_ENTRIES: list[dict[str, Any]] = [
    held(
        "detective-2018-10-26",
        "TagResource",
        "amazondetective",
        record(
            "detective",
            "TagResource",
            {
                "ResourceArn": f"arn:aws:detective:eu-west-1:{A}:graph:027c7c4610ea4aacaf0b883093cab899",
                "Tags": M,
            },
            region="eu-west-1",
        ),
        change(f"arn:aws:detective:eu-west-1:{A}:graph:027c7c4610ea4aacaf0b883093cab899", T),
    ),
    held(
        "license-manager-linux-subscriptions-2018-05-10",
        "UntagResource",
        "awslicensemanagerlinuxsubscriptionsmanager",
        record(
            "license-manager-linux-subscriptions",
            "UntagResource",
            {
                "resourceArn": f"arn:aws:license-manager-linux-subscriptions:us-east-1:{A}:subscription-provider/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
                "tagKeys": ["team"],
            },
        ),
        change(
            f"arn:aws:license-manager-linux-subscriptions:us-east-1:{A}:subscription-provider/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            removed=GONE,
        ),
    ),
    held(
        "aiops-2018-05-10",
        "TagResource",
        "amazonaioperations",
        record(
            "aiops",
            "TagResource",
            {"resourceArn": f"arn:aws:aiops:us-west-2:{A}:investigation-group/hMPl0ZXUBhVkwZyk", "tags": M},
            region="us-west-2",
        ),
        change(f"arn:aws:aiops:us-west-2:{A}:investigation-group/hMPl0ZXUBhVkwZyk", T),
    ),
    held(
        "codestar-connections-2019-12-01",
        "CreateRepositoryLink",
        "awscodestarconnections",
        record(
            "codestar-connections",
            "CreateRepositoryLink",
            {
                "ConnectionArn": f"arn:aws:codestar-connections:us-west-2:{A}:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f",
                "OwnerId": "owner",
                "RepositoryName": "MyRepo",
                "Tags": kv(team="alpha"),
            },
            {
                "RepositoryLinkInfo": {
                    "ConnectionArn": f"arn:aws:codestar-connections:us-west-2:{A}:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f",
                    "OwnerId": "owner",
                    "ProviderType": "GitHub",
                    "RepositoryLinkArn": f"arn:aws:codestar-connections:us-west-2:{A}:repository-link/be8f2017-b016-4a77-87b4-608054f70e77",
                    "RepositoryLinkId": "be8f2017-b016-4a77-87b4-608054f70e77",
                    "RepositoryName": "MyRepo",
                }
            },
            region="us-west-2",
        ),
        change(
            f"arn:aws:codestar-connections:us-west-2:{A}:repository-link/be8f2017-b016-4a77-87b4-608054f70e77",
            T,
        ),
        note="the tags are the new link's, not the connection's the request names",
    ),
    held(
        "snow-device-management-2021-08-04",
        "CreateTask",
        "awssnowdevicemanagement",
        record(
            "snow-device-management",
            "CreateTask",
            {"command": {"reboot": {}}, "targets": ["smd-fjwcuk3wbt5example"], "tags": M},
            {
                "taskArn": f"arn:aws:snow-device-management:us-west-2:{A}:task/st-ficthmqoc2pht111",
                "taskId": "st-ficthmqoc2pht111",
            },
            region="us-west-2",
        ),
        change(f"arn:aws:snow-device-management:us-west-2:{A}:task/st-ficthmqoc2pht111", T),
        note="the targets are managed devices; the tags are the task's",
    ),
    held(
        "gameliftstreams-2018-05-10",
        "CreateStreamGroup",
        "amazongameliftstreams",
        record(
            "gameliftstreams",
            "CreateStreamGroup",
            {"Description": "my stream group", "StreamClass": "gen5n_win2022", "Tags": M},
            {
                "Arn": f"arn:aws:gameliftstreams:us-west-2:{A}:streamgroup/sg-1AB2C3De4",
                "Id": "sg-1AB2C3De4",
                "Status": "ACTIVATING",
                "StreamClass": "gen5n_win2022",
            },
            region="us-west-2",
        ),
        change(f"arn:aws:gameliftstreams:us-west-2:{A}:streamgroup/sg-1AB2C3De4", T),
    ),
    held(
        "verifiedpermissions-2021-12-01",
        "TagResource",
        "amazonverifiedpermissions",
        record(
            "verifiedpermissions",
            "TagResource",
            {
                "resourceArn": f"arn:aws:verifiedpermissions::{A}:policy-store/PSEXAMPLEabcdefg111111",
                "tags": M,
            },
        ),
        change(f"arn:aws:verifiedpermissions::{A}:policy-store/PSEXAMPLEabcdefg111111", T),
    ),
    held(
        "gamelift-2015-10-01",
        "TagResource",
        "amazongameliftservers",
        record(
            "gamelift",
            "TagResource",
            {
                "ResourceARN": f"arn:aws:gamelift:ap-northeast-1:{A}:fleet/fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa",
                "Tags": kv(team="alpha"),
            },
            region="ap-northeast-1",
        ),
        change(f"arn:aws:gamelift:ap-northeast-1:{A}:fleet/fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa", T),
    ),
    held(
        "devops-agent-2026-01-01",
        "TagResource",
        "awsdevopsagentservice",
        record(
            "aidevops",
            "TagResource",
            {
                "resourceArn": f"arn:aws:aidevops:us-east-1:{A}:agentspace/a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
                "tags": M,
            },
        ),
        change(f"arn:aws:aidevops:us-east-1:{A}:agentspace/a1b2c3d4-5678-90ab-cdef-EXAMPLE22222", T),
    ),
    held(
        "kinesisanalytics-2015-08-14",
        "TagResource",
        "amazonkinesisanalytics",
        record(
            "kinesisanalytics",
            "TagResource",
            {
                "ResourceARN": f"arn:aws:kinesisanalytics:us-east-1:{A}:application/my-app",
                "Tags": kv(team="alpha"),
            },
        ),
        change(f"arn:aws:kinesisanalytics:us-east-1:{A}:application/my-app", T),
    ),
    held(
        "scheduler-2021-06-30",
        "UntagResource",
        "amazoneventbridgescheduler",
        record(
            "scheduler",
            "UntagResource",
            {
                "ResourceArn": f"arn:aws:scheduler:eu-central-1:{A}:schedule-group/my-group",
                "TagKeys": ["team"],
            },
            region="eu-central-1",
        ),
        change(f"arn:aws:scheduler:eu-central-1:{A}:schedule-group/my-group", removed=GONE),
    ),
    held(
        "wellarchitected-2020-03-31",
        "CreateReviewTemplate",
        "awswell-architectedtool",
        record(
            "wellarchitected",
            "CreateReviewTemplate",
            {
                "TemplateName": "my-template",
                "Description": "review template",
                "Lenses": ["wellarchitected"],
                "Tags": M,
                "ClientRequestToken": "e2b6a8a4-5c4b-4a8e-9d3f-EXAMPLE33333",
            },
            {
                "TemplateArn": f"arn:aws:wellarchitected:us-east-1:{A}:review-template/0123456789abcdef0123456789abcdef"
            },
        ),
        change(f"arn:aws:wellarchitected:us-east-1:{A}:review-template/0123456789abcdef0123456789abcdef", T),
    ),
    held(
        "application-insights-2018-11-25",
        "TagResource",
        "amazoncloudwatchapplicationinsights",
        record(
            "applicationinsights",
            "TagResource",
            {
                "ResourceARN": f"arn:aws:applicationinsights:us-east-1:{A}:application/resource-group/my-rg",
                "Tags": kv(team="alpha"),
            },
        ),
        change(f"arn:aws:applicationinsights:us-east-1:{A}:application/resource-group/my-rg", T),
        note="the reference lists no resource type; the request names the application by its ARN",
    ),
    held(
        "mediaconvert-2017-08-29",
        "CreatePreset",
        "awselementalmediaconvert",
        record(
            "mediaconvert",
            "CreatePreset",
            {"Name": "my-preset", "Settings": {"ContainerSettings": {"Container": "MP4"}}, "Tags": M},
            {
                "Preset": {
                    "Arn": f"arn:aws:mediaconvert:us-east-1:{A}:presets/my-preset",
                    "Name": "my-preset",
                    "Type": "CUSTOM",
                }
            },
        ),
        change(f"arn:aws:mediaconvert:us-east-1:{A}:presets/my-preset", T),
    ),
]
