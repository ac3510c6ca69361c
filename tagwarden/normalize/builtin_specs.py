"""Tag-writing operations whose logged shape needs more than the service model says.

These are written by hand and take precedence over anything generated: they encode how
CloudTrail really logs the calls that ABAC most depends on (EC2, S3, IAM, STS, the tagging
API, Lambda's versioned event names, KMS).
"""

from __future__ import annotations

from tagwarden.normalize.operations import Effect, Handler, OperationSpec, TargetRule

_ARN_MEMBERS = (
    "resourceArn",
    "resourceARN",
    "resource",
    "arn",
    "resourceArns",
    "resourceARNList",
    "ResourceId",
)

# Any service's TagResource-style call that no more specific spec covers.
GENERIC_BY_NAME: dict[str, OperationSpec] = {
    name: OperationSpec("*", name, effect, tags, TargetRule(members=_ARN_MEMBERS))
    for name, effect, tags in (
        ("TagResource", Effect.ADD, ("tags", "tagList", "tagResourceInput.tags")),
        ("TagResources", Effect.ADD, ("tags",)),
        ("AddTags", Effect.ADD, ("tags", "tagList")),
        ("AddTagsToResource", Effect.ADD, ("tags", "tagList")),
        ("UntagResource", Effect.REMOVE, ("tagKeys", "keys", "tagKeyList")),
        ("UntagResources", Effect.REMOVE, ("tagKeys",)),
        ("RemoveTags", Effect.REMOVE, ("tagKeys", "tagKeyList", "tags")),
        ("RemoveTagsFromResource", Effect.REMOVE, ("tagKeys", "tagKeyList", "tags")),
    )
}

_EC2_TARGETS = TargetRule(members=("resourcesSet.items.resourceId", "resourceId"), id_kind="ec2")
_IAM_ROLE = TargetRule(
    members=("roleName",), arn_template="arn:{partition}:iam::{account}:role/{id}", resource_type="role"
)
_IAM_USER = TargetRule(
    members=("userName",), arn_template="arn:{partition}:iam::{account}:user/{id}", resource_type="user"
)
_S3_BUCKET = TargetRule(
    members=("bucketName",), arn_template="arn:{partition}:s3:::{id}", resource_type="bucket"
)
_S3_OBJECT = TargetRule(
    members=("key",), arn_template="arn:{partition}:s3:::{bucketName}/{id}", resource_type="object"
)
_LAMBDA = TargetRule(
    members=("resource", "functionName"),
    arn_template="arn:{partition}:lambda:{region}:{account}:function:{id}",
    resource_type="function",
)
_KMS_KEY = TargetRule(
    members=("keyId",), arn_template="arn:{partition}:kms:{region}:{account}:key/{id}", resource_type="key"
)
_TAGGING = TargetRule(members=("resourceARNList",))
_STS = TargetRule(response_members=("assumedRoleUser.arn",), resource_type="assumed-role")

# EC2 calls that take tagSpecificationSet; the created ids come back in responseElements.
EC2_TAG_SPECIFICATION_CALLS = (
    "RunInstances",
    "CreateVolume",
    "CreateSnapshot",
    "CreateSnapshots",
    "CopySnapshot",
    "CreateImage",
    "CopyImage",
    "RegisterImage",
    "CreateSecurityGroup",
    "CreateVpc",
    "CreateSubnet",
    "CreateInternetGateway",
    "CreateEgressOnlyInternetGateway",
    "CreateRouteTable",
    "CreateNetworkAcl",
    "CreateNetworkInterface",
    "CreateDhcpOptions",
    "AllocateAddress",
    "CreateNatGateway",
    "CreateLaunchTemplate",
    "CreateLaunchTemplateVersion",
    "CreateKeyPair",
    "ImportKeyPair",
    "CreateVpcEndpoint",
    "CreateVpcPeeringConnection",
    "CreateTransitGateway",
    "CreateTransitGatewayVpcAttachment",
    "CreateTransitGatewayRouteTable",
    "CreateCustomerGateway",
    "CreateVpnGateway",
    "CreateVpnConnection",
    "CreateFlowLogs",
    "CreateFleet",
    "RequestSpotInstances",
    "CreatePlacementGroup",
    "CreateCapacityReservation",
    "CreateManagedPrefixList",
    "CreateSpotDatafeedSubscription",
    "CreateTrafficMirrorFilter",
    "CreateTrafficMirrorSession",
    "CreateTrafficMirrorTarget",
    "CreateClientVpnEndpoint",
    "AllocateHosts",
    "CreateIpam",
    "CreateIpamPool",
    "CreateIpamScope",
    "CreateInstanceEventWindow",
)

