"""Builders of the held-out corpus (tests/fixtures/cloudtrail/heldout/records.json).

The held-out corpus was written before any fix it led to: each record from the operation's API
reference (cited by AWS's stable ``goto/WebAPI`` link) and its expected target from the Service
Authorization Reference's ARN format of the resource type (cited in ``arn_format``), by hand,
never by running the normalizer. It measures how often a record the catalog was not tuned on
names exactly the resource's ARN (see tests/core/normalize/measure_heldout.py).
"""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import entry, goto

SAR = "https://docs.aws.amazon.com/service-authorization/latest/reference/list_{}.html"
OTHER_ACCOUNT = "444455556666"


def held(
    uid: str, operation: str, arn_page: str, made: dict[str, Any], *changes: dict[str, Any], note: str = ""
) -> dict[str, Any]:
    """One held-out entry: the API reference of ``uid``/``operation`` and the Service
    Authorization Reference page ``arn_page`` (its ``list_<page>.html`` name) it was written from."""
    found = entry(goto(uid, operation), made, *changes, note=note)
    found["arn_format"] = SAR.format(arn_page)
    return found


def kv(**pairs: str) -> list[dict[str, str]]:
    """Tags as ``[{"Key": ..., "Value": ...}]``."""
    return [{"Key": key.replace("_", "-"), "Value": value} for key, value in pairs.items()]


def lkv(**pairs: str) -> list[dict[str, str]]:
    """Tags as ``[{"key": ..., "value": ...}]``."""
    return [{"key": key.replace("_", "-"), "value": value} for key, value in pairs.items()]
