"""Where CloudTrail puts log and digest files, read from their keys.

Log files:    [prefix/]AWSLogs/[o-id/]<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/
              <account>_CloudTrail_<region>_<yyyymmdd>T<hhmm>Z_<unique>.json.gz
Digest files: [prefix/]AWSLogs/[o-id/]<account>/CloudTrail-Digest/<region>/<yyyy>/<mm>/<dd>/
              <account>_CloudTrail-Digest_<region>_<trail>_<home-region>_<yyyymmdd>T<hhmmss>Z.json.gz
(https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-digest-file-structure.html,
https://docs.aws.amazon.com/awscloudtrail/latest/userguide/get-and-view-cloudtrail-log-files.html)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from tagwarden.core.ports.known_objects import UNPLACED, LogFileRead

_REGION_FOLDER = r"AWSLogs/(?:o-[a-z0-9]+/)?(\d{12})/(CloudTrail|CloudTrail-Digest)/([a-z0-9-]+)/"
_LAYOUT = re.compile(rf"(?:^|/)({_REGION_FOLDER}\d{{4}}/\d{{2}}/\d{{2}}/([^/]+\.json(?:\.gz)?))$")
_IN_REGION_FOLDER = re.compile(rf"(?:^|/){_REGION_FOLDER}")
_LOG_TIME = re.compile(r"_(\d{8}T\d{4})Z_[^/_]+$")
_DIGEST_TIME = re.compile(r"_(\d{8}T\d{6})Z(?:_backfill)?\.json(?:\.gz)?$")


@dataclass(frozen=True, slots=True)
class Placed:
    """A file CloudTrail delivered, as its key says."""

    key: str  # from "AWSLogs/" on: the same for a local copy and the S3 object
    account: str
    region: str
    is_digest: bool
    name: str

    @property
    def when(self) -> datetime | None:
        """Delivery time (log files, to the minute) or digest end time (digest files)."""
        pattern, fmt = (_DIGEST_TIME, "%Y%m%dT%H%M%S") if self.is_digest else (_LOG_TIME, "%Y%m%dT%H%M")
        match = pattern.search(self.name)
        if match is None:
            return None
        return datetime.strptime(match.group(1), fmt).replace(tzinfo=UTC)


def place(path: str) -> Placed | None:
    """The CloudTrail file a path or S3 key names, None for anything else (Insights, other files)."""
    match = _LAYOUT.search(path.replace("\\", "/"))
    if match is None:
        return None
    key, account, folder, region, name = match.groups()
    return Placed(key, account, region, folder == "CloudTrail-Digest", name)


def log_file_key(account: str, region: str, moment: datetime, unique: str, *, organization: str = "") -> str:
    """Where CloudTrail writes a log file delivered at ``moment`` (to the minute), from "AWSLogs/"
    on: the key ``place`` reads back. ``organization``: an organization trail's id (``o-...``)."""
    folder = f"{organization}/{account}" if organization else account
    return (
        f"AWSLogs/{folder}/CloudTrail/{region}/{moment:%Y/%m/%d}/"
        f"{account}_CloudTrail_{region}_{moment:%Y%m%dT%H%M}Z_{unique}.json.gz"
    )


def region_folder(path: str) -> tuple[str, str] | None:
    """The account and region of the (log or digest) region folder ``path`` is in or below."""
    match = _IN_REGION_FOLDER.search(path.replace("\\", "/"))
    return (match.group(1), match.group(3)) if match else None


def logical_key(path: str) -> str:
    """The part of a path or S3 key from "AWSLogs/" on (the whole path if it has none). For a file
    CloudTrail delivered, its ``place().key``: a prefix may hold "AWSLogs/" too ("AWSLogs/archive/")."""
    placed = place(path)
    if placed is not None:
        return placed.key
    normal = path.replace("\\", "/")
    at = normal.find("AWSLogs/")
    return normal[at:] if at >= 0 else normal


def log_file_read(url: str) -> LogFileRead:
    """An S3 log file a source read (``s3://bucket/key``), with the account and region its name
    gives; UNPLACED where it names none (``place``): CloudTrail never wrote it."""
    placed = place(url)
    if placed is None or placed.is_digest:
        return LogFileRead(url, *UNPLACED)
    return LogFileRead(url, placed.account, placed.region)
