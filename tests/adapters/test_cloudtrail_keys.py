"""CloudTrailKeys asks ListPublicKeys once a region for the times it covers, and again only when a
part's digests reach past what the region was asked for: earlier, or delivered after the asking."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tagwarden.adapters.public_keys import CloudTrailKeys
from tests.core.integrity.test_public_keys import FakeCloudTrail, Key

NOW = datetime.now(UTC)


def _key(fingerprint: str, start: datetime, end: datetime) -> Key:
    return {
        "Fingerprint": fingerprint,
        "Value": fingerprint.encode(),
        "ValidityStartTime": start,
        "ValidityEndTime": end,
    }


OLD = _key("0ld", NOW - timedelta(days=400), NOW - timedelta(days=150))
CURRENT = _key("c0ffee", NOW - timedelta(days=150), NOW + timedelta(days=30))


def _keys(
    span: tuple[datetime, datetime] | None = None, served: list[Key] | None = None
) -> tuple[CloudTrailKeys, dict[str, list[tuple[datetime, datetime]]]]:
    """CloudTrailKeys over a fake ListPublicKeys serving ``served`` (OLD and CURRENT by default)."""
    calls: dict[str, list[tuple[datetime, datetime]]] = {}
    serving = served if served is not None else [OLD, CURRENT]
    keys = CloudTrailKeys(lambda region: FakeCloudTrail(serving, calls.setdefault(region, [])), span)
    return keys, calls


def test_a_window_is_asked_once_a_region_whatever_its_parts_cover() -> None:
    keys, calls = _keys((NOW - timedelta(hours=48), NOW))
    for hours in (40, 20, 1):
        keys.cover((NOW - timedelta(hours=hours), NOW - timedelta(minutes=hours)))
        assert keys("us-east-1", "C0FFEE") == b"c0ffee"
        assert keys("eu-west-1", "0ld") is None  # rotated out long before the window
    assert sorted(calls) == ["eu-west-1", "us-east-1"]
    ((start, end),) = calls["us-east-1"]
    assert start == NOW - timedelta(hours=49) and NOW <= end <= datetime.now(UTC)


def test_a_part_with_earlier_digests_asks_again_from_then() -> None:
    keys, calls = _keys()
    keys.cover((NOW - timedelta(days=2), NOW - timedelta(days=1)))
    assert keys("us-east-1", "0ld") is None
    old_digest = NOW - timedelta(days=200)
    keys.cover((old_digest, NOW - timedelta(days=199)))
    assert keys("us-east-1", "0ld") == b"0ld"
    keys.cover((NOW - timedelta(days=3), NOW - timedelta(days=2)))  # inside what was asked: no call
    assert keys("us-east-1", "c0ffee") == b"c0ffee"
    assert [start for start, _ in calls["us-east-1"]] == [
        NOW - timedelta(days=2, hours=1),
        old_digest - timedelta(hours=1),
    ]


def test_a_key_put_in_use_after_the_asking_is_asked_for_once() -> None:
    served = [OLD, CURRENT]
    keys, calls = _keys((NOW - timedelta(hours=48), NOW), served)
    assert keys("us-east-1", "c0ffee") == b"c0ffee"
    (asked,) = calls["us-east-1"]
    served.append(_key("n3w", NOW, NOW + timedelta(days=30)))  # rotated in after the asking
    keys.cover((NOW - timedelta(hours=1), datetime.now(UTC)))  # a digest delivered since
    assert keys("us-east-1", "c0ffee") == b"c0ffee"  # found: nothing asked
    assert len(calls["us-east-1"]) == 1
    assert keys("us-east-1", "n3w") == b"n3w"
    assert len(calls["us-east-1"]) == 2 and calls["us-east-1"][1][1] > asked[1]


def test_a_digest_named_for_the_future_asks_no_more_than_once() -> None:
    keys, calls = _keys((NOW - timedelta(hours=48), NOW))
    assert keys("us-east-1", "c0ffee") == b"c0ffee"
    keys.cover((NOW - timedelta(hours=1), NOW + timedelta(days=365)))
    for _ in range(5):
        assert keys("us-east-1", "f0rged") is None
    assert len(calls["us-east-1"]) == 2


def test_nothing_covered_asks_for_the_current_key() -> None:
    keys, calls = _keys()
    assert keys("us-east-1", "c0ffee") == b"c0ffee"
    ((start, end),) = calls["us-east-1"]
    assert NOW <= start == end <= datetime.now(UTC)
