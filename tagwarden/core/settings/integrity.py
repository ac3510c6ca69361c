"""Settings of the log integrity checks: the delivery gap and the scheduled digest verification."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from tagwarden.core.settings.inventory import AccountId

DEFAULT_KNOWN_LOG_FILES = 200_000
DEFAULT_KNOWN_DIGEST_FILES = 100_000
DEFAULT_READ_CONCURRENCY = 8
MAX_READ_CONCURRENCY = 32  # the connections the AWS clients keep open to one endpoint


class IntegritySettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    log_gap_seconds: float = Field(
        default=3600,
        gt=0,
        description="an account and region with no new log file for this long, while others keep "
        "arriving, is a delivery gap (metric tagwarden_log_newest_event_timestamp_seconds, alert "
        "TagwardenLogDeliveryGap)",
    )
    verify_interval_seconds: float = Field(
        default=3600,
        ge=0,
        description="how often the digest files of the S3 sources are verified (log_integrity "
        "findings); 0: never",
    )
    verify_window_hours: float = Field(
        default=48, gt=0, le=2160, description="how far back each scheduled verification reaches"
    )
    known_log_files: int = Field(
        default=DEFAULT_KNOWN_LOG_FILES,
        ge=0,
        description="S3 log files whose hash the scheduled verification keeps in the store, so "
        "that later checks (after a restart too) read only the files written since; a hash is "
        "forgotten once its file is older than the window; files past this many are read every "
        "time; 0: read every file every time",
    )
    known_digest_files: int = Field(
        default=DEFAULT_KNOWN_DIGEST_FILES,
        ge=0,
        description="S3 digest files (one per account, region and hour) of which the scheduled "
        "verification keeps a copy in the store (about 2 KB each), so that later checks read only "
        "the digests written since; forgotten once older than the window; 0: read every digest "
        "every time",
    )
    read_concurrency: int = Field(
        default=DEFAULT_READ_CONCURRENCY,
        ge=1,
        le=MAX_READ_CONCURRENCY,
        description="S3 objects (log files, digests) the scheduled verification reads at once: "
        "a first check, with nothing kept yet, reads every object of its window, each a round "
        "trip to S3; 1: one at a time",
    )
    accounts_read_elsewhere: frozenset[AccountId] = Field(
        default=frozenset(),
        description="accounts whose records reach tagwarden other than as S3 log files (an "
        "EventBridge event on an sqs source, a lookup_events source) while their files lie in a "
        "bucket read for other accounts: their files are not counted unread "
        "(tagwarden_integrity_log_files_unread); listed here, a lost notification or a queue "
        "read by someone else goes unseen for them",
    )
    public_keys: str | None = Field(
        default=None,
        description="folder of CloudTrail public keys named by fingerprint (relative to the config "
        "file); absent: CloudTrail ListPublicKeys",
    )
