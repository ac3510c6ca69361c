"""Which operations write tags, and what each one does to them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from tools.catalog_build.created import response_members
from tools.catalog_build.derive import with_created_target, with_request_target
from tools.catalog_build.elements import element_target
from tools.catalog_build.entry import CatalogEntry
from tools.catalog_build.iamdefs import IamDefinitions
from tools.catalog_build.models import ServiceModel
from tools.catalog_build.tagmembers import (
    SET_NAMES,
    TagMember,
    member_shape,
    noun_of,
    removal_members,
    set_members,
)
from tools.catalog_build.targets import strip_suffix

# TagResource, UntagResource, AddTagsToCertificate, RemoveTagsFromVault, CreateTags, DeleteTags,
# CreateOrUpdateTags, PutBucketTagging, ChangeTagsForResource, UpdateTagsForDomain, ...
_TAG_CALL = re.compile(
    r"^(?:Tag|Untag)(?:[A-Z]|$)"
    r"|^(?:Add|Remove|Create|Delete|Update|Change|CreateOrUpdate|Put|Set)\w*?Tag(?:s|ging)(?:For|From|To|[A-Z]|$)"
)
_REMOVING = re.compile(r"^(?:Untag|Remove|Delete)")
_REPLACING = re.compile(r"^(?:Put\w*Tagging|Set\w*Tags\w*)$")
_UPDATING = re.compile(r"^(?:Update|Modify)[A-Z]")
# Calls that read, or that pass tags which are not the tags of any resource they make.
_NOT_WRITING = re.compile(
    r"^(?:List|Get|Describe|Search|Query|Scan|Validate|Test|Preview|Estimate|Check|Lookup|Count|"
    r"Filter|Evaluate|Simulate|Send|Batch(?:Get|Describe))[A-Z]"
)
_TAG_WORDS = re.compile(
    r"^(?:CreateOrUpdateTags|AddTagsTo|RemoveTagsFrom|AddTags|RemoveTags|CreateTags|DeleteTags|"
    r"Tag|Untag|Put|Delete|Set|Change|Update)|(?:Tagging|TagsForResource|Tags|ForResource)$"
)
# Lambda's CloudTrail eventNames carry the API version of the operation's request URI.
_URI_VERSION = re.compile(r"^/(\d{4})-(\d{2})-(\d{2})/")


def is_tag_call(operation: str) -> bool:
    return bool(_TAG_CALL.search(operation))


def tag_call_noun(operation: str) -> str:
    """``AddTagsToCertificate`` -> ``certificate``; ``TagResource`` -> ``resource``."""
    noun = _TAG_WORDS.sub("", operation)
    return re.sub(r"^(?:For|From|To|On)(?=[A-Z])", "", noun).casefold()


def _aliases(model: ServiceModel, operation: str) -> tuple[str, ...]:
    if model.name != "lambda":
        return ()
    uri = str(model.operations[operation].get("http", {}).get("requestUri", ""))
    match = _URI_VERSION.match(uri)
    if not match:
        return ()
    version = "".join(match.groups())
    return (f"{operation}{version}", f"{operation}{version}v2")


def canonical_tag_members(model: ServiceModel) -> frozenset[str]:
    """The member names a service's own tag calls use for tags (``ResourceTags`` in a few)."""
    names = set()
    for operation in model.operations:
        if is_tag_call(operation) and not _REMOVING.match(operation):
            for name, ref in model.input_members(operation).items():
                if "tag" in name.casefold() and member_shape(model, ref["shape"]) not in (None, "keys"):
                    names.add(name.casefold())
    return frozenset(names)


