"""ARN formats chosen by what the request says: its type member, the id's prefix, or the action.

The Service Authorization Reference gives each resource type's ARN format, and each IAM action
the resource types it acts on. Where a call names its target by a generic member (``ResourceId``)
the format depends on the request: SSM's ``ResourceType`` value, an EFS id's ``fs-``/``fsap-``
prefix, or, where the action acts on one resource type only, that type.
"""

from __future__ import annotations

from tools.catalog_build.iamdefs import ArnFormat, IamDefinitions
from tools.catalog_build.models import ServiceModel

# Id prefixes that say an id's resource type, per IAM prefix, from each service's API reference.
ID_PREFIXES: dict[str, dict[str, str]] = {
    "elasticfilesystem": {"fs-": "file-system", "fsap-": "access-point"},
    "cloudhsm": {"cluster-": "cluster", "backup-": "backup"},
    "elasticmapreduce": {"j-": "cluster", "e-": "editor", "es-": "studio"},
    "workspaces": {
        "ws-": "workspaceid",
        "wsb-": "workspacebundle",
        "wsi-": "workspaceimage",
        "wsipg-": "workspaceipgroup",
        "d-": "directoryid",
    },
}
# Types whose ids may be given with or without a leading slash that the ARN does not hold (SSM
# AddTagsToResource: an OpsMetadata id is "aws/ssm/MyGroup/appmanager" or "/aws/ssm/...").
LEADING_SLASH_OPTIONAL = frozenset({("ssm", "opsmetadata")})
# Type-member values whose resource type has another name in the Service Authorization Reference.
TYPE_ALIASES: dict[tuple[str, str], str] = {
    ("ssm", "automation"): "automation-execution",
}
# Ids that must match a pattern for the format to make their ARN, and ARNs to be taken as the
# resource's: a secret's ARN ends in a hyphen and six random characters that its name lacks
# (Secrets Manager user guide, "Find secrets from a partial ARN": a name that itself ends in a
# hyphen and six characters is ambiguous). Six lower-case letters (app-secret, db-master) are
# taken for the name's own word, never a suffix: a partial ARN or a name, not the secret's ARN.
ID_PATTERNS: dict[tuple[str, str], str] = {
    ("secretsmanager", "Secret"): "-(?![a-z]{6}$)[A-Za-z0-9]{6}$",
}
GENERIC_STEMS = frozenset({"", "resource"})
GENERIC_VARIABLES = frozenset({"id", "name", "resourceid", "resourcename", "identifier"})


def _fold(name: str) -> str:
    return name.replace("-", "").replace("_", "").casefold()


def single_id_template(fmt: ArnFormat) -> str | None:
    """The format as a template when it has exactly one variable (the id)."""
    variables = fmt.variables
    return fmt.template(variables[0], {}) if len(variables) == 1 and fmt.ends_with(variables[0]) else None


def _format_for_type(value: str, prefix: str, formats: list[ArnFormat]) -> ArnFormat | None:
    wanted = _fold(TYPE_ALIASES.get((prefix, value.casefold()), value))
    exact = [fmt for fmt in formats if _fold(fmt.resource_type) == wanted]
    return exact[0] if len(exact) == 1 else None


def type_templates(iam: IamDefinitions, model: ServiceModel, operation: str, member: str) -> dict[str, str]:
    """{type value: template} for every value of the request's type member the reference knows."""
    ref = model.input_members(operation).get(member)
    values = model.shape(ref["shape"]).get("enum", []) if ref else []
    formats = [f for f in iam.formats(model.iam_prefix) if f.service == model.iam_prefix]
    found: dict[str, str] = {}
    for value in values:
        fmt = _format_for_type(str(value), model.iam_prefix, formats)
        template = single_id_template(fmt) if fmt else None
        if template and fmt and (model.iam_prefix, fmt.resource_type) in LEADING_SLASH_OPTIONAL:
            template = template.replace("{id}", "{id_path}")
        if template:
            found[str(value)] = template
    return found


