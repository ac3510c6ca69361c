"""What tagwarden learns of the delivery path as calls pass, and the calls it can only half judge."""

from __future__ import annotations

from tagwarden.core.controls import DeliveryPath, classify
from tests.core.controls import records as r
from tests.core.controls.test_classify import delivery, judged

# AWS Health's own events only: no CloudTrail record, no S3 event
HEALTH_ONLY = {"source": ["aws.health"], "detail-type": ["AWS Health Event"]}


def test_an_account_moved_between_units_is_info_only() -> None:
    finding = judged(r.account_call("MoveAccount"))
    assert finding is not None and finding.severity == "info"
    assert "does not know whether they governed tag writes" in finding.explanation


def test_a_subscription_of_the_trails_topic_not_known_as_the_queues_is_info_only() -> None:
    path = DeliveryPath()
    path.learn(r.update_trail({"snsTopicName": "cloudtrail-notifications", "snsTopicARN": r.TOPIC}))
    finding = judged(r.sns_call("Unsubscribe", {"subscriptionArn": r.SUBSCRIPTION}), path)
    assert finding is not None and finding.severity == "info"
    assert "announces new log files" in finding.explanation


def test_a_trail_sent_back_to_a_bucket_it_left_is_flagged() -> None:
    path = DeliveryPath()
    path.learn(r.create_trail(actor=r.ADMIN))
    path.learn(r.update_trail({"s3BucketName": "new-trail-bucket"}, actor=r.ADMIN))
    assert judged(r.bucket_call("DeleteBucket", r.TRAIL_BUCKET), path) is None  # no longer its bucket
    finding = judged(r.update_trail({"s3BucketName": r.TRAIL_BUCKET}), path)
    assert finding is not None and f"bucket {r.TRAIL_BUCKET}" in finding.explanation


def test_a_rule_whose_pattern_no_longer_takes_cloudtrail_is_no_longer_a_forwarding_rule() -> None:
    path = delivery()
    path.learn(r.put_rule(pattern=HEALTH_ONLY, actor=r.ADMIN))
    finding = judged(r.rule_call("DeleteRule"), path)
    assert finding is not None and finding.severity == "info"


def test_rule_learned_from_put_targets_to_the_source_queue() -> None:
    path = DeliveryPath()
    path.add_source_queue(r.QUEUE_URL, "sqs-cloudtrail")
    targets = {
        "rule": "custom-forwarder",
        "targets": [{"id": "q", "arn": f"arn:aws:sqs:{r.REGION}:{r.ACCOUNT}:tagwarden-cloudtrail"}],
    }
    path.learn(r.record("events.amazonaws.com", "PutTargets", targets, {"failedEntryCount": 0}))
    finding = judged(r.rule_call("DisableRule", rule="custom-forwarder"), path)
    assert finding is not None and finding.severity == "critical"


def test_bucket_learned_from_update_trail_then_deleted() -> None:
    path = DeliveryPath()
    assert classify(r.update_trail({"s3BucketName": "new-trail-bucket"}), path) is not None
    finding = judged(r.bucket_call("DeleteBucket", "new-trail-bucket"), path)
    assert finding is not None and finding.target == "arn:aws:s3:::new-trail-bucket"


def test_bucket_a_source_reads() -> None:
    path = DeliveryPath()
    path.add_source_bucket("org-trail-logs", "files-0")
    finding = judged(r.bucket_call("PutBucketLifecycle", "org-trail-logs"), path)
    assert finding is not None and "source 'files-0' reads" in finding.explanation


def test_a_queue_configured_by_a_vpc_endpoint_url_is_known_by_the_arn_sqs_gives() -> None:
    url = f"https://vpce-0a1b2c3d-abcd.sqs.{r.REGION}.vpce.amazonaws.com/{r.ACCOUNT}/tagwarden-cloudtrail"
    path = DeliveryPath()
    path.add_source_queue(url, "sqs-cloudtrail")
    real = f"arn:aws:sqs:{r.REGION}:{r.ACCOUNT}:tagwarden-cloudtrail"
    assert real not in path.source_queues  # the endpoint's URL does not say the queue's region
    path.add_queue_arn(url, real)
    assert path.source_queues == {real: "sqs-cloudtrail"} and path.queue_urls == {real: url}
    finding = judged(r.queue_call("DeleteQueue"), path)
    assert finding is not None and finding.severity == "critical"


def test_a_read_of_aws_after_start_is_merged_over_what_events_taught() -> None:
    live = DeliveryPath()
    live.add_source_queue(r.QUEUE_URL, "sqs-cloudtrail")
    live.learn(r.create_trail(actor=r.ADMIN))  # events taught: the trail writes to TRAIL_BUCKET
    live.learn(r.put_rule(actor=r.ADMIN))

    read = DeliveryPath()  # AWS now: the trail moved, a queue known by the ARN SQS gave, a key
    read.add_source_queue(r.QUEUE_URL, "sqs-cloudtrail")
    read.learn_trail({"trailARN": r.trail_arn(), "s3BucketName": "moved-bucket", "kmsKeyId": r.KEY_ARN})
    read.add_watcher_role(r.ACCOUNT, "tagwarden", "the role the tagwarden daemon runs as")
    live.merge(read)

    assert live.trail_buckets == {"moved-bucket": r.trail_arn()}  # the bucket it left is not one
    for call in (r.kms_call("DisableKey"), r.iam_role_call("DeleteRole"), r.rule_call("DisableRule")):
        finding = judged(call, live)  # the rule: what events taught of others stays
        assert finding is not None and finding.severity == "critical", call["eventName"]
    assert judged(r.bucket_call("DeleteBucket", r.TRAIL_BUCKET), live) is None