def _nested_set_members(model: ServiceModel, operation: str, canonical: frozenset[str]) -> list[TagMember]:
    """Tags one level down: in a ``...WithTags`` structure (CloudFront CreateDistributionWithTags),
    or in the structure that is the request's whole body (Pinpoint CreateApp's
    ``CreateApplicationRequest.tags``), read there or, where CloudTrail logs the body unwrapped,
    at the top."""
    found = []
    payload = model.input_payload(operation)
    for name, ref in model.input_members(operation).items():
        inner = model.shape(ref["shape"]).get("members", {})
        if name.endswith("WithTags") and "Tags" in inner:
            shape = member_shape(model, inner["Tags"]["shape"])
            if shape:
                found.append(TagMember(f"{name}.Tags", shape))
        elif name == payload:
            for member in _payload_tags(model, ref["shape"], operation, canonical):
                found += [TagMember(f"{name}.{member.name}", member.shape), member]
    return found


def _payload_tags(
    model: ServiceModel, shape_name: str, operation: str, canonical: frozenset[str]
) -> list[TagMember]:
    members = model.shape(shape_name).get("members", {})
    own = [name for name in members if name.casefold() in SET_NAMES or name.casefold() in canonical]
    shapes = [(name, member_shape(model, members[name]["shape"])) for name in own]
    return [TagMember(name, shape) for name, shape in shapes if shape not in (None, "string", "keys")]


def _tag_call(model: ServiceModel, operation: str, iam: IamDefinitions) -> CatalogEntry | None:
    canonical = canonical_tag_members(model)
    adds = set_members(model, operation, canonical)
    removing = bool(_REMOVING.match(operation))
    # A removal call may name the keys in the list its add call takes (CloudTrail RemoveTags'
    # TagsList of {Key, Value}): the keys are removed whatever the values.
    removes = removal_members(model, operation, SET_NAMES | canonical if removing else frozenset())
    if removing:
        adds = []
    elif adds:
        removes = [member for member in removes if member.name not in {a.name for a in adds}]
    if removing:
        effect = "remove" if removes else "remove_all"
        if not removes and not operation.endswith("Tagging"):
            return None
    elif not adds:
        return None
    else:
        effect = "replace" if _REPLACING.match(operation) else "add"
    noun = tag_call_noun(operation)
    exclude = frozenset(member.name for member in adds + removes)
    entry = CatalogEntry(
        event_source=model.event_source,
        event_name=operation,
        model=model.name,
        effect=effect,
        tags=tuple(member.name for member in adds),
        shape=(adds or removes)[0].shape if adds or removes else "",
        removes=tuple(member.name for member in removes),
        aliases=_aliases(model, operation),
    )
    return with_request_target(entry, model, exclude, iam, noun)


# Calls whose tags land on another resource than the one they make, as the tag member's
# documentation says, by (model, operation): the noun tagged, and whether it exists already.
# CloudFormation CreateChangeSet: tags "to associate with this stack" (a new or an existing one);
# Lookout for Equipment ImportModelVersion: tags "associated with the machine learning model";
# Serverless Application Repository CreateCloudFormationChangeSet: CloudFormation's CreateChangeSet
# tags ("corresponds to the parameter of the same name"). (A call a hand-written spec reads, such as
# MediaLive PurchaseOffering, takes the spec's target instead: see hand_written.py.)
_TAGS_ANOTHER = {
    ("cloudformation", "CreateChangeSet"): ("stack", True),
    ("serverlessrepo", "CreateCloudFormationChangeSet"): ("stack", True),
    ("lookoutequipment", "ImportModelVersion"): ("model", False),
}


# Calls whose tags go to a resource the record does not name, by (model, operation): its type,
# the request member that says what the record knows of it, and why. Each is unresolved.
_TAGS_UNNAMED = {
    # Organizations API reference, InviteAccountToOrganization: tags "to attach to the account
    # when it becomes a member of the organization" (not the handshake the response gives).
    ("organizations", "InviteAccountToOrganization"): (
        "account",
        ("Target.Id",),
        "the tags go to the invited account once it joins, not to the handshake",
    ),
    # InviteOrganizationToTransferResponsibility: tags "to attach to the transfer", whose id the
    # response (a handshake) does not give.
    ("organizations", "InviteOrganizationToTransferResponsibility"): (
        "responsibilitytransfer",
        ("SourceName",),
        "the tags go to the responsibility transfer, which the response (a handshake) does not name",
    ),
}


