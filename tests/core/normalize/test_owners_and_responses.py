"""Which account and which response member name a created resource: the account a request names
as the owner, the resource's own metadata, never a structure or ARN of another resource inside
its response. Found by auditing the catalog's "high" and "exact" operations
(docs/status/issue-12-m.md).

Each record's shape is the API reference's request and response syntax (cited per test); each
expected ARN is the Service Authorization Reference's format for the resource type made
(https://docs.aws.amazon.com/service-authorization/latest/reference/list_<service>.html).
"""

from __future__ import annotations

from typing import Any

import pytest

from tagwarden.core.model import Actor
from tagwarden.core.normalize.record_fields import RecordContext
from tagwarden.core.normalize.targets import to_arn
from tests.builders.records import record
from tests.core.normalize.audit_checks import ACCOUNT, REGION, catalog_entries, normalizer, targets


def test_an_app_mesh_resource_is_named_by_its_metadata_arn_and_never_in_the_wrong_account() -> None:
    # App Mesh API reference, CreateVirtualNode: meshOwner is "the AWS IAM account ID of the
    # service mesh owner" where the mesh is shared; the response's virtualNode.metadata.arn is
    # the node's full ARN (VirtualNodeData, ResourceMetadata).
    params = {
        "meshName": "shop",
        "meshOwner": "444455556666",
        "virtualNodeName": "cart",
        "spec": {},
        "tags": [{"key": "team", "value": "alpha"}],
    }
    node_arn = "arn:aws:appmesh:eu-west-1:444455556666:mesh/shop/virtualNode/cart"
    response = {
        "virtualNode": {
            "meshName": "shop",
            "virtualNodeName": "cart",
            "metadata": {"arn": node_arn, "meshOwner": "444455556666", "resourceOwner": ACCOUNT},
        }
    }
    created = record("appmesh.amazonaws.com", "CreateVirtualNode", params, response)
    denied = record("appmesh.amazonaws.com", "CreateVirtualNode", params, error="AccessDenied")

    assert targets(created) == [(node_arn, "resource")]
    assert targets(denied) == [("appmesh:virtualNode/cart", "unresolved")]


def test_a_glacier_vault_of_another_account_is_named_in_that_account() -> None:
    # Glacier API reference, AddTagsToVault: POST /AccountId/vaults/vaultName/tags?operation=add;
    # "the AccountId value is the AWS account ID of the account that owns the vault", or "-" for
    # the caller's own. Reference format: vaults/${VaultName}.
    tags = [{"key": "team", "value": "alpha"}]
    other = record(
        "glacier.amazonaws.com",
        "AddTagsToVault",
        {"accountId": "444455556666", "vaultName": "logs", "tags": tags},
    )
    own = record(
        "glacier.amazonaws.com", "AddTagsToVault", {"accountId": "-", "vaultName": "logs", "tags": tags}
    )

    assert targets(other) == [(f"arn:aws:glacier:{REGION}:444455556666:vaults/logs", "resource")]
    assert targets(own) == [(f"arn:aws:glacier:{REGION}:{ACCOUNT}:vaults/logs", "resource")]


def test_a_codeartifact_repository_in_another_accounts_domain_is_never_put_in_the_callers() -> None:
    # CodeArtifact API reference, CreateRepository: domainOwner is "the 12-digit account number of
    # the AWS account that owns the domain"; the repository's ARN is the domain owner's
    # (repository/${DomainName}/${RepositoryName}), which only the response's repository.arn gives.
    spec = normalizer().spec_for("codeartifact.amazonaws.com", "CreateRepository")
    assert spec is not None
    params = {"domain": "shared", "repository": "libs"}
    ctx = RecordContext(
        "e",
        "t",
        "codeartifact.amazonaws.com",
        "CreateRepository",
        ACCOUNT,
        REGION,
        "aws",
        Actor("a"),
        "success",
    )

    assert to_arn("libs", spec.target, {**params, "domainOwner": "444455556666"}, ctx) is None
    assert to_arn("libs", spec.target, {**params, "domainOwner": ACCOUNT}, ctx) == (
        f"arn:aws:codeartifact:{REGION}:{ACCOUNT}:repository/shared/libs"
    )


def test_a_structure_inside_the_resources_of_another_resource_names_nothing() -> None:
    # Audit Manager CreateAssessment's assessment.framework.arn is the framework's; CodeArtifact
    # CreatePackageGroup's packageGroup.parent.arn the parent group's; ECS CreateService's
    # service.currentServiceRevisions[].arn the revisions'. None may stand in for the resource's.
    assert (
        "assessment.framework.arn" not in catalog_entries()[("auditmanager", "CreateAssessment")]["response"]
    )
    assert (
        "packageGroup.parent.arn" not in catalog_entries()[("codeartifact", "CreatePackageGroup")]["response"]
    )
    assert (
        "service.currentServiceRevisions.arn" not in catalog_entries()[("ecs", "CreateService")]["response"]
    )


