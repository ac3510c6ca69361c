"""The actor's tags on a finding's page are the tags the finding was judged with: a role's tags
overridden by the session tags of the session that made the call.

Bob assumes dev-beta (team=beta) passing the session tag team=alpha, then, with that session, moves
beta-data into team alpha: a self-grant, because the session's team is alpha. A page that shows only
the role's team=beta next to "the new value is the actor's own 'team' value" contradicts itself.
"""

from __future__ import annotations

import html
import io
import json
import re
from collections.abc import Iterator

import pytest

from tagwarden.adapters.http import Request, Router
from tagwarden.adapters.http.endpoints import install_api
from tagwarden.adapters.http.pages import install_pages
from tagwarden.adapters.store import Store
from tagwarden.app.demo.records import Caller, record, s3_tagging
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.records import iter_records
from tests.builders.abac_cases import ACCOUNT, ADMIN, BOB, POLICY
from tests.builders.abac_processor import abac_processor

SESSION_KEY = "ASIABOBALPHASESSION1"
T0 = "2026-01-01T00:00:00Z"
SESSION = Caller(ACCOUNT, "dev-beta", session="bob-alpha", access_key_id=SESSION_KEY)


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    opened, processor = abac_processor()
    assume = {
        "roleArn": f"arn:aws:iam::{ACCOUNT}:role/dev-beta",
        "roleSessionName": "bob-alpha",
        "tags": [{"key": "team", "value": "alpha"}],
    }
    issued = {
        "credentials": {"accessKeyId": SESSION_KEY},
        "assumedRoleUser": {"arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/dev-beta/bob-alpha"},
    }
    s3 = "s3.amazonaws.com"
    records = [
        record(ADMIN, s3, "PutBucketTagging", s3_tagging("beta-data", {"team": "beta"}), time=T0),
        record(BOB, "sts.amazonaws.com", "AssumeRole", assume, response=issued, time="2026-01-01T00:01:00Z"),
        record(
            SESSION, s3, "PutBucketTagging", s3_tagging("beta-data", {"team": "alpha"}),
            time="2026-01-01T00:02:00Z", event_id="grant",
        ),
    ]  # fmt: skip
    body = json.dumps({"Records": records}).encode()
    assert processor.process(iter_records(io.BytesIO(body)), source="test", unit="session").ok
    yield opened
    opened.close()


def _grant(store: Store) -> str:
    (finding,) = [f for f in store.list_findings() if f.event_id == "grant" and f.kind == "self_grant"]
    return finding.id


def test_the_actor_section_shows_the_session_tag_the_finding_was_judged_with(store: Store) -> None:
    router = Router()
    install_pages(router, store, CompiledPolicy(parse_policy_document(POLICY)))
    response = router.dispatch(Request.from_target("GET", f"/findings/{_grant(store)}", {}))
    shown = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.body.decode())))
    actor = shown.split("Actor: who made the change")[1].split("Target: what was changed")[0]
    assert "team alpha session tag" in actor
    assert "team beta role or user tag, overridden by the session tag" in actor


def test_the_api_gives_the_session_tags(store: Store) -> None:
    api = Router()
    install_api(api, store)
    detail = json.loads(api.dispatch(Request.from_target("GET", f"/api/findings/{_grant(store)}", {})).body)
    assert detail["actor_tags"] == {"team": "beta"}
    assert detail["actor_session_tags"] == {"team": "alpha"}
