"""Hand-written specs of create calls whose request names, beside the resource made, its parent
or another resource the generated catalog would take for it."""

from __future__ import annotations

from tagwarden.core.normalize.operations import Effect, OperationSpec, TargetRule

_APPCONFIG_ENVIRONMENT = (
    "arn:{partition}:appconfig:{region}:{account}:application/{applicationid}/environment"
)

# Create calls whose request names the parent, or another resource, beside the one made:
# (eventSource, eventName, tag member, target rule).
_MADE_BESIDE_ANOTHER: tuple[tuple[str, str, str, TargetRule], ...] = (
    # The tags are the deployment's (AppConfig API reference, StartDeployment), whose ARN ends in
    # the response's DeploymentNumber; DeploymentStrategyId names the strategy it uses.
    (
        "appconfig.amazonaws.com",
        "StartDeployment",
        "Tags",
        TargetRule(
            response_members=("DeploymentNumber",),
            arn_template=_APPCONFIG_ENVIRONMENT + "/{environmentid}/deployment/{id}",
            resource_type="deployment",
        ),
    ),
    # A partner allocates a hosted connection on its interconnect or LAG (the request's
    # connectionId) for a customer (ownerAccount): the new connection is named by the response's
    # connectionId, in an account the record's recipient is not sure to be.
    (
        "directconnect.amazonaws.com",
        "AllocateHostedConnection",
        "tags",
        TargetRule(response_members=("connectionId",), resource_type="dxcon"),
    ),
    # Textract CreateAdapterVersion's AdapterId is the adapter the version is made in.
    (
        "textract.amazonaws.com",
        "CreateAdapterVersion",
        "Tags",
        TargetRule(
            response_members=("AdapterVersion",),
            arn_template="arn:{partition}:textract:{region}:{account}:/adapters/{adapterid}/versions/{id}",
            resource_type="adapterversion",
        ),
    ),
    # Network Manager CreateTransitGatewayPeering: TransitGatewayArn is the EC2 transit gateway
    # peered; the peering is TransitGatewayPeering.Peering.PeeringId (peering/${ResourceId}).
    (
        "networkmanager.amazonaws.com",
        "CreateTransitGatewayPeering",
        "Tags",
        TargetRule(
            response_members=("TransitGatewayPeering.Peering.PeeringId",),
            arn_template="arn:{partition}:networkmanager::{account}:peering/{id}",
            resource_type="peering",
        ),
    ),
    # Customer Profiles CreateDomainLayout makes a layout in the domain DomainName names.
    (
        "profile.amazonaws.com",
        "CreateDomainLayout",
        "Tags",
        TargetRule(
            members=("LayoutDefinitionName",),
            arn_template="arn:{partition}:profile:{region}:{account}:domains/{domainname}/layouts/{id}",
            resource_type="layouts",
        ),
    ),
    # A request member naming another resource of the same kind, so that only the response names
    # the one made: Omics StartRun's runId is "the ID of a run to duplicate", MediaLive
    # CreatePartnerInput's InputId the input partnered, Control Tower EnableBaseline's
    # baselineIdentifier "the ARN of the baseline to be enabled", MediaLive PurchaseOffering's
    # OfferingId the offering (the tags are the reservation's).
    (
        "omics.amazonaws.com",
        "StartRun",
        "tags",
        TargetRule(
            response_members=("arn", "id"),
            arn_template="arn:{partition}:omics:{region}:{account}:run/{id}",
            resource_type="run",
        ),
    ),
    (
        "medialive.amazonaws.com",
        "CreatePartnerInput",
        "Tags",
        TargetRule(response_members=("Input.Arn",), resource_type="input"),
    ),
    (
        "controltower.amazonaws.com",
        "EnableBaseline",
        "tags",
        TargetRule(response_members=("arn",), resource_type="EnabledBaseline"),
    ),
    (
        "medialive.amazonaws.com",
        "PurchaseOffering",
        "Tags",
        TargetRule(
            response_members=("Reservation.Arn", "Reservation.ReservationId"),
            arn_template="arn:{partition}:medialive:{region}:{account}:reservation:{id}",
            resource_type="reservation",
        ),
    ),
)


def made_beside_another_specs() -> list[OperationSpec]:
    return [
        OperationSpec(source, name, Effect.CREATE, (tags,), rule)
        for source, name, tags, rule in _MADE_BESIDE_ANOTHER
    ]


# Bedrock jobs whose request also tags the model the job makes when it ends, whose ARN ends in an
# id the record does not give (Bedrock API reference, CreateModelImportJob's importedModelTags:
# "tags to attach to the imported model"; CreateModelCustomizationJob's customModelTags: "tags to
# attach to the resulting custom model"): the job's tags name the job; the model's are unresolved,
# named by the model's name in the request.
_JOBS_THAT_MAKE_MODELS = (
    ("CreateModelImportJob", "model-import-job", "importedModel", "imported-model"),
    ("CreateModelCustomizationJob", "model-customization-job", "customModel", "custom-model"),
)


def model_making_job_specs() -> list[OperationSpec]:
    return [
        OperationSpec(
            "bedrock.amazonaws.com",
            name,
            Effect.CREATE,
            ("jobTags",),
            TargetRule(response_members=("jobArn",), resource_type=job_type),
            also=(
                OperationSpec(
                    "bedrock.amazonaws.com",
                    name,
                    Effect.CREATE,
                    (f"{model}Tags",),
                    TargetRule(members=(f"{model}Name",), resource_type=model_type),
                ),
            ),
        )
        for name, job_type, model, model_type in _JOBS_THAT_MAKE_MODELS
    ]
