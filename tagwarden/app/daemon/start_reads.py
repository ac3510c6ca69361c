"""What the daemon asks AWS once it serves HTTP: who its credentials are (sts:GetCallerIdentity: its
own role is a watcher role) and the delivery path (trails, forwarding rules, subscriptions, queue keys,
Organizations policies).

Each read is one attempt with short waits (AwsClients.for_start), so that an AWS that does not answer
(egress blocked, an endpoint that holds connections open) delays the start by seconds, not minutes;
what got no answer is asked again by a job of its own until it answers. Before, both were read with
the full retries before the HTTP server started, and were never asked again: a blip at start left the
daemon's own role unwatched and the delivery path known from events only for the process's life.

The source queues' own SNS subscriptions are read apart (``read_subscriptions``), beside the daemon's
work, with the configured retries: SNS lists them only by paging through every subscription of the
account and region, which in an account with many takes minutes, and a throttled page is retried."""

from __future__ import annotations

import threading
import time
from typing import Any

from tagwarden.adapters.aws import AwsClients
from tagwarden.adapters.aws.caller import CallerAccount
from tagwarden.app.config import LoadedConfig
from tagwarden.app.delivery_path import (
    add_watcher_roles,
    delivery_path,
    queue_subscriptions,
    seed_delivery_path,
)
from tagwarden.app.pipeline.control_calls import ControlCalls
from tagwarden.core.controls import DeliveryPath
from tagwarden.core.stopping import Stopping, never

RETRY_SECONDS = 60.0  # how often a read that got no answer is asked again
STOP_CHECK_SECONDS = 0.2  # how soon a wait at start notices that the daemon is stopping


class StartReads:
    def __init__(
        self,
        config: LoadedConfig,
        controls: ControlCalls,
        identity: CallerAccount | None,
        clients: AwsClients,
        log: Any,
    ) -> None:
        self._config = config
        self._controls = controls
        self._identity = identity
        self._clients = clients.for_start()
        self._paging = clients  # the configured retries, for the one read made beside the work
        self._log = log
        self.identity_known = identity is None  # nothing to ask where there is no STS identity
        self.path_read = False
        self.subscriptions_read = False

    @property
    def done(self) -> bool:
        return self.identity_known and self.path_read

    def run(self, stopping: Stopping = never) -> bool:
        """Ask what is not known yet; True once everything has answered. Once ``stopping`` says
        so, no further read begins (each may wait out its timeouts)."""
        if stopping():  # a signal held since the process started (held_signals)
            return self.done
        if not self.identity_known and self._identity is not None and self._identity() is not None:
            own = DeliveryPath()
            add_watcher_roles(own, self._config, self._identity.arn)
            self._controls.merge_path(own)
            self.identity_known = True
        if stopping():
            return self.done
        if not self.path_read:
            read = delivery_path(self._config, None, self._log)
            self.path_read = seed_delivery_path(read, self._clients, self._log)
            self._controls.merge_path(read)
            if self.path_read:
                self._log.info(
                    "delivery_path_read", trails=len(read.trail_buckets), rules=len(read.forwarding_rules)
                )
        if not self.done:
            self._log.warning(
                "start_reads_pending",
                caller_identity=self.identity_known,
                delivery_path=self.path_read,
                retry_seconds=RETRY_SECONDS,
            )
        return self.done

    def read_subscriptions_beside(self, stop: threading.Event, wait_seconds: float) -> None:
        """``read_subscriptions`` in a thread of its own, asked again every RETRY_SECONDS until it
        has answered or ``stop`` is set: the listing may take minutes. Waits for its first try up
        to ``wait_seconds`` (where the path could be read at all), or until ``stop``."""
        tried = threading.Event()
        threading.Thread(
            target=self._keep_reading_subscriptions,
            args=(stop, tried),
            name="queue-subscriptions",
            daemon=True,
        ).start()
        deadline = time.monotonic() + wait_seconds
        while self.path_read and not stop.is_set():
            if tried.wait(min(STOP_CHECK_SECONDS, max(0.0, deadline - time.monotonic()))):
                return
            if time.monotonic() >= deadline:
                self._log.warning(
                    "queue_subscriptions_pending",
                    waited_seconds=wait_seconds,
                    effect="a change to a topic only the listing names is not judged as one until it ends",
                )
                return

    def _keep_reading_subscriptions(self, stop: threading.Event, tried: threading.Event) -> None:
        while not stop.is_set():
            try:
                if self.read_subscriptions():
                    return
            except Exception as exc:  # asked again, as what AWS does not answer
                self._log.error("queue_subscriptions_failed", error=str(exc), exc_info=True)
            finally:
                tried.set()
            stop.wait(RETRY_SECONDS)

    def read_subscriptions(self) -> bool:
        """Ask which SNS subscriptions deliver to the source queues, unless known; True once AWS has
        answered (or refused: they are then learned from events, as the log says). Only once the
        path is read: SQS names a queue whose URL does not say its region (a VPC endpoint's)."""
        if not self.subscriptions_read and self.path_read:
            started, queues = time.monotonic(), self._controls.source_queues()
            found = queue_subscriptions(queues, self._paging, self._log)
            if found is not None:
                self._controls.learn_subscriptions(found)
                self.subscriptions_read = True
                if queues:
                    took = round(time.monotonic() - started, 1)
                    self._log.info("queue_subscriptions_read", subscriptions=len(found), seconds=took)
        return self.subscriptions_read
