"""The daemon's scheduled scans, as a list of jobs the daemon runs on their intervals.

A job is a plain callable returning True on success; ``Scans.run`` times it, counts it in
``tagwarden_job_*{scan}`` and logs it, so every scan is observed the same way.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from botocore.exceptions import BotoCoreError, ClientError

from tagwarden.config import LoadedConfig
from tagwarden.inventory import collect_principals, record_principal_inventory

if TYPE_CHECKING:
    from tagwarden.daemon.wiring import Parts


@dataclass(frozen=True, slots=True)
class ScanJob:
    name: str  # the value of the ``scan`` label
    interval_seconds: float
    run: Callable[[], bool]
    # Run once before the first source poll (and by ``run --once``): what judging depends on.
    before_polling: bool = False


class Scans:
    def __init__(self, config: LoadedConfig, parts: Parts, log: Any) -> None:
        self.config = config
        self.parts = parts
        self.log = log

    def jobs(self) -> list[ScanJob]:
        jobs: list[ScanJob] = []
        every = self.config.settings.aws.principal_inventory_interval_seconds
        if every and self.parts.account is not None:
            jobs.append(ScanJob("principals", every, self.principal_inventory, before_polling=True))
        return jobs

    def run(self, job: ScanJob) -> bool:
        metrics = self.parts.metrics
        started = time.monotonic()
        try:
            ok = job.run()
        except Exception as exc:
            self.log.error("scan_failed", scan=job.name, error=str(exc), exc_info=True)
            ok = False
        finally:
            metrics.job_duration.labels(job.name).set(time.monotonic() - started)
        if ok:
            metrics.job_last_success.labels(job.name).set(time.time())
        return ok

    def principal_inventory(self) -> bool:
        """Every IAM user's and role's tags: what "a value no principal holds" needs."""
        account = self.parts.account
        assert account is not None
        try:
            principals = collect_principals(self.parts.clients.iam())
        except (ClientError, BotoCoreError) as exc:
            self.log.warning("principal_inventory_failed", account=account, error=str(exc))
            return False
        record_principal_inventory(self.parts.store, account, principals, time.time())
        self.parts.metrics.inventory_principals.labels(account).set(len(principals))
        self.log.info("principal_inventory_done", account=account, principals=len(principals))
        return True
