"""The list's filter form in headless Chromium: what the form sends again is what the address asked for.

The pages are served by the real HttpServer over a SQLite store holding a few findings; Chromium is
Debian's ``chromium``, driven by Playwright, as in tests/e2e/test_oncall_view.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, sync_playwright

from tagwarden.adapters.http import Router
from tagwarden.adapters.http.pages import install_pages
from tagwarden.adapters.http.server import HttpServer
from tagwarden.adapters.store import open_store
from tagwarden.app.logs import get_logger
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tests.builders.findings import make_finding

CHROMIUM = Path(os.environ.get("TAGWARDEN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
KINDS = ("lockout", "session_tag", "self_grant")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('form') / 'state.db'}")
    with store.unit() as tx:
        tx.add_findings(
            [
                make_finding(id=f"tw-{kind}", kind=kind, event_id=f"e-{kind}", severity="high")
                for kind in KINDS
            ]
        )
    router = Router()
    install_pages(router, store, CompiledPolicy(parse_policy_document({"version": 1, "abac_keys": ["team"]})))
    server = HttpServer("127.0.0.1", 0, router, get_logger(), workers=2)
    server.start()
    host, port = server.address
    yield f"http://{host}:{port}"
    server.stop()
    store.close()


@pytest.fixture(scope="module")
def page() -> Iterator[Page]:
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: install Debian's chromium (or set TAGWARDEN_CHROMIUM)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        opened = browser.new_page()
        opened.set_default_timeout(10_000)
        yield opened
        browser.close()


def _listed(page: Page) -> set[str]:
    return {
        href.rsplit("/", 1)[1]
        for href in page.locator("table.findings a").evaluate_all("a => a.map(x => x.getAttribute('href'))")
    }


def test_submitting_the_form_keeps_every_kind_the_address_asked_for(base: str, page: Page) -> None:
    page.goto(f"{base}/findings?kind=lockout&kind=session_tag")
    assert _listed(page) == {"tw-lockout", "tw-session_tag"}
    page.get_by_role("checkbox", name="open").check()  # narrow by status, as an engineer would
    page.get_by_role("button", name="Show findings").click()
    page.wait_for_load_state()
    asked = parse_qs(urlsplit(page.url).query)
    assert sorted(asked.get("kind", [])) == ["lockout", "session_tag"], page.url
    assert _listed(page) == {"tw-lockout", "tw-session_tag"}
