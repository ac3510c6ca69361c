"""How a catalogued operation's target becomes an exact ARN, and how sure the builder is of it.

Every entry gets a ``how``: the request or response names the target by ARN; a Service
Authorization Reference format fits a member (by the format's variable name, by its resource
type, by the request's type member, by the id's prefix, or as the action's only resource type);
or no format fits and the normalizer reports the target as unresolved.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tools.catalog_build.choose import (
    GENERIC_STEMS,
    action_template,
    id_pattern,
    only_identifier_template,
    prefix_templates,
    type_templates,
)
from tools.catalog_build.created import (
    ResponseMember,
    arns_of_noun_structures,
    lone_response_member,
    name_member,
    names_parent,
    response_members,
)
from tools.catalog_build.entry import CatalogEntry
from tools.catalog_build.iamdefs import IamDefinitions, fits_model
from tools.catalog_build.models import ServiceModel
from tools.catalog_build.targets import Fitted, arn_template, request_target, strip_suffix, type_member

UNRESOLVED = "unresolved: no ARN format fits the member; the normalizer reports the target as unresolved"


def _fit_member(
    iam: IamDefinitions, model: ServiceModel, operation: str, member: str, noun: str
) -> Fitted | None:
    found = arn_template(iam, model, operation, member, noun)
    if found is None and strip_suffix(member) in GENERIC_STEMS:
        single = action_template(iam, model, operation, member, noun)
        if single:
            template, resource_type = single
            found = Fitted(template, resource_type, f"template (the action's only resource type): {template}")
    return found


def _with_pattern(entry: CatalogEntry, model: ServiceModel) -> CatalogEntry:
    pattern = id_pattern(model, entry.resource_type)
    if pattern is None:
        return entry
    return replace(entry, id_pattern=pattern, how=f"{entry.how}; only ids matching {pattern}")


def _by_request(
    entry: CatalogEntry, model: ServiceModel, iam: IamDefinitions, member: str, noun: str
) -> CatalogEntry:
    """Templates chosen by the request's type member or the id's prefix, where a generic member
    names targets of several types."""
    operation = entry.event_name
    if entry.type_member:
        by_type = type_templates(iam, model, operation, entry.type_member)
        ref = model.input_members(operation)[entry.type_member]
        total = len(model.shape(ref["shape"]).get("enum", []))
        how = f"template by {entry.type_member} ({len(by_type)} of {total} types have a format)"
        return replace(entry, arn_by_type=tuple(sorted(by_type.items())), how=how)
    if strip_suffix(member) in GENERIC_STEMS:
        by_prefix = prefix_templates(iam, model)
        if by_prefix:
            how = f"template by id prefix ({', '.join(sorted(by_prefix))})"
            return replace(entry, arn_by_prefix=tuple(sorted(by_prefix.items())), how=how)
    return entry


def with_request_target(
    entry: CatalogEntry, model: ServiceModel, exclude: frozenset[str], iam: IamDefinitions, noun: str
) -> CatalogEntry:
    operation = entry.event_name
    target = request_target(model, operation, exclude, noun)
    if target is None:
        return replace(entry, how="unresolved: no request member names the target")
    entry = replace(
        entry,
        target=(target.member, *target.alternates),
        target_kind=target.kind,
        resource_type=noun or "resource",
        type_member=type_member(model, operation),
    )
    if target.kind.endswith("arn") and not target.alternates:
        return replace(entry, how="arn: the request names the target by ARN")
    chosen = _by_request(entry, model, iam, target.member, noun)
    if chosen is not entry:
        return chosen
    per_member: list[tuple[str, str]] = []
    fitted: Fitted | None = None
    for member in entry.target:
        found = None if "arn" in member.casefold() else _fit_member(iam, model, operation, member, noun)
        per_member.append((member, found.template if found else ""))
        fitted = fitted or found
    if fitted is None:
        how = "arn: the request names the target by ARN" if target.kind.endswith("arn") else UNRESOLVED
        return replace(entry, how=how)
    entry = replace(
        entry,
        arn=fitted.template,
        resource_type=fitted.resource_type,
        arn_by_member=tuple(per_member) if len(per_member) > 1 else (),
        how=fitted.how,
    )
    return _with_pattern(entry, model)


def _only_identifier(
    iam: IamDefinitions, model: ServiceModel, found: list[ResponseMember], name: str | None, noun: str
) -> Fitted | None:
    """A generic format for a resource the call gives one identifier: the response's id with no
    name in the request (DLM's PolicyId), or the request's name the response gives back (DataBrew's
    Name). Where it gives a name and an id, either may be the format's, and none is taken."""
    leaves = {m.path.rsplit(".", 1)[-1].casefold() for m in found if not m.is_arn}
    if name:
        leaves.add(name.rsplit(".", 1)[-1].casefold())
    single = only_identifier_template(iam, model, noun, next(iter(leaves))) if len(leaves) == 1 else None
    if single is None:
        return None
    template, resource_type = single
    how = f"template (the type's only format, the call's only identifier): {template}"
    return Fitted(template, resource_type, how)


def _elsewhere(model: ServiceModel, operation: str) -> bool:
    """A request member that names the region the resource is made in (KMS ReplicateKey's
    ReplicaRegion, a DestinationRegion): not the record's region, which formats would take."""
    return any(
        name.casefold() in _ELSEWHERE
        for name, ref in model.input_members(operation).items()
        if model.shape(ref["shape"]).get("type") == "string"
    )


# Request members naming the region a create call makes its resource in (a SourceRegion names
# where it is copied from: the copy is made in the record's region).
_ELSEWHERE = frozenset({"replicaregion", "destinationregion", "targetregion"})


def _path_of_name(iam: IamDefinitions, model: ServiceModel, noun: str) -> Fitted | None:
    """A ``${ResourcePath}`` of the noun's own format (Fraud Detector's event-type/${ResourcePath})
    filled by the request's ``name``, only where the response names nothing (PutEventType's is
    empty): a service that gave the resource an id of its own would return it (RAM's
    resource-share/${ResourcePath} holds a UUID its CreateResourceShare returns)."""
    for fmt in iam.formats(model.iam_prefix):
        if fits_model(model.name, fmt) and fmt.type_key == noun and fmt.variables == ["ResourcePath"]:
            template = fmt.template("ResourcePath", {})
            return Fitted(
                template, fmt.resource_type, f"template (a name as the path): {fmt.arn}", "ResourcePath"
            )
    return None


def _another_identifier(by_name: Fitted, ids: list[str], name: str | None) -> bool:
    """The response gives the resource an identifier of its own (RDS CreateBlueGreenDeployment's
    BlueGreenDeploymentIdentifier, a bgd- id) where the format's ${Identifier} may be either: the
    request's name is not it."""
    leaf = (name or "").rsplit(".", 1)[-1].casefold()
    return by_name.takes_either and any(path.rsplit(".", 1)[-1].casefold() != leaf for path in ids)


# What a noun may add to its resource's name and still be that resource (Customer Profiles'
# CreateCalculatedAttributeDefinition makes a calculated-attributes/${CalculatedAttributeName}).
_SAME_RESOURCE = ("definition", "configuration", "config")


def _names_parent(name: str, fitted: Fitted, arns: list[str], noun: str) -> bool:
    """A request name whose stem only begins the noun names what the resource is made from or in
    (Bedrock CreatePromptVersion's promptIdentifier, SageMaker CreateHubContentReference's
    HubName, Elastic Beanstalk CreateApplicationVersion's ApplicationName): the format it fits is
    another type's. Not where that format is the noun's own (Private CA Connector for AD's
    directory-registration/${DirectoryId}), nor where the response's ARN is named for that stem
    too (RDS CreateDBInstanceReadReplica's DBInstanceIdentifier beside DBInstance.DBInstanceArn:
    the replica is a DB instance)."""
    leaf = name.rsplit(".", 1)[-1]
    stem = strip_suffix(leaf)
    if leaf.casefold() == noun or not names_parent(leaf, noun) or noun[len(stem) :] in _SAME_RESOURCE:
        return False
    if re.sub(r"[-_ ]", "", fitted.resource_type).casefold().removesuffix("resource") == noun:
        return False
    return not arns or strip_suffix(arns[0].rsplit(".", 1)[-1]) != stem


def with_created_target(
    entry: CatalogEntry, model: ServiceModel, operation: str, iam: IamDefinitions, noun: str
) -> CatalogEntry:
    found = response_members(model, operation, noun)
    lone = None if found else lone_response_member(model, operation)
    found = [lone] if lone else found
    if _elsewhere(model, operation):
        elsewhere = tuple(member.path for member in found if member.is_arn)[:2]
        elsewhere = elsewhere or tuple(arns_of_noun_structures(model, operation, noun))[:1]
        how = f"arn: the response names the created resource ({elsewhere[0]})" if elsewhere else UNRESOLVED
        how += "; made in the region the request names, so no format is used"
        kind = "arn" if elsewhere else ""
        return replace(entry, response=elsewhere, target_kind=kind, resource_type=noun, how=how)
    arns = [member.path for member in found if member.is_arn][:1]
    ids = [member.path for member in found if not member.is_arn][:1]
    fitted: Fitted | None = None
    for path in ids:
        fitted = arn_template(iam, model, operation, path.rsplit(".", 1)[-1], noun)
    name = name_member(model, operation, noun)
    # A name inside the request's structure fits the format by its own name (Budget.BudgetName),
    # never as an ${Identifier} that may be an id (Cost Explorer's monitors hold a UUID).
    by_name = _fit_member(iam, model, operation, name.rsplit(".", 1)[-1], noun) if name else None
    if name and "." in name and by_name is not None and by_name.takes_either:
        name, by_name = None, None
    if name and by_name is not None and _names_parent(name, by_name, arns, noun):
        name, by_name = None, None
    if fitted is None:
        # The format fits the name, not the response's id (CodeDeploy's deploymentGroupId is no
        # deploymentGroupName): the id is read no more.
        fitted = by_name
        ids = ids if by_name is None else []
    elif by_name is None or by_name.template != fitted.template or _another_identifier(by_name, ids, name):
        name = None
    if fitted is None and not found and name and name.casefold() == "name":
        fitted = _path_of_name(iam, model, noun)
    if fitted is None and not arns:
        # Where the response gives the ARN, the resource may have an id besides its name (IVS
        # channels: channel/<id>), and the ARN, not a guess, names it.
        fitted = _only_identifier(iam, model, found, name, noun)
    kind = "arn" if arns else ("id" if ids or name else "")
    if arns:
        how = f"arn: the response names the created resource ({arns[0]})"
    elif fitted:
        how = fitted.how
    else:
        how = UNRESOLVED if ids or name else "unresolved: nothing names the created resource"
    entry = replace(
        entry,
        response=tuple(arns + ids),
        target=(name,) if name else (),
        target_kind=kind,
        arn=fitted.template if fitted else None,
        resource_type=fitted.resource_type if fitted else (noun or "resource"),
        how=how,
    )
    return _with_pattern(entry, model) if fitted else entry