def prefix_templates(iam: IamDefinitions, model: ServiceModel) -> dict[str, str]:
    """{id prefix: template} where the service's ids carry their type in a prefix."""
    by_type = {fmt.resource_type: fmt for fmt in iam.formats(model.iam_prefix)}
    found: dict[str, str] = {}
    for prefix, resource_type in ID_PREFIXES.get(model.iam_prefix, {}).items():
        fmt = by_type.get(resource_type)
        template = single_id_template(fmt) if fmt else None
        if template:
            found[prefix] = template
    return found


def _same_kind(variable: str, member: str) -> bool:
    """``Name`` fits ``${ParameterNameWithoutLeadingSlash}`` but not ``${Id}``."""
    word = "name" if member.casefold().endswith("name") else "id"
    return word in variable.casefold().removesuffix("withoutleadingslash")[-len(word) - 12 :]


def action_template(
    iam: IamDefinitions, model: ServiceModel, operation: str, member: str, noun: str
) -> tuple[str, str] | None:
    """(template, type) where the IAM action acts on one resource type of its own service only,
    whose one variable is of the member's kind (a name, or an id), and which is the type the call
    names (a create call's action may name the parent: CreateAnnotationStoreVersion acts on the
    annotation store)."""
    formats = [f for f in iam.action_formats(model.iam_prefix, operation) if f.service == model.iam_prefix]
    if len(formats) != 1 or len(formats[0].variables) != 1 or not _same_kind(formats[0].variables[0], member):
        return None
    if noun not in GENERIC_STEMS and formats[0].type_key != noun:
        return None
    template = single_id_template(formats[0])
    return (template, formats[0].resource_type) if template else None


def id_pattern(model: ServiceModel, resource_type: str) -> str | None:
    return ID_PATTERNS.get((model.iam_prefix, resource_type))


def only_identifier_template(
    iam: IamDefinitions, model: ServiceModel, noun: str, identifier: str = ""
) -> tuple[str, str] | None:
    """(template, type) of the one format of the noun's type whose one variable is generic
    (``${ResourceId}``, ``${ResourceName}``: the reference does not say if a name or an id), for a
    call that gives the created resource one identifier only. The type is the noun's (DataBrew
    ``dataset``), or, in a service of one resource type, the noun ends with it (DLM's
    ``CreateLifecyclePolicy`` makes its only type, ``policy``). A bare ``${Id}`` says it is an id:
    a name never fills it (Lightsail's ARNs end in an id its create calls do not return)."""
    own = [fmt for fmt in iam.formats(model.iam_prefix) if fmt.service == model.iam_prefix]
    is_name = identifier.casefold().endswith("name")
    candidates = [
        fmt
        for fmt in own
        if len(fmt.variables) == 1
        and fmt.variables[0].casefold() in GENERIC_VARIABLES
        and not (is_name and fmt.variables[0] == "Id")
        and (
            fmt.type_key == noun
            or (noun.endswith(fmt.type_key) and (len(own) == 1 or _kind_of(model, noun, fmt)))
        )
    ]
    if len(candidates) != 1:
        return None
    template = single_id_template(candidates[0])
    return (template, candidates[0].resource_type) if template else None


def _kind_of(model: ServiceModel, noun: str, fmt: ArnFormat) -> bool:
    """Whether the service reads the noun as a kind of the format's type: it describes the type
    and not the noun (DataBrew's DescribeJob, and no DescribeProfileJob: a profile job is a job)."""
    reads = {operation.casefold() for operation in model.operations}
    return any(f"{verb}{fmt.type_key}" in reads for verb in _READS) and not any(
        f"{verb}{noun}" in reads for verb in _READS
    )


_READS = ("describe", "get")


def singleton_template(
    iam: IamDefinitions, model: ServiceModel, operation: str, noun: str
) -> tuple[str, str] | None:
    """The format of a resource an account has one of per region, made of nothing but the
    record's partition, region and account (Security Hub's ``hub/default``, which
    ``EnableSecurityHub`` makes): where the action acts on that one type of its own service only,
    and the call names it (``securityhub`` ends with ``hub``)."""
    formats = [f for f in iam.action_formats(model.iam_prefix, operation) if f.service == model.iam_prefix]
    if len(formats) != 1 or formats[0].variables or not noun.endswith(formats[0].type_key):
        return None
    return formats[0].template("", {}), formats[0].resource_type
