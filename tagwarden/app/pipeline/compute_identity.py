"""Compute identity in the pipeline: the role each workload runs as, and the detector's inputs.

The detection itself is pure (tagwarden.core.compute); this keeps the state of instance profiles,
resources, associations and launch templates in memory and in the store (loaded for each unit's
records before judging, written with the unit), asks IAM for profiles it has not seen and EC2
for launch template versions it has not seen (at most once per time-to-live each), and reads role
tags from the store's tag state.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from tagwarden.core.arn import canonical_principal
from tagwarden.core.compute import (
    ComputeIdentityState,
    ComputeRead,
    ComputeReader,
    JudgedGrant,
    RoleGrant,
    StateUndo,
    TemplateRef,
    TemplateUpdate,
    detect_compute_identity,
    persisted,
    profile_key,
)
from tagwarden.core.compute.detect import KIND, RoleView
from tagwarden.core.compute.state import PROFILE_NOT_KNOWN
from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.model import Actor, Finding
from tagwarden.core.ports.compute_state import ComputeStateReads, Entry
from tagwarden.core.ports.store import StoreUnit

COMPUTE_KINDS = frozenset({KIND})  # the findings judging a role given gives
# A name gives a template's id, the template its versions' profiles: the rounds that chain needs.
LOAD_ROUNDS = 4
ProfileFetch = Callable[[str], "str | None"]  # a profile key's role, None, or PROFILE_NOT_KNOWN
ProfileList = Callable[[], Mapping[str, "str | None"]]
# A launch template version as EC2 describes it now (its number, profile, $Default and $Latest),
# None where EC2 cannot tell (another account, no such template or version, access denied).
TemplateFetch = Callable[[TemplateRef], "TemplateUpdate | None"]


class ComputeIdentity:
    def __init__(
        self,
        reader: ComputeReader | None = None,
        fetch: ProfileFetch | None = None,
        list_all: ProfileList | None = None,
        ttl_seconds: float = 300.0,
        clock: Callable[[], float] = time.time,
        *,
        templates: TemplateFetch | None = None,
    ) -> None:
        self.reader = reader or ComputeReader()
        self.state = ComputeIdentityState()
        self._fetch = fetch
        self._templates = templates
        self._list_all = list_all
        self._ttl = ttl_seconds
        self._clock = clock
        self._fetched_at: dict[str, float] = {}
        self._lock = threading.Lock()

    def seed_profiles(self, roles: Mapping[str, str | None]) -> None:
        """Profiles read in bulk (ListInstanceProfiles) at start."""
        with self._lock:
            for key, role in roles.items():
                self.state.set_profile(key, role)

    def load(self, store: ComputeStateReads, reads: Sequence[ComputeRead]) -> None:
        """What the store holds of what judging ``reads`` may read, into the state: what this
        process learned before a restart, and what other replicas learned."""
        asked: set[Entry] = set()
        for _ in range(LOAD_ROUNDS):
            with self._lock:
                want = persisted.wanted(reads, self.state) - asked
            if not want:
                return
            asked |= want
            entries = store.compute_entries(want)
            with self._lock:
                persisted.load(self.state, want, entries)

    def persist(self, tx: StoreUnit, undo: StateUndo) -> None:
        """What the unit taught the state, written with the unit."""
        with self._lock:
            entries = persisted.changed(self.state, undo)
        if entries:
            tx.put_compute_entries(entries)

    def prepare(self, reads: Iterable[ComputeRead]) -> set[str]:
        """Ask IAM for the unknown profiles ``reads`` name; return the principals whose tags judging
        needs (the roles given, the roles replaced, the actors)."""
        reads = list(reads)
        self._look_up_templates(reads)
        profiles = {g.profile for r in reads for g in r.grants if g.profile}
        with self._lock:
            for read in reads:
                for grant in read.grants:
                    profiles.update(self._template_profiles(grant.template))
        self._fetch_profiles(profiles)
        roles: set[str] = set()
        with self._lock:
            for read in reads:
                roles.update(u.role for u in read.profile_updates if u.role)
                for grant in read.grants:
                    roles.add(grant.ctx.actor.arn)  # the actor's own tags are needed too
                    roles.update(r for r in (grant.role, self._previous(grant)) if r)
                    if grant.role_from:
                        roles.add(self.state.resource_role(grant.role_from) or "")
                    if grant.profile:
                        roles.add(self.state.profile_role(grant.profile) or "")
                    roles.update(
                        self.state.profile_role(p) or "" for p in self._template_profiles(grant.template)
                    )
        roles.discard("")
        return roles

    def _look_up_templates(self, reads: list[ComputeRead]) -> None:
        """Asks EC2 for the template versions the grants name that neither the state nor the
        store knows, and that no record of these reads makes or changes (those are learned from
        the records, in event order): a template made before tagwarden watched. Learned as EC2
        says now, in memory only; a numbered version never changes, $Default and $Latest may have
        since the record."""
        if self._templates is None:
            return
        changed = {name for r in reads for u in r.template_updates for name in _names(u.template)}
        refs = {
            ref
            for read in reads
            for grant in read.grants
            for ref in (grant.template, grant.previous_template)
            if ref is not None and not (_names(ref) & changed)
        }
        now = self._clock()
        with self._lock:
            due = []
            for ref in sorted(refs, key=_template_key):
                known, _ = self.state.template_profile(
                    ref.account, ref.region, ref.template_id, ref.name, ref.version
                )
                asked = self._fetched_at.get(_template_key(ref), float("-inf"))
                if not known and now - asked >= self._ttl:
                    self._fetched_at[_template_key(ref)] = now
                    due.append(ref)
        for ref in due:
            described = self._templates(ref)
            if described is None:
                continue
            with self._lock:
                known, _ = self.state.template_profile(
                    ref.account, ref.region, ref.template_id, ref.name, ref.version
                )
                if not known:
                    self.state.learn_template(described)

    def _template_profiles(self, template: TemplateRef | None) -> set[str]:
        """The profiles of every version known of the template a grant names: which one the grant
        takes may be learned later in the same unit ($Latest, a version made just before)."""
        if template is None:
            return set()
        return self.state.template_profiles(
            template.account, template.region, template.template_id, template.name
        )

    def _resolved(self, grant: RoleGrant) -> RoleGrant:
        """A grant of a launch template version, given the version's profile (none where the
        template or version is not known, or names no profile)."""
        ref = grant.template
        if ref is None:
            return grant
        known, profile = self.state.template_profile(
            ref.account, ref.region, ref.template_id, ref.name, ref.version
        )
        return replace(grant, profile=profile if known else None)

    def _fetch_profiles(self, keys: set[str]) -> None:
        if keys and self._list_all is not None:
            listed, self._list_all = self._list_all, None  # one ListInstanceProfiles, at first need
            self.seed_profiles(listed())
        if self._fetch is None:
            return
        now = self._clock()
        with self._lock:
            due = [
                k
                for k in sorted(keys)
                if not self.state.knows_profile(k)
                and now - self._fetched_at.get(k, float("-inf")) >= self._ttl
            ]
            for key in due:
                self._fetched_at[key] = now
        for key in due:
            role = self._fetch(key)
            if role != PROFILE_NOT_KNOWN:
                with self._lock:
                    if not self.state.knows_profile(key):
                        self.state.set_profile(key, role)

    def _previous(self, grant: RoleGrant) -> str | None:
        state = self.state
        if grant.previous_template is not None:
            ref = grant.previous_template
            seen, profile = state.template_profile(
                ref.account, ref.region, ref.template_id, ref.name, ref.version
            )
            return state.profile_role(profile) if seen and profile else None
        if grant.resource_kind == "instance profile":
            return state.profile_role(profile_key(grant.ctx.account, grant.target))
        if grant.replaces_association:
            known = state.association(grant.replaces_association)
            if known is not None:
                return state.profile_role(known[1]) if known[1] else None
        if grant.family:
            return state.resource_role(grant.family)
        return state.resource_role(grant.state_key or grant.target) if grant.tracks_previous else None

    def _new_role(self, grant: RoleGrant) -> str | None:
        if grant.role_from:
            return self.state.resource_role(grant.role_from)
        return grant.role or (self.state.profile_role(grant.profile) if grant.profile else None)

    def judge(
        self,
        tx: StoreUnit,
        read: ComputeRead,
        actor_tags: Mapping[str, str] | None,
        policy: CompiledPolicy,
        created_at: str,
        *,
        undo: StateUndo | None = None,
        judged: list[JudgedGrant] | None = None,
    ) -> list[Finding]:
        """The findings of one record's grants; then the state learns what the record did, and
        ``undo`` what to put back if the unit is not committed. ``judged`` receives what each
        grant that could give a finding was judged with (``judge_again`` takes it)."""
        findings: list[Finding] = []
        with self._lock:
            for index, grant in enumerate(map(self._resolved, read.grants)):
                new_role, old_role = self._new_role(grant), self._previous(grant)
                new, old = _view(tx, new_role), _view(tx, old_role)
                unchanged = (
                    not grant.new_version
                    and new.arn is not None
                    and old.arn is not None
                    and _same(new.arn, old.arn)
                )
                if not unchanged:
                    findings += detect_compute_identity(
                        grant, actor_tags, new, old, policy=policy, created_at=created_at
                    )
                    if judged is not None and new_role is not None:
                        judged.append(JudgedGrant(index, grant.profile, new_role, old_role))
                self._learn(grant, undo)
            for update in read.profile_updates:
                if update.role is not None:
                    self.state.set_profile(update.profile, update.role, undo)
                elif update.removed is not None:
                    self.state.remove_from_profile(update.profile, update.removed, undo)
                else:
                    self.state.set_profile(update.profile, None, undo)
            for template in read.template_updates:
                self.state.learn_template(template, undo)
        return findings

    def judge_again(
        self,
        tx: StoreUnit,
        event_id: str,
        *,
        actor_tags: Callable[[Actor], Mapping[str, str] | None],
        policy: CompiledPolicy,
        created_at: str,
    ) -> dict[str, list[Finding]]:
        """The findings, by target, of the roles event ``event_id`` gave compute resources, judged
        again as they were first (the roles ``keep_judged_grants`` kept, the state then), with the
        actor's tags as now known."""
        judged = tx.judged_grants(event_id)
        record = tx.saved_event(event_id) if judged else None  # most uses are tag changes: no read
        read = self.reader.read(record) if record is not None else None
        again: dict[str, list[Finding]] = {}
        for kept in judged or ():
            if read is None or kept.index >= len(read.grants):
                continue
            grant = replace(read.grants[kept.index], profile=kept.profile)
            new, old = _view(tx, kept.new_role), _view(tx, kept.old_role)
            found = detect_compute_identity(
                grant, actor_tags(grant.ctx.actor), new, old, policy=policy, created_at=created_at
            )
            again.setdefault(grant.target, []).extend(found)
        return again

    def undo(self, undo: StateUndo) -> None:
        """Puts back what a unit that was not committed taught the state."""
        with self._lock:
            undo.undo()

    def _learn(self, grant: RoleGrant, undo: StateUndo | None) -> None:
        if grant.resource_kind == "instance profile":
            return  # the profile update that comes with the grant records it
        if grant.role_from:
            self.state.copy_resource_role(grant.target, grant.role_from, undo)
            return
        self.state.set_resource_role(
            grant.family or grant.state_key or grant.target, grant.role, grant.profile, undo
        )
        if grant.family:  # the revision itself, for the tasks and services later run from it
            self.state.set_resource_role(grant.target, grant.role, grant.profile, undo)
        if grant.association_id:
            self.state.remember_association(grant.association_id, grant.target, grant.profile, undo)


def _names(ref: TemplateRef) -> frozenset[str]:
    """What a template reference names it by: its id, its name, or both."""
    where = f"{ref.account}/{ref.region}"
    named = (("id", ref.template_id), ("name", ref.name))
    return frozenset(f"{where}/{kind}:{value}" for kind, value in named if value)


def _template_key(ref: TemplateRef) -> str:
    return f"template:{ref.account}/{ref.region}/{ref.template_id or ''}/{ref.name or ''}/{ref.version or ''}"


def _same(role: str, other: str) -> bool:
    """The same role: a call that resends the role a resource already has gives it nothing new
    (the Lambda console sends the whole configuration)."""
    return canonical_principal(role) == canonical_principal(other)


def _view(tx: StoreUnit, role: str | None) -> RoleView:
    if role is None:
        return RoleView(None)
    known = tx.current_tags(canonical_principal(role))
    return RoleView(role, dict(known.values) if (known.values or known.complete) else None)
