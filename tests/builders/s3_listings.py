"""What a test's hook on an S3 client's ListObjectsV2 requests (``before-parameter-build``) notes
of each: ``AWSLogs/`` for the objects under a prefix, ``AWSLogs/ folders`` for the folders in one
(a walk's level), ``<region folder> from 2026/12/04/`` for a region folder's days from one on."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def listing(params: Mapping[str, Any]) -> str:
    prefix, after = params.get("Prefix", ""), params.get("StartAfter")
    if params.get("Delimiter"):
        return f"{prefix} folders"
    return prefix if after is None else f"{prefix} from {after[len(prefix) :]}"
