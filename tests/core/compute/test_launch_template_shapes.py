"""The launch template readers on the list shapes CloudTrail may log: a list, one member as an
object, an ``item``/``items`` wrapper, and a request's string list as ``{"tag", "content"}``."""

from __future__ import annotations

from tagwarden.core.compute import ComputeReader, TemplateRef
from tests.builders.compute_records import ACCOUNT, REGION
from tests.builders.launch_template_records import (
    delete_launch_template_versions,
    request_spot_fleet,
    spot_fleet_arn,
    template_spec,
)
from tests.core.compute.cases import ADMIN, ALICE

T = "2024-06-05T12:00:00Z"


def test_deleted_versions_are_read_from_the_response_in_any_list_shape() -> None:
    reader = ComputeReader()
    for versions in ([2], [2, 3]):
        record = delete_launch_template_versions(
            ADMIN, "lt-0aaaa00000000001", "web", versions, time=T, event_id="d"
        )
        read = reader.read(record)
        assert read is not None
        assert [u.deleted for u in read.template_updates] == [tuple(versions)]
        answer = record["responseElements"]["DeleteLaunchTemplateVersionsResponse"]
        answer["successfullyDeletedLaunchTemplateVersionSet"] = {
            "items": answer["successfullyDeletedLaunchTemplateVersionSet"]["item"]
        }
        read = reader.read(record)
        assert read is not None
        assert [u.deleted for u in read.template_updates] == [tuple(versions)]


def test_deleted_versions_are_read_from_the_request_where_the_response_says_nothing() -> None:
    record = delete_launch_template_versions(
        ADMIN, "lt-0aaaa00000000001", "web", [2, 5], time=T, event_id="d"
    )
    record["responseElements"] = None
    read = ComputeReader().read(record)
    assert read is not None
    (update,) = read.template_updates
    assert (update.template.template_id, update.deleted) == ("lt-0aaaa00000000001", (2, 5))


def test_a_spot_fleet_reads_each_template_once_in_an_items_wrapper_too() -> None:
    specs = [template_spec("lt-0aaaa00000000001", version="1"), template_spec(name="web", version="$Latest")]
    record = request_spot_fleet(
        ALICE, "sfr-00000001-0000-4000-8000-000000000000", [*specs, specs[0]], time=T, event_id="s"
    )
    config = record["requestParameters"]["spotFleetRequestConfig"]
    config["launchTemplateConfigs"] = {"items": config["launchTemplateConfigs"]}
    read = ComputeReader().read(record)
    assert read is not None
    templated = [g for g in read.grants if g.template is not None]
    assert [(g.target, g.template) for g in templated] == [
        (
            spot_fleet_arn("sfr-00000001-0000-4000-8000-000000000000"),
            TemplateRef(ACCOUNT, REGION, "lt-0aaaa00000000001", None, "1"),
        ),
        (
            spot_fleet_arn("sfr-00000001-0000-4000-8000-000000000000"),
            TemplateRef(ACCOUNT, REGION, None, "web", "$Latest"),
        ),
    ]
