"""The on-call pages rendered without a browser: what they show, escaping, filters, empty states, 404, token.

The scenario of tests/abac_cases.py, plus records whose tag values, bucket names and user agent carry
markup, goes through the real processor into SQLite; the pages are then asked for through the Router.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tagwarden.adapters.http import Request, Response, Router
from tagwarden.adapters.http.endpoints import install_api
from tagwarden.adapters.http.pages import install_pages
from tagwarden.adapters.http.pages.markup import CONTENT_SECURITY_POLICY, el, text, value_text
from tagwarden.adapters.store import Store, open_store
from tagwarden.app.demo.records import record, s3_tagging
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.model import Finding
from tagwarden.core.records import iter_records
from tests.builders.abac_cases import (
    ACCOUNT,
    ALICE,
    CASES,
    DAVE,
    POLICY,
    CaseLog,
)
from tests.builders.abac_processor import abac_processor

SCRIPT_VALUE = "<script>alert(1)</script>"
ATTRIBUTE_VALUE = '"><img src=x onerror=alert(1)>'
HOSTILE_BUCKET = '"><svg onload=alert(3)>'
HOSTILE_AGENT = "<script>alert('agent')</script>"
TOKEN = "page-token"
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "section", "p", "a", "h1", "h2",
    "strong", "span", "code", "pre", "time", "br", "dl", "div", "dt", "dd", "table", "caption", "thead",
    "tbody", "tr", "th", "td", "wbr", "form", "fieldset", "legend", "label", "input", "select", "option",
    "button",
}  # fmt: skip


def hostile_records() -> list[dict[str, object]]:
    """Tag values, a bucket name (a failed call takes any name) and a user agent that carry markup;
    minutes after the scenario of CaseLog, which starts an hour ago."""
    soon = datetime.now(tz=UTC) - timedelta(minutes=10)
    at = [(soon + timedelta(minutes=n)).strftime("%Y-%m-%dT%H:%M:%SZ") for n in range(3)]
    script = record(
        ALICE, "s3.amazonaws.com", "PutBucketTagging", s3_tagging("xss-data", {"team": SCRIPT_VALUE}),
        time=at[0], event_id="hostile-script",
    )  # fmt: skip
    script["userAgent"] = HOSTILE_AGENT
    attribute = record(
        ALICE, "s3.amazonaws.com", "PutBucketTagging", s3_tagging("xss-attr", {"team": ATTRIBUTE_VALUE}),
        time=at[1], event_id="hostile-attribute",
    )  # fmt: skip
    bucket = record(
        DAVE, "s3.amazonaws.com", "PutBucketTagging", s3_tagging(HOSTILE_BUCKET, {"team": "alpha"}),
        time=at[2], event_id="hostile-bucket", error_code="AccessDenied",
    )  # fmt: skip
    return [script, attribute, bucket]


@dataclass
class Scenario:
    store: Store
    log: CaseLog
    router: Router
    findings: list[Finding] = field(default_factory=list)

    def one(self, case_id: str, kind: str) -> Finding:
        event_id = self.log.event_ids.get(case_id, case_id)
        (found,) = [f for f in self.findings if f.event_id == event_id and f.kind == kind]
        return found


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    path: Path = tmp_path_factory.mktemp("pages") / "state.db"
    store, processor = abac_processor(f"sqlite:///{path}")
    policy = processor.policy
    log = CaseLog().build()
    body = json.dumps({"Records": [*log.records, *hostile_records()]}).encode()
    assert processor.process(iter_records(io.BytesIO(body)), source="test", unit="pages").ok
    router = Router()
    install_pages(router, store, policy)
    yield Scenario(store, log, router, store.list_findings())
    store.close()


class Parsed(HTMLParser):
    """The elements of a page and its text as a reader sees it (entities decoded, style left out)."""

    def __init__(self, body: bytes) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self._chunks: list[str] = []
        self._in_style = False
        self.feed(body.decode())
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._in_style = tag == "style"
        if tag != "wbr":  # a place where a line may break, not a space
            self._chunks.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False
        self._chunks.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            self._chunks.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self._chunks).split())  # each element's edge counts as a space

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.elements if name == tag]


def get(router: Router, target: str, headers: dict[str, str] | None = None) -> Response:
    return router.dispatch(Request.from_target("GET", target, headers or {}))


def page(router: Router, target: str, status: int = 200) -> Parsed:
    response = get(router, target)
    assert response.status == status, response.body[:500]
    assert response.content_type == "text/html; charset=utf-8"
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    return Parsed(response.body)


def listed_ids(parsed: Parsed) -> list[str]:
    return [
        str(a["href"]).rsplit("/", 1)[1] for a in parsed.all("a") if str(a["href"]).startswith("findings/")
    ]


def assert_inert(parsed: Parsed) -> None:
    """Only the elements the pages make, and no attribute that runs code or loads anything."""
    assert {tag for tag, _ in parsed.elements} <= ALLOWED_TAGS
    for tag, attrs in parsed.elements:
        for name in attrs:
            assert not name.startswith("on") and name not in ("src", "srcdoc", "formaction"), (tag, name)


# -- the list -----------------------------------------------------------------------------------------


def test_the_list_shows_every_finding_newest_first_with_its_severity(scenario: Scenario) -> None:
    parsed = page(scenario.router, "/findings")
    expected = sum(len(case.expected) for case in CASES)
    assert expected < len(scenario.findings) == len(listed_ids(parsed))
    assert listed_ids(parsed) == [f.id for f in scenario.findings]  # the store's order: newest event first
    rows = [attrs["class"] for attrs in parsed.all("tr") if attrs.get("class", "").startswith("row-")]
    assert rows == [f"row-{f.severity}" for f in scenario.findings]
    critical = sum(1 for f in scenario.findings if f.severity == "critical")
    assert f"{len(scenario.findings)} findings shown" in parsed.text
    assert f"critical {critical}" in parsed.text
    assert_inert(parsed)


def test_the_form_labels_every_field_and_keeps_the_chosen_filters(scenario: Scenario) -> None:
    parsed = page(scenario.router, "/findings?severity=critical&status=open&kind=self_grant&account=123")
    labelled = {attrs["for"] for attrs in parsed.all("label") if attrs.get("for")}
    assert {"kind", "account"} <= labelled
    checked = {(a["name"], a["value"]) for a in parsed.all("input") if "checked" in a}
    assert checked == {("severity", "critical"), ("status", "open")}
    assert [a["value"] for a in parsed.all("option") if "selected" in a] == ["self_grant"]
    (account,) = [a for a in parsed.all("input") if a.get("name") == "account"]
    assert account["value"] == "123"
    assert [f["method"] for f in parsed.all("form")] == ["get"]


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ("severity=warning", lambda f: f.severity == "warning"),
        ("severity=critical&severity=high", lambda f: f.severity in ("critical", "high")),
        ("kind=self_grant", lambda f: f.kind == "self_grant"),
        ("kind=lockout,session_tag", lambda f: f.kind in ("lockout", "session_tag")),
        ("status=open", lambda f: f.status == "open"),
        ("account=222222222222", lambda f: f.account == "222222222222"),
        (f"account={ACCOUNT}&kind=denied_attempt", lambda f: f.kind == "denied_attempt"),
    ],
)
def test_filters_narrow_the_list(scenario: Scenario, query: str, wanted: Callable[[Finding], bool]) -> None:
    expected = [f.id for f in scenario.findings if wanted(f)]
    parsed = page(scenario.router, f"/findings?{query}")
    if expected:
        assert listed_ids(parsed) == expected
    else:
        assert listed_ids(parsed) == [] and "No findings match these filters" in parsed.text


def test_a_limit_is_kept_in_the_form_and_says_that_older_findings_are_hidden(scenario: Scenario) -> None:
    parsed = page(scenario.router, "/findings?limit=2")
    assert listed_ids(parsed) == [f.id for f in scenario.findings[:2]]
    assert "Only the newest 2 are listed" in parsed.text
    assert [a["value"] for a in parsed.all("input") if a.get("name") == "limit"] == ["2"]


def test_a_bad_filter_is_a_400_page_that_names_it_escaped(scenario: Scenario) -> None:
    parsed = page(scenario.router, "/findings?severity=%3Cb%3Eurgent%3C/b%3E", status=400)
    assert "The filter cannot be used: unknown severity '<b>urgent</b>'" in parsed.text
    assert parsed.all("b") == [] and listed_ids(parsed) == []
    assert_inert(parsed)


def test_empty_states_tell_no_findings_yet_from_no_match() -> None:
    store = open_store("sqlite:///:memory:")
    router = Router()
    install_pages(router, store, CompiledPolicy(parse_policy_document(POLICY)))
    assert "No findings yet" in page(router, "/findings").text
    assert "No findings match these filters" in page(router, "/findings?severity=info").text
    assert page(router, "/findings").all("table") == []


# -- one finding ----------------------------------------------------------------------------------------


def test_the_detail_shows_change_actor_target_history_rule_record_and_commands(scenario: Scenario) -> None:
    finding = scenario.one("self-grant-abusive", "self_grant")
    parsed = page(scenario.router, f"/findings/{finding.id}")
    shown = parsed.text
    assert "Self-grant: team" in shown and "critical" in shown.lower()
    assert "team : beta → alpha" in shown
    assert "Old value beta New value alpha" in shown
    assert "Principal arn:aws:iam::123456789012:role/dev-alpha" in shown
    assert "Session arn:aws:sts::123456789012:assumed-role/dev-alpha/alice" in shown
    assert "Target arn:aws:s3:::beta-data" in shown
    # the actor's own tags, and the target's history: the admin's "beta", then this event's "alpha"
    assert "Key Value team alpha" in shown
    history = shown.split("tag history")[1].split("Rule: why it fired")[0]
    this_event = "(this finding's event) team alpha arn:aws:iam::123456789012:role/dev-alpha"
    before = "team beta arn:aws:iam::123456789012:role/TagAdmin"
    assert this_event in history and history.index(this_event) < history.index(before)
    assert "builtin:self_grant" in shown and "ABAC keys team" in shown
    assert f"tagwarden findings ack {finding.id}" in shown
    assert f"tagwarden findings resolve {finding.id}" in shown
    raw = shown.split("Raw CloudTrail record")[1]
    assert f'"eventID": "{finding.event_id}"' in raw and '"Value": "alpha"' in raw
    assert_inert(parsed)


def test_a_policy_rule_is_described_with_its_writers_and_values(scenario: Scenario) -> None:
    finding = scenario.one("values-allowed-abusive", "disallowed_value")
    shown = page(scenario.router, f"/findings/{finding.id}").text
    assert "Rule team-writers" in shown
    assert "Tag keys team, access-*" in shown
    assert "principal arn:aws:iam::*:role/TagAdmin; or invoked by cloudformation.amazonaws.com" in shown
    assert "Allowed values one of alpha, beta, gamma" in shown


def test_a_rule_no_longer_in_the_policy_is_said_to_be_gone(scenario: Scenario) -> None:
    finding = scenario.one("values-allowed-abusive", "disallowed_value")
    with scenario.store.unit() as tx:
        tx.add_findings([replace(finding, id="tw-renamed", rule="renamed-rule")])
    shown = page(scenario.router, "/findings/tw-renamed").text
    assert "has no rule renamed-rule any more" in shown


def test_a_failed_call_shows_its_error_and_a_missing_record_says_so(scenario: Scenario) -> None:
    finding = scenario.one("denied-attempt-abusive", "denied_attempt")
    shown = page(scenario.router, f"/findings/{finding.id}").text
    assert "Outcome failed: AccessDenied" in shown
    with scenario.store.unit() as tx:
        tx.add_findings([replace(finding, id="tw-no-record", event_id="never-saved")])
    shown = page(scenario.router, "/findings/tw-no-record").text
    assert "The record of this event was not kept in the store." in shown


def test_an_unknown_finding_is_a_404_page_with_the_id_escaped(scenario: Scenario) -> None:
    parsed = page(scenario.router, "/findings/tw-%3Cscript%3Ealert(1)%3C%2Fscript%3E", status=404)
    assert "tagwarden has no finding with the id tw-<script>alert(1)</script>" in parsed.text
    assert_inert(parsed)


def test_the_list_address_with_a_slash_sends_to_the_list(scenario: Scenario) -> None:
    response = get(scenario.router, "/findings/")
    assert response.status == 308 and response.headers["Location"] == "../findings"


# -- attacker-controlled values ----------------------------------------------------------------------------


@pytest.mark.parametrize("value", [SCRIPT_VALUE, ATTRIBUTE_VALUE])
def test_markup_in_a_tag_value_is_shown_as_text_on_both_pages(scenario: Scenario, value: str) -> None:
    (finding,) = [f for f in scenario.findings if f.new_value == value and f.kind == "disallowed_value"]
    listing = get(scenario.router, "/findings")
    detail = get(scenario.router, f"/findings/{finding.id}")
    for response in (listing, detail):
        parsed = Parsed(response.body)
        assert value in parsed.text
        assert_inert(parsed)
        assert value.encode() not in response.body
    assert value in Parsed(detail.body).text.split("Raw CloudTrail record")[1]


def test_markup_in_a_target_arn_and_a_user_agent_is_shown_as_text(scenario: Scenario) -> None:
    (denied,) = [f for f in scenario.findings if f.event_id == "hostile-bucket"]
    assert HOSTILE_BUCKET in denied.target
    parsed = page(scenario.router, f"/findings/{denied.id}")
    assert f"Target arn:aws:s3:::{HOSTILE_BUCKET}" in parsed.text
    assert_inert(parsed)
    scripted = scenario.one("hostile-script", "disallowed_value")
    parsed = page(scenario.router, f"/findings/{scripted.id}")
    assert f"User agent {HOSTILE_AGENT}" in parsed.text
    assert_inert(parsed)


def test_invisible_and_reordering_characters_are_made_visible() -> None:
    assert text("alpha\u200b") == "alpha[U+200B]"
    assert text("arn:aws:s3:::\u202eatad-ateb") == "arn:aws:s3:::[U+202E]atad-ateb"
    assert value_text("") == '<code class="value" title="an empty string">&quot;&quot;</code>'
    assert "(none)" in value_text(None)


def test_attribute_values_and_children_are_escaped() -> None:
    made = el("a", "<b>", href='x" onclick="alert(1)', class_="c")
    assert made == '<a href="x&quot; onclick=&quot;alert(1)" class="c">&lt;b&gt;</a>'
    assert el("p", el("b", "ok"), "<i>") == "<p><b>ok</b>&lt;i&gt;</p>"


# -- the token -----------------------------------------------------------------------------------------------


def test_the_token_guards_the_pages(scenario: Scenario) -> None:
    router = Router(token=TOKEN, protected_prefixes=("/api", "/findings"))
    install_pages(router, scenario.store, CompiledPolicy(parse_policy_document(POLICY)))
    some = scenario.findings[0].id
    for target in ("/findings", f"/findings/{some}", "/findings?severity=high"):
        assert get(router, target).status == 401
        assert get(router, target, {"Authorization": "Bearer wrong"}).status == 401
        assert get(router, target, {"Authorization": f"Bearer {TOKEN}"}).status == 200


def test_links_are_relative_so_the_pages_work_under_a_proxy_path(scenario: Scenario) -> None:
    finding = scenario.findings[0]
    for target in ("/findings", f"/findings/{finding.id}", "/findings/tw-missing"):
        parsed = Parsed(get(scenario.router, target).body)
        hrefs = [str(attrs["href"]) for attrs in parsed.all("a")]
        assert hrefs and not [h for h in hrefs if h.startswith("/") or ":" in h], (target, hrefs)
        assert [f for f in parsed.all("form") if "action" in f] == []  # a form without action posts to itself
    assert "../findings" in [
        attrs["href"] for attrs in page(scenario.router, f"/findings/{finding.id}").all("a")
    ]


def test_a_revert_shows_its_status_on_the_page_and_in_the_api(scenario: Scenario) -> None:
    finding = scenario.one("values-allowed-abusive", "disallowed_value")
    api = Router()
    install_api(api, scenario.store)
    before = json.loads(get(api, f"/api/findings/{finding.id}").body)
    assert before["finding"]["remediation"] is None
    assert "Revert" not in page(scenario.router, f"/findings/{finding.id}").text
    scenario.store.set_remediation(finding.id, "planned", "dry_run: would set team=alpha", None)
    detail = json.loads(get(api, f"/api/findings/{finding.id}").body)
    assert detail["finding"]["remediation"] == {
        "status": "planned",
        "detail": "dry_run: would set team=alpha",
    }
    assert (
        "Revert planned : dry_run: would set team=alpha"
        in page(scenario.router, f"/findings/{finding.id}").text
    )
