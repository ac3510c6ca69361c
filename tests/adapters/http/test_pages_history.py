"""The target's tag history on a finding's page: bounded, and saying so when it is cut.

Whoever can tag a resource can bury a finding's event under newer changes of the same resource (a few
hundred TagResource calls are cheap). The page shows a bounded history; it must not present the newest
changes as if they were all there is, nor leave the reader looking for the finding's own event.
"""

from __future__ import annotations

import html
import io
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tagwarden.adapters.http import Request, Router
from tagwarden.adapters.http.endpoints import HISTORY_LIMIT, install_api
from tagwarden.adapters.http.pages import install_pages
from tagwarden.adapters.store import Store
from tagwarden.app.demo.records import Caller, record, s3_tagging
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.records import iter_records
from tests.builders.abac_cases import ADMIN, ALICE, POLICY
from tests.builders.abac_processor import abac_processor


def _at(minute: int) -> str:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    return (start + timedelta(minutes=minute)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _store_with(later_changes: int) -> Store:
    """The admin tags beta-data, alice moves it into her team, then ``later_changes`` retags of
    another key by alice bury her change."""
    store, processor = abac_processor()

    def put(caller: Caller, tags: dict[str, str], minute: int, event_id: str | None = None) -> dict[str, Any]:
        tagging = s3_tagging("beta-data", tags)
        return record(
            caller, "s3.amazonaws.com", "PutBucketTagging", tagging, time=_at(minute), event_id=event_id
        )

    records = [put(ADMIN, {"team": "beta"}, 0), put(ALICE, {"team": "alpha"}, 1, "grant")]
    records += [put(ALICE, {"team": "alpha", "n": str(n)}, 2 + n) for n in range(later_changes)]
    body = json.dumps({"Records": records}).encode()
    assert processor.process(iter_records(io.BytesIO(body)), source="test", unit="history").ok
    return store


@pytest.fixture(scope="module")
def buried() -> Iterator[Store]:
    store = _store_with(HISTORY_LIMIT + 5)
    yield store
    store.close()


def _shown(store: Store, target: str) -> str:
    router = Router()
    install_pages(router, store, CompiledPolicy(parse_policy_document(POLICY)))
    response = router.dispatch(Request.from_target("GET", target, {}))
    assert response.status == 200
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.body.decode())))


def _grant_id(store: Store) -> str:
    (finding,) = [f for f in store.list_findings() if f.event_id == "grant" and f.kind == "self_grant"]
    return finding.id


def test_a_cut_history_says_so_and_that_the_findings_event_is_older(buried: Store) -> None:
    shown = _shown(buried, f"/findings/{_grant_id(buried)}")
    history = shown.split("tag history")[1].split("Rule: why it fired")[0]
    assert history.count("PutBucketTagging") == HISTORY_LIMIT
    assert f"Only the newest {HISTORY_LIMIT} changes of this target are shown" in shown
    assert "this finding's event is older" in shown


def test_the_api_says_the_history_was_cut(buried: Store) -> None:
    api = Router()
    install_api(api, buried)
    request = Request.from_target("GET", f"/api/findings/{_grant_id(buried)}", {})
    detail = json.loads(api.dispatch(request).body)
    assert len(detail["target_history"]) == HISTORY_LIMIT
    assert detail["target_history_truncated"] is True


def test_a_whole_history_carries_no_notice() -> None:
    store = _store_with(3)
    shown = _shown(store, f"/findings/{_grant_id(store)}")
    assert "Only the newest" not in shown and "(this finding's event)" in shown
    store.close()
