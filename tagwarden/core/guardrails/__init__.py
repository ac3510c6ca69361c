"""Guardrails: the governance policy compiled into SCPs, RCPs and tag policies, and proven with
tagwarden's own IAM engine (docs/guardrails.md)."""

from tagwarden.core.guardrails.actions import ActionTable, TagAction, default_table
from tagwarden.core.guardrails.build import Guardrails, build_guardrails, restrict
from tagwarden.core.guardrails.packing import SCP_LIMIT, Document, document_size, minified
from tagwarden.core.guardrails.proof import Proof, prove
from tagwarden.core.guardrails.statements import Limitation

__all__ = [
    "SCP_LIMIT",
    "ActionTable",
    "Document",
    "Guardrails",
    "Limitation",
    "Proof",
    "TagAction",
    "build_guardrails",
    "default_table",
    "document_size",
    "minified",
    "prove",
    "restrict",
]
