"""The on-call pages in headless Chromium, served by the real daemon behind a bearer token.

The daemon reads the scenario of tests/abac_cases.py (plus records whose tag values, a bucket name and a
user agent carry markup) from S3 through SQS on moto. Chromium, driven by Playwright, opens the list and
detail pages as an on-call engineer would and writes screenshots to test-artifacts/. Chromium is
required: without it these tests fail (the test command installs Debian's ``chromium``).
"""

from __future__ import annotations

import json
import os
import re
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright

from tagwarden.adapters.http.pages.markup import CONTENT_SECURITY_POLICY
from tests.adapters.http.test_pages import (
    ATTRIBUTE_VALUE,
    HOSTILE_AGENT,
    HOSTILE_BUCKET,
    SCRIPT_VALUE,
    hostile_records,
)
from tests.builders.abac_cases import ACCOUNT, POLICY, ROLES, USERS, CaseLog
from tests.e2e.support import DaemonProcess, Deployment, seed_principals, sqs_source, wait_until

pytestmark = pytest.mark.e2e

TOKEN = "oncall-view-token"
CHROMIUM = Path(os.environ.get("TAGWARDEN_CHROMIUM", "/usr/bin/chromium"))
# Headless, and nothing that reaches for the network: the machine has none, and the pages need none.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
HOSTILE_EVENTS = ("hostile-script", "hostile-attribute", "hostile-bucket")


@dataclass
class Served:
    daemon: DaemonProcess
    records: dict[str, dict[str, Any]]  # by eventID
    findings: list[dict[str, Any]]

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.daemon.port}"

    def finding(self, **fields: Any) -> dict[str, Any]:
        (found,) = [f for f in self.findings if all(f[k] == v for k, v in fields.items())]
        return found


