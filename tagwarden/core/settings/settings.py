"""The settings schema. Field descriptions double as the documentation of config/tagwarden.yaml."""

from __future__ import annotations

from typing import Annotated, Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from tagwarden.core.settings.integrity import IntegritySettings
from tagwarden.core.settings.inventory import InventorySettings
from tagwarden.core.settings.sinks import DeliverySettings, SinkSettings
from tagwarden.core.settings.store_url import SQLITE_PREFIX, is_postgres

MAX_WORKERS = 64


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# A session lasts up to 36 hours: its tags are kept at least that long after it was learned.
MIN_FORGET_DAYS = 2


class StoreSettings(_Strict):
    url: str = Field(
        default="sqlite:///state/tagwarden.db",
        description="sqlite:///relative/to/config.db, sqlite:////absolute/path.db, or"
        " postgresql://USER@HOST:PORT/DB for several replicas (docs/scaling.md)",
    )
    password_file: str | None = Field(
        default=None,
        description="PostgreSQL: a file holding the password (a mounted Secret), relative to the config"
        " file; or set PGPASSWORD. Never logged.",
    )
    pool_size: int = Field(default=8, ge=1, le=100, description="PostgreSQL: connections per replica")
    forget_after_days: int | None = Field(
        default=30,
        ge=MIN_FORGET_DAYS,
        le=3650,
        description="days the per-event bookkeeping is kept after it was written: the marks that make an"
        " event delivered again a no-op, STS session tags, uses waiting for their session, which role each"
        " compute resource runs as. An event"
        " delivered again later is judged again, without repeating its findings; findings, tag history"
        " and current tags are kept. At least 2: a session lasts up to 36 hours. null: keep everything",
    )
    forget_interval_seconds: float = Field(
        default=3600, gt=0, le=86400, description="how often the daemon forgets what forget_after_days allows"
    )

    @field_validator("url")
    @classmethod
    def _supported(cls, value: str) -> str:
        if is_postgres(value):
            return value
        if not value.startswith(SQLITE_PREFIX) or value == SQLITE_PREFIX:
            raise ValueError(
                "expected sqlite:///path/to/state.db (relative to the config file), sqlite:////abs/path"
                " or postgresql://USER@HOST:PORT/DB"
            )
        return value


class HttpSettings(_Strict):
    listen: str = Field(
        default="127.0.0.1:9464", description="host:port for /metrics, /healthz, /readyz, /api"
    )
    token: str | None = Field(default=None, description="bearer token required on /api and /findings")

    @field_validator("listen")
    @classmethod
    def _host_port(cls, value: str) -> str:
        host, sep, port = value.rpartition(":")
        if not sep or not host or not port.isdigit() or not 0 <= int(port) <= 65535:
            raise ValueError("expected host:port, e.g. 127.0.0.1:9464")
        return value

    @property
    def host(self) -> str:
        return self.listen.rpartition(":")[0].strip("[]")

    @property
    def port(self) -> int:
        return int(self.listen.rpartition(":")[2])


class AwsSettings(_Strict):
    region: str = Field(default="us-east-1", min_length=1)
    principal_tags_ttl_seconds: float = Field(
        default=300, ge=0, description="how long IAM principal tags are cached"
    )
    max_attempts: int = Field(
        default=5,
        ge=1,
        le=20,
        description="retries after each AWS call's first try (botocore standard mode): 5 is 6 tries",
    )
    principal_inventory_interval_seconds: float = Field(
        default=3600, ge=0, description="how often every IAM user's and role's tags are read; 0: never"
    )


class _SourceBase(_Strict):
    name: str | None = Field(
        default=None, description="label in metrics and logs; defaults to <type>-<index>"
    )
    interval_seconds: float = Field(default=60, gt=0, le=86400, description="how often the source is polled")
    quarantine_after: int = Field(
        default=3,
        ge=1,
        le=1000,
        description="a unit (message, file) that fails to be read or judged this many times is set aside"
        " (`tagwarden quarantine list`) so that it never blocks the units behind it",
    )
    retry_seconds: float = Field(
        default=2,
        gt=0,
        le=600,
        description="first wait before a unit deferred by a fault outside it is retried",
    )
    retry_max_seconds: float = Field(
        default=60, gt=0, le=3600, description="longest wait between retries of a deferred unit"
    )


class SqsSourceSettings(_SourceBase):
    type: Literal["sqs"]
    queue_url: str = Field(min_length=1)
    wait_seconds: int = Field(default=20, ge=0, le=20, description="SQS long-poll wait")
    max_messages: int = Field(default=10, ge=1, le=10)
    visibility_timeout: int | None = Field(default=None, ge=0, le=43200)
    interval_seconds: float = Field(default=1, gt=0, le=86400)
    drain_seconds: float = Field(
        default=60, gt=0, description="longest one poll keeps receiving before yielding"
    )
    dead_letter_check_seconds: float = Field(
        default=60, gt=0, description="how often the dead-letter queue's depth is read for the metric"
    )


