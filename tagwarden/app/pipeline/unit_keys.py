"""What a unit's tag records will ask the store about: targets, principals, sessions."""

from __future__ import annotations

from tagwarden.core.ports.units import TagRecord


def changed_targets(tagged: list[TagRecord]) -> set[str]:
    """The targets whose tags the unit changes (sessions aside): what it locks."""
    return {c.target for item in tagged for c in item.normalized.changes if c.target_kind != "session"}


def actor_access_keys(tagged: list[TagRecord]) -> set[str]:
    """The access keys the changes were made with: the sessions whose tags the actors carry."""
    return {c.actor.access_key_id for t in tagged for c in t.normalized.changes if c.actor.access_key_id}


def principals_needed(tagged: list[TagRecord]) -> set[str]:
    """The IAM principals whose tags judging the unit reads: actors, retagged principals, and
    the roles sessions start from."""
    arns: set[str] = set()
    for item in tagged:
        for change in item.normalized.changes:
            arns.add(change.actor.arn)
            if change.target_kind == "principal":
                arns.add(change.target)
            if change.session is not None:
                arns.add(change.session.role_arn)
    return arns


def granted(tagged: list[TagRecord]) -> set[str]:
    """The access keys of the sessions the unit's records create."""
    return {
        t.normalized.session.access_key_id
        for t in tagged
        if t.normalized.session is not None and t.normalized.session.access_key_id
    }
