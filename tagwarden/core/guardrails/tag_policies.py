"""TAG_POLICY documents: each governed literal key's capitalization and allowed values.

Tag policy syntax (Organizations User Guide, "Tag policy syntax"): ``tags.<key>.tag_key`` fixes
the key's capitalization, ``tag_value`` lists the compliant values, both with ``@@assign``. Without
``enforced_for`` a tag policy reports non-compliance but refuses nothing; the SCPs do the refusing.
"""

from __future__ import annotations

from typing import Any

from tagwarden.core.governance.model import GovernancePolicy
from tagwarden.core.guardrails.conditions import is_glob
from tagwarden.core.guardrails.packing import TAG_POLICY_LIMIT, Document, document_size


def tag_policy_entries(policy: GovernancePolicy) -> dict[str, dict[str, Any]]:
    entries: dict[str, dict[str, Any]] = {}
    compliant: dict[str, set[str]] = {}
    for rule in policy.rules:
        allowed = rule.values.allowed if rule.values is not None else None
        for key in rule.keys:
            if is_glob(key):
                continue  # a tag policy names literal keys only
            entries.setdefault(key.lower(), {"tag_key": {"@@assign": key}})
            if allowed is not None:
                # Every rule restricting the key must allow a value (even none) for it to comply.
                current = compliant.get(key.lower())
                compliant[key.lower()] = set(allowed) if current is None else current & set(allowed)
    for key, values in compliant.items():
        entries[key]["tag_value"] = {"@@assign": sorted(values)}
    return entries


def tag_policies(policy: GovernancePolicy, base: str, limit: int = TAG_POLICY_LIMIT) -> list[Document]:
    documents: list[dict[str, Any]] = []
    for key, entry in sorted(tag_policy_entries(policy).items()):
        for document in documents:
            trial = {"tags": {**document["tags"], key: entry}}
            if document_size(trial) <= limit:
                document["tags"][key] = entry
                break
        else:
            documents.append({"tags": {key: entry}})
    return [Document(f"{base}-{index}", doc) for index, doc in enumerate(documents, start=1)]