_LAMBDA_VERSIONED = (
    ("TagResource", "20170331", Effect.ADD, ("tags",)),
    ("UntagResource", "20170331", Effect.REMOVE, ("tagKeys",)),
    ("CreateFunction", "20150331", Effect.CREATE, ("tags",)),
)


def _lambda_specs() -> list[OperationSpec]:
    specs = []
    for name, version, effect, tags in _LAMBDA_VERSIONED:
        target = _LAMBDA
        if effect is Effect.CREATE:
            target = TargetRule(
                response_members=("functionArn",),
                members=("functionName",),
                arn_template=_LAMBDA.arn_template,
                resource_type="function",
            )
        for event_name in (name, f"{name}{version}", f"{name}{version}v2"):
            specs.append(OperationSpec("lambda.amazonaws.com", event_name, effect, tags, target))
    return specs


def builtin_specs() -> list[OperationSpec]:
    ec2 = "ec2.amazonaws.com"
    iam = "iam.amazonaws.com"
    s3 = "s3.amazonaws.com"
    sts = "sts.amazonaws.com"
    kms = "kms.amazonaws.com"
    tagging = "tagging.amazonaws.com"
    specs = [
        OperationSpec(ec2, "CreateTags", Effect.ADD, ("tagSet",), _EC2_TARGETS),
        OperationSpec(ec2, "DeleteTags", Effect.REMOVE, ("tagSet",), _EC2_TARGETS, empty_removes_all=True),
        OperationSpec(
            s3, "PutBucketTagging", Effect.REPLACE, ("Tagging.TagSet", "tagging.tagSet"), _S3_BUCKET
        ),
        OperationSpec(s3, "DeleteBucketTagging", Effect.REMOVE_ALL, (), _S3_BUCKET),
        OperationSpec(
            s3, "PutObjectTagging", Effect.REPLACE, ("Tagging.TagSet", "tagging.tagSet"), _S3_OBJECT
        ),
        OperationSpec(s3, "DeleteObjectTagging", Effect.REMOVE_ALL, (), _S3_OBJECT),
        OperationSpec(iam, "TagRole", Effect.ADD, ("tags",), _IAM_ROLE, target_kind="principal"),
        OperationSpec(iam, "UntagRole", Effect.REMOVE, ("tagKeys",), _IAM_ROLE, target_kind="principal"),
        OperationSpec(iam, "TagUser", Effect.ADD, ("tags",), _IAM_USER, target_kind="principal"),
        OperationSpec(iam, "UntagUser", Effect.REMOVE, ("tagKeys",), _IAM_USER, target_kind="principal"),
        OperationSpec(
            iam,
            "CreateRole",
            Effect.CREATE,
            ("tags",),
            TargetRule(
                response_members=("role.arn",),
                members=("roleName",),
                arn_template=_IAM_ROLE.arn_template,
                resource_type="role",
            ),
            target_kind="principal",
        ),
        OperationSpec(
            iam,
            "CreateUser",
            Effect.CREATE,
            ("tags",),
            TargetRule(
                response_members=("user.arn",),
                members=("userName",),
                arn_template=_IAM_USER.arn_template,
                resource_type="user",
            ),
            target_kind="principal",
        ),
        OperationSpec(tagging, "TagResources", Effect.ADD, ("tags",), _TAGGING),
        OperationSpec(tagging, "UntagResources", Effect.REMOVE, ("tagKeys",), _TAGGING),
        OperationSpec(kms, "TagResource", Effect.ADD, ("tags",), _KMS_KEY),
        OperationSpec(kms, "UntagResource", Effect.REMOVE, ("tagKeys",), _KMS_KEY),
        OperationSpec(
            kms,
            "CreateKey",
            Effect.CREATE,
            ("tags",),
            TargetRule(response_members=("keyMetadata.arn",), resource_type="key"),
        ),
    ]
    specs += [
        OperationSpec(
            ec2,
            name,
            Effect.CREATE,
            ("tagSpecificationSet",),
            TargetRule(id_kind="ec2"),
            handler=Handler.EC2_TAG_SPECIFICATIONS,
        )
        for name in EC2_TAG_SPECIFICATION_CALLS
    ]
    specs += [
        OperationSpec(
            sts, name, Effect.SESSION, tags, _STS, target_kind="session", handler=Handler.STS_SESSION
        )
        for name, tags in (
            ("AssumeRole", ("tags",)),
            ("AssumeRoleWithSAML", ("principalTags",)),
            ("AssumeRoleWithWebIdentity", ("principalTags",)),
        )
    ]
    specs += _lambda_specs()
    return specs
