"""The list of findings, with a filter form: ``/findings``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from tagwarden.adapters.http.pages.markup import (
    Html,
    arn_text,
    breakable,
    el,
    join,
    page,
    severity_badge,
    table,
    tag_change,
    text,
    void,
    when,
)
from tagwarden.adapters.http.routing import Request
from tagwarden.core.model.finding import FINDING_KINDS, SEVERITIES, STATUSES, Finding
from tagwarden.core.model.kinds import kind_title

LIST_HOME = "findings"  # the list's address relative to itself: keeps working behind a proxy's path
COLUMNS = ("Severity", "Finding", "When", "Account", "Tag change", "Target", "Actor", "Status")


@dataclass(frozen=True, slots=True)
class FilterForm:
    """What the query asked for, as given (not yet validated), to show in the form again."""

    severity: Sequence[str]
    kind: Sequence[str]
    status: Sequence[str]
    account: Sequence[str]
    limit: str | None

    @classmethod
    def from_request(cls, request: Request) -> FilterForm:
        limits = request.query.get("limit")
        return cls(
            severity=request.values("severity"),
            kind=request.values("kind"),
            status=request.values("status"),
            account=request.values("account"),
            limit=limits[0] if limits else None,
        )

    @property
    def active(self) -> bool:
        return bool(self.severity or self.kind or self.status or self.account)


def detail_href(finding_id: str) -> str:
    return f"{LIST_HOME}/{quote(finding_id, safe='')}"


def _checkboxes(name: str, legend: str, choices: Sequence[str], chosen: Sequence[str]) -> Html:
    boxes = [
        el(
            "label",
            void("input", type="checkbox", name=name, value=choice, checked=choice in chosen),
            " ",
            choice,
        )
        for choice in choices
    ]
    return el("fieldset", el("legend", legend), *boxes)


def _kind_select(chosen: Sequence[str]) -> Html:
    options = [el("option", "any kind", value="")]
    options += [
        el("option", f"{kind_title(kind)} ({kind})", value=kind, selected=kind in chosen)
        for kind in FINDING_KINDS
    ]
    # A plain select sends one value: an address asking for several kinds (kind=a&kind=b, or a,b) would
    # lose all but one the next time the form is sent. Then the select takes several.
    several = len(set(chosen)) > 1
    select = el(
        "select",
        *options,
        id="kind",
        name="kind",
        multiple=several,
        size=str(len(options)) if several else None,
    )
    return el("div", el("label", "Kind", for_="kind"), select, class_="field")


def _account_input(chosen: Sequence[str]) -> Html:
    field = void(
        "input",
        type="text",
        id="account",
        name="account",
        value=", ".join(chosen),
        placeholder="123456789012",
        autocomplete="off",
        aria_describedby="account-help",
    )
    help_text = el("span", "one or more, comma-separated", id="account-help", class_="muted")
    return el("div", el("label", "Account", for_="account"), field, " ", help_text, class_="field")


def filter_form(form: FilterForm) -> Html:
    keep_limit = void("input", type="hidden", name="limit", value=form.limit) if form.limit else None
    return el(
        "form",
        _checkboxes("severity", "Severity", SEVERITIES, form.severity),
        _checkboxes("status", "Status", STATUSES, form.status),
        _kind_select(form.kind),
        _account_input(form.account),
        keep_limit,
        el(
            "div", el("button", "Show findings", type="submit"), " ", el("a", "Clear filters", href=LIST_HOME)
        ),
        method="get",
        class_="filters",
        role="search",
        aria_label="Filter findings",
    )


def _actor(finding: Finding) -> Html:
    """The principal, and the session's name where there is one (the person behind a role, often)."""
    if not finding.actor_session:
        return breakable(finding.actor)
    session_name = finding.actor_session.rsplit("/", 1)[-1]
    return join([breakable(finding.actor), void("br"), el("span", f"session {session_name}", class_="muted")])


def _finding_row(finding: Finding) -> Html:
    change = tag_change(finding.tag_key, finding.old_value, finding.new_value)
    cells = [
        el("td", severity_badge(finding.severity)),
        el("td", el("a", kind_title(finding.kind), href=detail_href(finding.id))),
        el("td", when(finding.event_time)),
        el("td", finding.account, class_="nowrap"),
        el("td", change),
        el("td", arn_text(finding.target), class_="mono"),
        el("td", _actor(finding), class_="mono"),
        el("td", finding.status, class_=f"status-{finding.status}"),
    ]
    return el("tr", *cells, class_=f"row-{finding.severity}")


def _summary(findings: Sequence[Finding]) -> Html:
    counts = Counter(finding.severity for finding in findings)
    badges = [join([severity_badge(s), f" {counts[s]}"]) for s in SEVERITIES if counts[s]]
    still_open = sum(1 for finding in findings if finding.status == "open")
    shown = f"{len(findings)} finding{'s' if len(findings) != 1 else ''} shown, {still_open} open:"
    return el("p", shown, *badges, class_="summary")


def _empty(form: FilterForm) -> Html:
    if form.active:
        return el("p", "No findings match these filters. ", el("a", "Clear filters", href=LIST_HOME), ".")
    return el("p", "No findings yet: nothing tagwarden has judged so far broke the governance policy.")


def _findings_table(findings: Sequence[Finding], limit: int | None) -> Html:
    parts = [_summary(findings)]
    if limit is not None and len(findings) >= limit:
        parts.append(
            el(
                "p",
                f"Only the newest {limit} are listed: narrow the filters, or add limit=N to the address.",
                class_="notice",
            )
        )
    rows = [_finding_row(finding) for finding in findings]
    parts.append(table("Findings, newest event first (times in UTC)", COLUMNS, rows, class_="findings"))
    return join(parts)


def list_page(findings: Sequence[Finding], form: FilterForm, limit: int | None, error: str | None) -> Html:
    """The whole page; ``error`` (a bad filter) is shown instead of the table."""
    parts = [el("h1", "Findings"), filter_form(form)]
    if error is not None:
        parts.append(el("p", el("strong", "The filter cannot be used: "), text(error), class_="error"))
    elif findings:
        parts.append(_findings_table(findings, limit))
    elif limit == 0:  # nothing was asked for: say so, not that nothing was found
        parts.append(
            el(
                "p",
                "limit=0 lists no findings: remove limit from the address, or give more.",
                class_="notice",
            )
        )
    else:
        parts.append(_empty(form))
    return page("Findings", join(parts), home=LIST_HOME)
