"""Finding a trail's log objects under an S3 prefix, against moto."""

from __future__ import annotations

from datetime import UTC, datetime

import boto3
import pytest

from tagwarden.adapters.sources.s3_objects import Window, list_log_keys, list_log_objects

BUCKET = "trail-logs"
TRAIL = "AWSLogs/111122223333/CloudTrail"


def _key(region: str, day: int, hour: int) -> str:
    return (
        f"{TRAIL}/{region}/2024/01/{day:02d}/"
        f"111122223333_CloudTrail_{region}_202401{day:02d}T{hour:02d}05Z_u{day}{hour}.json.gz"
    )


@pytest.fixture
def trail(aws: str) -> list[str]:
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket=BUCKET)
    keys = [_key(region, day, 10) for region in ("eu-west-1", "us-east-1") for day in (1, 2, 3)]
    keys.append(f"{TRAIL}/us-east-1/2023/12/31/111122223333_CloudTrail_us-east-1_20231231T1005Z_x.json.gz")
    for key in keys:
        s3.put_object(Bucket=BUCKET, Key=key, Body=b"{}")
    return keys


@pytest.mark.parametrize(
    "prefix",
    [
        "",
        "AWSLogs/",
        f"{TRAIL}/us-east-1",
        f"{TRAIL}/us-east-1/",
        f"{TRAIL}/us-east-1/2024",
        f"{TRAIL}/us-east-1/2024/",
        f"{TRAIL}/us-east-1/2024/01",
        f"{TRAIL}/us-east-1/2024/01/",
    ],
)
def test_a_window_finds_the_same_logs_from_any_level_of_the_trail(trail: list[str], prefix: str) -> None:
    window = Window(datetime(2024, 1, 2, tzinfo=UTC), datetime(2024, 1, 3, 23, 59, tzinfo=UTC))
    found = list_log_keys(boto3.client("s3"), BUCKET, prefix, window)
    expected = [_key(region, day, 10) for day in (2, 3) for region in ("eu-west-1", "us-east-1")]
    assert found == [k for k in expected if k.startswith(prefix)]


def test_a_window_over_logs_outside_the_trail_layout_still_finds_them(aws: str) -> None:
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket=BUCKET)
    key = "copied/111122223333_CloudTrail_us-east-1_20240102T1005Z_u.json.gz"
    s3.put_object(Bucket=BUCKET, Key=key, Body=b"{}")
    window = Window(datetime(2024, 1, 2, tzinfo=UTC), datetime(2024, 1, 3, tzinfo=UTC))
    assert list_log_keys(s3, BUCKET, "copied/", window) == [key]


def test_only_log_files_are_listed_as_the_local_files_source_takes_them(trail: list[str]) -> None:
    """The files source takes the same files from S3 as from a folder: a log suffix, outside the
    digest and Insights folders."""
    s3 = boto3.client("s3")
    day = f"{TRAIL}/us-east-1/2024/01/02/"
    others = [
        f"{day}README.txt",
        f"{day}111122223333_CloudTrail_us-east-1_20240102T1005Z_u.json.gz.tmp",
        f"{day}",  # a folder marker
        "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/01/02/d_20240102T110000Z.json.gz",
    ]
    for key in others:
        s3.put_object(Bucket=BUCKET, Key=key, Body=b"{}")
    window = Window(datetime(2024, 1, 2, tzinfo=UTC), datetime(2024, 1, 2, 23, 59, tzinfo=UTC))
    for listed in (
        list_log_keys(s3, BUCKET, f"{TRAIL}/us-east-1/2024/01/02/", window),
        list_log_keys(s3, BUCKET, day, Window(None, None)),
    ):
        assert listed == [_key("us-east-1", 2, 10)]


def test_the_listing_gives_each_log_objects_size(aws: str) -> None:
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket=BUCKET)
    keys = [f"copied/111122223333_CloudTrail_us-east-1_20240102T10{m:02d}Z_u.json.gz" for m in (5, 0)]
    for length, key in enumerate(keys, start=1):
        s3.put_object(Bucket=BUCKET, Key=key, Body=b"x" * length * 1000)
    found = list_log_objects(s3, BUCKET, "copied/", Window(None, None))
    assert found == [(keys[1], 2000), (keys[0], 1000)]  # in time order, with their sizes
