"""Held-out corpus, part one: resources created with tags, the response naming the new resource."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, values
from tests.core.normalize.heldout_builders import held, kv, lkv

T = values(team="alpha")
M = {"team": "alpha"}


CREATED_ENTRIES: list[dict[str, Any]] = [
    held(
        "resource-groups-2017-11-27",
        "CreateGroup",
        "awsresourcegroups",
        record(
            "resource-groups",
            "CreateGroup",
            {
                "name": "app-servers",
                "resourceQuery": {"type": "TAG_FILTERS_1_0", "query": "{}"},
                "tags": M,
            },
            {
                "group": {
                    "groupArn": f"arn:aws:resource-groups:eu-west-1:{A}:group/app-servers",
                    "name": "app-servers",
                }
            },
            region="eu-west-1",
        ),
        change(f"arn:aws:resource-groups:eu-west-1:{A}:group/app-servers", T),
    ),
    held(
        "apprunner-2020-05-15",
        "CreateService",
        "awsapprunner",
        record(
            "apprunner",
            "CreateService",
            {
                "serviceName": "python-app",
                "sourceConfiguration": {"autoDeploymentsEnabled": True},
                "tags": kv(team="alpha"),
            },
            {
                "service": {
                    "serviceName": "python-app",
                    "serviceId": "8fe1e10304f84fd2b0df550fe98a71fa",
                    "serviceArn": f"arn:aws:apprunner:us-east-1:{A}:service/python-app/8fe1e10304f84fd2b0df550fe98a71fa",
                    "autoScalingConfigurationSummary": {
                        "autoScalingConfigurationArn": f"arn:aws:apprunner:us-east-1:{A}:autoscalingconfiguration/DefaultConfiguration/1/00000000000000000000000000000001"
                    },
                }
            },
        ),
        change(f"arn:aws:apprunner:us-east-1:{A}:service/python-app/8fe1e10304f84fd2b0df550fe98a71fa", T),
    ),
    held(
        "appmesh-2019-01-25",
        "CreateMesh",
        "awsappmesh",
        record(
            "appmesh",
            "CreateMesh",
            {"meshName": "apps", "tags": lkv(team="alpha")},
            {
                "mesh": {
                    "meshName": "apps",
                    "metadata": {
                        "arn": f"arn:aws:appmesh:us-west-2:{A}:mesh/apps",
                        "uid": "a1b2c3d4-5678-90ab-cdef-11111EXAMPLE",
                    },
                }
            },
            region="us-west-2",
        ),
        change(f"arn:aws:appmesh:us-west-2:{A}:mesh/apps", T),
    ),
    held(
        "appmesh-2019-01-25",
        "CreateVirtualNode",
        "awsappmesh",
        record(
            "appmesh",
            "CreateVirtualNode",
            {"meshName": "apps", "virtualNodeName": "serviceBv1", "spec": {}, "tags": lkv(team="alpha")},
            {
                "virtualNode": {
                    "meshName": "apps",
                    "virtualNodeName": "serviceBv1",
                    "metadata": {"arn": f"arn:aws:appmesh:us-west-2:{A}:mesh/apps/virtualNode/serviceBv1"},
                }
            },
            region="us-west-2",
        ),
        change(f"arn:aws:appmesh:us-west-2:{A}:mesh/apps/virtualNode/serviceBv1", T),
    ),
    held(
        "codeartifact-2018-09-22",
        "CreateDomain",
        "awscodeartifact",
        record(
            "codeartifact",
            "CreateDomain",
            {"domain": "my-domain", "tags": lkv(team="alpha")},
            {
                "domain": {
                    "name": "my-domain",
                    "owner": A,
                    "arn": f"arn:aws:codeartifact:eu-central-1:{A}:domain/my-domain",
                }
            },
            region="eu-central-1",
        ),
        change(f"arn:aws:codeartifact:eu-central-1:{A}:domain/my-domain", T),
    ),
    held(
        "dax-2017-04-19",
        "CreateCluster",
        "amazondynamodbacceleratordax",
        record(
            "dax",
            "CreateCluster",
            {
                "clusterName": "daxcluster",
                "nodeType": "dax.r4.large",
                "replicationFactor": 3,
                "iamRoleArn": f"arn:aws:iam::{A}:role/DAXServiceRoleForDynamoDBAccess",
                "tags": kv(team="alpha"),
            },
            {
                "cluster": {
                    "clusterName": "daxcluster",
                    "clusterArn": f"arn:aws:dax:us-west-2:{A}:cache/daxcluster",
                }
            },
            region="us-west-2",
        ),
        change(f"arn:aws:dax:us-west-2:{A}:cache/daxcluster", T),
    ),
    held(
        "ecr-public-2020-10-30",
        "CreateRepository",
        "amazonelasticcontainerregistrypublic",
        record(
            "ecr-public",
            "CreateRepository",
            {"repositoryName": "my-public-repo", "tags": kv(team="alpha")},
            {
                "repository": {
                    "repositoryArn": f"arn:aws:ecr-public::{A}:repository/my-public-repo",
                    "registryId": A,
                }
            },
        ),
        change(f"arn:aws:ecr-public::{A}:repository/my-public-repo", T),
    ),
    held(
        "emr-containers-2020-10-01",
        "CreateVirtualCluster",
        "amazonemroneksemrcontainers",
        record(
            "emr-containers",
            "CreateVirtualCluster",
            {"name": "analytics", "containerProvider": {"type": "EKS", "id": "eks-cluster"}, "tags": M},
            {
                "id": "xyzabc1234567890",
                "name": "analytics",
                "arn": f"arn:aws:emr-containers:us-west-2:{A}:/virtualclusters/xyzabc1234567890",
            },
            region="us-west-2",
        ),
        change(f"arn:aws:emr-containers:us-west-2:{A}:/virtualclusters/xyzabc1234567890", T),
    ),
    held(
        "emr-serverless-2021-07-13",
        "CreateApplication",
        "amazonemrserverless",
        record(
            "emr-serverless",
            "CreateApplication",
            {"name": "my-app", "releaseLabel": "emr-6.6.0", "type": "SPARK", "tags": M},
            {
                "applicationId": "00f1abcdef234567",
                "name": "my-app",
                "arn": f"arn:aws:emr-serverless:us-east-1:{A}:/applications/00f1abcdef234567",
            },
        ),
        change(f"arn:aws:emr-serverless:us-east-1:{A}:/applications/00f1abcdef234567", T),
    ),
    held(
        "gamelift-2015-10-01",
        "CreateFleet",
        "amazongameliftservers",
        record(
            "gamelift",
            "CreateFleet",
            {
                "name": "MegaFrogRace.NA.v2",
                "buildId": "build-1111aaaa-22bb-33cc-44dd-5555eeee66ff",
                "tags": kv(team="alpha"),
            },
            {
                "fleetAttributes": {
                    "fleetId": "fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa",
                    "fleetArn": f"arn:aws:gamelift:us-west-2:{A}:fleet/fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa",
                    "buildArn": f"arn:aws:gamelift:us-west-2:{A}:build/build-1111aaaa-22bb-33cc-44dd-5555eeee66ff",
                }
            },
            region="us-west-2",
        ),
        change(f"arn:aws:gamelift:us-west-2:{A}:fleet/fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa", T),
    ),
    held(
        "ivs-2020-07-14",
        "CreateChannel",
        "amazoninteractivevideoservice",
        record(
            "ivs",
            "CreateChannel",
            {"name": "channel-1", "latencyMode": "LOW", "tags": M},
            {
                "channel": {
                    "arn": f"arn:aws:ivs:us-west-2:{A}:channel/abcdABCDefgh",
                    "name": "channel-1",
                },
                "streamKey": {
                    "arn": f"arn:aws:ivs:us-west-2:{A}:stream-key/g1H2I3j4k5L6",
                    "channelArn": f"arn:aws:ivs:us-west-2:{A}:channel/abcdABCDefgh",
                },
            },
            region="us-west-2",
        ),
        change(f"arn:aws:ivs:us-west-2:{A}:channel/abcdABCDefgh", T),
        note="the tags are the channel's; the stream key in the response is another resource",
    ),
]
