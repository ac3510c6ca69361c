"""Tag-writing operations whose logged shape needs more than the service model says.

These are written by hand and take precedence over the generated catalog: they encode how
CloudTrail really logs the calls that ABAC most depends on (EC2, S3, IAM, STS, KMS, the tagging
API, Lambda), and the calls whose model does not say where the target is (Auto Scaling's
per-tag targets, EMR's job flow id, Batch's compute-resource tags, SQL Workbench, IAM virtual MFA
devices' serial numbers, CodePipeline custom action types).
"""

from __future__ import annotations

from tagwarden.core.normalize.beside_specs import made_beside_another_specs, model_making_job_specs
from tagwarden.core.normalize.determined_specs import determined_specs
from tagwarden.core.normalize.operations import Effect, Handler, OperationSpec, TargetRule

_ARN_MEMBERS = (
    "resourceArn",
    "resourceARN",
    "resource",
    "arn",
    "resourceArns",
    "resourceARNList",
    "ResourceId",
)

# Any service's TagResource-style call that neither a builtin spec nor the catalog covers.
GENERIC_BY_NAME: dict[str, OperationSpec] = {
    name: OperationSpec(
        "*",
        name,
        effect,
        () if effect is Effect.REMOVE else members,
        TargetRule(members=_ARN_MEMBERS),
        removes=members if effect is Effect.REMOVE else (),
    )
    for name, effect, members in (
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

_EC2_TARGETS = TargetRule(members=("resourcesSet.items.resourceId", "resourceId", "Resources"), id_kind="ec2")
_EC2_TAGS = ("tagSet", "Tags")
_IAM_ROLE = TargetRule(
    members=("roleName",), arn_template="arn:{partition}:iam::{account}:role/{id}", resource_type="role"
)
_IAM_USER = TargetRule(
    members=("userName",), arn_template="arn:{partition}:iam::{account}:user/{id}", resource_type="user"
)
_S3_BUCKET = TargetRule(
    members=("bucketName", "bucket"), arn_template="arn:{partition}:s3:::{id}", resource_type="bucket"
)
_S3_OBJECT = TargetRule(
    members=("key",), arn_template="arn:{partition}:s3:::{bucketname}/{id}", resource_type="object"
)
_S3_TAGGING = ("Tagging.TagSet", "tagging.tagSet")
_LAMBDA_FUNCTION = "arn:{partition}:lambda:{region}:{account}:function:{id}"
_LAMBDA = TargetRule(
    members=("resource", "functionName"), arn_template=_LAMBDA_FUNCTION, resource_type="function"
)
_KMS_KEY = TargetRule(
    members=("keyId",), arn_template="arn:{partition}:kms:{region}:{account}:key/{id}", resource_type="key"
)
_TAGGING = TargetRule(members=("resourceARNList",))
_STS = TargetRule(response_members=("assumedRoleUser.arn", "federatedUser.arn"), resource_type="assumed-role")
_AUTOSCALING_GROUP = TargetRule(members=("resourceId",), resource_type="autoScalingGroup")


def _lambda_specs() -> list[OperationSpec]:
    created = TargetRule(
        response_members=("functionArn",),
        members=("functionName",),
        arn_template=_LAMBDA_FUNCTION,
        resource_type="function",
    )
    specs = []
    for name, version, effect, target in (
        ("TagResource", "20170331", Effect.ADD, _LAMBDA),
        ("UntagResource", "20170331", Effect.REMOVE, _LAMBDA),
        ("CreateFunction", "20150331", Effect.CREATE, created),
    ):
        for event_name in (name, f"{name}{version}", f"{name}{version}v2"):
            tags = ("tags",) if effect is not Effect.REMOVE else ()
            removes = ("tagKeys",) if effect is Effect.REMOVE else ()
            specs.append(
                OperationSpec("lambda.amazonaws.com", event_name, effect, tags, target, removes=removes)
            )
    return specs


def _principal_specs() -> list[OperationSpec]:
    iam = "iam.amazonaws.com"
    specs = []
    for kind, rule, response in (("Role", _IAM_ROLE, "role.arn"), ("User", _IAM_USER, "user.arn")):
        created = TargetRule(
            response_members=(response,),
            members=rule.members,
            arn_template=rule.arn_template,
            resource_type=rule.resource_type,
        )
        specs += [
            OperationSpec(iam, f"Tag{kind}", Effect.ADD, ("tags",), rule, target_kind="principal"),
            OperationSpec(
                iam, f"Untag{kind}", Effect.REMOVE, (), rule, target_kind="principal", removes=("tagKeys",)
            ),
            OperationSpec(iam, f"Create{kind}", Effect.CREATE, ("tags",), created, target_kind="principal"),
        ]
    return specs


def _created_elsewhere_specs() -> list[OperationSpec]:
    """Create calls whose target the model does not name, or whose tags also reach other resources."""
    return [
        OperationSpec(
            "elasticmapreduce.amazonaws.com",
            "RunJobFlow",
            Effect.CREATE,
            ("tags",),
            TargetRule(
                response_members=("jobFlowId",),
                arn_template="arn:{partition}:elasticmapreduce:{region}:{account}:cluster/{id}",
                resource_type="cluster",
            ),
        ),
        OperationSpec(
            "sqlworkbench.amazonaws.com",
            "CreateConnection",
            Effect.CREATE,
            ("tags",),
            TargetRule(response_members=("data.id",), resource_type="connection"),
        ),
        OperationSpec(
            "batch.amazonaws.com",
            "CreateComputeEnvironment",
            Effect.CREATE,
            ("tags",),
            TargetRule(
                response_members=("computeEnvironmentArn",),
                members=("computeEnvironmentName",),
                arn_template="arn:{partition}:batch:{region}:{account}:compute-environment/{id}",
                resource_type="compute-environment",
            ),
            # Batch applies computeResources.tags to the EC2 instances it launches later.
            also=(
                OperationSpec(
                    "batch.amazonaws.com",
                    "CreateComputeEnvironment",
                    Effect.CREATE,
                    ("computeResources.tags",),
                    TargetRule(resource_type="instance", service="ec2"),
                ),
            ),
        ),
    ]


def _response_arn_specs() -> list[OperationSpec]:
    """Create calls whose response gives the created resource's ARN in a member the model does
    not name as the resource's."""
    return [
        # A virtual MFA device's serial number is its ARN, path included (IAM API reference,
        # CreateVirtualMFADevice, VirtualMFADevice.SerialNumber); its name alone lacks the path.
        OperationSpec(
            "iam.amazonaws.com",
            "CreateVirtualMFADevice",
            Effect.CREATE,
            ("tags",),
            TargetRule(
                response_members=("virtualMFADevice.serialNumber",),
                members=("virtualMFADeviceName",),
                resource_type="mfa",
            ),
        ),
        # The call is named for the offering; what it makes and tags is the reserved cache node,
        # whose ARN the response gives (ElastiCache API reference, ReservedCacheNode.ReservationARN).
        OperationSpec(
            "elasticache.amazonaws.com",
            "PurchaseReservedCacheNodesOffering",
            Effect.CREATE,
            ("tags",),
            TargetRule(
                response_members=("reservedCacheNode.reservationARN",), resource_type="reserved-instance"
            ),
        ),
        # The response's association gives its ARN as ResourceARN, a name the builder reads as
        # another resource's (FSx API reference, DataRepositoryAssociation.ResourceARN).
        OperationSpec(
            "fsx.amazonaws.com",
            "CreateDataRepositoryAssociation",
            Effect.CREATE,
            ("tags",),
            TargetRule(response_members=("association.resourceARN",), resource_type="association"),
        ),
    ]


_CUSTOM_ACTION_TYPE = (
    "arn:{partition}:codepipeline:{region}:{account}:actiontype:Custom/{category}/{id}/{version}"
)


def _named_elsewhere_specs() -> list[OperationSpec]:
    """Create calls whose target's ARN is in a member named for another resource, or is made of
    several request members."""
    return [
        # "The versioned Amazon Resource Name (ARN) of the policy version" (Bedrock API reference,
        # CreateAutomatedReasoningPolicyVersion, policyArn): the version made, not its policy.
        OperationSpec(
            "bedrock.amazonaws.com",
            "CreateAutomatedReasoningPolicyVersion",
            Effect.CREATE,
            ("tags",),
            TargetRule(response_members=("policyArn",), resource_type="automated-reasoning-policy-version"),
        ),
        # A custom action type's owner is always Custom; its ARN is
        # actiontype:${Owner}/${Category}/${Provider}/${Version} (Service Authorization Reference;
        # CodePipeline user guide, identity-based policy examples: actionType:Custom/Test/TestProvider/1).
        OperationSpec(
            "codepipeline.amazonaws.com",
            "CreateCustomActionType",
            Effect.CREATE,
            ("tags",),
            TargetRule(
                members=("provider",),
                arn_template=_CUSTOM_ACTION_TYPE,
                resource_type="actiontype",
            ),
        ),
    ]


def _session_specs() -> list[OperationSpec]:
    """Every session-making STS call that can carry session tags."""
    return [
        OperationSpec(
            "sts.amazonaws.com",
            name,
            Effect.SESSION,
            tags,
            _STS,
            target_kind="session",
            handler=Handler.STS_SESSION,
        )
        for name, tags in (
            ("AssumeRole", ("tags",)),
            ("AssumeRoleWithSAML", ("principalTags",)),
            ("AssumeRoleWithWebIdentity", ("principalTags",)),
            # A federated user's session tags are its own choice (STS API reference, GetFederationToken).
            ("GetFederationToken", ("tags",)),
            ("AssumeRoot", ("tags",)),
        )
    ]


def builtin_specs() -> list[OperationSpec]:
    ec2 = "ec2.amazonaws.com"
    s3 = "s3.amazonaws.com"
    kms = "kms.amazonaws.com"
    tagging = "tagging.amazonaws.com"
    autoscaling = "autoscaling.amazonaws.com"
    specs = [
        OperationSpec(ec2, "CreateTags", Effect.ADD, _EC2_TAGS, _EC2_TARGETS),
        OperationSpec(
            ec2,
            "DeleteTags",
            Effect.REMOVE,
            (),
            _EC2_TARGETS,
            empty_removes_all=True,
            removes=_EC2_TAGS,
            removes_if_value=True,
        ),
        OperationSpec(s3, "PutBucketTagging", Effect.REPLACE, _S3_TAGGING, _S3_BUCKET),
        OperationSpec(s3, "DeleteBucketTagging", Effect.REMOVE_ALL, (), _S3_BUCKET),
        OperationSpec(s3, "PutObjectTagging", Effect.REPLACE, _S3_TAGGING, _S3_OBJECT),
        OperationSpec(s3, "DeleteObjectTagging", Effect.REMOVE_ALL, (), _S3_OBJECT),
        OperationSpec(tagging, "TagResources", Effect.ADD, ("tags",), _TAGGING),
        OperationSpec(tagging, "UntagResources", Effect.REMOVE, (), _TAGGING, removes=("tagKeys",)),
        OperationSpec(kms, "TagResource", Effect.ADD, ("tags",), _KMS_KEY),
        OperationSpec(kms, "UntagResource", Effect.REMOVE, (), _KMS_KEY, removes=("tagKeys",)),
        OperationSpec(
            kms,
            "CreateKey",
            Effect.CREATE,
            ("tags",),
            TargetRule(response_members=("keyMetadata.arn",), resource_type="key"),
        ),
        # API Gateway logs TagResource's body under tagResourceInput.
        OperationSpec(
            "apigateway.amazonaws.com",
            "TagResource",
            Effect.ADD,
            ("tagResourceInput.tags", "tags"),
            TargetRule(members=("resourceArn",)),
        ),
        OperationSpec(
            autoscaling,
            "CreateOrUpdateTags",
            Effect.ADD,
            ("tags",),
            _AUTOSCALING_GROUP,
            handler=Handler.PER_TAG_TARGET,
        ),
        OperationSpec(
            autoscaling,
            "DeleteTags",
            Effect.REMOVE,
            (),
            _AUTOSCALING_GROUP,
            handler=Handler.PER_TAG_TARGET,
            removes=("tags",),
        ),
    ]
    return [
        *specs,
        *_session_specs(),
        *_principal_specs(),
        *_lambda_specs(),
        *_created_elsewhere_specs(),
        *_response_arn_specs(),
        *_named_elsewhere_specs(),
        *made_beside_another_specs(),
        *model_making_job_specs(),
        *determined_specs(),
    ]