def _unnamed(entry: CatalogEntry, key: tuple[str, str]) -> CatalogEntry:
    resource_type, target, why = _TAGS_UNNAMED[key]
    return replace(
        entry,
        response=(),
        target=target,
        target_kind="id" if target else "",
        arn=None,
        id_pattern=None,
        resource_type=resource_type,
        how=f"unresolved: {why}",
    )


def _creating_call(model: ServiceModel, operation: str, iam: IamDefinitions) -> CatalogEntry | None:
    canonical = canonical_tag_members(model)
    adds = set_members(model, operation, canonical) or _nested_set_members(model, operation, canonical)
    if not adds and not _NOT_WRITING.match(operation):
        return _per_element_call(model, operation, canonical, iam)
    if not adds or _NOT_WRITING.match(operation):
        return None
    updating = bool(_UPDATING.match(operation))
    if updating:
        # The body structure's tags and the same tags logged unwrapped (Pinpoint) go together.
        ignored = {m.name.rsplit(".", 1)[-1] for m in adds if _ignored_on_update(model, operation, m.name)}
        adds = [member for member in adds if member.name.rsplit(".", 1)[-1] not in ignored]
        if not adds:
            return None
    noun = noun_of(operation)
    if operation.startswith("Associate"):
        noun += "association"  # AssociateProfile makes a profile association, not a profile
    elif operation.startswith("Provision"):
        noun = "provisioned" + noun  # ProvisionProduct makes a provisioned product
    # CreateFileSystemFromBackup makes a file system, CreateGraphUsingImportTask a graph.
    noun = re.sub(r"(?<=.)(?:from|using)[a-z]+$", "", noun)
    noun = _without_variant(noun, model, iam)
    noun, updating = _TAGS_ANOTHER.get((model.name, operation), (noun, updating))
    entry = CatalogEntry(
        event_source=model.event_source,
        event_name=operation,
        model=model.name,
        effect="update" if updating else "create",
        tags=tuple(member.name for member in adds),
        shape=adds[0].shape,
        handler="tag_specifications" if adds[0].shape == "tagspec" else "generic",
        aliases=_aliases(model, operation),
    )
    if entry.handler != "generic":
        return entry
    if updating:
        removes = [m for m in removal_members(model, operation) if m.name not in {a.name for a in adds}]
        entry = replace(entry, removes=tuple(member.name for member in removes))
        exclude = frozenset(member.name for member in adds + removes)
        updated = with_request_target(entry, model, exclude, iam, noun)
        # An update's response may name the target by ARN (CloudFormation UpdateStack's StackId).
        found = [m for m in response_members(model, operation, noun) if m.is_arn or _is_own_id(m.path, noun)]
        arns = tuple(m.path for m in found)
        return replace(updated, response=arns[:2]) if arns else updated
    entry = with_created_target(entry, model, operation, iam, noun)
    return _unnamed(entry, (model.name, operation)) if (model.name, operation) in _TAGS_UNNAMED else entry


def _per_element_call(
    model: ServiceModel, operation: str, canonical: frozenset[str], iam: IamDefinitions
) -> CatalogEntry | None:
    """A call that makes several resources, each from one element of a required list that carries
    its own tags (WorkSpaces CreateWorkspaces' ``Workspaces[].Tags``). Where the response does not
    say which element became which resource, the tags (of every element) go to an unresolved
    target: seen, never put on a resource they may not be on."""
    members = model.input_members(operation)
    for name in sorted(model.required_inputs(operation)):
        shape = model.shape(members[name]["shape"])
        if shape.get("type") != "list":
            continue
        element = shape["member"]["shape"]
        if model.shape(element).get("type") != "structure":
            continue
        found = _payload_tags(model, element, operation, canonical)
        if found:
            entry = CatalogEntry(
                event_source=model.event_source,
                event_name=operation,
                model=model.name,
                effect="create",
                tags=(f"{name}.{found[0].name}",),
                shape=found[0].shape,
                aliases=_aliases(model, operation),
                resource_type=noun_of(operation),
                how=_per_element_how(model, operation, name, element),
            )
            return _matched_elements(entry, model, iam, element)
    return None


