"""A rule's scope (accounts, resources) against targets named by ARN or not."""

from __future__ import annotations

import pytest

from tagwarden.core.arn import unresolved_target
from tagwarden.core.governance import CompiledPolicy, parse_policy_document

POLICY = CompiledPolicy(
    parse_policy_document(
        {
            "version": 1,
            "rules": [
                {
                    "id": "key-pairs",
                    "keys": ["team"],
                    "accounts": ["111122223333"],
                    "resources": ["arn:aws:ec2:*:*:key-pair/*", "arn:aws:s3:::prod-*"],
                    "writers": [],
                }
            ],
        }
    )
)


@pytest.mark.parametrize(
    ("target", "covered"),
    [
        ("arn:aws:ec2:us-east-1:111122223333:key-pair/deploy", True),
        ("arn:aws:ec2:us-east-1:111122223333:instance/i-0abc", False),
        ("arn:aws:s3:::prod-logs", True),
        ("arn:aws:s3:::dev-logs", False),
        # The record names the key pair by id only: it may be one the rule covers.
        (unresolved_target("ec2", "key-pair", "key-0123456789abcdef0"), True),
        (unresolved_target("s3", "bucket"), True),
        (unresolved_target("glue", "schema"), False),
    ],
)
def test_a_target_named_by_no_arn_is_in_scope_of_a_rule_on_its_service(target: str, covered: bool) -> None:
    rules = POLICY.rules_for("team", "111122223333", target)
    assert [r.id for r in rules] == (["key-pairs"] if covered else [])
    assert POLICY.rules_for("team", "999999999999", target) == []
