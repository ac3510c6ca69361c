"""Which members name an operation's target, and how an id becomes an ARN."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tools.catalog_build.iamdefs import ArnFormat, IamDefinitions, fits_model
from tools.catalog_build.models import ServiceModel

# Members that name "the resource" whatever the service, best first.
RESOURCE_NAMES = (
    "resourcearn",
    "resourcearns",
    "resourcearnlist",
    "arn",
    "resource",
    "resourceid",
    "resourceids",
    "resourceidlist",
    "resourcename",
    "resourceidentifier",
    "resources",
)
_NOT_TARGETS = frozenset({"clienttoken", "dryrun", "resourcetype", "nexttoken", "idempotencytoken"})
_ID_SUFFIX = re.compile(r"(id|ids|name|names|identifier|arn|arns|arnlist|idlist|url)$")


@dataclass(frozen=True, slots=True)
class RequestTarget:
    member: str
    kind: str  # arn | id | name | url, with "list:" for a list of them
    # Further members that name the same target where the call takes either (Kinesis StreamName
    # or StreamARN): tried after ``member``.
    alternates: tuple[str, ...] = ()


def strip_suffix(name: str) -> str:
    return _ID_SUFFIX.sub("", name.casefold())


def _kind(name: str, is_list: bool) -> str:
    folded = name.casefold()
    if "arn" in folded:
        kind = "arn"
    elif folded.endswith("url"):
        kind = "url"
    elif folded.endswith(("name", "names")):
        kind = "name"
    else:
        kind = "id"
    return f"list:{kind}" if is_list else kind


def _rank(name: str, noun: str, required: bool) -> int | None:
    folded = name.casefold()
    if folded in RESOURCE_NAMES:
        return RESOURCE_NAMES.index(folded)
    # The caller's account (S3 Control's x-amz-account-id header) names no resource where another
    # member may: PutStorageLensConfigurationTagging's target is its ConfigId.
    if folded == "accountid":
        return 89 if required else None
    # Members optional only because another may name the target instead (Kinesis StreamName or
    # StreamARN) rank after the required ones.
    penalty = 0 if required else 30
    if folded.endswith(("arn", "arns", "arnlist")):
        return penalty + (20 if noun and folded.startswith(noun) else 21)
    if _ID_SUFFIX.search(folded):
        return penalty + (30 if noun and folded.startswith(noun) else 31)
    return 90 if required else None


def request_target(
    model: ServiceModel, operation: str, exclude: frozenset[str], noun: str
) -> RequestTarget | None:
    """The member that names the target of a call on an existing resource."""
    required = model.required_inputs(operation)
    ranked: list[tuple[int, str, bool]] = []
    for name, ref in model.input_members(operation).items():
        if name in exclude or name.casefold() in _NOT_TARGETS:
            continue
        shape = model.shape(ref["shape"])
        element = shape["member"]["shape"] if shape.get("type") == "list" else None
        is_list = element is not None and model.shape(element).get("type") == "string"
        if shape.get("type") != "string" and not is_list:
            continue
        rank = _rank(name, noun, name in required)
        if rank is not None:
            ranked.append((rank, name, is_list))
    if not ranked:
        return None
    ranked.sort()
    _, best, is_list = ranked[0]
    members = model.input_members(operation)
    stem = strip_suffix(best)
    # Either of two members may name the target: the same noun by name and by ARN (Kinesis
    # StreamName or StreamARN), or, where the best is optional, any other optional ARN member
    # (RAM's resourceArn or resourceShareArn).
    alternates = tuple(
        name
        for rank, name, listed in ranked[1:]
        if rank < 90
        and listed == is_list
        and (
            (stem and strip_suffix(name) == stem)
            or (best not in required and name not in required and "arn" in name.casefold())
        )
    )
    kind = _kind(best, is_list)
    documented = documented_as_arn(members[best].get("documentation", ""))
    if documented and not kind.endswith("arn") and type_member(model, operation) is None:
        kind = "list:arn" if is_list else "arn"
    return RequestTarget(best, kind, alternates)


_ARN_WORDS = re.compile(r"\b(?:ARN|Amazon Resource Name)\b")
# "The name or ARN", "the ID or Amazon Resource Name (ARN)", "its ARN or its ID": an "or" between
# kinds of identifier (not Redshift's "the tag or tags").
_IDS = r"(?:name|id|identifier|arn|url|alias|amazon resource name)\b"
_EITHER_WORDS = re.compile(
    rf"\beither\b|\b{_IDS}\W*(?:\([^)]*\)\s*)?,?\s*or\b|\bor\s+(?:the\s+|an?\s+|its\s+)?{_IDS}", re.IGNORECASE
)


def documented_as_arn(documentation: str) -> bool:
    """A member whose model documentation says it holds an ARN, and only an ARN (RDS
    ``ResourceName``: "This value is an Amazon Resource Name (ARN)"; not "the name or ARN")."""
    text = re.sub(r"<[^>]+>", "", documentation)
    head = " ".join(re.split(r"(?<=\.)\s", text.strip(), maxsplit=2)[:2])
    # Example ARNs ("...:cluster:myCluster or arn:...:snapshot:mySnapshot") are not another kind.
    words = re.sub(r"\barn:\S+", "", _ARN_WORDS.sub("ARN", head))
    return bool(_ARN_WORDS.search(head)) and not _EITHER_WORDS.search(words)


def type_member(model: ServiceModel, operation: str) -> str | None:
    """A request member that says which kind of resource the id names (SSM, Route 53)."""
    for name in model.input_members(operation):
        if name.casefold() == "resourcetype" and name in model.required_inputs(operation):
            return name
    return None


_NAME_LIKE = ("name", "names")
_ID_LIKE = ("id", "ids", "idlist")
# An "Identifier" is most often a name its owner chose (RDS DBInstanceIdentifier is the db's name).
_EITHER = ("identifier", "identifiers")


# Variables the Service Authorization Reference calls names that hold ids: CloudHSM cluster and
# backup ARNs end in the cluster-/backup- id (CloudHSM API reference, DescribeClusters).
_ID_VARIABLES = frozenset({"cloudhsmclusterinstancename", "cloudhsmbackupinstancename"})


def _suffix_kind(name: str) -> str | None:
    folded = name.casefold()
    if folded in _ID_VARIABLES:
        return "id"
    if folded.endswith(_EITHER):
        return "either"
    if folded.endswith(_NAME_LIKE):
        return "name"
    if folded.endswith(_ID_LIKE):
        return "id"
    return None


def suffixes_agree(variable: str, member: str) -> bool:
    """A name is not an id: ``${DeploymentGroupId}`` does not take ``DeploymentGroupName``."""
    kinds = {_suffix_kind(variable), _suffix_kind(member)}
    return not {"name", "id"} <= kinds


def _variable_matches(variable: str, member: str) -> bool:
    if variable.casefold() == member.casefold():
        return True
    return strip_suffix(variable) == strip_suffix(member) and suffixes_agree(variable, member)


@dataclass(frozen=True, slots=True)
class Fitted:
    template: str
    resource_type: str
    how: str  # how the format was chosen, for the catalog report
    variable: str = ""  # the format's variable the member fills

    @property
    def takes_either(self) -> bool:
        """The variable may be a name or an id (``${Identifier}``): a guess for a name."""
        return _suffix_kind(self.variable) == "either"


def arn_template(
    iam: IamDefinitions, model: ServiceModel, operation: str, member: str, noun: str
) -> Fitted | None:
    """The template that makes an ARN of ``member``'s value, if one fits: first a format whose
    variable is named like the member, then one whose resource type is named like it."""
    inputs = {name for name in model.input_members(operation) if name != member}
    stripped = strip_suffix(member)
    formats = [
        fmt
        for fmt in iam.action_formats(model.iam_prefix, operation) + iam.formats(model.iam_prefix)
        if fits_model(model.name, fmt)
    ]
    # Where two types' formats end in a variable of the same name (Transcribe's vocabulary and
    # medical-vocabulary both end in ${VocabularyName}), the noun's own type is the one made.
    formats.sort(key=lambda fmt: fmt.type_key != noun)
    # Where the noun has a format of its own, a variable named like the member in another type's
    # format names that other resource: Entity Resolution CreateMatchingWorkflow's workflowName is
    # no idmappingworkflow/${WorkflowName}, IoT CreateFleetMetric's metricName no
    # custommetric/${MetricName} (its own format is fleetmetric/${FleetMetricName}). Where no type
    # is named like the noun, a format whose id is named for it is the noun's (IoT's
    # cacert/${CACertificate} of RegisterCACertificate, whose certificateId is no cert/${Certificate}).
    own = [fmt for fmt in formats if fmt.type_key == noun] or [
        fmt for fmt in formats if fmt.variables and strip_suffix(fmt.variables[-1]) == noun
    ]
    for by_variable in (True, False):
        for fmt in (own or formats) if by_variable else own + formats:
            found = _fit(fmt, member, stripped, noun, inputs, by_variable=by_variable)
            if found:
                how = "variable named like the member" if by_variable else "type named like the member"
                return Fitted(found, fmt.resource_type, f"template ({how}): {fmt.arn}", fmt.variables[-1])
    return None


def _type_fits(type_name: str, variable: str, member: str, noun: str) -> bool:
    """A format whose resource type is named like the member (``WindowId`` of a maintenance
    window) takes the member as its last variable only where both are ids or both names: never a
    name as an id (``Name`` as WAF's ``${Id}``), a name as a name with path, or a timestamp."""
    kind, member_kind = _suffix_kind(variable), _suffix_kind(member)
    if kind is None or member_kind is None or variable.casefold().endswith("withpath"):
        return False
    if kind != member_kind and "either" not in (kind, member_kind):
        return False
    stripped = strip_suffix(member)
    if type_name == stripped:
        return True
    return bool(noun) and type_name == noun and (stripped in ("", "resource") or noun.endswith(stripped))


def _fit(
    fmt: ArnFormat, member: str, stripped: str, noun: str, inputs: set[str], *, by_variable: bool
) -> str | None:
    variables = fmt.variables
    if not variables:
        return None
    type_name = fmt.type_key
    if by_variable:
        # A generic member (Id, Name, ResourceId) fits a generic variable (${Id}) only in a format
        # of the noun's own type: CloudFront's ${Id} is in nine formats.
        if strip_suffix(member) in ("", "resource") and not (noun and noun.startswith(type_name)):
            return None
        # The resource's own id is the format's last variable; earlier ones name its parents
        # (Transfer's host-key/${ServerId}/${HostKeyId} is no format for a server).
        last = variables[-1]
        # The noun's own format may name its variable more fully (IoT CreateFleetMetric's
        # metricName is ${FleetMetricName}, not custommetric's ${MetricName}).
        own = bool(noun) and type_name == noun and strip_suffix(last).endswith(stripped) and stripped != ""
        id_variable = (
            last if _variable_matches(last, member) or (own and suffixes_agree(last, member)) else None
        )
    else:
        id_variable = variables[-1] if _type_fits(type_name, variables[-1], member, noun) else None
    if id_variable is None or not fmt.ends_with(id_variable):
        return None
    others: dict[str, str] = {}
    for variable in variables:
        if variable == id_variable:
            continue
        match = next((name for name in sorted(inputs) if _variable_matches(variable, name)), None)
        if match is None:
            return None
        others[variable] = match
    return fmt.template(id_variable, others)