_PER_ELEMENT_UNRESOLVED = (
    "unresolved: each element of the request's list carries its own tags; "
    "which resource each became is not in the record"
)


def _per_element_how(model: ServiceModel, operation: str, name: str, element: str) -> str:
    """Whether the response's list of the same name gives each element's ARN beside a name the
    element has (IoT FleetWise BatchCreateVehicle's ``vehicles[].vehicleName`` and ``arn``), by
    which the normalizer tells the elements apart."""
    output = model.output_shape(operation)
    ref = model.shape(output).get("members", {}).get(name) if output else None
    shape = model.shape(ref["shape"]) if ref else {}
    answered = model.shape(shape["member"]["shape"]) if shape.get("type") == "list" else {}
    given = set(answered.get("members", {}))
    names = [
        m for m in model.shape(element).get("members", {}) if m in given and m.casefold().endswith("name")
    ]
    if names and any(m.casefold().endswith("arn") for m in given):
        return f"arn: the response's {name}[] gives each element's ARN by its {names[0]}"
    return _PER_ELEMENT_UNRESOLVED


def _matched_elements(
    entry: CatalogEntry, model: ServiceModel, iam: IamDefinitions, element: str
) -> CatalogEntry:
    """Where the response lists each resource made with members echoing its request element's
    (WorkSpaces PendingRequests[]: WorkspaceId, DirectoryId, UserName, BundleId), each element's
    tags go to the one resource whose echoed members equal its own."""
    found = element_target(model, iam, entry.event_name, element, entry.resource_type)
    if found is None:
        return entry
    how = (
        f"template (variable named like the member): {found.template}, the id of the response's "
        f"{found.response.split('.')[0]}[] element whose {', '.join(found.match)} equal the request element's"
    )
    return replace(
        entry,
        response=(found.response,),
        match=found.match,
        arn=found.template,
        resource_type=found.resource_type,
        how=how,
    )


_IGNORED_ON_UPDATE = re.compile(r"deprecated for update operations", re.IGNORECASE)


def _ignored_on_update(model: ServiceModel, operation: str, path: str) -> bool:
    """A tags member its model says an update ignores (Pinpoint's UpdateCampaign, UpdateSegment
    and Update*Template: "tags has been deprecated for update operations ... any value in tags is
    not processed"): the call writes no tags."""
    members = model.input_members(operation)
    ref: dict[str, str] | None = None
    for name in path.split("."):
        ref = members.get(name)
        if ref is None:
            return False
        members = model.shape(ref["shape"]).get("members", {})
    return bool(ref and _IGNORED_ON_UPDATE.search(ref.get("documentation", "")))


def _without_variant(noun: str, model: ServiceModel, iam: IamDefinitions) -> str:
    """``environmentec2`` -> ``environment`` (Cloud9 CreateEnvironmentEC2 makes an environment),
    unless the reference has a type of that variant (Security Hub's ``automation-rulev2``, whose
    ARNs are not v1 rules')."""
    match = re.search(r"(?<=[a-z])(?:v\d|ec2)$", noun)
    if match is None:
        return noun
    variants = [f.type_key for f in iam.formats(model.iam_prefix) if f.type_key.endswith(match.group())]
    return noun if any(noun.endswith(key) for key in variants) else noun[: match.start()]


def _is_own_id(path: str, noun: str) -> bool:
    return bool(noun) and strip_suffix(path.rsplit(".", 1)[-1]) == noun


def classify(model: ServiceModel, iam: IamDefinitions) -> Iterator[CatalogEntry]:
    """Every tag-writing operation of one service model."""
    for operation in sorted(model.operations):
        entry = _tag_call(model, operation, iam) if is_tag_call(operation) else None
        if entry is None and not _REMOVING.match(operation):
            # A name like a tag call whose tags are nested (CloudFront CreateDistributionWithTags)
            entry = _creating_call(model, operation, iam)
        if entry is not None:
            yield entry
