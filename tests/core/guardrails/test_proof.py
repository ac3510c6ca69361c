"""The proof catches documents that would deny a writer or let anyone else through."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tagwarden.core.governance import parse_policy_document
from tagwarden.core.guardrails import build_guardrails, default_table, prove, restrict

POLICY = parse_policy_document(
    {
        "version": 1,
        "abac_keys": ["team"],
        "rules": [
            {
                "id": "team",
                "keys": ["team"],
                "writers": [
                    {"principal": "arn:aws:iam::*:role/TagAdmin"},
                    {"principal_tag": {"tag-admin": "true"}},
                    {"same_as_resource": "team"},
                    {"invoked_by": "cloudformation.amazonaws.com"},
                ],
                "values": {"allowed": ["alpha", "beta"]},
            }
        ],
    }
)
TABLE = restrict(default_table(), ["s3", "ec2", "iam", "sqs", "sts", "secretsmanager"])


@pytest.fixture(scope="module")
def built() -> Any:
    return build_guardrails(POLICY, TABLE)


def test_the_compiled_documents_pass(built: Any) -> None:
    proof = built.proof
    assert proof.failures == []
    assert proof.allowed_writers > 0 and proof.denied_others > 0 and proof.untouched > 0


def test_dropping_a_deny_lets_outsiders_through(built: Any) -> None:
    documents = [copy.deepcopy(d.document) for d in built.scps]
    for document in documents:
        document["Statement"] = [s for s in document["Statement"] if "Writers" not in s["Sid"]]
    proof = prove(POLICY, TABLE, documents)
    assert proof.failures
    assert {f["expected"] for f in proof.failures} == {"ExplicitDeny"}
    assert all(f["got"] == "Allow" for f in proof.failures)


def test_dropping_the_grants_lets_anyone_make_itself_a_writer(built: Any) -> None:
    documents = [copy.deepcopy(d.document) for d in built.scps]
    for document in documents:
        document["Statement"] = [s for s in document["Statement"] if "Grants" not in s["Sid"]]
    proof = prove(POLICY, TABLE, documents)
    assert proof.failures
    assert {f["what"] for f in proof.failures} == {"grants a writer tag"}
    assert {f["got"] for f in proof.failures} == {"Allow"}


def test_dropping_the_remove_all_statements_lets_outsiders_strip_every_tag(built: Any) -> None:
    documents = [copy.deepcopy(d.document) for d in built.scps]
    for document in documents:
        document["Statement"] = [s for s in document["Statement"] if "RemoveAll" not in s["Sid"]]
    proof = prove(POLICY, TABLE, documents)
    assert proof.failures
    assert {(f["action"], f["what"], f["got"]) for f in proof.failures} == {
        ("ec2:DeleteTags", "removes every tag", "Allow")
    }


def test_a_path_less_principal_glob_alone_locks_out_the_writer_under_a_path(built: Any) -> None:
    documents = [copy.deepcopy(d.document) for d in built.scps]
    for document in documents:
        for statement in document["Statement"]:
            arns = statement["Condition"].get("StringNotLike", {}).get("aws:PrincipalArn")
            if arns:
                arns[:] = [a for a in arns if "/*/" not in a]
    proof = prove(POLICY, TABLE, documents)
    assert proof.failures
    assert {f["actor"] for f in proof.failures} == {"team writer 1 (with a path)"}
    assert {f["got"] for f in proof.failures} == {"ExplicitDeny"}


def test_forgetting_a_writer_locks_them_out(built: Any) -> None:
    documents = [copy.deepcopy(d.document) for d in built.scps]
    for document in documents:
        for statement in document["Statement"]:
            condition = statement["Condition"]
            condition.get("StringNotEquals", {}).pop("aws:PrincipalTag/tag-admin", None)
            if condition.get("StringNotEquals") == {}:
                del condition["StringNotEquals"]
    proof = prove(POLICY, TABLE, documents)
    assert proof.failures
    assert {f["actor"] for f in proof.failures} == {"team writer 2"}
    assert {f["got"] for f in proof.failures} == {"ExplicitDeny"}
