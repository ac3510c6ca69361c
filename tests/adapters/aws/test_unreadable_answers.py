"""An answer botocore cannot parse (``ResponseParserError``, which is not a ``BotoCoreError``) is
a lookup that did not answer, not a failure of the unit that asked: instance profiles and launch
templates are then not known, as when IAM or EC2 is down. Every other adapter takes it as it takes
no answer: a sink's delivery or a revert to try again, a transient read, a source error."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from botocore.parsers import ResponseParserError

from tagwarden.adapters.aws.instance_profiles import IAMInstanceProfiles
from tagwarden.adapters.aws.launch_templates import EC2LaunchTemplates
from tagwarden.adapters.aws.tag_writer import TagWriteError, TagWriter
from tagwarden.adapters.integrity import Tree, TreeError, add_s3
from tagwarden.adapters.sinks import DeliveryError
from tagwarden.adapters.sinks.sns import SnsSink
from tagwarden.adapters.sources.lookup_events import LookupEventsSource
from tagwarden.adapters.sources.ratelimit import RateLimiter
from tagwarden.adapters.sources.s3_objects import read_object
from tagwarden.adapters.sources.source import SourceContext
from tagwarden.app.config import LookupEventsSourceSettings
from tagwarden.app.logs import get_logger
from tagwarden.core.compute import TemplateRef
from tagwarden.core.compute.state import PROFILE_NOT_KNOWN
from tagwarden.core.records import ReadProblem
from tagwarden.core.settings.sinks import SnsSinkSettings
from tests.builders.abac_processor import abac_processor
from tests.builders.findings import make_finding

ACCOUNT, REGION = "123456789012", "eu-west-1"


class Unreadable:
    """Any AWS call answers with what cannot be parsed."""

    def __getattr__(self, _name: str) -> Any:
        def call(*_args: Any, **_kwargs: Any) -> Any:
            raise ResponseParserError("Unable to parse response, invalid XML received")

        return call


def test_an_unreadable_profile_is_not_known() -> None:
    profiles = IAMInstanceProfiles(Unreadable(), lambda: ACCOUNT, get_logger())  # type: ignore[arg-type]
    assert profiles(f"{ACCOUNT}/web") == PROFILE_NOT_KNOWN
    assert profiles.all_roles() == {}


def test_an_unreadable_template_is_not_described() -> None:
    templates = EC2LaunchTemplates(lambda _region: Unreadable(), lambda: ACCOUNT, get_logger())  # type: ignore[arg-type,return-value]
    assert templates(TemplateRef(ACCOUNT, REGION, "lt-0123456789abcdef0", None, "1")) is None


# --- every other adapter: an unreadable answer is a failed call, handled as the network's -------------


def test_a_sns_sink_send_is_a_delivery_error_to_retry() -> None:
    settings = SnsSinkSettings(type="sns", topic_arn=f"arn:aws:sns:{REGION}:{ACCOUNT}:t")
    sink = SnsSink("sns", settings, Unreadable())  # type: ignore[arg-type]
    with pytest.raises(DeliveryError) as caught:
        sink.send(make_finding())
    assert not caught.value.permanent


def test_a_revert_read_is_a_tag_write_error_to_retry() -> None:
    writer = TagWriter(lambda _account: Unreadable())  # type: ignore[arg-type,return-value]
    with pytest.raises(TagWriteError) as caught:
        writer.read("arn:aws:s3:::team-alpha-data", ACCOUNT)
    assert caught.value.transient and "invalid XML" in str(caught.value)


def test_an_s3_object_fetch_is_a_transient_read_problem() -> None:
    (problem,) = list(read_object(Unreadable(), "trail-bucket", "AWSLogs/x.json.gz"))  # type: ignore[arg-type]
    assert isinstance(problem, ReadProblem) and problem.transient and problem.reason == "s3_get_failed"


def test_a_log_tree_listing_is_a_tree_error() -> None:
    with pytest.raises(TreeError, match="cannot list"):
        add_s3(Tree(), Unreadable(), "s3://trail-bucket/AWSLogs/")  # type: ignore[arg-type]


def test_a_lookup_events_page_is_a_source_error_not_a_failed_poll() -> None:
    _, processor = abac_processor()
    metrics = processor.metrics
    source = LookupEventsSource(
        "trailless",
        LookupEventsSourceSettings(type="lookup_events", lookback_days=1, window_hours=24),
        SourceContext(processor, metrics, get_logger()),
        cloudtrail=Unreadable(),  # type: ignore[arg-type]
        region=REGION,
        limiter=RateLimiter(1000.0),
    )
    result = source.poll(threading.Event())
    assert result.errors and "invalid XML" in result.errors[0]
    assert metrics.registry.get_sample_value(
        "tagwarden_source_errors_total", {"source": "trailless", "reason": "lookup_failed"}
    )
