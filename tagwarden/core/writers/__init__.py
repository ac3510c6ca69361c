"""Who can write each governed tag: the IAM engine probed with concrete requests. Pure logic."""

from tagwarden.core.writers.actions import TagActions, tag_actions
from tagwarden.core.writers.build import build_inputs
from tagwarden.core.writers.findings import excess_findings, governed_keys, writer_counts
from tagwarden.core.writers.grants import WriterInputs, WriterItem
from tagwarden.core.writers.passers import PasserItem, identity_passers, passer_findings, passer_listing
from tagwarden.core.writers.probe import find_writers

__all__ = [
    "PasserItem",
    "TagActions",
    "WriterInputs",
    "WriterItem",
    "build_inputs",
    "excess_findings",
    "find_writers",
    "governed_keys",
    "identity_passers",
    "passer_findings",
    "passer_listing",
    "tag_actions",
    "writer_counts",
]
