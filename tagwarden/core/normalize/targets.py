"""Targets of a call, found by a spec's TargetRule and made ARNs where possible."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tagwarden.core.arn import ec2_arn, is_arn
from tagwarden.core.normalize.operations import TargetRule, dig, first_present
from tagwarden.core.normalize.record_fields import RecordContext


def _strings(values: Iterable[Any]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        if isinstance(value, str) and value:
            seen.setdefault(value, None)
    return list(seen)


def target_type(rule: TargetRule, params: dict[str, Any]) -> str:
    """The resource type of the target: from the request where it says (SSM's ResourceType)."""
    if rule.type_member:
        found = first_present(params, (rule.type_member,))
        if found and isinstance(found[1], str) and found[1]:
            return found[1]
    return rule.resource_type


def to_arn(value: str, rule: TargetRule, params: dict[str, Any], ctx: RecordContext) -> str:
    if is_arn(value):
        return value
    if rule.id_kind == "ec2":
        return ec2_arn(value, ctx.region, ctx.account, ctx.partition)
    if rule.id_kind == "sqs_url" and value.startswith("https://"):
        return sqs_url_arn(value, ctx)
    if rule.arn_template:
        members = {k.casefold(): v for k, v in params.items() if isinstance(v, str)}
        members.update(id=value, partition=ctx.partition, region=ctx.region, account=ctx.account)
        try:
            return rule.arn_template.format_map(members)
        except (KeyError, IndexError, ValueError):
            pass
    return f"{rule.service or ctx.service}:{target_type(rule, params)}/{value}"


def sqs_url_arn(url: str, ctx: RecordContext) -> str:
    """``https://sqs.<region>.amazonaws.com/<account>/<name>`` as an SQS queue ARN."""
    parts = url.split("/")
    if len(parts) >= 5:
        host, account, name = parts[2], parts[3], parts[4]
        labels = host.split(".")
        region = labels[1] if len(labels) > 2 and labels[0] == "sqs" else ctx.region
        return f"arn:{ctx.partition}:sqs:{region}:{account}:{name}"
    return f"sqs:queue/{url}"


def find_targets(
    rule: TargetRule, params: dict[str, Any], response: dict[str, Any] | None, ctx: RecordContext
) -> list[str]:
    """Targets named by the response (for created resources) or else by the request."""
    values: list[str] = []
    if response and rule.response_members:
        for path in rule.response_members:
            values = _strings(dig(response, path))
            if values:
                break
    if not values:
        for path in rule.members:
            values = _strings(dig(params, path))
            if values:
                break
    return _strings(to_arn(value, rule, params, ctx) for value in values)
