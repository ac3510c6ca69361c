"""Which files of a trail's folder tree (local paths, S3 keys) are log files of API calls."""

from __future__ import annotations

LOG_SUFFIXES = (".json", ".json.gz", ".jsonl", ".gz", ".ndjson")
# A trail's folder tree also holds digest files (the log files' hashes) and Insights events:
# neither is a log of API calls.
NOT_LOG_FOLDERS = ("CloudTrail-Digest", "CloudTrail-Insight")


def is_log_key(key: str) -> bool:
    """Whether a path or S3 key names a log file: a log suffix, and no digest or Insights folder
    above it (a folder marker, ``.../``, names no file)."""
    *folders, name = key.replace("\\", "/").split("/")
    return name.endswith(LOG_SUFFIXES) and not any(folder in NOT_LOG_FOLDERS for folder in folders)
