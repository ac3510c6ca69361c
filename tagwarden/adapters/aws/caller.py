"""The account tagwarden's credentials are in (sts:GetCallerIdentity), which IAM lookups need: a
principal of another account has no tags this daemon can read, and only the account tells them
apart. Asked once at start; where STS gave no answer then, asked again when next needed, at most
every ``retry_seconds``, so that a network blip at start does not leave the daemon without IAM for
its lifetime."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tagwarden.adapters.aws.error_codes import AWS_ERRORS
from tagwarden.core.faults import FaultBoard

if TYPE_CHECKING:
    from mypy_boto3_sts import STSClient

FAULT = "aws"


class CallerAccount:
    def __init__(
        self,
        sts: Callable[[], STSClient],
        log: Any,
        faults: FaultBoard | None = None,
        retry_seconds: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._sts = sts
        self._log = log
        self._faults = faults or FaultBoard()
        self._retry = retry_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._asked_at = float("-inf")
        self.account: str | None = None
        self.arn: str | None = None

    def __call__(self) -> str | None:
        """The account, asking STS if it is not known and the last try is ``retry_seconds`` old."""
        if self.account is not None:
            return self.account
        with self._lock:
            if self.account is None and self._clock() - self._asked_at >= self._retry:
                self._ask()
        return self.account

    def _ask(self) -> None:
        first = self._asked_at == float("-inf")
        self._asked_at = self._clock()
        try:
            identity = self._sts().get_caller_identity()
        except AWS_ERRORS as exc:
            self._log.warning("caller_identity_unavailable", error=str(exc), retry_seconds=self._retry)
            self._faults.report(
                FAULT,
                "the caller's account is unknown (sts:GetCallerIdentity failed); IAM lookups wait for it",
            )
            return
        self.account, self.arn = identity.get("Account"), identity.get("Arn")
        if not first:
            self._log.info("caller_identity_learned", account=self.account)
        self._faults.clear(FAULT)
