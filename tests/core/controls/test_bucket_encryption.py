"""PutBucketEncryption on a bucket CloudTrail delivers to, or a source reads from: an SSE-KMS default
can stop delivery (CloudTrail not allowed the key) or reading (tagwarden not allowed to decrypt)."""

from __future__ import annotations

import pytest

from tagwarden.core.controls import DeliveryPath, is_control_call
from tests.core.controls import records as r
from tests.core.controls.judging import judged_on as judged

OTHER_KEY = f"arn:aws:kms:{r.REGION}:999999999999:key/0000aaaa-0000-0000-0000-00000000beef"
SOURCE_BUCKET = "org-log-archive"


def unencrypted_trail() -> DeliveryPath:
    """A trail with no KMS key of its own (its log files take the bucket's default), and a files
    source reading another bucket."""
    path = DeliveryPath()
    path.learn(r.create_trail())
    path.add_source_bucket(SOURCE_BUCKET, "archive")
    return path


@pytest.mark.parametrize(
    ("defaults", "named"),
    [
        ((("aws:kms", OTHER_KEY),), f"KMS key {OTHER_KEY}"),
        ((("aws:kms:dsse", OTHER_KEY),), f"KMS key {OTHER_KEY}"),
        ((("aws:kms", None),), "the AWS managed key aws/s3"),
    ],
)
def test_sse_kms_default_on_the_trail_bucket_is_critical(
    defaults: tuple[tuple[str, str | None]], named: str
) -> None:
    finding = judged(r.put_bucket_encryption(*defaults), unencrypted_trail())
    assert finding is not None and finding.severity == "critical"
    assert finding.kind == "control_tamper" and finding.target == f"arn:aws:s3:::{r.TRAIL_BUCKET}"
    assert named in finding.explanation
    assert "CloudTrail may generate data keys" in finding.explanation
    assert "tagwarden may decrypt" in finding.explanation


def test_a_list_of_rules_is_read_too() -> None:
    flagged = judged(r.put_bucket_encryption(("aws:kms", OTHER_KEY), as_list=True), unencrypted_trail())
    assert flagged is not None and OTHER_KEY in flagged.explanation
    assert judged(r.put_bucket_encryption(("AES256", None), as_list=True), unencrypted_trail()) is None


def test_sse_s3_default_takes_nothing_away() -> None:
    assert judged(r.put_bucket_encryption(("AES256", None)), unencrypted_trail()) is None


def test_a_configuration_the_record_does_not_give_is_flagged_as_unknown() -> None:
    finding = judged(r.put_bucket_encryption(), unencrypted_trail())
    assert finding is not None and finding.severity == "critical"
    assert "does not say to what" in finding.explanation
    odd = judged(r.put_bucket_encryption(("aws:fancy", None)), unencrypted_trail())
    assert odd is not None and "does not say to what" in odd.explanation


def test_a_bucket_a_source_reads_is_flagged() -> None:
    finding = judged(
        r.put_bucket_encryption(("aws:kms", OTHER_KEY), bucket=SOURCE_BUCKET), unencrypted_trail()
    )
    assert finding is not None and finding.severity == "critical"
    assert "source 'archive' reads log files from" in finding.explanation


def test_another_bucket_is_not_flagged() -> None:
    assert (
        judged(r.put_bucket_encryption(("aws:kms", OTHER_KEY), bucket="team-alpha-data"), unencrypted_trail())
        is None
    )


def test_a_trail_with_its_own_key_makes_it_info() -> None:
    path = unencrypted_trail()
    path.learn(r.update_trail({"kmsKeyId": r.KEY_ARN}))
    finding = judged(r.put_bucket_encryption(("aws:kms", OTHER_KEY)), path)
    assert finding is not None and finding.severity == "info"
    assert "encrypts its log files with a KMS key of its own" in finding.explanation


def test_listed_writer_is_info_and_a_failed_attempt_a_warning() -> None:
    by_admin = judged(r.put_bucket_encryption(("aws:kms", OTHER_KEY), actor=r.ADMIN), unencrypted_trail())
    assert by_admin is not None and by_admin.severity == "info"
    failed = judged(
        r.put_bucket_encryption(("aws:kms", OTHER_KEY), error="AccessDenied"), unencrypted_trail()
    )
    assert failed is not None and failed.severity == "warning"


def test_the_reader_keeps_the_record() -> None:
    assert is_control_call("s3.amazonaws.com", "PutBucketEncryption")


def test_a_trail_that_gave_up_its_key_takes_the_default_again() -> None:
    """Two steps, the first flagging nothing (encryption removed is not blinding): the trail's key
    taken away, then the bucket's default pointed at a key CloudTrail may not use."""
    path = unencrypted_trail()
    path.learn(r.update_trail({"kmsKeyId": r.KEY_ARN}))
    assert judged(r.update_trail({"kmsKeyId": ""}), path) is None
    path.learn(r.update_trail({"kmsKeyId": ""}))
    finding = judged(r.put_bucket_encryption(("aws:kms", OTHER_KEY)), path)
    assert finding is not None and finding.severity == "critical"


def test_what_aws_describes_now_replaces_what_events_taught_of_the_key() -> None:
    path = unencrypted_trail()
    path.learn(r.update_trail({"kmsKeyId": r.KEY_ARN}))
    read = DeliveryPath()
    # DescribeTrails: every setting the trail has, and no KmsKeyId among them.
    read.learn_trail({"trailARN": r.trail_arn(), "s3BucketName": r.TRAIL_BUCKET}, whole=True)
    path.merge(read)
    assert not path.encrypts_with_own_key(r.trail_arn())
    again = DeliveryPath()
    again.learn_trail(
        {"trailARN": r.trail_arn(), "s3BucketName": r.TRAIL_BUCKET, "kmsKeyId": r.KEY_ARN}, whole=True
    )
    path.merge(again)
    assert path.encrypts_with_own_key(r.trail_arn())
    # A response that does not name the key (an UpdateTrail of another setting) changes nothing.
    path.learn(r.update_trail({"enableLogFileValidation": True}))
    assert path.encrypts_with_own_key(r.trail_arn())