@dataclass
class Visit:
    """A browser tab that sends the token and records what the pages ask for, say and pop up."""

    page: Page
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def served(moto_endpoint: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AWS_ENDPOINT_URL", moto_endpoint)
        patch.setenv("AWS_ACCESS_KEY_ID", "testing")
        patch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
        patch.setenv("AWS_DEFAULT_REGION", "us-east-1")
        patch.setenv("TAGWARDEN_HTTP__TOKEN", TOKEN)
        urllib.request.urlopen(
            urllib.request.Request(f"{moto_endpoint}/moto-api/reset", method="POST"), timeout=10
        ).close()
        seed_principals(ROLES, USERS)
        deployment = Deployment.create("oncall")
        records = [*CaseLog().build().records, *hostile_records()]
        deployment.put_log(ACCOUNT, records)
        daemon = DaemonProcess(tmp_path_factory.mktemp("oncall"), POLICY, sqs_source(deployment))
        try:
            daemon.start()
            wait_until(lambda: deployment.depth() == 0, 60, "the daemon to take the log off the queue")
            findings = wait_until(
                lambda: (
                    (f := daemon.findings_in_db()) and set(HOSTILE_EVENTS) <= {x["event_id"] for x in f} and f
                ),
                30,
                "the findings of the hostile records",
            )
            yield Served(daemon, {str(r["eventID"]): r for r in records}, findings)
        finally:
            daemon.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: install Debian's chromium (or set TAGWARDEN_CHROMIUM)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def visit(browser: Browser, served: Served) -> Iterator[Visit]:
    context = browser.new_context(
        viewport={"width": 1440, "height": 900}, extra_http_headers={"Authorization": f"Bearer {TOKEN}"}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    seen = Visit(page)
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("dialog", lambda dialog: (seen.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: message.type == "error" and seen.console_errors.append(message.text))
    yield seen
    context.close()


def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def open_page(visit: Visit, url: str) -> Page:
    response = visit.page.goto(url)
    assert response is not None and response.status == 200, url
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    return visit.page


def definition(page: Page, section: str, label: str) -> Locator:
    """The value next to ``label`` in a section's list of definitions."""
    return page.get_by_role("region", name=section).locator(f"dt:text-is('{label}') + dd")


def assert_nothing_ran(visit: Visit) -> None:
    assert visit.page.locator("script, img, svg, iframe, object, embed").count() == 0
    assert visit.dialogs == []
    assert visit.console_errors == []  # a script the CSP blocked would be reported here


def test_the_list_shows_every_finding_of_the_scenario(visit: Visit, served: Served) -> None:
    page = open_page(visit, f"{served.base}/findings")
    rows = page.locator("table.findings tbody tr")
    expect(rows).to_have_count(len(served.findings))
    for finding in served.findings:
        row = rows.filter(has=page.locator(f"a[href$='/{finding['id']}']"))
        expect(row).to_have_count(1)
        expect(row.locator(".sev")).to_have_text(finding["severity"])
        expect(row).to_contain_text(finding["target"])
        expect(row).to_contain_text(finding["actor"])
    expect(page.locator("table.findings caption")).to_contain_text("newest event first")
    screenshot(page, "findings-list.png")
    assert_nothing_ran(visit)


def test_the_filter_form_narrows_the_list(visit: Visit, served: Served) -> None:
    page = open_page(visit, f"{served.base}/findings")
    page.get_by_label("critical", exact=True).check()
    page.get_by_label("Kind").select_option("self_grant")
    page.get_by_role("button", name="Show findings").click()
    expect(page).to_have_url(re.compile(r"/findings\?severity=critical&kind=self_grant"))
    wanted = [f for f in served.findings if f["severity"] == "critical" and f["kind"] == "self_grant"]
    assert len(wanted) == 1
    rows = page.locator("table.findings tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.get_by_role("link")).to_have_attribute("href", f"findings/{wanted[0]['id']}")
    expect(page.get_by_label("critical", exact=True)).to_be_checked()


def test_a_detail_page_shows_actor_target_old_and_new_value_and_the_raw_record(
    visit: Visit, served: Served
) -> None:
    finding = served.finding(kind="self_grant")
    page = open_page(visit, f"{served.base}/findings?kind=self_grant")
    page.get_by_role("link", name="Self-grant").click()
    expect(page).to_have_url(f"{served.base}/findings/{finding['id']}")
    expect(page.get_by_role("heading", level=1)).to_have_text("critical Self-grant: team")
    expect(definition(page, "The change", "Old value")).to_have_text("beta")
    expect(definition(page, "The change", "New value")).to_have_text("alpha")
    expect(definition(page, "Actor: who made the change", "Principal")).to_have_text(finding["actor"])
    expect(definition(page, "Actor: who made the change", "Session")).to_have_text(finding["actor_session"])
    expect(definition(page, "Target: what was changed", "Target")).to_have_text("arn:aws:s3:::beta-data")
    history = page.get_by_role("region", name="Target: what was changed").locator("tr.this-event")
    expect(history).to_contain_text("alpha")
    expect(page.get_by_role("region", name="Rule: why it fired")).to_contain_text("builtin:self_grant")
    expect(page.get_by_role("region", name="Acknowledge or resolve")).to_contain_text(
        f"tagwarden findings ack {finding['id']}"
    )
    raw = page.get_by_role("region", name="Raw CloudTrail record").locator("pre").inner_text()
    assert json.loads(raw) == served.records[finding["event_id"]]
    screenshot(page, "finding-detail.png")
    assert_nothing_ran(visit)


@pytest.mark.parametrize("value", [SCRIPT_VALUE, ATTRIBUTE_VALUE])
def test_markup_in_a_tag_value_is_shown_as_text_and_never_runs(
    visit: Visit, served: Served, value: str
) -> None:
    finding = served.finding(kind="disallowed_value", new_value=value)
    page = open_page(visit, f"{served.base}/findings/{finding['id']}")
    expect(definition(page, "The change", "New value")).to_have_text(value)
    expect(page.locator(".explanation")).to_contain_text(value)
    expect(page.get_by_role("region", name="Raw CloudTrail record")).to_contain_text(value)
    if value == SCRIPT_VALUE:
        expect(definition(page, "Actor: who made the change", "User agent")).to_have_text(HOSTILE_AGENT)
        screenshot(page, "finding-detail-hostile-values.png")
    assert_nothing_ran(visit)


def test_markup_in_a_target_arn_is_shown_as_text_on_both_pages(visit: Visit, served: Served) -> None:
    finding = served.finding(event_id="hostile-bucket", kind="denied_attempt")
    page = open_page(visit, f"{served.base}/findings?kind=denied_attempt")
    expect(page.locator("table.findings tbody")).to_contain_text(f"arn:aws:s3:::{HOSTILE_BUCKET}")
    assert_nothing_ran(visit)
    page = open_page(visit, f"{served.base}/findings/{finding['id']}")
    expect(definition(page, "Target: what was changed", "Target")).to_have_text(
        f"arn:aws:s3:::{HOSTILE_BUCKET}"
    )
    assert_nothing_ran(visit)


def test_the_pages_fetch_nothing_but_themselves(visit: Visit, served: Served) -> None:
    page = open_page(visit, f"{served.base}/findings")
    page.get_by_role("button", name="Show findings").click()
    page.get_by_role("link", name="Lockout").first.click()
    page.get_by_role("link", name="← All findings").click()
    expect(page).to_have_url(f"{served.base}/findings")
    assert len(visit.requests) == 4
    assert all(url.startswith(f"{served.base}/findings") for url in visit.requests), visit.requests


def test_without_the_token_the_pages_are_refused_and_metrics_stay_open(
    browser: Browser, served: Served
) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        for path, status in (
            ("/findings", 401),
            (f"/findings/{served.findings[0]['id']}", 401),
            ("/metrics", 200),
        ):
            response = page.goto(f"{served.base}{path}")
            assert response is not None and response.status == status, path
    finally:
        context.close()
