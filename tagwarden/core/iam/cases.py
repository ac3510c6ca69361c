"""Reading case files (the format of ``shared/iam-cases/README.md``).

A file that is not a JSON array is a usage error (``CaseFileError``). A case that cannot be read
(an invalid policy, a missing field) is kept, with ``error`` set, so the other cases still run.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from tagwarden.core.iam.documents import IamPolicyError, Policy, PolicyKind, json_of, parse_policy
from tagwarden.core.iam.evaluate import Decision, PolicySet
from tagwarden.core.iam.request import Request

DECISIONS: Final = ("Allow", "ExplicitDeny", "ImplicitDeny")
_POLICY_FIELDS: Final = frozenset(
    {
        "identity",
        "boundary",
        "scps",
        "rcps",
        "resource",
        "session",
        "resource_account_scps",
        "management_account",
        "service_linked_role",
        "resource_policy_required",
    }
)


class CaseFileError(ValueError):
    """The file cannot be read as a case file at all."""


class CaseError(ValueError):
    """One case is malformed."""


@dataclass(frozen=True)
class Case:
    id: str
    description: str
    expected: Decision | None
    policies: PolicySet | None  # None when ``error`` is set
    request: Request | None
    error: str | None = None
    source: str = ""
    confidence: str = ""
    category: str = ""


def load_cases(path: str | Path) -> list[Case]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise CaseFileError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise CaseFileError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    data = json_of(
        text,
        list,
        CaseFileError,
        not_json=f"{path} is not valid JSON",
        wrong_shape=f"{path} must hold a JSON array of cases",
    )
    return [parse_case(item, index) for index, item in enumerate(data)]


def parse_case(item: object, index: int) -> Case:
    if not isinstance(item, Mapping):
        return Case(f"#{index}", "", None, None, None, error="a case must be a JSON object")
    case_id = str(item.get("id") or f"#{index}")
    description = str(item.get("description", ""))
    meta = {key: str(item.get(key, "")) for key in ("source", "confidence", "category")}
    try:
        expected = _expected(item.get("expected"))
        policies = parse_policy_set(_mapping(item.get("policies", {}), "policies"))
        request = parse_request(_mapping(item.get("request"), "request"))
    except (CaseError, IamPolicyError) as exc:
        return Case(case_id, description, None, None, None, error=str(exc), **meta)
    return Case(case_id, description, expected, policies, request, **meta)


def _expected(value: object) -> Decision | None:
    if value is None:
        return None
    if value not in DECISIONS:
        raise CaseError(f"expected must be one of {', '.join(DECISIONS)}, not {value!r}")
    return value


def parse_policy_set(data: Mapping[str, Any]) -> PolicySet:
    unknown = sorted(set(data) - _POLICY_FIELDS)
    if unknown:
        raise CaseError(f"unknown field(s) in policies: {', '.join(unknown)}")
    # Parsed for validation only: SCPs of the resource's account never affect the decision.
    _levels(data.get("resource_account_scps", []), "resource_account_scps", "scp")
    return PolicySet(
        identity=tuple(
            parse_policy(doc, _name(doc, f"identity[{i}]"), "identity")
            for i, doc in enumerate(_list(data.get("identity", []), "identity"))
        ),
        boundary=_optional_policy(data.get("boundary"), "boundary", "boundary"),
        scps=_levels(data.get("scps", []), "scps", "scp"),
        rcps=_levels(data.get("rcps", []), "rcps", "rcp"),
        resource=_optional_policy(data.get("resource"), "resource", "resource"),
        session=_optional_policy(data.get("session"), "session", "session"),
        management_account=_optional_str(data.get("management_account"), "management_account"),
        service_linked_role=_optional_bool(data.get("service_linked_role"), "service_linked_role"),
        resource_policy_required=_optional_bool(
            data.get("resource_policy_required"), "resource_policy_required"
        ),
    )


def parse_request(data: Mapping[str, Any]) -> Request:
    for key in ("principal", "action", "resource"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise CaseError(f"request.{key} must be a non-empty string")
    return Request(
        principal=data["principal"],
        action=data["action"],
        resource=data["resource"],
        principal_tags=_tags(data.get("principal_tags", {}), "principal_tags"),
        session_tags=_tags(data.get("session_tags", {}), "session_tags"),
        resource_tags=_tags(data.get("resource_tags", {}), "resource_tags"),
        resource_account=_optional_str(data.get("resource_account"), "request.resource_account"),
        context=_context(data.get("context", {})),
    )


def _name(document: object, fallback: str) -> str:
    if isinstance(document, Mapping) and isinstance(document.get("Id"), str) and document["Id"]:
        return f"{fallback} {document['Id']}"
    return fallback


def _optional_policy(document: object, name: str, kind: PolicyKind) -> Policy | None:
    if document is None:
        return None
    return parse_policy(_mapping(document, name), _name(document, name), kind)


def _levels(value: object, name: str, kind: PolicyKind) -> tuple[tuple[Policy, ...], ...]:
    levels = []
    for number, level in enumerate(_list(value, name)):
        documents = _list(level, f"{name}[{number}]")
        levels.append(
            tuple(
                parse_policy(_mapping(doc, name), _name(doc, f"{name}[{number}][{i}]"), kind)
                for i, doc in enumerate(documents)
            )
        )
    return tuple(levels)


def _mapping(value: object, name: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise CaseError(f"{name} must be a JSON object")
    return value


def _list(value: object, name: str) -> Sequence[Any]:
    if not isinstance(value, list):
        raise CaseError(f"{name} must be a JSON array")
    return value


def _optional_str(value: object, name: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise CaseError(f"{name} must be a string")


def _optional_bool(value: object, name: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise CaseError(f"{name} must be true or false")


def _tags(value: object, name: str) -> dict[str, str]:
    tags = _mapping(value, f"request.{name}")
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in tags.items()):
        raise CaseError(f"request.{name} must map tag keys to string values")
    return dict(tags)


def _context(value: object) -> dict[str, str | list[str]]:
    context: dict[str, str | list[str]] = {}
    for key, raw in _mapping(value, "request.context").items():
        if isinstance(raw, list):
            context[key] = [_scalar(item, key) for item in raw]
        else:
            context[key] = _scalar(raw, key)
    return context


def _scalar(value: object, key: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return str(value)
    raise CaseError(f"request.context[{key!r}] must be a string, a number, a boolean or a list of them")
