"""The list under a limit of 0: it lists nothing, and must not say that nothing was found."""

from __future__ import annotations

import html
import re

from tagwarden.adapters.http import Request, Router
from tagwarden.adapters.http.pages import install_pages
from tagwarden.adapters.store import open_store
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tests.builders.findings import make_finding


def _shown(target: str) -> str:
    store = open_store("sqlite:///:memory:")
    with store.unit() as tx:
        tx.add_findings([make_finding()])
    router = Router()
    install_pages(router, store, CompiledPolicy(parse_policy_document({"version": 1, "abac_keys": ["team"]})))
    response = router.dispatch(Request.from_target("GET", target, {}))
    store.close()
    assert response.status == 200
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.body.decode())))


def test_a_limit_of_0_does_not_claim_there_are_no_findings() -> None:
    for target in ("/findings?limit=0", "/findings?severity=critical&limit=0"):
        shown = _shown(target)
        assert "No findings yet" not in shown and "No findings match" not in shown, target
        assert "limit=0 lists no findings" in shown, target
