"""Create calls whose record determines the target's ARN though their model does not say how.

Each is one service's own case, written from the operation's API reference and the Service
Authorization Reference's ARN format of the resource type the tags go to:

- SES ``CreateEmailIdentity``: ``identity/${IdentityName}`` is the ``EmailIdentity`` (a domain or
  an address); ``CreateDedicatedIpPool``: ``dedicated-ip-pool/${DedicatedIPPool}`` its ``PoolName``.
- AWS Telco Network Builder ``InstantiateSolNetworkInstance``, ``TerminateSolNetworkInstance``,
  ``UpdateSolNetworkInstance``: "the tags are only applied to the network operation that is
  created", ``network-operation/${NetworkOperationId}``, the response's ``nsLcmOpOccId``.
- S3 ``PutObject``, ``CopyObject``, ``CreateMultipartUpload``: the object ``${BucketName}/${ObjectName}``
  (the upload's object once completed); S3 Control ``PutStorageLensConfiguration``:
  ``storage-lens/${ConfigId}``.
- Storage Gateway ``CreateSnapshot``, ``CreateSnapshotFromVolumeRecoveryPoint``: an EBS snapshot
  (the response's ``SnapshotId``, an EC2 ``snap-`` id); WorkSpaces Instances ``CreateVolume``: an
  EBS volume (``volume/${VolumeId}`` of EC2 in the reference), named by the response's ``VolumeId``.
- HealthOmics ``CreateAnnotationStoreVersion``:
  ``annotationStore/${AnnotationStoreName}/version/${AnnotationStoreVersionName}``.
- Performance Insights ``CreatePerformanceAnalysisReport``:
  ``perf-reports/${ServiceType}/${Identifier}/${ReportId}``, the response's ``AnalysisReportId``.
- Redshift ``CreateClusterSubnetGroup``: ``subnetgroup:${SubnetGroupName}``.
- Systems Manager ``StartAccessRequest``: the access request is an OpsItem (its
  ``AccessRequestId`` matches ``^(oi)-[0-9a-f]{12}$``), ``opsitem/${ResourceId}``.
"""

from __future__ import annotations

from tagwarden.core.normalize.operations import Effect, Handler, OperationSpec, TargetRule

_PREFIX = "arn:{partition}:"
_S3_OBJECT = TargetRule(
    members=("key",), arn_template=_PREFIX + "s3:::{bucketname}/{id}", resource_type="object"
)
_EBS_SNAPSHOT = TargetRule(
    response_members=("snapshotId",), id_kind="ec2", resource_type="snapshot", service="ec2"
)
_NETWORK_OPERATION = TargetRule(
    response_members=("nsLcmOpOccId",),
    arn_template=_PREFIX + "tnb:{region}:{account}:network-operation/{id}",
    resource_type="network-operation",
)


def _named(source: str, operation: str, member: str, template: str, kind: str) -> OperationSpec:
    rule = TargetRule(members=(member,), arn_template=_PREFIX + template, resource_type=kind)
    return OperationSpec(f"{source}.amazonaws.com", operation, Effect.CREATE, ("tags",), rule)


def _answered(source: str, operation: str, rule: TargetRule) -> OperationSpec:
    return OperationSpec(f"{source}.amazonaws.com", operation, Effect.CREATE, ("tags",), rule)


_PI_REPORT = TargetRule(
    response_members=("analysisReportId",),
    arn_template=_PREFIX + "pi:{region}:{account}:perf-reports/{servicetype}/{identifier}/{id}",
    resource_type="perf-reports",
)
_ACCESS_REQUEST = TargetRule(
    response_members=("accessRequestId",),
    arn_template=_PREFIX + "ssm:{region}:{account}:opsitem/{id}",
    resource_type="opsitem",
    id_pattern="^oi-[0-9a-f]{12}$",
)
# (eventSource prefix, eventName, request member, ARN after "arn:{partition}:", resource type)
_BY_REQUEST = (
    ("ses", "CreateEmailIdentity", "emailIdentity", "ses:{region}:{account}:identity/{id}", "identity"),
    (
        "ses",
        "CreateDedicatedIpPool",
        "poolName",
        "ses:{region}:{account}:dedicated-ip-pool/{id}",
        "dedicated-ip-pool",
    ),
    (
        "s3",
        "PutStorageLensConfiguration",
        "configId",
        "s3:{region}:{account}:storage-lens/{id}",
        "storagelensconfiguration",
    ),
    (
        "omics",
        "CreateAnnotationStoreVersion",
        "versionName",
        "omics:{region}:{account}:annotationStore/{name}/version/{id}",
        "AnnotationStoreVersion",
    ),
    (
        "redshift",
        "CreateClusterSubnetGroup",
        "clusterSubnetGroupName",
        "redshift:{region}:{account}:subnetgroup:{id}",
        "subnetgroup",
    ),
)
# (eventSource prefix, eventName, rule reading the response)
_BY_RESPONSE = (
    ("tnb", "InstantiateSolNetworkInstance", _NETWORK_OPERATION),
    ("tnb", "TerminateSolNetworkInstance", _NETWORK_OPERATION),
    ("tnb", "UpdateSolNetworkInstance", _NETWORK_OPERATION),
    ("storagegateway", "CreateSnapshot", _EBS_SNAPSHOT),
    ("storagegateway", "CreateSnapshotFromVolumeRecoveryPoint", _EBS_SNAPSHOT),
    ("pi", "CreatePerformanceAnalysisReport", _PI_REPORT),
    ("ssm", "StartAccessRequest", _ACCESS_REQUEST),
)


def determined_specs() -> list[OperationSpec]:
    """The specs, each overriding the catalog's entry for its call."""
    return [
        *(_named(*row) for row in _BY_REQUEST),
        *(_answered(*row) for row in _BY_RESPONSE),
        *(
            OperationSpec("s3.amazonaws.com", operation, Effect.CREATE, ("tagging",), _S3_OBJECT)
            for operation in ("PutObject", "CopyObject", "CreateMultipartUpload")
        ),
        OperationSpec(
            "workspaces-instances.amazonaws.com",
            "CreateVolume",
            Effect.CREATE,
            ("tagSpecifications",),
            TargetRule(id_kind="ec2", resource_type="volume", service="ec2"),
            handler=Handler.TAG_SPECIFICATIONS,
        ),
    ]
