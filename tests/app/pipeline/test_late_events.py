"""A late event that changes what a later change's old value was makes the later change judged again:
new findings added, findings that no longer hold marked superseded (never deleted). One replica
receives events out of order too: SQS does not promise order. On every store engine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import Store, open_store
from tagwarden.app.demo.records import Caller, record, s3_tagging, tag_list
from tagwarden.app.pipeline import PrincipalTagCache, Processor
from tagwarden.core.records.text import record_text
from tests.adapters.store.conftest import engine_url
from tests.app.pipeline.test_processor import ACCOUNT, IAM, POLICY, processor, run

DEV = Caller(ACCOUNT, "dev-beta", session="dev", access_key_id="ASIADEV0000000000001")  # team beta
ADMIN = Caller(ACCOUNT, "TagAdmin", session="admin", access_key_id="ASIAADMIN00000000001")


def put_team(caller: Caller, bucket: str, team: str, minute: int, event_id: str) -> dict[str, Any]:
    # PutBucketTagging as CloudTrail logs it:
    # https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html
    return record(
        caller,
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging(bucket, {"team": team}),
        time=f"2024-05-01T10:{minute:02d}:00Z",
        event_id=event_id,
    )


@pytest.fixture(params=["sqlite-memory", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    opened = open_store(engine_url(request.param, tmp_path, request))
    yield opened
    opened.close()


def by_event(store: Store, event_id: str) -> dict[str, str]:
    return {f.kind: f.status for f in store.list_findings() if f.event_id == event_id}


def test_a_late_event_adds_the_findings_a_later_change_now_gives(store: Store) -> None:
    proc = processor(store)
    run(proc, [put_team(ADMIN, "shared", "beta", 1, "admin-beta")], unit="1")
    run(proc, [put_team(DEV, "shared", "beta", 3, "dev-beta")], unit="2")
    assert by_event(store, "dev-beta") == {}  # beta stays beta: no write of team
    late = run(proc, [put_team(ADMIN, "shared", "alpha", 2, "admin-alpha")], unit="3")  # logged before dev's
    # Judged again: dev moved shared from alpha into dev's own team.
    assert by_event(store, "dev-beta") == {"unauthorized_writer": "open", "self_grant": "open"}
    assert {f.event_id for f in late.new_findings} == {"dev-beta"} and late.superseded == []
    assert store.get_finding(next(f.id for f in late.new_findings)).old_value == "alpha"  # type: ignore[union-attr]


def test_findings_that_no_longer_hold_are_superseded_not_deleted(store: Store) -> None:
    metrics = Metrics()
    proc = processor(store, metrics)
    run(proc, [put_team(DEV, "shared", "beta", 3, "dev-beta")], unit="1")
    # Nothing was known of shared: dev's write of team counts.
    assert by_event(store, "dev-beta") == {"unauthorized_writer": "open", "self_grant": "open"}
    late = run(proc, [put_team(ADMIN, "shared", "beta", 2, "admin-beta")], unit="2")
    assert len(late.superseded) == 2 and late.new_findings == []
    assert by_event(store, "dev-beta") == {"unauthorized_writer": "superseded", "self_grant": "superseded"}
    assert store.open_finding_counts() == []
    # A redelivery of either event changes nothing more.
    again = run(
        proc,
        [put_team(ADMIN, "shared", "beta", 2, "admin-beta"), put_team(DEV, "shared", "beta", 3, "dev-beta")],
    )
    assert again.duplicates == 2 and again.new_findings == [] and again.superseded == []


def test_a_late_event_that_changes_no_old_value_judges_nothing_again(store: Store) -> None:
    proc = processor(store)
    run(proc, [put_team(DEV, "shared", "beta", 3, "dev-beta")], unit="1")
    before = store.list_findings()
    late = run(proc, [put_team(ADMIN, "other", "alpha", 2, "other-bucket")], unit="2")
    assert late.superseded == [] and {f.event_id for f in late.new_findings} <= {"other-bucket"}
    assert [f for f in store.list_findings() if f.event_id == "dev-beta"] == before


def test_a_record_is_kept_only_where_its_changes_give_or_may_give_findings(store: Store) -> None:
    proc = processor(store)
    # TagRole adds the tags it names (where PutBucketTagging replaces the set, and may remove any):
    name = record(ADMIN, "iam.amazonaws.com", "TagRole", {"roleName": "app", "tags": tag_list({"Name": "x"})},
                  time="2024-05-01T10:00:00Z", event_id="admin-name")  # fmt: skip
    run(proc, [name], unit="0")  # a key no rule governs: no finding now or judged again
    run(proc, [put_team(ADMIN, "shared", "beta", 1, "admin-beta")], unit="1")  # the writer: no finding
    run(proc, [put_team(DEV, "other", "beta", 3, "dev-beta")], unit="2")  # a finding
    assert by_event(store, "admin-name") == {} and store.get_event("admin-name") is None
    assert by_event(store, "admin-beta") == {} and store.get_event("admin-beta") is not None
    assert by_event(store, "dev-beta") and store.get_event("dev-beta") is not None
    with store.unit() as tx:  # what judging them again needs is kept for every one
        assert [c.set for c in tx.judged_changes("admin-name") or []] == [{"Name": "x"}]
        assert [c.set for c in tx.judged_changes("admin-beta") or []] == [{"team": "beta"}]
        assert [c.target for c in tx.judged_changes("dev-beta") or []] == ["arn:aws:s3:::other"]


def test_a_finding_a_late_event_adds_has_its_record(store: Store) -> None:
    proc = processor(store)
    run(proc, [put_team(ADMIN, "shared", "beta", 1, "admin-beta")], unit="1")
    run(proc, [put_team(DEV, "shared", "beta", 3, "dev-beta")], unit="2")  # no finding yet
    run(proc, [put_team(ADMIN, "shared", "alpha", 2, "admin-alpha")], unit="3")
    assert by_event(store, "dev-beta") == {"unauthorized_writer": "open", "self_grant": "open"}
    assert store.get_event("dev-beta")["eventID"] == "dev-beta"  # type: ignore[index]


def test_a_change_judged_by_a_release_that_kept_its_record_is_judged_again_from_it(store: Store) -> None:
    """Before the store's schema 3, every tag change's record was kept and no changes were."""
    proc = processor(store)
    dev_beta = put_team(DEV, "shared", "beta", 3, "dev-beta")
    run(proc, [put_team(ADMIN, "shared", "beta", 1, "admin-beta")], unit="1")
    run(proc, [dev_beta], unit="2")
    with store.unit() as tx:  # as the older release left it
        tx.save_event("dev-beta", record_text(dev_beta))
    _forget_changes(store, "dev-beta")
    late = run(proc, [put_team(ADMIN, "shared", "alpha", 2, "admin-alpha")], unit="3")
    assert by_event(store, "dev-beta") == {"unauthorized_writer": "open", "self_grant": "open"}
    assert {f.event_id for f in late.new_findings} == {"dev-beta"}


def _forget_changes(store: Store, event_id: str) -> None:
    sql = "UPDATE processed_events SET changes_json = NULL WHERE event_id = ?"
    with store.unit() as tx:
        tx._sql.run(sql, (event_id,))  # type: ignore[attr-defined]


def test_a_superseded_finding_that_a_second_late_event_makes_hold_again_is_open_again(store: Store) -> None:
    proc = processor(store)
    run(proc, [put_team(DEV, "shared", "beta", 3, "dev-beta")], unit="1")
    assert by_event(store, "dev-beta") == {"unauthorized_writer": "open", "self_grant": "open"}
    run(proc, [put_team(ADMIN, "shared", "beta", 1, "admin-beta")], unit="2")  # beta -> beta: nothing
    assert by_event(store, "dev-beta") == {"unauthorized_writer": "superseded", "self_grant": "superseded"}
    # Logged between the two: shared was alpha when dev set it to beta.
    late = run(proc, [put_team(ADMIN, "shared", "alpha", 2, "admin-alpha")], unit="3")
    # In event-time order (1, 2, 3) dev-beta's two findings are open: judged again, they hold again.
    assert by_event(store, "dev-beta") == {"unauthorized_writer": "open", "self_grant": "open"}
    assert sorted(late.reopened) == sorted(f.id for f in store.list_findings() if f.event_id == "dev-beta")
    assert late.new_findings == [] and late.superseded == []


def test_a_finding_judged_again_says_what_judging_in_time_order_says(store: Store) -> None:
    proc = processor(store)
    run(proc, [put_team(DEV, "shared", "beta", 3, "dev-beta")], unit="1")  # from an unknown value
    run(proc, [put_team(ADMIN, "shared", "alpha", 2, "admin-alpha")], unit="2")
    in_order = open_store("sqlite:///:memory:")
    run(processor(in_order), [put_team(ADMIN, "shared", "alpha", 2, "admin-alpha")], unit="1")
    run(processor(in_order), [put_team(DEV, "shared", "beta", 3, "dev-beta")], unit="2")

    def said(of: Store) -> dict[str, tuple[object, ...]]:
        return {
            f.kind: (f.status, f.severity, f.rule, f.old_value, f.new_value, f.explanation)
            for f in of.list_findings()
            if f.event_id == "dev-beta"
        }

    assert said(store) == said(in_order)
    assert {old for _, _, _, old, _, _ in said(store).values()} == {"alpha"}


def test_a_late_tag_event_leaves_the_later_records_compute_finding_alone(store: Store) -> None:
    proc = compute_processor(store)
    run(proc, [update_stack(DEV, "beta", 3, "dev-stack", RUNNER)], unit="1")
    assert by_event(store, "dev-stack").get("compute_identity") == "open"  # dev (beta) gave an alpha role
    late = run(proc, [update_stack(ADMIN, "gamma", 2, "admin-stack", None)], unit="2")  # an earlier retag
    # It changed the stack's old tags; the role dev gave the stack is the same.
    assert by_event(store, "dev-stack").get("compute_identity") == "open"
    assert all(store.get_finding(i).kind != "compute_identity" for i in late.superseded)  # type: ignore[union-attr]


# A call that both tags a resource and gives it a role (CloudFormation UpdateStack with tags and a
# service role; Lambda CreateFunction with tags and a role): its compute-identity finding has the
# same event and target as its tag findings.
RUNNER = f"arn:aws:iam::{ACCOUNT}:role/alpha-runner"  # team alpha
STACK = f"arn:aws:cloudformation:us-east-1:{ACCOUNT}:stack/s1/abc"


def update_stack(caller: Caller, team: str, minute: int, event_id: str, role: str | None) -> dict[str, Any]:
    # UpdateStack's request as CloudTrail logs it (the API's members, camel-cased):
    # https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_UpdateStack.html
    request: dict[str, Any] = {"stackName": "s1", "tags": [{"key": "team", "value": team}]}
    if role:
        request["roleARN"] = role
    return record(
        caller,
        "cloudformation.amazonaws.com",
        "UpdateStack",
        request,
        response={"stackId": STACK},
        time=f"2024-05-01T10:{minute:02d}:00Z",
        event_id=event_id,
    )


def compute_processor(store: Store) -> Processor:
    return processor(store, principals=PrincipalTagCache({**IAM, RUNNER: {"team": "alpha"}}.get))


def _assume_with_team(team: str, minute: int, event_id: str) -> dict[str, Any]:
    # AssumeRole with session tags as CloudTrail logs it (IAM User Guide, "Logging IAM and AWS STS
    # API calls with AWS CloudTrail", example AssumeRole event): the session's access key id is in
    # responseElements.credentials.accessKeyId, which calls made with the session carry in
    # userIdentity.accessKeyId.
    bob = Caller(ACCOUNT, "bob")
    return record(
        bob,
        "sts.amazonaws.com",
        "AssumeRole",
        {
            "roleArn": f"arn:aws:iam::{ACCOUNT}:role/dev-beta",
            "roleSessionName": "bob",
            "tags": tag_list({"team": team}),
        },
        response={
            "credentials": {"accessKeyId": "ASIABOBLATE000000001"},
            "assumedRoleUser": {"arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/dev-beta/bob"},
        },
        time=f"2024-05-01T10:{minute:02d}:00Z",
        event_id=event_id,
    )


BOB_SESSION = Caller(ACCOUNT, "dev-beta", session="bob", access_key_id="ASIABOBLATE000000001")


def test_a_session_learned_after_its_use_makes_the_use_judged_again_with_its_tags(store: Store) -> None:
    """STS logs AssumeRole in the region of the endpoint called, the session's calls in theirs:
    the file with the session's use can be judged before the file with the session."""
    proc = processor(store)
    run(proc, [put_team(ADMIN, "alpha-data", "alpha", 1, "admin-alpha")], unit="0")
    run(proc, [put_team(BOB_SESSION, "alpha-data", "gamma", 6, "grab")], unit="1")
    assert by_event(store, "grab") == {"unauthorized_writer": "open"}  # as dev-beta (team beta)
    run(proc, [_assume_with_team("gamma", 5, "assume")], unit="2")  # logged before the use
    # The session says gamma: bob moved alpha-data into the session's own team.
    assert by_event(store, "grab") == {"unauthorized_writer": "open", "self_grant": "open"}


