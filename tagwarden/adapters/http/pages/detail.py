"""One finding with everything needed to judge it: ``/findings/<id>``."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tagwarden.adapters.http.pages.markup import (
    Child,
    Html,
    arn_text,
    breakable,
    definitions,
    el,
    join,
    key_text,
    page,
    section,
    severity_badge,
    table,
    tag_change,
    value_text,
    when,
)
from tagwarden.adapters.http.pages.rules import rule_section
from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.integrity.findings import INTEGRITY_EVENT_SOURCE
from tagwarden.core.model.finding import INVENTORY_EVENT_SOURCE, WRITERS_EVENT_SOURCE, Finding
from tagwarden.core.model.kinds import kind_title
from tagwarden.core.ports.store import HistoryEntry

DETAIL_HOME = "../findings"  # the list's address relative to /findings/<id>
KUBERNETES_EXEC = "kubectl -n tagwarden exec deploy/tagwarden -- "


@dataclass(frozen=True, slots=True)
class FindingDetail:
    """What ``finding_detail`` gathers, typed again."""

    finding: Finding
    record: Mapping[str, Any] | None
    target_history: Sequence[HistoryEntry]
    actor_tags: Mapping[str, str]
    remediation: Mapping[str, str] | None = None
    history_truncated: bool = False  # older changes of the target than those in target_history exist
    session_tags: Mapping[str, str] = field(default_factory=dict)  # of the session that made the call

    @classmethod
    def from_dict(cls, detail: Mapping[str, Any]) -> FindingDetail:
        return cls(
            finding=Finding.from_dict(detail["finding"]),
            record=detail["record"],
            target_history=[HistoryEntry(**entry) for entry in detail["target_history"]],
            actor_tags=detail["actor_tags"],
            remediation=detail["finding"].get("remediation"),
            history_truncated=bool(detail.get("target_history_truncated")),
            session_tags=detail.get("actor_session_tags") or {},
        )


def _from_record(record: Mapping[str, Any] | None, *path: str) -> str | None:
    """A text field of the raw record, or None where it is absent or not text."""
    node: Any = record
    for name in path:
        if not isinstance(node, Mapping):
            return None
        node = node.get(name)
    return node if isinstance(node, str) else None


def _mono(value: str | None) -> Html | None:
    return None if value is None else el("span", breakable(value), class_="mono")


def _headline(finding: Finding) -> Html:
    title = el(
        "h1",
        severity_badge(finding.severity),
        " ",
        kind_title(finding.kind),
        ": ",
        el("code", finding.tag_key or finding.target),
    )
    status = el(
        "p",
        "Status: ",
        el("strong", finding.status),
        " · finding ",
        el("code", finding.id),
        " · ",
        when(finding.event_time),
    )
    explanation = el("p", finding.explanation, class_=f"explanation sev-border-{finding.severity}")
    return join([title, status, explanation])


# Findings of tagwarden's own checks (inventory, writers scan, log integrity): no CloudTrail call behind them.
OWN_CHECKS = (INVENTORY_EVENT_SOURCE, WRITERS_EVENT_SOURCE, INTEGRITY_EVENT_SOURCE)


def _outcome(record: Mapping[str, Any] | None) -> str:
    """What the record says of the call; without the record, nothing is claimed."""
    if record is None:
        return "not known: the record of this event was not kept (see below)"
    error = _from_record(record, "errorCode")
    return "succeeded" if error is None else f"failed: {error}"


def _change_section(detail: FindingDetail) -> Html:
    finding, record = detail.finding, detail.record
    change = el("p", tag_change(finding.tag_key, finding.old_value, finding.new_value), class_="change")
    own_check = finding.event_source in OWN_CHECKS
    rows: list[tuple[str, Child]] = [
        ("Old value", value_text(finding.old_value)),
        ("New value", value_text(finding.new_value)),
        ("Operation", join([el("code", finding.event_name), " on ", finding.event_source])),
        ("Outcome", None if own_check else _outcome(record)),
        ("AWS error message", _from_record(record, "errorMessage")),
        ("When", when(finding.event_time)),
        ("Account", finding.account),
        ("Region", finding.region),
        ("Check ID" if own_check else "CloudTrail event ID", el("code", finding.event_id)),
    ]
    if detail.remediation is not None:
        revert = detail.remediation
        rows.append(("Revert", join([el("strong", revert["status"]), ": ", revert["detail"]])))
    if finding.target_kind == "compute":
        note = el(
            "p",
            "The values are the roles' ",
            el("code", finding.tag_key),
            " tags: the role the workload ran as before, and the role it was given. The explanation names "
            "both roles; the workload now reaches what ABAC grants to the new value.",
            class_="muted",
        )
        return section("change", "The change", change, note, definitions(rows))
    return section("change", "The change", change, definitions(rows))


SESSION_TAG = "session tag"
OWN_TAG = "role or user tag"
OVERRIDDEN = "role or user tag, overridden by the session tag"


def _tag_rows(tags: Mapping[str, str], session_tags: Mapping[str, str], key: str) -> list[Html]:
    """The actor's tags as the call was judged with them: its own, overridden (case-insensitively)
    by the session tags of the session that made the call. With session tags, a third cell says
    where each tag comes from."""
    overridden = {name.casefold() for name in session_tags}
    shown = [(name, value, SESSION_TAG) for name, value in session_tags.items()]
    shown += [
        (name, value, OVERRIDDEN if name.casefold() in overridden else OWN_TAG)
        for name, value in tags.items()
    ]
    rows = []
    for name, value, origin in sorted(shown, key=lambda row: (row[0].casefold(), row[2] != SESSION_TAG)):
        marked = name.casefold() == key.casefold() and origin != OVERRIDDEN
        cells = [el("td", key_text(name)), el("td", value_text(value))]
        if session_tags:
            cells.append(el("td", origin))
        rows.append(el("tr", *cells, class_="this-event" if marked else None))
    return rows


def _actor_section(detail: FindingDetail) -> Html:
    finding, record = detail.finding, detail.record
    rows: list[tuple[str, Child]] = [
        ("Principal", _mono(finding.actor)),
        ("Session", _mono(finding.actor_session)),
        ("Identity type", _from_record(record, "userIdentity", "type")),
        ("Access key", _mono(_from_record(record, "userIdentity", "accessKeyId"))),
        ("Invoked by", _from_record(record, "userIdentity", "invokedBy")),
        ("Source IP", _from_record(record, "sourceIPAddress")),
        ("User agent", _mono(_from_record(record, "userAgent"))),
    ]
    if detail.session_tags:
        caption = (
            f"The actor's tags for this call: the session tags of the session that made it, over its role's "
            f"or user's known tags now (the row of '{finding.tag_key}' that counts is marked)"
        )
        merged = _tag_rows(detail.actor_tags, detail.session_tags, finding.tag_key)
        tags = table(caption, ("Key", "Value", "From"), merged)
    elif detail.actor_tags:
        caption = f"The actor's known tags now (the row of '{finding.tag_key}' is marked)"
        tags = table(caption, ("Key", "Value"), _tag_rows(detail.actor_tags, {}, finding.tag_key))
    else:
        tags = el("p", "tagwarden knows no tags of this actor.", class_="muted")
    return section("actor", "Actor: who made the change", definitions(rows), tags)


def _history_row(entry: HistoryEntry, finding: Finding) -> Html:
    this_event = entry.event_id == finding.event_id and entry.origin == "event"
    change = el("span", "removed", class_="none") if entry.removed else value_text(entry.value)
    by = _mono(entry.actor) if entry.actor else el("span", f"({entry.origin})", class_="muted")
    moment = join([when(entry.event_time), el("strong", " (this finding's event)") if this_event else None])
    cells: list[Child] = [moment, key_text(entry.key), change, by, entry.event_name or entry.origin]
    return el("tr", *(el("td", cell) for cell in cells), class_="this-event" if this_event else None)


def _target_kind(kind: str) -> str:
    if kind == "unresolved":
        return "unresolved: the record does not determine the resource's ARN"
    return kind


def _target_section(detail: FindingDetail) -> Html:
    finding = detail.finding
    rows: list[tuple[str, Child]] = [
        ("Target", el("span", arn_text(finding.target), class_="mono")),
        ("Kind of target", _target_kind(finding.target_kind)),
    ]
    if detail.target_history:
        history = table(
            "The target's tag history, newest first (times in UTC)",
            ("When", "Key", "Value", "Changed by", "Operation"),
            [_history_row(entry, finding) for entry in detail.target_history],
        )
    else:
        history = el("p", "tagwarden has no tag history for this target.", class_="muted")
    heading = (
        "Target: the workload given the role"
        if finding.target_kind == "compute"
        else "Target: what was changed"
    )
    return section("target", heading, definitions(rows), _history_cut(detail), history)


def _history_cut(detail: FindingDetail) -> Html | None:
    """Says that older changes are left out, and whether the finding's own event is among them."""
    if not detail.history_truncated:
        return None
    shown = len(detail.target_history)
    event_id = detail.finding.event_id
    if any(entry.event_id == event_id and entry.origin == "event" for entry in detail.target_history):
        where = "older changes are left out."
    else:
        where = (
            "this finding's event is older, so it is not in the table: its old and new values are in "
            "the change above, and the whole record below."
        )
    return el("p", f"Only the newest {shown} changes of this target are shown; {where}", class_="notice")


