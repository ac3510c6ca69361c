"""Held-out corpus, round two (b): more created resources: containers, batch jobs, API Gateway, and more."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, values
from tests.core.normalize.heldout_builders import OTHER_ACCOUNT as B
from tests.core.normalize.heldout_builders import held, kv, lkv

T = values(team="alpha")
M = {"team": "alpha"}


ROUND2_CREATED_MORE_ENTRIES: list[dict[str, Any]] = [
    held(
        "kms-2014-11-01",
        "ReplicateKey",
        "awskeymanagementservice",
        record(
            "kms",
            "ReplicateKey",
            {
                "keyId": "mrk-1234abcd12ab34cd56ef1234567890ab",
                "replicaRegion": "us-west-2",
                "tags": [{"tagKey": "team", "tagValue": "alpha"}],
            },
            {
                "replicaKeyMetadata": {
                    "keyId": "mrk-1234abcd12ab34cd56ef1234567890ab",
                    "arn": f"arn:aws:kms:us-west-2:{A}:key/mrk-1234abcd12ab34cd56ef1234567890ab",
                }
            },
        ),
        change(f"arn:aws:kms:us-west-2:{A}:key/mrk-1234abcd12ab34cd56ef1234567890ab", T),
        note="the replica is made in ReplicaRegion, not in the region the call was made in",
    ),
    held(
        "ecs-2014-11-13",
        "CreateService",
        "amazonelasticcontainerservice",
        record(
            "ecs",
            "CreateService",
            {
                "cluster": "default",
                "serviceName": "ecs-simple-service",
                "taskDefinition": "hello_world",
                "tags": lkv(team="alpha"),
            },
            {
                "service": {
                    "serviceArn": f"arn:aws:ecs:us-east-1:{A}:service/default/ecs-simple-service",
                    "serviceName": "ecs-simple-service",
                    "clusterArn": f"arn:aws:ecs:us-east-1:{A}:cluster/default",
                    "taskDefinition": f"arn:aws:ecs:us-east-1:{A}:task-definition/hello_world:6",
                }
            },
        ),
        change(f"arn:aws:ecs:us-east-1:{A}:service/default/ecs-simple-service", T),
    ),
    held(
        "eks-2017-11-01",
        "CreateFargateProfile",
        "amazonelastickubernetesservice",
        record(
            "eks",
            "CreateFargateProfile",
            {
                "fargateProfileName": "fp-default",
                "clusterName": "my-cluster",
                "podExecutionRoleArn": f"arn:aws:iam::{A}:role/fargate",
                "tags": M,
            },
            {
                "fargateProfile": {
                    "fargateProfileName": "fp-default",
                    "fargateProfileArn": f"arn:aws:eks:us-west-2:{A}:fargateprofile/my-cluster/fp-default/66b7ae7a-6bb2-4c03-a4bd-0a12345EXAMPLE",
                    "clusterName": "my-cluster",
                    "podExecutionRoleArn": f"arn:aws:iam::{A}:role/fargate",
                }
            },
            region="us-west-2",
        ),
        change(
            f"arn:aws:eks:us-west-2:{A}:fargateprofile/my-cluster/fp-default/66b7ae7a-6bb2-4c03-a4bd-0a12345EXAMPLE",
            T,
        ),
    ),
    held(
        "batch-2016-08-10",
        "RegisterJobDefinition",
        "awsbatch",
        record(
            "batch",
            "RegisterJobDefinition",
            {"jobDefinitionName": "sleep10", "type": "container", "tags": M},
            {
                "jobDefinitionName": "sleep10",
                "jobDefinitionArn": f"arn:aws:batch:us-east-1:{A}:job-definition/sleep10:1",
                "revision": 1,
            },
        ),
        change(f"arn:aws:batch:us-east-1:{A}:job-definition/sleep10:1", T),
    ),
    held(
        "batch-2016-08-10",
        "SubmitJob",
        "awsbatch",
        record(
            "batch",
            "SubmitJob",
            {"jobName": "example", "jobQueue": "HighPriority", "jobDefinition": "sleep60", "tags": M},
            {
                "jobName": "example",
                "jobId": "876da822-4198-45f2-a252-6cea32512ea8",
                "jobArn": f"arn:aws:batch:us-east-1:{A}:job/876da822-4198-45f2-a252-6cea32512ea8",
            },
        ),
        change(f"arn:aws:batch:us-east-1:{A}:job/876da822-4198-45f2-a252-6cea32512ea8", T),
    ),
    held(
        "schemas-2019-12-02",
        "CreateRegistry",
        "amazoneventbridgeschemas",
        record(
            "schemas",
            "CreateRegistry",
            {"registryName": "my-registry", "tags": M},
            {
                "registryArn": f"arn:aws:schemas:us-east-1:{A}:registry/my-registry",
                "registryName": "my-registry",
            },
        ),
        change(f"arn:aws:schemas:us-east-1:{A}:registry/my-registry", T),
    ),
    held(
        "apigateway-2015-07-09",
        "CreateApiKey",
        "amazonapigatewaymanagement",
        record(
            "apigateway",
            "CreateApiKey",
            {"name": "partner", "enabled": True, "tags": M},
            {"id": "a1b2c3d4e5", "name": "partner", "enabled": True},
            region="ap-southeast-1",
        ),
        change("arn:aws:apigateway:ap-southeast-1::/apikeys/a1b2c3d4e5", T),
    ),
    held(
        "apigateway-2015-07-09",
        "CreateUsagePlan",
        "amazonapigatewaymanagement",
        record(
            "apigateway", "CreateUsagePlan", {"name": "gold", "tags": M}, {"id": "0a1b2c", "name": "gold"}
        ),
        change("arn:aws:apigateway:us-east-1::/usageplans/0a1b2c", T),
    ),
    held(
        "apigateway-2015-07-09",
        "CreateDomainName",
        "amazonapigatewaymanagement",
        record(
            "apigateway",
            "CreateDomainName",
            {
                "domainName": "api.example.com",
                "regionalCertificateArn": f"arn:aws:acm:us-east-1:{A}:certificate/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
                "tags": M,
            },
            {
                "domainName": "api.example.com",
                "regionalDomainName": "d-abc123.execute-api.us-east-1.amazonaws.com",
            },
        ),
        change("arn:aws:apigateway:us-east-1::/domainnames/api.example.com", T),
        note="the certificate ARN in the request is the domain's certificate, not the target",
    ),
    held(
        "healthlake-2017-07-01",
        "CreateFHIRDatastore",
        "awshealthlake",
        record(
            "healthlake",
            "CreateFHIRDatastore",
            {"datastoreName": "my-datastore", "datastoreTypeVersion": "R4", "tags": kv(team="alpha")},
            {
                "datastoreId": "a1b2c3d4e5f60718293a4b5c6d7e8f90",
                "datastoreArn": f"arn:aws:healthlake:us-east-1:{A}:datastore/fhir/a1b2c3d4e5f60718293a4b5c6d7e8f90",
                "datastoreStatus": "CREATING",
            },
        ),
        change(f"arn:aws:healthlake:us-east-1:{A}:datastore/fhir/a1b2c3d4e5f60718293a4b5c6d7e8f90", T),
    ),
    held(
        "networkmanager-2019-07-05",
        "CreateSite",
        "awsnetworkmanager",
        record(
            "networkmanager",
            "CreateSite",
            {
                "globalNetworkId": "global-network-01231231231231231",
                "description": "Chicago",
                "tags": kv(team="alpha"),
            },
            {
                "site": {
                    "siteId": "site-444555aaabbb11223",
                    "siteArn": f"arn:aws:networkmanager::{A}:site/global-network-01231231231231231/site-444555aaabbb11223",
                }
            },
            region="us-west-2",
        ),
        change(
            f"arn:aws:networkmanager::{A}:site/global-network-01231231231231231/site-444555aaabbb11223", T
        ),
    ),
    held(
        "wafv2-2019-07-29",
        "CreateWebACL",
        "awswafv2",
        record(
            "wafv2",
            "CreateWebACL",
            {
                "name": "ExampleWebACL",
                "scope": "REGIONAL",
                "defaultAction": {"allow": {}},
                "tags": kv(team="alpha"),
            },
            {
                "summary": {
                    "name": "ExampleWebACL",
                    "id": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
                    "aRN": f"arn:aws-cn:wafv2:cn-north-1:{B}:regional/webacl/ExampleWebACL/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
                }
            },
            region="cn-north-1",
            account=B,
        ),
        change(
            f"arn:aws-cn:wafv2:cn-north-1:{B}:regional/webacl/ExampleWebACL/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            T,
        ),
    ),
    held(
        "workspaces-2015-04-08",
        "CreateWorkspaces",
        "amazonworkspaces",
        record(
            "workspaces",
            "CreateWorkspaces",
            {
                "workspaces": [
                    {
                        "directoryId": "d-926722edaf",
                        "userName": "Mary",
                        "bundleId": "wsb-0zsvgp8fc",
                        "tags": kv(team="alpha"),
                    }
                ]
            },
            {
                "failedRequests": [],
                "pendingRequests": [
                    {"workspaceId": "ws-c8wvb67p0", "directoryId": "d-926722edaf", "userName": "Mary"}
                ],
            },
        ),
        change(f"arn:aws:workspaces:us-east-1:{A}:workspace/ws-c8wvb67p0", T),
        note="the tags are in the one workspace request, which became the one pending workspace",
    ),
]