def test_a_late_session_whose_tags_clear_a_finding_supersedes_it(store: Store) -> None:
    proc = processor(store)
    run(proc, [put_team(ADMIN, "alpha-data", "alpha", 1, "admin-alpha")], unit="0")
    run(proc, [put_team(BOB_SESSION, "alpha-data", "beta", 6, "grab")], unit="1")
    assert by_event(store, "grab") == {"unauthorized_writer": "open", "self_grant": "open"}  # role: beta
    run(proc, [_assume_with_team("gamma", 5, "assume")], unit="2")
    # The session's team is gamma, not beta: the move was no self-grant.
    assert by_event(store, "grab") == {"unauthorized_writer": "open", "self_grant": "superseded"}


# Roles given to compute resources with a session learned later: judged first with the role's tags
# (dev-beta: team beta), judged again with the session's once its AssumeRole record is judged.
BETA_RUNNER = f"arn:aws:iam::{ACCOUNT}:role/beta-runner"  # team beta


def grants_processor(store: Store) -> Processor:
    tags = {**IAM, RUNNER: {"team": "alpha"}, BETA_RUNNER: {"team": "beta"}}
    return processor(store, principals=PrincipalTagCache(tags.get))


def create_function(caller: Caller, role: str, minute: int, event_id: str) -> dict[str, Any]:
    # CreateFunction20150331 as CloudTrail logs it (the role in requestParameters.role):
    # https://docs.aws.amazon.com/lambda/latest/dg/logging-using-cloudtrail.html
    name = f"fn-{event_id}"
    return record(
        caller,
        "lambda.amazonaws.com",
        "CreateFunction20150331",
        {"functionName": name, "role": role, "runtime": "python3.12", "handler": "app.handler"},
        response={"functionArn": f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:{name}", "role": role},
        time=f"2024-05-01T10:{minute:02d}:00Z",
        event_id=event_id,
    )


def test_a_role_given_with_a_session_learned_later_is_judged_again_with_its_tags(store: Store) -> None:
    proc = grants_processor(store)
    run(proc, [create_function(BOB_SESSION, BETA_RUNNER, 6, "beta-fn")], unit="1")
    assert by_event(store, "beta-fn") == {}  # as dev-beta: a beta role for a beta actor
    run(proc, [_assume_with_team("gamma", 5, "assume")], unit="2")
    # The session says gamma: bob gave a function a role of another team.
    assert by_event(store, "beta-fn") == {"compute_identity": "open"}


def test_a_late_session_whose_tags_clear_a_role_given_supersedes_its_finding(store: Store) -> None:
    proc = grants_processor(store)
    run(proc, [create_function(BOB_SESSION, RUNNER, 6, "alpha-fn")], unit="1")
    assert by_event(store, "alpha-fn") == {"compute_identity": "open"}  # beta gave alpha
    run(proc, [_assume_with_team("alpha", 5, "assume")], unit="2")
    # The session's team is alpha: the role was bob's own.
    assert by_event(store, "alpha-fn") == {"compute_identity": "superseded"}


def test_a_role_given_with_a_known_session_is_not_kept_to_judge_again(store: Store) -> None:
    proc = grants_processor(store)
    run(proc, [_assume_with_team("gamma", 5, "assume")], unit="1")
    run(proc, [create_function(BOB_SESSION, BETA_RUNNER, 6, "beta-fn")], unit="2")
    assert by_event(store, "beta-fn") == {"compute_identity": "open"}
    with store.unit() as tx:
        assert tx.judged_grants("beta-fn") is None


# A control call made with a session learned later: a controls writer listed by a session tag.
CONTROLS_POLICY = {
    **POLICY,
    "controls": {"writers": [{"principal_tag": {"platform": "admin"}}]},
}


def _assume_as_platform_admin(minute: int, event_id: str) -> dict[str, Any]:
    assumed = _assume_with_team("beta", minute, event_id)
    assumed["requestParameters"]["tags"] = tag_list({"platform": "admin"})
    return assumed


def stop_logging(caller: Caller, minute: int, event_id: str) -> dict[str, Any]:
    # StopLogging as CloudTrail logs it (the trail's name or ARN in requestParameters.name):
    # https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StopLogging.html
    return record(
        caller,
        "cloudtrail.amazonaws.com",
        "StopLogging",
        {"name": f"arn:aws:cloudtrail:us-east-1:{ACCOUNT}:trail/management-events"},
        time=f"2024-05-01T10:{minute:02d}:00Z",
        event_id=event_id,
    )


def test_a_control_call_made_with_a_session_learned_later_is_judged_again_with_its_tags(store: Store) -> None:
    proc = processor(store, policy=CONTROLS_POLICY)
    run(proc, [stop_logging(BOB_SESSION, 6, "stop")], unit="1")
    (first,) = [f for f in store.list_findings() if f.event_id == "stop"]
    assert (first.kind, first.severity) == ("control_tamper", "critical")  # dev-beta is no controls writer
    run(proc, [_assume_as_platform_admin(5, "assume")], unit="2")
    # The session's platform=admin lists bob as a controls writer: recorded, not alerted.
    (again,) = [f for f in store.list_findings() if f.event_id == "stop"]
    assert (again.id, again.severity, again.status) == (first.id, "info", "open")
    assert "listed controls writer" in again.explanation