class FilesSourceSettings(_SourceBase):
    type: Literal["files"]
    paths: list[str] = Field(min_length=1, description="directories, files or s3://bucket/prefix")
    late_file_hours: float | None = Field(
        default=24,
        gt=0,
        le=2160,
        description="s3:// paths: once a path's files are all read, later polls list only the day"
        " folders from this many hours before the newest one's time, and forget the files older"
        " than that; a log file delivered later than this after the time in its name is not read."
        " null: list every file at every poll (and keep every file's mark)",
    )
    list_concurrency: int = Field(
        default=8,
        ge=1,
        le=64,
        description="s3:// paths: folder listings under way at once (the walk down to a trail's"
        " region folders, then the days of each); each is a round trip",
    )


class LookupEventsSourceSettings(_SourceBase):
    type: Literal["lookup_events"]
    region: str | None = Field(default=None, description="defaults to aws.region")
    lookback_days: int = Field(default=90, ge=1, le=90, description="how far back the first poll reaches")
    overlap_minutes: float = Field(
        default=15, ge=0, le=1440, description="re-read this much before the checkpoint"
    )
    requests_per_second: float = Field(
        default=1.5, gt=0, le=2, description="LookupEvents allows 2 per second"
    )
    window_hours: float = Field(
        default=24, gt=0, le=2160, description="size of the slice committed at a time"
    )
    interval_seconds: float = Field(default=300, gt=0, le=86400)


SourceSettings = Annotated[
    SqsSourceSettings | FilesSourceSettings | LookupEventsSourceSettings, Field(discriminator="type")
]


class LoggingSettings(_Strict):
    level: Literal["debug", "info", "warning", "error"] = "info"
    format: Literal["auto", "json", "console"] = Field(
        default="auto", description="auto: console on a terminal"
    )


class Settings(_Strict):
    policy: str | dict[str, Any] = Field(description="path relative to the config file, or the policy inline")
    store: StoreSettings = Field(default_factory=StoreSettings)
    http: HttpSettings = Field(default_factory=HttpSettings)
    aws: AwsSettings = Field(default_factory=AwsSettings)
    sources: list[SourceSettings] = Field(default_factory=list)
    logging: LoggingSettings = Field(default_factory=LoggingSettings)
    sinks: list[SinkSettings] = Field(default_factory=list, description="where new findings are pushed")
    delivery: DeliverySettings = Field(default_factory=DeliverySettings)
    inventory: InventorySettings | None = Field(
        default=None, description="accounts and regions to inventory; absent: the daemon's own account"
    )
    integrity: IntegritySettings = Field(
        default_factory=IntegritySettings, description="log delivery gaps and digest verification"
    )
    shutdown_grace_seconds: float = Field(
        default=8, gt=0, le=120, description="time to finish batches on SIGTERM"
    )
    workers: int | None = Field(
        default=None,
        description="processes that decode, filter and normalize what the files and SQS sources read,"
        " beside the daemon's, which judges and commits in order, so the results do not depend on it."
        " 0: all in the daemon's process. Unset: the CPUs the daemon may use (its affinity, capped by"
        f" a container's CPU limit), or 0 where that is one; at most {MAX_WORKERS}",
    )

    @field_validator("workers", mode="before")
    @classmethod
    def _worker_count(cls, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, str) and value.strip().lstrip("+-").isdecimal():
            value = int(value)  # as an environment variable gives it
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_WORKERS:
            raise ValueError(
                f"workers must be a whole number from 0 to {MAX_WORKERS} (0: everything in the daemon's"
                f" process); leave it out to use the number of CPUs"
            )
        return value

    def worker_count(self, cpus: int | None) -> int:
        """``workers``, or where it is unset ``cpus`` (the CPUs the daemon may use): none on one CPU,
        where a worker beside the daemon only adds the cost of handing each file over. (One fewer
        than the CPUs was faster on a trail heavy with tag writes, and slower on a light one:
        docs/performance.md, stop 46.)"""
        if self.workers is not None:
            return self.workers
        return min(cpus, MAX_WORKERS) if cpus is not None and cpus > 1 else 0

    @model_validator(mode="after")
    def _unique_names(self) -> Self:
        for what, names in (("sources", self.source_names()), ("sinks", self.sink_names())):
            seen: set[str] = set()
            for name in names:
                if name in seen:
                    raise ValueError(f"two {what} are named {name!r}; give each a unique name")
                seen.add(name)
        return self

    def sink_names(self) -> list[str]:
        return [sink.name or f"{sink.type}-{index}" for index, sink in enumerate(self.sinks)]

    def source_names(self) -> list[str]:
        return [source.name or f"{source.type}-{index}" for index, source in enumerate(self.sources)]
