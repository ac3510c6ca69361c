"""Tags in every shape CloudTrail logs them."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tagwarden.core.normalize.tagshapes import HIDDEN, ShapeError, read_tag_keys, read_tags

TAGS = {"team": "alpha", "env": "prod"}


@pytest.mark.parametrize(
    "value",
    [
        {"team": "alpha", "env": "prod"},
        [{"key": "team", "value": "alpha"}, {"key": "env", "value": "prod"}],
        [{"Key": "team", "Value": "alpha"}, {"Key": "env", "Value": "prod"}],
        [{"tagKey": "team", "tagValue": "alpha"}, {"tagKey": "env", "tagValue": "prod"}],
        {"items": [{"key": "team", "value": "alpha"}, {"key": "env", "value": "prod"}]},
        {"tags": {"team": "alpha", "env": "prod"}},
        {"TagSet": {"Tag": [{"Key": "team", "Value": "alpha"}, {"Key": "env", "Value": "prod"}]}},
        {
            "xmlns": "x",
            "TagSet": {"Tag": [{"Key": "team", "Value": "alpha"}, {"Key": "env", "Value": "prod"}]},
        },
        "team=alpha&env=prod",
        [
            {"resourceId": "g", "resourceType": "auto-scaling-group", "key": "team", "value": "alpha"},
            {"resourceId": "g", "propagateAtLaunch": True, "key": "env", "value": "prod"},
        ],
    ],
    ids=[
        "map",
        "key-value",
        "Key-Value",
        "kms-tagKey",
        "cloudfront-items",
        "pinpoint-tags-wrapper",
        "s3-tagset-list",
        "s3-with-xmlns",
        "url-encoded",
        "autoscaling-with-resource",
    ],
)
def test_reads_every_logged_shape(value: Any) -> None:
    assert read_tags(value).tags == TAGS


def test_s3_single_tag_is_an_object_not_a_list() -> None:
    assert read_tags({"TagSet": {"Tag": {"Key": "team", "Value": "alpha"}}}).tags == {"team": "alpha"}


def test_hidden_value_is_a_change_with_unknown_value() -> None:
    read = read_tags([{"key": "team", "value": HIDDEN}])

    assert read.tags == {"team": None}
    assert not read.keys_hidden


def test_hidden_key_and_whole_member_hide_the_keys() -> None:
    assert read_tags([{"key": HIDDEN, "value": HIDDEN}]).keys_hidden
    assert read_tags(HIDDEN).keys_hidden
    assert read_tag_keys(HIDDEN) == ([], True)


@pytest.mark.parametrize(
    ("value", "keys"),
    [
        (["team", "env"], ["team", "env"]),
        ([{"key": "team"}, {"Key": "env"}], ["team", "env"]),
        ([{"key": "team", "value": "x"}], ["team"]),
        ({"Items": ["team", "env"]}, ["team", "env"]),
        ("team", ["team"]),
        ([], []),
    ],
)
def test_removal_lists(value: Any, keys: list[str]) -> None:
    assert read_tag_keys(value) == (keys, False)


@pytest.mark.parametrize("value", [42, [1, 2], ["team"], "no pairs here", [{"value": "x"}]])
def test_what_is_no_tags_is_a_shape_error(value: Any) -> None:
    with pytest.raises(ShapeError):
        read_tags(value)


_KEYS = st.text(min_size=1, max_size=20).filter(lambda k: k != HIDDEN)
_VALUES = st.text(max_size=30).filter(lambda v: v != HIDDEN)
_TAG_MAPS = st.dictionaries(_KEYS, _VALUES, max_size=6)


@given(_TAG_MAPS)
def test_url_encoded_tags_read_back_exactly(tags: dict[str, str]) -> None:
    assert read_tags(urlencode(tags)).tags == tags


@given(_TAG_MAPS, st.sampled_from([("key", "value"), ("Key", "Value"), ("tagKey", "tagValue")]))
def test_pair_lists_in_any_casing_read_back_exactly(tags: dict[str, str], names: tuple[str, str]) -> None:
    pairs = [{names[0]: key, names[1]: value} for key, value in tags.items()]

    assert read_tags(pairs).tags == tags
    assert read_tags({"items": pairs}).tags == tags


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@given(_JSON)
def test_any_json_reads_as_tags_or_a_shape_error(value: Any) -> None:
    try:
        read = read_tags(value)
    except ShapeError:
        return
    assert all(isinstance(key, str) for key in read.tags)