def test_a_memorydb_subnet_group_is_never_named_by_one_of_its_subnets() -> None:
    # MemoryDB API reference, CreateSubnetGroup: the response's SubnetGroup holds Name, ARN and
    # Subnets[] ({Identifier: subnet id, AvailabilityZone}). Without the ARN (a record whose
    # response CloudTrail logged without it), the group's name, never a subnet id, names it.
    made = record(
        "memorydb.amazonaws.com",
        "CreateSubnetGroup",
        {
            "subnetGroupName": "cache-net",
            "subnetIds": ["subnet-0a1b2c3d"],
            "tags": [{"key": "team", "value": "a"}],
        },
        {"subnetGroup": {"name": "cache-net", "subnets": [{"identifier": "subnet-0a1b2c3d"}]}},
    )

    assert targets(made) == [(f"arn:aws:memorydb:{REGION}:{ACCOUNT}:subnetgroup/cache-net", "resource")]


def test_a_redshift_cluster_is_not_its_namespace() -> None:
    # Redshift API reference, CreateCluster: the response's Cluster holds ClusterIdentifier and
    # ClusterNamespaceArn (arn:...:namespace:<uuid>, the cluster's namespace). Reference format:
    # cluster:${ClusterName}.
    made = record(
        "redshift.amazonaws.com",
        "CreateCluster",
        {"clusterIdentifier": "analytics", "nodeType": "ra3.xlplus", "tags": [{"key": "team", "value": "a"}]},
        {
            "clusterIdentifier": "analytics",
            "clusterNamespaceArn": f"arn:aws:redshift:{REGION}:{ACCOUNT}:namespace:5e0a5f7b-1c2d-4e5f",
            "clusterStatus": "creating",
        },
    )

    assert targets(made) == [(f"arn:aws:redshift:{REGION}:{ACCOUNT}:cluster:analytics", "resource")]


def test_a_grafana_workspace_is_not_its_role() -> None:
    # Managed Grafana API reference, CreateWorkspace: the response's workspace holds id and, for a
    # customer-managed permission type, workspaceRoleArn (an IAM role). Reference format:
    # /workspaces/${ResourceId}.
    made = record(
        "grafana.amazonaws.com",
        "CreateWorkspace",
        {
            "accountAccessType": "CURRENT_ACCOUNT",
            "authenticationProviders": ["AWS_SSO"],
            "tags": {"team": "a"},
        },
        {
            "workspace": {
                "id": "g-0123456789",
                "workspaceRoleArn": f"arn:aws:iam::{ACCOUNT}:role/service-role/grafana-role",
                "status": "CREATING",
            }
        },
    )

    assert targets(made) == [(f"arn:aws:grafana:{REGION}:{ACCOUNT}:/workspaces/g-0123456789", "resource")]


def test_a_media_insights_pipeline_is_not_its_configuration() -> None:
    # Chime SDK Media Pipelines API reference, CreateMediaInsightsPipeline: the response's
    # MediaInsightsPipeline holds MediaPipelineArn and MediaInsightsPipelineConfigurationArn.
    pipeline_arn = f"arn:aws:chime:{REGION}:{ACCOUNT}:media-pipeline/0f8fa60d-2238-4d1b-b1e3-4c5f1c2d3e4f"
    made = record(
        "chime.amazonaws.com",
        "CreateMediaInsightsPipeline",
        {"mediaInsightsPipelineConfigurationArn": "x", "tags": [{"key": "team", "value": "a"}]},
        {
            "mediaInsightsPipeline": {
                "mediaPipelineArn": pipeline_arn,
                "mediaInsightsPipelineConfigurationArn": (
                    f"arn:aws:chime:{REGION}:{ACCOUNT}:media-insights-pipeline-configuration/calls"
                ),
            }
        },
    )

    assert targets(made) == [(pipeline_arn, "resource")]


def test_a_transit_gateway_peering_is_not_the_transit_gateway() -> None:
    # Network Manager API reference, CreateTransitGatewayPeering: TransitGatewayArn is the EC2
    # transit gateway peered with the core network; TransitGatewayPeering.Peering.PeeringId is the
    # peering's. Reference format: peering/${ResourceId}, no region.
    made = record(
        "networkmanager.amazonaws.com",
        "CreateTransitGatewayPeering",
        {
            "coreNetworkId": "core-network-0d47f6t230mz46dy4",
            "transitGatewayArn": "x",
            "tags": [{"key": "team", "value": "a"}],
        },
        {
            "transitGatewayPeering": {
                "peering": {"peeringId": "peering-07f7c7f9a1b2c3d4e", "peeringType": "TRANSIT_GATEWAY"},
                "transitGatewayArn": f"arn:aws:ec2:{REGION}:{ACCOUNT}:transit-gateway/tgw-0123456789abcdef0",
            }
        },
    )

    assert targets(made) == [
        (f"arn:aws:networkmanager::{ACCOUNT}:peering/peering-07f7c7f9a1b2c3d4e", "resource")
    ]


