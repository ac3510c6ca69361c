"""Targets of a call, found by a spec's TargetRule and made exact ARNs where the record allows.

A target is *resolved* when it is the resource's ARN: given as an ARN, or formatted from the
Service Authorization Reference's ARN format with every variable known from the record. Where
the record does not determine the ARN (an id no format fits, a type the catalog does not know,
a secret named without its random suffix), the target is *unresolved*: named
``<service>:<type>/<id>`` with what the record says, never a string that looks like an ARN.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, NamedTuple

from tagwarden.core.arn import ec2_arn, is_arn, unresolved_target
from tagwarden.core.normalize.operations import TargetRule, dig, first_present
from tagwarden.core.normalize.record_fields import RecordContext

_FIELD = re.compile(r"\{(\w+)\}")
_ACCOUNT = re.compile(r"\d{12}")
_CONTEXT_FIELDS = frozenset({"id", "id_path", "partition", "region", "account"})


class Target(NamedTuple):
    name: str  # the ARN, or for an unresolved target what the record says of it
    resolved: bool


def _strings(values: Iterable[Any]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        # A number may end an ARN: AppConfig's DeploymentNumber (deployment/<n>).
        text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        if isinstance(text, str) and text:
            seen.setdefault(text, None)
    return list(seen)


def _type_value(rule: TargetRule, params: dict[str, Any]) -> str | None:
    if rule.type_member:
        found = first_present(params, (rule.type_member,))
        if found and isinstance(found[1], str) and found[1]:
            return found[1]
    return None


def target_type(rule: TargetRule, params: dict[str, Any]) -> str:
    """The resource type of the target: from the request where it says (SSM's ResourceType)."""
    return _type_value(rule, params) or rule.resource_type


def _templates(rule: TargetRule, value: str, params: dict[str, Any], member: str | None) -> list[str]:
    """The ARN formats that may fit this value: by the request's type member, the id's prefix, the
    member that held it, else the rule's own. Two APIs logged under one eventSource may name a
    member alike (API Gateway's REST and HTTP API stages, both ``stageName``): each has its
    format, and the one whose other members the record holds is the value's."""
    if rule.type_templates:
        given = _type_value(rule, params)
        if given is not None:
            found = dict(rule.type_templates).get(given.casefold())
            return [found] if found else []
    for prefix, template in rule.prefix_templates:
        if value.startswith(prefix):
            return [template]
    if rule.prefix_templates:
        return []
    if member is not None:
        named = [template for name, template in rule.member_templates if name.casefold() == member.casefold()]
        if named:
            return [template for template in named if template]
    return [rule.arn_template] if rule.arn_template else []


# Request members naming the account that owns a shared parent (App Mesh's meshOwner, CodeArtifact's
# domainOwner): where it is another account, the ARN's account is not sure to be the record's.
_SHARED_PARENT_OWNERS = ("meshowner", "domainowner")


def _owner(members: dict[str, Any], ctx: RecordContext) -> str | None:
    """The account the ARN holds, or None where the record does not say it."""
    if any(members.get(name, ctx.account) != ctx.account for name in _SHARED_PARENT_OWNERS):
        return None
    if "catalogid" in members:
        # A Glue Data Catalog id is the account that owns the catalog and what is in it; another
        # kind of catalog id (a federated "<account>:<catalog>/...") names an ARN no format makes.
        catalog = str(members["catalogid"])
        return catalog if _ACCOUNT.fullmatch(catalog) else None
    # The account a request names as the resource's (a Glacier vault's accountId, "-" for the
    # caller's own; S3 Control's account header; a budget's AccountId).
    given = str(members.get("accountid", ""))
    return given if _ACCOUNT.fullmatch(given) else ctx.account


def _format(template: str, value: str, params: dict[str, Any], ctx: RecordContext) -> str | None:
    members = {k.casefold(): v for k, v in params.items() if isinstance(v, str) and v}
    owner = _owner(members, ctx)
    if owner is None:
        return None
    members.update(
        id=value,
        id_path=value.lstrip("/"),
        partition=ctx.partition,
        region=ctx.region,
        account=owner,
    )
    for name in _FIELD.findall(template):
        # CloudTrail logs ``bucketName`` where the model says ``Bucket``.
        if name not in members and name.endswith("name") and name[: -len("name")] in members:
            members[name] = members[name[: -len("name")]]
    parents = [name for name in _FIELD.findall(template) if name not in _CONTEXT_FIELDS]
    if any(is_arn(str(members.get(name, ""))) for name in parents):
        # A parent named by its ARN (Bedrock's flowIdentifier may be the flow's ARN) is no
        # segment of another ARN.
        return None
    try:
        arn = template.format_map(members)
    except (KeyError, IndexError, ValueError):
        return None
    return arn if is_arn(arn) else None


def to_arn(
    value: str, rule: TargetRule, params: dict[str, Any], ctx: RecordContext, member: str | None = None
) -> str | None:
    """The exact ARN a value names, or None where the record does not determine it."""
    if is_arn(value):
        # A partial ARN (a secret's without its random suffix) names no resource exactly.
        return value if not rule.id_pattern or re.search(rule.id_pattern, value) else None
    if member is not None and names_an_arn(member):
        # A member that holds an ARN but holds something else (Rekognition's documented
        # CollectionArn "aws:rekognition:...") is not an id to format into one.
        return None
    if rule.id_kind == "ec2":
        return ec2_arn(value, ctx.region, ctx.account, ctx.partition)
    if rule.id_kind == "sqs_url":
        return sqs_url_arn(value, ctx) if value.startswith("https://") else None
    if rule.id_pattern and not re.search(rule.id_pattern, value):
        return None
    named = value.lower() if rule.lowercase else value
    for template in _templates(rule, value, params, member):
        arn = _format(template, named, params, ctx)
        if arn is not None:
            return arn
    return None


def resolve(
    value: str, rule: TargetRule, params: dict[str, Any], ctx: RecordContext, member: str | None = None
) -> Target:
    arn = to_arn(value, rule, params, ctx, member)
    if arn is not None:
        return Target(arn, True)
    service = rule.service or ctx.service
    return Target(unresolved_target(service, target_type(rule, params), value), False)


def names_an_arn(member: str) -> bool:
    """``ResourceArn``, ``StreamARN``, ``ResourceArns``: a member whose name says it holds ARNs."""
    return member.rsplit(".", 1)[-1].casefold().endswith(("arn", "arns", "arnlist"))


def sqs_url_arn(url: str, ctx: RecordContext) -> str | None:
    """``https://sqs.<region>.amazonaws.com/<account>/<name>`` as an SQS queue ARN."""
    parts = url.split("/")
    if len(parts) < 5 or not parts[3].isdigit() or not parts[4]:
        return None
    host, account, name = parts[2], parts[3], parts[4]
    labels = host.split(".")
    region = labels[1] if len(labels) > 2 and labels[0] == "sqs" else ctx.region
    return f"arn:{ctx.partition}:sqs:{region}:{account}:{name}"


def _answered(value: str, path: str, rule: TargetRule, params: dict[str, Any], ctx: RecordContext) -> Target:
    """A response value: an ARN member's value is taken only as an ARN, never as an id."""
    if names_an_arn(path) and not is_arn(value):
        return Target(unresolved_target(rule.service or ctx.service, target_type(rule, params), value), False)
    return resolve(value, rule, params, ctx)


def find_targets(
    rule: TargetRule, params: dict[str, Any], response: dict[str, Any] | None, ctx: RecordContext
) -> list[Target]:
    """Targets named by the response (for created resources) or else by the request; where the
    response's do not resolve and the request's do, the request's. Where the call takes either
    of several members (Kinesis StreamName or StreamARN), the first present one names it."""
    answered: list[Target] = []
    if response and rule.response_members:
        for path in rule.response_members:
            # CloudTrail logs some query-protocol results without their wrapper (RDS's
            # CreateDBInstance response is the DBInstance's members).
            values = _strings(dig(response, path)) or _strings(dig(response, path.rsplit(".", 1)[-1]))
            if values:
                answered = [_answered(value, path, rule, params, ctx) for value in values]
                break
    if answered and all(target.resolved for target in answered):
        return list(dict.fromkeys(answered))
    asked: list[Target] = []
    for path in rule.members:
        values = _strings(dig(params, path))
        if values:
            asked = [resolve(value, rule, params, ctx, path) for value in values]
            break
    if answered and not (asked and all(target.resolved for target in asked)):
        return list(dict.fromkeys(answered))
    return list(dict.fromkeys(asked)) or _singleton(rule, ctx)


def _singleton(rule: TargetRule, ctx: RecordContext) -> list[Target]:
    """A resource of which an account has one per region, its ARN made of nothing but the record's
    partition, region and account (Security Hub's ``hub/default``): a format with no variable."""
    template = rule.arn_template
    if rule.members or rule.response_members or not template:
        return []
    if not set(_FIELD.findall(template)) <= {"partition", "region", "account"}:
        return []
    arn = template.format(partition=ctx.partition, region=ctx.region, account=ctx.account)
    return [Target(arn, True)] if is_arn(arn) else []
