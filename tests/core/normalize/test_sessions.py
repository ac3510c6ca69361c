"""Every session-making STS call: the session it creates and the tags the caller gave it.

Shapes follow the STS API reference (request members ``name``/``tags``, response
``federatedUser.arn``, ``credentials.accessKeyId``):
https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html and
https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_role-chaining
"""

from __future__ import annotations

from tagwarden.core.normalize import Normalizer
from tests.builders.records import record

NORMALIZER = Normalizer()


def test_a_federation_token_with_session_tags_is_a_session_the_user_tagged_itself() -> None:
    params = {"name": "Bob", "tags": [{"key": "team", "value": "beta"}], "durationSeconds": 3600}
    response = {
        "credentials": {"accessKeyId": "ASIAFEDERATED", "expiration": "Jan 1, 2025, 1:00:00 AM"},
        "federatedUser": {
            "federatedUserId": "111122223333:Bob",
            "arn": "arn:aws:sts::111122223333:federated-user/Bob",
        },
        "packedPolicySize": 4,
    }

    result = NORMALIZER.normalize(record("sts.amazonaws.com", "GetFederationToken", params, response))

    assert result.session is not None
    assert result.session.access_key_id == "ASIAFEDERATED"
    assert result.session.role_arn == "arn:aws:iam::111122223333:user/alice"
    assert result.session.caller_chosen
    [change] = result.changes
    assert (change.target, change.target_kind, change.set) == (
        "arn:aws:sts::111122223333:federated-user/Bob",
        "session",
        {"team": "beta"},
    )


def test_a_federation_token_without_tags_still_gives_its_session() -> None:
    response = {"credentials": {"accessKeyId": "ASIAPLAIN"}, "federatedUser": {"arn": "x"}}

    result = NORMALIZER.normalize(record("sts.amazonaws.com", "GetFederationToken", {"name": "B"}, response))

    assert result.changes == ()
    assert result.session is not None and result.session.access_key_id == "ASIAPLAIN"


def test_role_chaining_carries_the_incoming_transitive_tags() -> None:
    params = {
        "roleArn": "arn:aws:iam::111122223333:role/Second",
        "roleSessionName": "chained",
        "incomingTransitiveTags": {"team": "alpha"},
        "tags": [{"key": "project", "value": "x"}],
    }
    response = {
        "credentials": {"accessKeyId": "ASIACHAINED"},
        "assumedRoleUser": {"arn": "arn:aws:sts::111122223333:assumed-role/Second/chained"},
    }

    result = NORMALIZER.normalize(record("sts.amazonaws.com", "AssumeRole", params, response))

    assert result.session is not None
    assert result.session.effective_tags() == {"team": "alpha", "project": "x"}


def test_assume_root_is_a_session_of_the_member_accounts_root() -> None:
    params = {
        "targetPrincipal": "444455556666",
        "taskPolicyArn": {"arn": "arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials"},
    }
    response = {"credentials": {"accessKeyId": "ASIAROOT"}}

    result = NORMALIZER.normalize(record("sts.amazonaws.com", "AssumeRoot", params, response))

    assert result.session is not None
    assert result.session.role_arn == "arn:aws:iam::444455556666:root"
    assert result.changes == ()


def test_a_root_caller_in_another_partition_keeps_its_partition() -> None:
    made = record("iam.amazonaws.com", "TagRole", {"roleName": "r", "tags": [{"key": "k", "value": "v"}]})
    made["awsRegion"] = "cn-north-1"
    made["userIdentity"] = {
        "type": "Root",
        "arn": "arn:aws-cn:iam::111122223333:root",
        "accountId": "111122223333",
    }

    [change] = NORMALIZER.normalize(made).changes

    assert change.actor.arn == "arn:aws-cn:iam::111122223333:root"
    assert change.target == "arn:aws-cn:iam::111122223333:role/r"
