"""Where a create call names the resource it created: its response, else its request."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tools.catalog_build.models import ServiceModel
from tools.catalog_build.targets import documented_as_arn, strip_suffix

# ARN members that name another resource than the one created.
_FOREIGN = (
    "role",
    "executionrole",
    "servicerole",
    "kms",
    "kmskey",
    "key",
    "source",
    "sink",
    "target",
    "snstopic",
    "topic",
    "bucket",
    "secret",
    "certificate",
    "subnet",
    "vpc",
    "parent",
)
_GENERIC = frozenset({"", "resource"})
# Words that, after the noun, name another resource the created one uses or belongs to.
_ANOTHER = (*_FOREIGN, "policy", "namespace", "configuration", "destination", "definition")


@dataclass(frozen=True, slots=True)
class ResponseMember:
    path: str
    is_arn: bool


def related(name: str, noun: str) -> bool:
    """Whether a member's stem names the noun: ``LocationArn`` for ``locationazureblob``,
    ``RuleArn`` for ``automationrule`` and for its variant ``automationrulev2`` (Security Hub
    CreateAutomationRuleV2), ``AnalysisReportId`` for ``performanceanalysisreport``."""
    stem = strip_suffix(name)
    if not stem or not noun:
        return False
    return any(
        word.startswith(stem) or word.endswith(stem) or stem.startswith(word) or stem.endswith(word)
        for word in {noun, _VARIANT.sub("", noun)}
    )


_VARIANT = re.compile(r"(?<=[a-z])v\d$")


# Words that end the name of a structure describing a resource (Elastic Beanstalk's
# PlatformSummary, CodeStar Connections' RepositoryLinkInfo): the words before them name it.
_DESCRIBING = re.compile(r"(summary|info|details|detail|description|metadata)$")


def describes(name: str, noun: str) -> bool:
    """Whether a response structure describes the noun: its name does, or does once the word
    that says it describes is taken off (``PlatformSummary`` of a ``platformversion``)."""
    return related(name, noun) or related(_DESCRIBING.sub("", name.casefold()), noun)


def names_parent(name: str, noun: str) -> bool:
    """``ClusterIdentifier`` of a ``clustersnapshot``: the stem begins the noun, which goes on."""
    stem = strip_suffix(name)
    return bool(stem) and noun.startswith(stem) and noun != stem


def arns_of_noun_structures(model: ServiceModel, operation: str, noun: str) -> list[str]:
    """``ReplicaKeyMetadata.Arn`` of KMS ReplicateKey: the ``Arn`` of a response structure whose
    name has the noun as one of its words (``Replica``, ``Key``, ``Metadata``)."""
    output = model.output_shape(operation)
    found = []
    for name, inner in _containers(model, output) if output else []:
        words = {word.casefold() for word in re.findall(r"[A-Z][a-z0-9]*|[a-z0-9]+", name)}
        if noun in words and model.shape(inner).get("type") == "structure":
            found += [
                f"{name}.{m}" for m in _string_members(model, inner) if m.casefold() in ("arn", f"{noun}arn")
            ]
    return found


def _arn_lists(model: ServiceModel, shape_name: str) -> list[str]:
    """Members that are lists of strings named as ARNs (``TapeARNs``)."""
    found = []
    for name, ref in model.shape(shape_name).get("members", {}).items():
        shape = model.shape(ref["shape"])
        is_list = shape.get("type") == "list" and name.casefold().endswith("arns")
        if is_list and model.shape(shape["member"]["shape"]).get("type") == "string":
            found.append(name)
    return found


def _string_members(model: ServiceModel, shape_name: str) -> list[str]:
    members = model.shape(shape_name).get("members", {})
    return [name for name, ref in members.items() if model.shape(ref["shape"]).get("type") == "string"]


def _score(
    name: str, noun: str, in_noun_struct: bool, in_own_struct: bool = False
) -> tuple[int, bool] | None:
    folded = name.casefold()
    stem = strip_suffix(name)
    is_arn = folded.endswith("arn")
    is_id = folded.endswith(("id", "identifier"))
    is_name = folded.endswith("name")
    if not (is_arn or is_id or is_name):
        return None
    base = 0 if is_arn else (10 if is_id else 20)
    if stem == noun and noun:
        return base, is_arn
    if not stem and in_own_struct:
        # ProfileAssociation.Id names the association; ProfileAssociation.ProfileId its profile.
        return base, is_arn
    rest = stem[len(noun) :] if noun and stem.startswith(noun) else ""
    if rest.endswith(_ANOTHER) and rest != "resource":
        # Redshift Cluster.ClusterNamespaceArn, Grafana workspace.workspaceRoleArn, ECS
        # tasks[].taskDefinitionArn: the noun's word begins the name of another resource.
        return None
    if is_arn and names_parent(name, noun):
        # The ARN of what the resource is made in (DocumentDB Elastic snapshot.clusterArn, AppConfig
        # CreateExtensionAssociation's ExtensionArn) ranks after every member of the resource's
        # own; it names the resource only where nothing else does (DataSync's LocationArn).
        return 30, is_arn
    if related(name, noun) and not names_parent(name, noun):
        return base + 1, is_arn
    if stem in _GENERIC and (not stem or not in_noun_struct or in_own_struct):
        # ResourceArn names the resource itself in its own structure (FSx FileSystem.ResourceARN)
        # but what it attaches in another one (Network Manager's Attachment.ResourceArn).
        return base + (2 if in_noun_struct else 3), is_arn
    # Any other ARN in the created resource's structure may name another resource (AppConfig
    # Monitors.AlarmArn, Transcribe DataAccessRoleArn): it is not taken.
    return None


def _containers(model: ServiceModel, shape_name: str) -> list[tuple[str, str]]:
    """(member, structure shape) of the structures, and lists of one structure, a shape holds:
    ELBv2's ``LoadBalancers[]``, Organizations' ``Policy`` (whose ``PolicySummary`` holds the ARN)."""
    found = []
    for name, ref in model.shape(shape_name).get("members", {}).items():
        shape = model.shape(ref["shape"])
        if shape.get("type") == "list":
            element = shape["member"]["shape"]
            if model.shape(element).get("type") == "structure":
                found.append((name, element))
        elif shape.get("type") == "structure":
            found.append((name, ref["shape"]))
    return found


def _walk(
    model: ServiceModel,
    shape_name: str,
    noun: str,
    prefix: str,
    *,
    depth: int,
    scored: list[tuple[int, str, bool]],
    own: bool = False,
) -> None:
    for name in _string_members(model, shape_name):
        score = _score(name, noun, depth > 0, own)
        # A bare Id two structures down is what the inner structure describes (Audit Manager's
        # assessment.framework.id, MemoryDB's SubnetGroup.Subnets.Identifier), not the resource.
        if score and not score[1] and depth == 2 and strip_suffix(name) in _GENERIC and not own:
            continue
        if score:
            # Of two alike, the one whose name says more of the noun (SageMaker HubContentArn
            # over HubArn for a hub content reference).
            says = len(strip_suffix(name)) if strip_suffix(name) not in _GENERIC else 0
            scored.append(((score[0] + 5 * depth) * 100 - says, prefix + name, score[1]))
    # A list of the ARNs of the resources made, named for the noun (Storage Gateway CreateTapes'
    # TapeARNs), not of others it names (SSM for SAP's Application.AssociatedApplicationArns).
    plural = (noun, noun.removesuffix("s"))
    lists = [m for m in _arn_lists(model, shape_name) if strip_suffix(m) in plural]
    scored += [(5 * depth * 100, prefix + m, True) for m in lists]
    if depth >= 2:
        return
    containers = _containers(model, shape_name)
    for name, inner in containers:
        if name.casefold() in _OPERATIONS and "operation" not in noun:
            # Lightsail's operations[].id names the asynchronous operation, not the resource.
            continue
        if name.casefold().startswith(("error", "fail", "unprocessed")):
            # Fraud Detector BatchCreateVariable's errors[].name: what was not made.
            continue
        # The resource's own "metadata" structure (App Mesh virtualNode.metadata.arn) holds its ARN.
        metadata = own and name.casefold() == "metadata"
        if describes(name, noun) or len(containers) == 1 or (depth > 0 and related(inner, noun)) or metadata:
            inner_own = metadata or (bool(noun) and strip_suffix(name) == noun)
            _walk(model, inner, noun, f"{prefix}{name}.", depth=depth + 1, scored=scored, own=inner_own)
        elif depth == 0 and noun:
            # Of structures that do not describe the noun by name, a member named the noun's ARN
            # (Route 53 ARC CreateSafetyRule: AssertionRule.SafetyRuleArn or GatingRule.SafetyRuleArn).
            own_arn = f"{noun}arn"
            named = [m for m in _string_members(model, inner) if m.casefold() == own_arn]
            scored += [(500, f"{name}.{m}", True) for m in named]


_OPERATIONS = frozenset({"operation", "operations"})


def response_members(model: ServiceModel, operation: str, noun: str) -> list[ResponseMember]:
    """Response paths naming the created resource, best first: ARNs, then ids and names; two
    structures deep, through lists of one structure (read as every element's member)."""
    output = model.output_shape(operation)
    if output is None:
        return []
    scored: list[tuple[int, str, bool]] = []
    _walk(model, output, noun, "", depth=0, scored=scored)
    scored.sort()
    found = [ResponseMember(path, is_arn) for _, path, is_arn in scored]
    if not any(member.is_arn for member in found):
        found = head_word_arns(model, output, noun) + found
    return found


def _words(name: str) -> list[str]:
    return [word.casefold() for word in re.findall(r"[A-Z][a-z0-9]*|[a-z0-9]+", name)]


def head_word_arns(model: ServiceModel, output: str, noun: str) -> list[ResponseMember]:
    """The ARN of a response structure that describes the noun, named for a kind of the
    structure's last word (Chatbot ``ChannelConfiguration.ChatConfigurationArn`` of a
    ``slackchannelconfiguration``: a chat configuration): the only such ARN, or none."""
    found = []
    for name, inner in _containers(model, output):
        if not describes(name, noun) or model.shape(inner).get("type") != "structure":
            continue
        head = _words(name)[-1]
        for member in _string_members(model, inner):
            words = _words(member)
            if len(words) > 2 and words[-1] == "arn" and words[-2] == head:
                found.append(ResponseMember(f"{name}.{member}", True))
    return found if len(found) == 1 else []


# Identifiers of the caller or of the request, never of a resource.
_NO_RESOURCE = ("clientid", "requestid")


def lone_response_member(model: ServiceModel, operation: str) -> ResponseMember | None:
    """The one identifier a create call's response gives where none is named like the resource
    (Directory Service CreateHybridAD's DirectoryId, CloudWatch Observability Admin's RuleArn):
    the created resource's, unless the request names a member alike, whose value it echoes, or it
    is an ARN of a role, key or other resource the call only uses. An id only in a Create call's
    response: a Start call may answer with the id of a run that is not what its tags go to (SSM
    StartChangeRequestExecution's AutomationExecutionId), as may an asynchronous create with the
    id of its operation (Cloud Map's OperationId); an ARN in any create's (Bedrock
    StartAsyncInvoke's invocationArn). The id of the request itself names nothing (Image Builder
    StartImagePipelineExecution's requestId beside imageBuildVersionArn), and an ARN and an id of
    one stem name one resource (Connect StartAttachedFileUpload's FileArn and FileId)."""
    output = model.output_shape(operation)
    if output is None:
        return None
    inputs = {name.casefold() for name in model.input_members(operation)}
    found = [
        ResponseMember(name, name.casefold().endswith("arn"))
        for name in _string_members(model, output)
        if name.casefold().endswith(("arn", "id", "identifier"))
        and not name.casefold().endswith(_NO_RESOURCE)
    ]
    if not found:
        return _lone_nested_arn(model, output)
    if len({strip_suffix(member.path) for member in found}) == 1:
        found = [member for member in found if member.is_arn] or found
    if len(found) != 1 or found[0].path.casefold() in inputs or strip_suffix(found[0].path) == "operation":
        return None
    lone = found[0]
    if not lone.is_arn:
        return lone if operation.startswith("Create") else None
    return None if strip_suffix(lone.path) in _FOREIGN else lone


def _best_name(
    model: ServiceModel, members: dict[str, Any], required: frozenset[str], noun: str
) -> tuple[int, str] | None:
    best: tuple[int, str] | None = None
    for name, ref in members.items():
        if model.shape(ref["shape"]).get("type") != "string":
            continue
        folded = name.casefold()
        if not folded.endswith(("name", "identifier", "id")) or folded.endswith("clientid"):
            continue
        # A request ARN names a resource that exists already (Control Tower EnableBaseline's
        # baselineIdentifier, "the ARN of the baseline to be enabled"), never the one being made.
        if documented_as_arn(_first_sentence(ref.get("documentation", ""))):
            continue
        if folded.startswith("source") and not noun.startswith("source"):
            continue  # what a copy is made from (RDS CopyDBSnapshot's SourceDBSnapshotIdentifier)
        stem = strip_suffix(name)
        if stem == noun or folded in ("name", noun):
            rank = 0
        elif related(name, noun):
            # A name of the parent (Textract CreateAdapterVersion's AdapterId) ranks after the
            # resource's own (IoT CreatePackageVersion's versionName).
            rank = 10 if names_parent(name, noun) else 1
        else:
            continue
        rank += 0 if name in required else 2
        if best is None or rank < best[0]:
            best = (rank, name)
    return best


def _first_sentence(documentation: str) -> str:
    """ "The ARN of the control." but not "The name of the table to create. You can also provide
    the Amazon Resource Name (ARN) of the table" (DynamoDB CreateTable's TableName)."""
    text = re.sub(r"<[^>]+>", "", documentation).strip()
    return re.split(r"(?<=\.)\s", text, maxsplit=1)[0]


def name_member(model: ServiceModel, operation: str, noun: str) -> str | None:
    """The request member that names the resource being created (``AnalyzerName``), or a path
    into the required structure that describes it (Budgets ``Budget.BudgetName``, Glue
    ``DatabaseInput.Name``)."""
    required = model.required_inputs(operation)
    inputs = model.input_members(operation)
    best = _best_name(model, inputs, required, noun)
    if best is not None:
        return best[1]
    for name in sorted(required):
        shape = model.shape(inputs[name]["shape"])
        if shape.get("type") != "structure" or name.casefold() not in (noun, f"{noun}input"):
            continue
        inner = _best_name(model, shape.get("members", {}), frozenset(shape.get("required", [])), noun)
        if inner is not None and inner[0] % 10 < 2:  # a required member of the structure
            return f"{name}.{inner[1]}"
    return None


def _lone_nested_arn(model: ServiceModel, output: str) -> ResponseMember | None:
    """Where the response is one structure, the one ARN it holds, unless of a used resource
    (License Manager User Subscriptions AssociateUser's InstanceUserSummary.InstanceUserArn)."""
    containers = [
        item for item in _containers(model, output) if model.shape(item[1]).get("type") == "structure"
    ]
    if len(containers) != 1 or len(model.shape(output).get("members", {})) != 1:
        return None
    name, inner = containers[0]
    arns = [member for member in _string_members(model, inner) if member.casefold().endswith("arn")]
    if len(arns) != 1 or strip_suffix(arns[0]) in _FOREIGN:
        return None
    return ResponseMember(f"{name}.{arns[0]}", True)
