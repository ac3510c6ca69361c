"""Which input members of an operation hold tags, and in what shape.

Shape codes (written to the catalog):
``map``                 a map of string to string
``list[K,V]``           a list of structures with key member K and value member V
``list[K]``             a list of structures with only a key member (a removal list)
``keys``                a list of key strings
``wrap[W]:<shape>``     a structure whose member W holds one of the above (CloudFront ``Items``,
                        S3 ``TagSet``, Pinpoint ``tags``)
``tagspec``             EC2-style tag specifications: a list of {ResourceType, Tags}
``string``              tags URL-encoded into one string (``k1=v1&k2=v2``)
"""

from __future__ import annotations

from dataclasses import dataclass

from tools.catalog_build.models import ServiceModel

KEY_MEMBERS = ("Key", "key", "TagKey", "tagKey")
VALUE_MEMBERS = ("Value", "value", "TagValue", "tagValue")
# Members that may stand beside the key and value of one tag (Auto Scaling names the target there).
PAIR_EXTRAS = frozenset({"PropagateAtLaunch", "ResourceId", "ResourceType", "ResourceArn"})
WRAPPER_MEMBERS = frozenset({"Items", "items", "TagSet", "tags", "Tags"})

# Names of members that hold the tags of the call's own target.
SET_NAMES = frozenset(
    {
        "tags",
        "taglist",
        "tagslist",
        "tagging",
        "tagspecifications",
        "tagsmodel",
        "tagstoadd",
        "addtags",
        "tagstoupdate",
    }
)
REMOVE_NAMES = frozenset(
    {
        "tagkeys",
        "tagkeylist",
        "keys",
        "tagstoremove",
        "removetagkeys",
        "tagstodelete",
        "removetags",
        "resourcetagkeys",
        "tags",
        "taglist",
    }
)


@dataclass(frozen=True, slots=True)
class TagMember:
    name: str
    shape: str


def _pair_shape(model: ServiceModel, shape_name: str) -> str | None:
    shape = model.shape(shape_name)
    if shape.get("type") != "structure":
        return None
    members = shape.get("members", {})
    keys = [name for name in KEY_MEMBERS if name in members]
    values = [name for name in VALUE_MEMBERS if name in members]
    others = set(members) - set(keys) - set(values) - PAIR_EXTRAS
    if len(keys) != 1 or len(values) > 1 or others:
        return None
    if model.shape(members[keys[0]]["shape"]).get("type") != "string":
        return None
    return f"list[{keys[0]},{values[0]}]" if values else f"list[{keys[0]}]"


def member_shape(model: ServiceModel, shape_name: str, depth: int = 0) -> str | None:
    """The tag shape code of a shape, or None if it is no tag collection."""
    shape = model.shape(shape_name)
    kind = shape.get("type")
    if kind == "string":
        return "string"
    if kind == "map":
        key = model.shape(shape["key"]["shape"]).get("type")
        value = model.shape(shape["value"]["shape"]).get("type")
        return "map" if key == "string" and value == "string" else None
    if kind == "list":
        element = shape["member"]["shape"]
        element_kind = model.shape(element).get("type")
        if element_kind == "string":
            return "keys"
        pair = _pair_shape(model, element)
        if pair:
            return pair
        members = model.shape(element).get("members", {})
        if element_kind == "structure" and {"ResourceType", "Tags"} <= set(members):
            return "tagspec"
        return None
    if kind == "structure" and depth == 0:
        members = shape.get("members", {})
        for name in sorted(WRAPPER_MEMBERS & set(members)):
            inner = member_shape(model, members[name]["shape"], depth + 1)
            if inner and inner != "string":
                return f"wrap[{name}]:{inner}"
    return None


def noun_of(operation: str) -> str:
    """``CreateBackupVault`` -> ``backupvault``: the resource an operation names."""
    for index in range(1, len(operation)):
        if operation[index].isupper():
            return operation[index:].casefold()
    return operation.casefold()


# Tag members that select resources by their tags rather than tag anything: Inspector (classic)
# CreateResourceGroup's tags "are used to select the EC2 instances" of an assessment target.
SELECTOR_MEMBERS = frozenset({("inspector", "CreateResourceGroup", "resourceGroupTags")})


def _is_own_tags(name: str, operation: str, canonical: frozenset[str]) -> bool:
    folded = name.casefold()
    if folded in SET_NAMES or folded in canonical:
        return True
    # BackupVaultTags on CreateBackupVault, botTags on CreateBot: tags of the resource created.
    return folded.endswith("tags") and len(folded) > 4 and noun_of(operation).endswith(folded[:-4])


def set_members(
    model: ServiceModel, operation: str, canonical: frozenset[str] = frozenset()
) -> list[TagMember]:
    """Members that give the target's tags with their values."""
    found = []
    for name, ref in model.input_members(operation).items():
        if not _is_own_tags(name, operation, canonical) or (model.name, operation, name) in SELECTOR_MEMBERS:
            continue
        shape = member_shape(model, ref["shape"])
        if shape is None or shape == "keys" or shape.endswith("keys") or "list[Key]" in shape:
            continue
        if shape == "string" and name.casefold() not in ("tags", "tagging"):
            continue
        found.append(TagMember(name, shape))
    return found


def removal_members(
    model: ServiceModel, operation: str, also: frozenset[str] = frozenset()
) -> list[TagMember]:
    """Members that name tag keys to remove; ``also`` are further (casefolded) member names."""
    found = []
    for name, ref in model.input_members(operation).items():
        if name.casefold() not in REMOVE_NAMES and name.casefold() not in also:
            continue
        shape = member_shape(model, ref["shape"])
        if shape is None or shape in ("string", "tagspec"):
            continue
        found.append(TagMember(name, shape))
    return found
