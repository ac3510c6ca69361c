"""Where a create call names the resource it created: its response, else its request."""

from __future__ import annotations

from dataclasses import dataclass

from tools.catalog_build.models import ServiceModel
from tools.catalog_build.targets import strip_suffix

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


@dataclass(frozen=True, slots=True)
class ResponseMember:
    path: str
    is_arn: bool


def related(name: str, noun: str) -> bool:
    """Whether a member's stem names the noun: ``LocationArn`` for ``locationazureblob``,
    ``RuleArn`` for ``automationrule``, ``AnalysisReportId`` for ``performanceanalysisreport``."""
    stem = strip_suffix(name)
    if not stem or not noun:
        return False
    return noun.startswith(stem) or noun.endswith(stem) or stem.startswith(noun) or stem.endswith(noun)


def _string_members(model: ServiceModel, shape_name: str) -> list[str]:
    members = model.shape(shape_name).get("members", {})
    return [name for name, ref in members.items() if model.shape(ref["shape"]).get("type") == "string"]


def _score(name: str, noun: str, in_noun_struct: bool) -> tuple[int, bool] | None:
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
    if related(name, noun):
        return base + 1, is_arn
    if stem in _GENERIC:
        return base + (2 if in_noun_struct else 3), is_arn
    if is_arn and in_noun_struct and stem not in _FOREIGN:
        return base + 4, is_arn
    return None


def response_members(model: ServiceModel, operation: str, noun: str) -> list[ResponseMember]:
    """Response paths naming the created resource, best first: ARNs, then ids and names."""
    output = model.output_shape(operation)
    if output is None:
        return []
    scored: list[tuple[int, str, bool]] = []
    for name in _string_members(model, output):
        score = _score(name, noun, False)
        if score:
            scored.append((score[0], name, score[1]))
    members = model.shape(output).get("members", {})
    structures = [n for n, ref in members.items() if model.shape(ref["shape"]).get("type") == "structure"]
    for struct in structures:
        in_noun = related(struct, noun) or len(structures) == 1
        if not in_noun:
            continue
        for name in _string_members(model, members[struct]["shape"]):
            score = _score(name, noun, True)
            if score:
                scored.append((score[0] + 5, f"{struct}.{name}", score[1]))
    scored.sort()
    return [ResponseMember(path, is_arn) for _, path, is_arn in scored]


def name_member(model: ServiceModel, operation: str, noun: str) -> str | None:
    """The request member that names the resource being created (``AnalyzerName``)."""
    best: tuple[int, str] | None = None
    required = model.required_inputs(operation)
    for name, ref in model.input_members(operation).items():
        if model.shape(ref["shape"]).get("type") != "string":
            continue
        folded = name.casefold()
        if not folded.endswith(("name", "identifier", "id")) or folded.endswith("clientid"):
            continue
        stem = strip_suffix(name)
        if stem == noun or folded == "name":
            rank = 0
        elif related(name, noun):
            rank = 1
        else:
            continue
        rank += 0 if name in required else 2
        if best is None or rank < best[0]:
            best = (rank, name)
    return best[1] if best else None
