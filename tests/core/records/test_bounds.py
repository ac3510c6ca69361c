"""tag_record_bounds refuses a record whose change holds text the store cannot keep (a lone UTF-16
surrogate, which json.loads gives for ``\\ud800``), wherever in the change it is: the store keeps every
text of a change (its tags, its history, the change itself to judge it again)."""

from __future__ import annotations

from typing import Any

import pytest

from tagwarden.app.demo.records import Caller, record, s3_tagging
from tagwarden.core.normalize import Normalizer
from tagwarden.core.records.bounds import tag_record_bounds

DEV = Caller("111111111111", "dev", session="dev", access_key_id="ASIADEV0000000000001")


def _judged(edit: Any = None, **fields: Any) -> tuple[str, str] | None:
    put = record(
        DEV,
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging("b", {"team": "a"}),
        time="2024-05-01T10:00:00Z",
    )
    put.update(fields)
    if edit is not None:
        edit(put)
    normalized = Normalizer().normalize(put)
    assert normalized.changes, "the record must stay a tag write for the bound to be what is tested"
    return tag_record_bounds(put, normalized.changes, normalized.session)


def test_a_plain_tag_write_is_within_bounds() -> None:
    assert _judged() is None


@pytest.mark.parametrize(
    "edit",
    [
        lambda r: r["userIdentity"].update(type="AssumedRole\ud800"),
        lambda r: r["userIdentity"].update(accountId="1111\ud800"),
        lambda r: r["userIdentity"].update(accessKeyId="ASIA\ud800"),
        lambda r: r.update(userAgent="aws-cli\ud800"),
        lambda r: r.update(sourceIPAddress="198.51.100.7\ud800"),
        lambda r: r.update(awsRegion="us-east-1\ud800"),
        lambda r: r.update(errorCode="AccessDenied\ud800"),
        lambda r: r.update(eventID="e\ud800"),
        lambda r: r.update(requestParameters=s3_tagging("b", {"team\ud800": "a"})),
        lambda r: r.update(requestParameters=s3_tagging("b", {"team": "a\ud800"})),
    ],
    ids=["identity-type", "identity-account", "access-key", "user-agent", "source-ip", "region",
         "error-code", "event-id", "tag-key", "tag-value"],
)  # fmt: skip
def test_a_lone_surrogate_anywhere_in_the_change_is_refused(edit: Any) -> None:
    assert _judged(edit) is not None and _judged(edit)[0] == "not_unicode"  # type: ignore[index]
