"""Documented corpus, part four: directories, clusters, load balancers, shared resources, sessions."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, entry, goto, record, tags, unresolved, upper, values

T = values(team="alpha")
STACK = f"arn:aws:cloudformation:us-east-1:{A}:stack/myteststack/466df9e0-0dff-08e3-8e2f-5088487c4896"
POLICY = (
    "arn:aws:organizations::111111111111:policy/o-exampleorgid/service_control_policy/p-examplepolicyid111"
)


DIRECTORIES_CLUSTERS_ENTRIES: list[dict[str, Any]] = [
    entry(
        goto("ds-2015-04-16", "AddTagsToResource"),
        record("ds", "AddTagsToResource", {"resourceId": "d-926example", "tags": upper(team="alpha")}),
        change(f"arn:aws:ds:us-east-1:{A}:directory/d-926example", T),
    ),
    entry(
        goto("ds-2015-04-16", "RemoveTagsFromResource"),
        record(
            "ds",
            "RemoveTagsFromResource",
            {"resourceId": "d-926example", "tagKeys": ["team"]},
            region="cn-north-1",
        ),
        change(f"arn:aws-cn:ds:cn-north-1:{A}:directory/d-926example", removed=("team",)),
    ),
    entry(
        goto("elasticmapreduce-2009-03-31", "AddTags"),
        record("elasticmapreduce", "AddTags", {"resourceId": "j-3U7TSX5GZFD8Y", "tags": upper(team="alpha")}),
        change(f"arn:aws:elasticmapreduce:us-east-1:{A}:cluster/j-3U7TSX5GZFD8Y", T),
    ),
    entry(
        goto("elasticmapreduce-2009-03-31", "RemoveTags"),
        record("elasticmapreduce", "RemoveTags", {"resourceId": "j-3U7TSX5GZFD8Y", "tagKeys": ["team"]}),
        change(f"arn:aws:elasticmapreduce:us-east-1:{A}:cluster/j-3U7TSX5GZFD8Y", removed=("team",)),
    ),
    entry(
        goto("elasticmapreduce-2009-03-31", "RunJobFlow"),
        record(
            "elasticmapreduce",
            "RunJobFlow",
            {"name": "etl", "tags": upper(team="alpha")},
            {"jobFlowId": "j-1K48XXXXXXHCB"},
        ),
        change(f"arn:aws:elasticmapreduce:us-east-1:{A}:cluster/j-1K48XXXXXXHCB", T),
    ),
    entry(
        goto("cloudhsmv2-2017-04-28", "TagResource"),
        record(
            "cloudhsm",
            "TagResource",
            {"resourceId": "cluster-jxhlf7644ne", "tagList": upper(team="alpha")},
        ),
        change(f"arn:aws:cloudhsm:us-east-1:{A}:cluster/cluster-jxhlf7644ne", T),
    ),
    entry(
        goto("cloudhsmv2-2017-04-28", "UntagResource"),
        record("cloudhsm", "UntagResource", {"resourceId": "backup-7hsqd5xo3ty", "tagKeyList": ["team"]}),
        change(f"arn:aws:cloudhsm:us-east-1:{A}:backup/backup-7hsqd5xo3ty", removed=("team",)),
    ),
    entry(
        goto("workspaces-2015-04-08", "CreateTags"),
        record("workspaces", "CreateTags", {"resourceId": "ws-f8c9k2r2d", "tags": upper(team="alpha")}),
        change(f"arn:aws:workspaces:us-east-1:{A}:workspace/ws-f8c9k2r2d", T),
    ),
    entry(
        goto("workspaces-2015-04-08", "DeleteTags"),
        record("workspaces", "DeleteTags", {"resourceId": "d-90670b3f2a", "tagKeys": ["team"]}),
        change(f"arn:aws:workspaces:us-east-1:{A}:directory/d-90670b3f2a", removed=("team",)),
    ),
    entry(
        goto("codebuild-2016-10-06", "CreateProject"),
        record(
            "codebuild",
            "CreateProject",
            {"name": "codebuild-demo-project", "tags": tags(team="alpha")},
            {
                "project": {
                    "name": "codebuild-demo-project",
                    "arn": f"arn:aws:codebuild:us-east-1:{A}:project/codebuild-demo-project",
                }
            },
        ),
        change(f"arn:aws:codebuild:us-east-1:{A}:project/codebuild-demo-project", T),
    ),
    entry(
        goto("codedeploy-2014-10-06", "CreateDeploymentGroup"),
        record(
            "codedeploy",
            "CreateDeploymentGroup",
            {
                "applicationName": "WordPress_App",
                "deploymentGroupName": "WordPress_DG",
                "tags": upper(team="alpha"),
            },
            {"deploymentGroupId": "cdac3220-0e64-4d63-bb50-e68faEXAMPLE"},
        ),
        change(f"arn:aws:codedeploy:us-east-1:{A}:deploymentgroup:WordPress_App/WordPress_DG", T),
    ),
    entry(
        goto("cloudformation-2010-05-15", "CreateStack"),
        record(
            "cloudformation",
            "CreateStack",
            {"stackName": "myteststack", "tags": upper(team="alpha")},
            {"stackId": STACK},
        ),
        change(
            f"arn:aws:cloudformation:us-east-1:{A}:stack/myteststack/466df9e0-0dff-08e3-8e2f-5088487c4896",
            T,
        ),
    ),
    entry(
        goto("cloudformation-2010-05-15", "UpdateStack"),
        record(
            "cloudformation",
            "UpdateStack",
            {"stackName": "myteststack", "tags": upper(team="beta")},
            {"stackId": STACK},
        ),
        change(
            f"arn:aws:cloudformation:us-east-1:{A}:stack/myteststack/466df9e0-0dff-08e3-8e2f-5088487c4896",
            values(team="beta"),
        ),
    ),
]


elb = "elasticloadbalancing-2012-06-01"
v2 = "elasticloadbalancingv2-2015-12-01"
cf = "cloudfront-2020-05-31"
alb = f"arn:aws:elasticloadbalancing:us-west-2:{A}:loadbalancer/app/my-load-balancer/50dc6c495c0c9188"
dist = f"arn:aws:cloudfront::{A}:distribution/EDFDVBD6EXAMPLE"
BALANCERS_AND_EDGES_ENTRIES: list[dict[str, Any]] = [
    entry(
        goto(elb, "AddTags"),
        record(
            "elasticloadbalancing",
            "AddTags",
            {"loadBalancerNames": ["my-loadbalancer"], "tags": tags(project="lima")},
        ),
        change(
            f"arn:aws:elasticloadbalancing:us-east-1:{A}:loadbalancer/my-loadbalancer",
            values(project="lima"),
        ),
    ),
    entry(
        goto(elb, "CreateLoadBalancer"),
        record(
            "elasticloadbalancing",
            "CreateLoadBalancer",
            {"loadBalancerName": "classic-web", "listeners": [], "tags": tags(team="alpha")},
            {"dNSName": "classic-web-1234567890.us-east-1.elb.amazonaws.com"},
        ),
        change(f"arn:aws:elasticloadbalancing:us-east-1:{A}:loadbalancer/classic-web", T),
    ),
    entry(
        goto(v2, "AddTags"),
        record(
            "elasticloadbalancing",
            "AddTags",
            {"resourceArns": [alb], "tags": tags(project="lima")},
            region="us-west-2",
        ),
        change(alb, values(project="lima")),
    ),
    entry(
        goto(v2, "RemoveTags"),
        record(
            "elasticloadbalancing",
            "RemoveTags",
            {"resourceArns": [alb], "tagKeys": ["project"]},
            region="us-west-2",
        ),
        change(alb, removed=("project",)),
    ),
    entry(
        goto(v2, "CreateLoadBalancer"),
        record(
            "elasticloadbalancing",
            "CreateLoadBalancer",
            {"name": "my-load-balancer", "subnets": ["subnet-8360a9e7"], "tags": tags(team="alpha")},
            {"loadBalancers": [{"loadBalancerArn": alb, "loadBalancerName": "my-load-balancer"}]},
            region="us-west-2",
        ),
        change(alb, T),
    ),
    entry(
        goto(v2, "CreateLoadBalancer"),
        record(
            "elasticloadbalancing",
            "CreateLoadBalancer",
            {"name": "denied-lb", "tags": tags(team="alpha")},
            region="us-west-2",
        ),
        unresolved("denied-lb", T),
        note="a v2 load balancer's ARN holds an id only the response gives",
    ),
    entry(
        goto(cf, "TagResource"),
        record("cloudfront", "TagResource", {"resource": dist, "tags": {"items": tags(team="alpha")}}),
        change(dist, T),
    ),
    entry(
        goto(cf, "UntagResource"),
        record("cloudfront", "UntagResource", {"resource": dist, "tagKeys": {"items": ["team"]}}),
        change(dist, removed=("team",)),
    ),
    entry(
        goto(cf, "CreateDistributionWithTags"),
        record(
            "cloudfront",
            "CreateDistributionWithTags",
            {
                "distributionConfigWithTags": {
                    "distributionConfig": {"callerReference": "r1"},
                    "tags": {"items": tags(team="alpha")},
                }
            },
            {"distribution": {"id": "EDFDVBD6EXAMPLE", "aRN": dist}},
        ),
        change(dist, T),
    ),
]


org = "organizations-2016-11-28"
tagging = "resourcegroupstaggingapi-2017-01-26"
share = f"arn:aws:ram:us-east-1:{A}:resource-share/7ab63972-b505-7e2a-420d-6f5d3EXAMPLE"
b1, b2 = "arn:aws:s3:::amzn-s3-demo-bucket1", "arn:aws:s3:::amzn-s3-demo-bucket2"
sts = "sts-2011-06-15"
SHARED_AND_SESSIONS_ENTRIES: list[dict[str, Any]] = [
    entry(
        goto(org, "TagResource"),
        record(
            "organizations",
            "TagResource",
            {"resourceId": "ou-a1b2-f6g7h222", "tags": upper(team="alpha")},
        ),
        unresolved("ou-a1b2-f6g7h222", T),
        note="Organizations ARNs hold the organization id, which the record does not carry",
    ),
    entry(
        goto(org, "TagResource"),
        record("organizations", "TagResource", {"resourceId": "111111111111", "tags": upper(team="alpha")}),
        unresolved("111111111111", T),
    ),
    entry(
        goto(org, "CreatePolicy"),
        record(
            "organizations",
            "CreatePolicy",
            {"name": "AllowAllS3Actions", "type": "SERVICE_CONTROL_POLICY", "tags": upper(team="alpha")},
            {
                "policy": {
                    "policySummary": {
                        "id": "p-examplepolicyid111",
                        "arn": POLICY,
                    }
                }
            },
        ),
        change(
            "arn:aws:organizations::111111111111:policy/o-exampleorgid/service_control_policy/p-examplepolicyid111",
            T,
        ),
    ),
    entry(
        goto("ram-2018-01-04", "TagResource"),
        record("ram", "TagResource", {"resourceShareArn": share, "tags": tags(team="alpha")}),
        change(share, T),
    ),
    entry(
        goto("ram-2018-01-04", "CreateResourceShare"),
        record(
            "ram",
            "CreateResourceShare",
            {"name": "MyNewResourceShare", "tags": tags(team="alpha")},
            {"resourceShare": {"name": "MyNewResourceShare", "resourceShareArn": share}},
        ),
        change(share, T),
    ),
    entry(
        goto(tagging, "TagResources"),
        record(
            "tagging",
            "TagResources",
            {"resourceARNList": [b1, b2], "tags": dict(T)},
            {"failedResourcesMap": {}},
        ),
        change(b1, T),
        change(b2, T),
    ),
    entry(
        goto(tagging, "UntagResources"),
        record(
            "tagging",
            "UntagResources",
            {"resourceARNList": [b1], "tagKeys": ["team"]},
            {"failedResourcesMap": {}},
        ),
        change(b1, removed=("team",)),
    ),
    entry(
        goto("autoscaling-2011-01-01", "CreateOrUpdateTags"),
        record(
            "autoscaling",
            "CreateOrUpdateTags",
            {
                "tags": [
                    {
                        "resourceId": "my-asg",
                        "resourceType": "auto-scaling-group",
                        "key": "Role",
                        "value": "WebServer",
                        "propagateAtLaunch": True,
                    }
                ]
            },
        ),
        unresolved("my-asg", values(Role="WebServer")),
        note="an Auto Scaling group's ARN holds a UUID no tag record carries",
    ),
    entry(
        goto("autoscaling-2011-01-01", "DeleteTags"),
        record(
            "autoscaling",
            "DeleteTags",
            {"tags": [{"resourceId": "my-asg", "resourceType": "auto-scaling-group", "key": "Role"}]},
        ),
        unresolved("my-asg", removed=("Role",)),
    ),
    entry(
        goto("lightsail-2016-11-28", "TagResource"),
        record("lightsail", "TagResource", {"resourceName": "Instance-1", "tags": tags(team="alpha")}),
        unresolved("Instance-1", T),
        note="Lightsail ARNs hold a UUID; the call named the resource by name",
    ),
    entry(
        goto(sts, "GetFederationToken"),
        record(
            "sts",
            "GetFederationToken",
            {"name": "Bob", "tags": tags(team="alpha")},
            {
                "credentials": {"accessKeyId": "ASIAFEDEXAMPLE"},
                "federatedUser": {
                    "federatedUserId": f"{A}:Bob",
                    "arn": f"arn:aws:sts::{A}:federated-user/Bob",
                },
            },
        ),
        change(f"arn:aws:sts::{A}:federated-user/Bob", T, kind="session"),
    ),
    entry(
        goto(sts, "AssumeRole"),
        record(
            "sts",
            "AssumeRole",
            {
                "roleArn": f"arn:aws:iam::{A}:role/demo",
                "roleSessionName": "testAssumeRoleSession",
                "tags": upper(Project="Automation"),
                "transitiveTagKeys": ["Project"],
            },
            {
                "credentials": {"accessKeyId": "ASIAROLEEXAMPLE"},
                "assumedRoleUser": {"arn": f"arn:aws:sts::{A}:assumed-role/demo/testAssumeRoleSession"},
            },
        ),
        change(
            f"arn:aws:sts::{A}:assumed-role/demo/testAssumeRoleSession",
            values(Project="Automation"),
            kind="session",
        ),
    ),
]


def created_entries() -> list[dict[str, Any]]:
    return [*DIRECTORIES_CLUSTERS_ENTRIES, *BALANCERS_AND_EDGES_ENTRIES, *SHARED_AND_SESSIONS_ENTRIES]
