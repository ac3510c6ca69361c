"""``python -m tools.catalog_build.compute_roles``: the operations through which a resource runs as
a passed role, found in botocore's models, written to tagwarden/core/compute/roles.json, with a
report in docs/compute-identity-report.md.

An operation is kept when it creates, updates, registers, puts, modifies, starts, runs, requests or
adds something (by its name) and its input has a string member, at the top or nested in structures,
that takes a role (a name ending in ``RoleArn``/``Role``/``RoleOverride``, documented as an IAM,
execution or service role or an ARN) or an instance profile (a name ending in ``InstanceProfile``,
``InstanceProfileArn`` or ``InstanceProfileName``, or a role-named member whose documentation's
first sentence says it is an instance profile: Batch ``instanceRole``, EMR ``JobFlowRole``). IAM
and STS themselves are left out: their role members name the role being managed, not one passed
to a resource.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tools.catalog_build.models import ServiceModel, botocore_version, load_models

ROOT = Path(__file__).resolve().parents[2]
ROLES_PATH = ROOT / "tagwarden" / "core" / "compute" / "roles.json"
REPORT_PATH = ROOT / "docs" / "compute-identity-report.md"
_VERBS = ("Create", "Update", "Register", "Put", "Modify", "Start", "Run", "Request", "Add")
_SKIPPED_SERVICES = frozenset({"iam", "sts", "sso-admin", "identitystore"})
_ROLE = re.compile(r"(role|rolearn|roleoverride)$", re.IGNORECASE)
_PROFILE = re.compile(r"instanceprofile(arn|name)?$", re.IGNORECASE)
_DOC = re.compile(r"\b(IAM|ARN|Amazon Resource Name|role that|execution role|service role)", re.IGNORECASE)
# A member named for a role that takes an instance profile (Batch instanceRole, EMR JobFlowRole).
_PROFILE_DOC = re.compile(r"\binstance profile\b", re.IGNORECASE)
_MAX_DEPTH = 5


def _string_members(
    model: ServiceModel, shape_name: str, depth: int = 0
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(dotted path, member name, member reference) of every string member under a structure."""
    shape = model.shape(shape_name)
    for name, ref in shape.get("members", {}).items():
        target = model.shape(ref["shape"])
        kind = target.get("type")
        if kind == "string" and "enum" not in target:
            yield name, name, ref
        elif kind == "structure" and depth < _MAX_DEPTH:
            for path, leaf, leaf_ref in _string_members(model, ref["shape"], depth + 1):
                yield f"{name}.{path}", leaf, leaf_ref
        elif kind == "list" and depth < _MAX_DEPTH:
            item = target["member"]["shape"]
            if model.shape(item).get("type") == "structure":
                for path, leaf, leaf_ref in _string_members(model, item, depth + 1):
                    yield f"{name}.{path}", leaf, leaf_ref


def _doc(ref: dict[str, Any], model: ServiceModel) -> str:
    return str(ref.get("documentation") or model.shape(ref["shape"]).get("documentation") or "")


def _takes_role(leaf: str, ref: dict[str, Any], model: ServiceModel) -> bool:
    if not _ROLE.search(leaf):
        return False
    return leaf.lower().endswith("arn") or bool(_DOC.search(_doc(ref, model)))


def _takes_profile(path: str, leaf: str, ref: dict[str, Any], model: ServiceModel) -> bool:
    parent = path.split(".")[-2] if "." in path else ""
    if _PROFILE.search(leaf) or (leaf.lower() in ("arn", "name") and _PROFILE.search(parent)):
        return True
    # The first sentence: EKS's nodeRole is a role, whose later sentences tell of an instance profile.
    first = re.sub(r"<[^>]+>", "", _doc(ref, model)).split(". ", 1)[0]
    return bool(_ROLE.search(leaf)) and bool(_PROFILE_DOC.search(first))


def operation_entry(model: ServiceModel, operation: str) -> dict[str, Any] | None:
    if not operation.startswith(_VERBS):
        return None
    ref = model.operations[operation].get("input")
    if not ref:
        return None
    roles, profiles = [], []
    for path, leaf, member in _string_members(model, ref["shape"]):
        if _takes_profile(path, leaf, member, model):
            profiles.append(path)
        elif _takes_role(leaf, member, model):
            roles.append(path)
    if not roles and not profiles:
        return None
    entry: dict[str, Any] = {"model": model.name, "op": operation, "src": model.event_source, "roles": roles}
    if profiles:
        entry["profiles"] = profiles
    return entry


def find(models: Iterator[ServiceModel] | list[ServiceModel]) -> list[dict[str, Any]]:
    entries = []
    for model in models:
        if model.name in _SKIPPED_SERVICES:
            continue
        for operation in sorted(model.operations):
            entry = operation_entry(model, operation)
            if entry is not None:
                entries.append(entry)
    return entries


def render(entries: list[dict[str, Any]], botocore: str) -> str:
    head = json.dumps(
        {"botocore": botocore, "format": 1, "generated_by": "python -m tools.catalog_build.compute_roles"},
        sort_keys=True,
    )[:-1]
    lines = [json.dumps(entry, sort_keys=True, separators=(",", ":")) for entry in entries]
    return head + ', "operations": [\n' + ",\n".join(lines) + "\n]}\n"


def with_aliases(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The eventNames CloudTrail logs besides the operation's (Lambda's versioned names), as the tag
    catalog lists them."""
    from tagwarden.core.normalize.catalog import catalog_document  # noqa: PLC0415

    aliases = {
        (e["src"], e["op"]): e["aliases"] for e in catalog_document()["operations"] if e.get("aliases")
    }
    for entry in entries:
        found = aliases.get((entry["src"], entry["op"]))
        if found:
            entry["aliases"] = found
    return entries


def render_report(entries: list[dict[str, Any]], botocore: str) -> str:
    """Which operations the compute-identity detector covers, and through which members."""
    from tagwarden.core.compute.read import HAND_WRITTEN  # noqa: PLC0415

    services = sorted({e["model"] for e in entries})
    lines = [
        "# Operations that give a resource a role: compute-identity coverage",
        "",
        f"Generated by `python -m tools.catalog_build.compute_roles` from botocore {botocore}; see",
        "[compute-identity.md](compute-identity.md). Every operation below is judged by the",
        "`compute_identity` detector: each listed request member that holds a role (or an instance",
        "profile) gives the call's resource that role. Operations marked *hand-written* are read by",
        "their own reader in `tagwarden/core/compute/read.py` rather than by these member paths.",
        "",
        f"**{len(entries)} operations in {len(services)} services.**",
        "",
        "| service | operation | role members | instance profile members |",
        "|---|---|---|---|",
    ]
    for entry in entries:
        hand = " *hand-written*" if (entry["src"], entry["op"]) in HAND_WRITTEN else ""
        roles = ", ".join(f"`{r}`" for r in entry["roles"]) or "-"
        profiles = ", ".join(f"`{p}`" for p in entry.get("profiles", [])) or "-"
        lines.append(f"| {entry['model']} | {entry['op']}{hand} | {roles} | {profiles} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    entries = with_aliases(find(load_models()))
    ROLES_PATH.write_text(render(entries, botocore_version()), encoding="utf-8")
    REPORT_PATH.write_text(render_report(entries, botocore_version()), encoding="utf-8")
    print(f"{len(entries)} role-taking operations written to {ROLES_PATH}; report in {REPORT_PATH}")


if __name__ == "__main__":
    main()
