"""Statements packed into policy documents that stay within AWS Organizations' size limit.

AWS Organizations counts an SCP's or RCP's size on the document as saved: the console removes
white space between JSON elements, the API and the CLI keep the text exactly as given. The
documents here are written without any such white space, and measured that way, in characters
and in UTF-8 bytes (the limit is given in both terms by AWS's pages), so either count fits.
A statement too large for one document has its action list split across several.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from tagwarden.core.guardrails.statements import Statement

SCP_LIMIT: Final = 5120  # Organizations quotas: SCPs and RCPs
TAG_POLICY_LIMIT: Final = 2500  # the smaller of the two figures AWS's pages give for tag policies
VERSION: Final = "2012-10-17"
_SID_UNSAFE = re.compile(r"[^A-Za-z0-9]")


@dataclass(frozen=True, slots=True)
class Document:
    name: str
    document: dict[str, Any]

    @property
    def size(self) -> int:
        return document_size(self.document)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "document": self.document}


def minified(document: Any) -> str:
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False)


def document_size(document: Any) -> int:
    text = minified(document)
    return max(len(text), len(text.encode("utf-8")))


def _sid(statement: Statement, index: int) -> str:
    words = [w for w in re.split(r"[^A-Za-z0-9]+", f"{statement.rule} {statement.purpose}") if w]
    return _SID_UNSAFE.sub("", "".join(w[:1].upper() + w[1:] for w in words))[:48] + str(index)


def _pieces(statements: Sequence[Statement], principal: bool, limit: int) -> list[dict[str, Any]]:
    """Each statement as one or more document statements, each small enough for a document alone."""
    pieces: list[dict[str, Any]] = []
    counter = 0
    for statement in statements:
        remaining = list(statement.actions)
        while remaining:
            counter += 1
            sid = _sid(statement, counter)
            taken: list[str] = []
            while remaining:
                trial = statement.document_statement(sid, (*taken, remaining[0]), principal)
                if document_size({"Version": VERSION, "Statement": [trial]}) > limit:
                    break
                taken.append(remaining.pop(0))
            if not taken:
                raise ValueError(f"statement {sid} does not fit in {limit} characters even with one action")
            pieces.append(statement.document_statement(sid, tuple(taken), principal))
    return pieces


def pack(
    statements: Sequence[Statement], base: str, principal: bool = False, limit: int = SCP_LIMIT
) -> list[Document]:
    """First-fit packing, in the order the statements come: documents named ``base-1``, ``base-2``..."""
    bins: list[list[dict[str, Any]]] = []
    for piece in _pieces(statements, principal, limit):
        for statements_of_bin in bins:
            if document_size({"Version": VERSION, "Statement": [*statements_of_bin, piece]}) <= limit:
                statements_of_bin.append(piece)
                break
        else:
            bins.append([piece])
    return [
        Document(f"{base}-{index}", {"Version": VERSION, "Statement": content})
        for index, content in enumerate(bins, start=1)
    ]
