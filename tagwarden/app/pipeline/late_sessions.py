"""Sessions learned after their use.

STS logs an AssumeRole* call in the region of the endpoint called, and the calls made with the
session in their own regions: CloudTrail delivers them in different files, in any order, and
replicas judge files side by side. A change made with a session not known yet is judged with its
role's tags only and noted; when the session becomes known, the change is judged again with the
session's tags (new findings added, those that no longer hold superseded), so the findings do not
depend on which file came first. So are a role given to a compute resource with such a session
(with the roles it was first judged with) and a control call (``control_calls.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

from tagwarden.adapters.store import StoreUnit
from tagwarden.app.pipeline.rejudge import (
    AddFindings,
    CallsAgain,
    ChangesOf,
    JudgeAgain,
    Rejudged,
    rejudge_session_uses,
)
from tagwarden.core.compute import JudgedGrant
from tagwarden.core.model import Actor, SessionGrant, TagChange

# Access key ids of temporary credentials (those STS issues) begin with ASIA; those of an IAM
# user's long-term keys with AKIA, and no session ever names them (IAM User Guide, "IAM
# identifiers", unique identifier prefixes).
TEMPORARY_KEY_PREFIX = "ASIA"


def session_unknown(tx: StoreUnit, access_key_id: str) -> bool:
    """Whether ``access_key_id`` is a session's (temporary credentials) that is not known yet."""
    return access_key_id.startswith(TEMPORARY_KEY_PREFIX) and tx.get_session(access_key_id) is None


def note_if_session_unknown(tx: StoreUnit, event_id: str, changes: Sequence[TagChange]) -> None:
    """Notes ``event_id`` for judging again if its changes were made with a session not known yet;
    ``changes``: those kept with its processed mark (what judging again reads)."""
    keys = {c.actor.access_key_id for c in changes if c.actor.access_key_id}
    for key in sorted(keys):
        if session_unknown(tx, key):
            tx.note_session_use(key, event_id)


def note_grants_if_session_unknown(
    tx: StoreUnit, event_id: str, record_json: str, actor: Actor, judged: Sequence[JudgedGrant]
) -> None:
    """Notes ``event_id`` for judging again the roles it gave compute resources (``judged``), if
    its actor's session is not known yet; its record is kept, to read the grants again."""
    key = actor.access_key_id
    if judged and key and session_unknown(tx, key):
        tx.save_event(event_id, record_json)
        tx.keep_judged_grants(event_id, judged)
        tx.note_session_use(key, event_id)


def learn_session(
    tx: StoreUnit,
    session: SessionGrant,
    ts: float,
    changes_of: ChangesOf,
    judge_again: JudgeAgain,
    *,
    add: AddFindings,
    again: Sequence[tuple[frozenset[str], CallsAgain]] = (),
) -> Rejudged:
    """Keeps ``session``; the first time it is known, judges again the changes made with it before,
    and the calls ``again`` judges (roles given, control calls)."""
    key = session.access_key_id
    known = key is not None and tx.get_session(key) is not None
    tx.put_session(session, ts)
    if key is None or known:
        return Rejudged()
    return rejudge_session_uses(tx, key, changes_of, judge_again, add=add, again=again)