def _actions_section(finding: Finding) -> Html:
    commands = "\n".join(
        f"{KUBERNETES_EXEC}tagwarden findings {action} {finding.id}" for action in ("ack", "resolve")
    )
    elsewhere = el(
        "p",
        "Elsewhere, where the daemon's configuration is: ",
        el("code", f"tagwarden findings ack {finding.id} --config FILE"),
        " (or ",
        el("code", "resolve"),
        ").",
    )
    return section(
        "actions",
        "Acknowledge or resolve",
        el("p", "These pages only read. On Kubernetes, with the shipped manifests:"),
        el("pre", el("code", commands)),
        elsewhere,
    )


def _record_section(finding: Finding, record: Mapping[str, Any] | None) -> Html:
    if record is None and finding.event_source in OWN_CHECKS:
        check = finding.event_name
        said = f"This finding comes from tagwarden's own check ({check}), not from one CloudTrail call."
        shown = el("p", said, class_="muted")
    elif record is None:
        shown = el("p", "The record of this event was not kept in the store.", class_="muted")
    else:
        shown = el("pre", json.dumps(record, indent=2, ensure_ascii=False, default=str))
    return section("record", "Raw CloudTrail record", shown)


def detail_page(detail: FindingDetail, policy: CompiledPolicy) -> Html:
    finding = detail.finding
    body = join(
        [
            el("p", el("a", "← All findings", href=DETAIL_HOME)),
            _headline(finding),
            _change_section(detail),
            _actor_section(detail),
            _target_section(detail),
            section("rule", "Rule: why it fired", rule_section(finding.kind, finding.rule, policy)),
            _actions_section(finding),
            _record_section(finding, detail.record),
        ]
    )
    return page(f"{kind_title(finding.kind)} {finding.id}", body, home=DETAIL_HOME)


def missing_page(finding_id: str, home: str) -> Html:
    body = join(
        [
            el("h1", "No such finding"),
            el("p", "tagwarden has no finding with the id ", el("code", finding_id), "."),
            el("p", el("a", "← All findings", href=home)),
        ]
    )
    return page("No such finding", body, home=home)