@pytest.mark.parametrize(
    ("source", "name", "response", "expected"),
    [
        # DocumentDB Elastic API reference, CreateClusterSnapshot: the response's snapshot holds
        # clusterArn (the cluster snapshotted) and snapshotArn.
        (
            "docdb-elastic.amazonaws.com",
            "CreateClusterSnapshot",
            {
                "snapshot": {
                    "clusterArn": f"arn:aws:docdb-elastic:{REGION}:{ACCOUNT}:cluster/c-1",
                    "snapshotArn": f"arn:aws:docdb-elastic:{REGION}:{ACCOUNT}:cluster-snapshot/s-1",
                    "snapshotName": "nightly",
                }
            },
            f"arn:aws:docdb-elastic:{REGION}:{ACCOUNT}:cluster-snapshot/s-1",
        ),
        # AppConfig API reference, CreateExtensionAssociation: ExtensionArn is the extension
        # associated; Arn is the association's.
        (
            "appconfig.amazonaws.com",
            "CreateExtensionAssociation",
            {
                "ExtensionArn": f"arn:aws:appconfig:{REGION}:{ACCOUNT}:extension/ext1/1",
                "Arn": f"arn:aws:appconfig:{REGION}:{ACCOUNT}:extensionassociation/assoc1",
                "Id": "assoc1",
            },
            f"arn:aws:appconfig:{REGION}:{ACCOUNT}:extensionassociation/assoc1",
        ),
        # Resilience Hub API reference, StartAppAssessment: the response's assessment holds
        # appArn (the application assessed) and assessmentArn.
        (
            "resiliencehub.amazonaws.com",
            "StartAppAssessment",
            {
                "assessment": {
                    "appArn": f"arn:aws:resiliencehub:{REGION}:{ACCOUNT}:app/a-1",
                    "assessmentArn": f"arn:aws:resiliencehub:{REGION}:{ACCOUNT}:app-assessment/as-1",
                }
            },
            f"arn:aws:resiliencehub:{REGION}:{ACCOUNT}:app-assessment/as-1",
        ),
        # SageMaker API reference, CreateHubContentReference: HubArn is the hub; HubContentArn
        # the reference made in it.
        (
            "sagemaker.amazonaws.com",
            "CreateHubContentReference",
            {
                "HubArn": f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:hub/models",
                "HubContentArn": f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:hub-content/models/Model/llm",
            },
            f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:hub-content/models/Model/llm",
        ),
        # Network Manager API reference, CreateDirectConnectGatewayAttachment: the response's
        # DirectConnectGatewayArn is the Direct Connect gateway attached; Attachment.AttachmentId
        # the attachment's (attachment/${ResourceId}, no region).
        (
            "networkmanager.amazonaws.com",
            "CreateDirectConnectGatewayAttachment",
            {
                "DirectConnectGatewayAttachment": {
                    "DirectConnectGatewayArn": f"arn:aws:directconnect::{ACCOUNT}:dx-gateway/dxgw-1",
                    "Attachment": {"AttachmentId": "attachment-0f8fa60d2238d1bd8"},
                }
            },
            f"arn:aws:networkmanager::{ACCOUNT}:attachment/attachment-0f8fa60d2238d1bd8",
        ),
    ],
)
def test_the_arn_of_what_a_resource_is_made_in_never_names_it(
    source: str, name: str, response: dict[str, Any], expected: str
) -> None:
    tags = (
        {"team": "alpha"}
        if source.split(".", maxsplit=1)[0] in {"appconfig", "docdb-elastic", "resiliencehub"}
        else [{"key": "team", "value": "alpha"}]
    )
    made = record(source, name, {"tags": tags}, response)

    assert [target for target, _ in targets(made)] == [expected]


def test_a_name_the_service_keeps_in_lower_case_is_named_so() -> None:
    # Glue API reference, DatabaseInput: Name "is folded to lowercase when it is stored";
    # ElastiCache API reference, CreateCacheCluster: CacheClusterId "is stored as a lowercase
    # string". Reference formats database/${DatabaseName}, cluster:${CacheClusterId}.
    database = record(
        "glue.amazonaws.com",
        "CreateDatabase",
        {"databaseInput": {"name": "SalesDB"}, "tags": {"team": "alpha"}},
    )
    cluster = record(
        "elasticache.amazonaws.com",
        "CreateCacheCluster",
        {"cacheClusterId": "Sessions-01", "tags": [{"key": "team", "value": "alpha"}]},
        error="AccessDenied",
    )

    assert targets(database) == [(f"arn:aws:glue:{REGION}:{ACCOUNT}:database/salesdb", "resource")]
    assert targets(cluster) == [(f"arn:aws:elasticache:{REGION}:{ACCOUNT}:cluster:sessions-01", "resource")]
