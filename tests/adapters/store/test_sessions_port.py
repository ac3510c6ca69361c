"""Sessions port contract (tagwarden/core/ports/sessions.py), on every engine."""

from __future__ import annotations

from tagwarden.adapters.store import Store
from tagwarden.core.compute import JudgedGrant
from tagwarden.core.controls import ControlCall
from tagwarden.core.model import Actor, SessionGrant
from tagwarden.core.normalize.record_fields import RecordContext


def test_sessions_keep_the_newest_grant(store: Store) -> None:
    old = SessionGrant("ASIA1", "arn:aws:iam::1:role/r", None, {"team": "alpha"})
    new = SessionGrant("ASIA1", "arn:aws:iam::1:role/r", None, {"team": "beta"})
    with store.unit() as tx:
        tx.put_session(new, 200.0)
        tx.put_session(old, 100.0)
        tx.put_session(SessionGrant("", "arn:aws:iam::1:role/r", None, {"team": "x"}), 300.0)
        got = tx.get_session("ASIA1")
        assert got is not None and got.tags == {"team": "beta"}
        assert tx.get_session("ASIA2") is None
        assert tx.get_session("") is None
    with store.unit() as tx:
        assert tx.get_session("ASIA1") == new


def test_grants_with_any_text_are_read_back_as_written(store: Store) -> None:
    # msgspec writes the usual grant; one with a lone UTF-16 surrogate, which UTF-8 cannot carry,
    # is written as json.dumps escapes it. Both read back whole.
    grants = [
        SessionGrant("ASIA1", "arn:aws:iam::1:role/r", "s", {"team": "é\u2028"}, ("team",), {"cc": "1"}),
        SessionGrant("ASIA2", "arn:aws:iam::1:role/r", None, {"team": "\ud800x"}, caller_chosen=False),
    ]
    with store.unit() as tx:
        for grant in grants:
            tx.put_session(grant, 100.0)
    with store.unit() as tx:
        assert [tx.get_session(grant.access_key_id or "") for grant in grants] == grants


def test_uses_of_a_session_not_known_yet_are_taken_once(store: Store) -> None:
    with store.unit() as tx:
        tx.note_session_use("ASIA1", "e2")
        tx.note_session_use("ASIA1", "e1")
        tx.note_session_use("ASIA1", "e1")  # noted twice (a redelivery): taken once
        tx.note_session_use("ASIA2", "e3")
    with store.unit() as tx:
        assert tx.take_session_uses("ASIA1") == ["e1", "e2"]
        assert tx.take_session_uses("ASIA1") == []
    with store.unit() as tx:
        assert tx.take_session_uses("ASIA1") == []
        assert tx.take_session_uses("ASIA2") == ["e3"]


def test_a_committed_grant_is_read_outside_a_unit(store: Store) -> None:
    grant = SessionGrant("ASIA1", "arn:aws:iam::1:role/r", None, {"team": "beta"})
    with store.unit() as tx:
        tx.put_session(grant, 100.0)
    assert store.get_session("ASIA1") == grant
    assert store.get_session("ASIA2") is None


def test_what_roles_given_were_judged_with_is_kept_by_event(store: Store) -> None:
    first = [JudgedGrant(0, "1/profile", "arn:aws:iam::1:role/a", None)]
    with store.unit() as tx:
        assert tx.judged_grants("e1") is None
        tx.keep_judged_grants("e1", first)
        tx.keep_judged_grants("e2", [JudgedGrant(1, None, "arn:aws:iam::1:role/b", "arn:aws:iam::1:role/a")])
    with store.unit() as tx:
        assert tx.judged_grants("e1") == first
        tx.keep_judged_grants("e1", [])  # judged again: what it keeps is replaced
    with store.unit() as tx:
        assert tx.judged_grants("e1") == []
        assert tx.judged_grants("e2") == [
            JudgedGrant(1, None, "arn:aws:iam::1:role/b", "arn:aws:iam::1:role/a")
        ]


def test_a_control_call_as_judged_is_kept_by_event(store: Store) -> None:
    actor = Actor(arn="arn:aws:iam::1:role/r", access_key_id="ASIA1")
    context = RecordContext(
        "e1",
        "2024-01-01T00:00:00Z",
        "cloudtrail.amazonaws.com",
        "StopLogging",
        "1",
        "us-east-1",
        "aws",
        actor,
        "success",
    )
    call = ControlCall(
        context, "arn:aws:cloudtrail:us-east-1:1:trail/t", "trail", "Logging stopped.", certain=False
    )
    with store.unit() as tx:
        assert tx.judged_control("e1") is None
        tx.keep_judged_control("e1", call)
    with store.unit() as tx:
        assert tx.judged_control("e1") == call
