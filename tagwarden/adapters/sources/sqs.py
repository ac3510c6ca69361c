"""The SQS source: long-polls a queue of log-delivery notifications or EventBridge events.

A message is deleted (``Deletions``) only after all it carried is committed; until then its
visibility timeout is extended every half timeout, so a slow batch is not delivered again meanwhile.
The next batch is received while one is handled (``ReceiveAhead``). Each message stands alone:

- a fault outside the message (S3 or IAM failing, a body cut short, the store unable to write)
  defers it: the source keeps it in hand, extends its visibility timeout and tries again with
  back-off, so the fault does not spend the queue's receives (and the redrive budget);
- a message that is damaged or that tagwarden fails on is left for redelivery; after
  ``quarantine_after`` failures it is quarantined (kept in the store with its body, listed by
  `tagwarden quarantine list`) and deleted, so it never drags the messages beside it along.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from tagwarden.adapters.sources.failures import UnitFailures
from tagwarden.adapters.sources.long_poll import LongPoll
from tagwarden.adapters.sources.messages import (
    Content,
    Ignored,
    Inline,
    MessageError,
    S3Object,
    content_bytes,
    parse_body,
    s3_urls,
)
from tagwarden.adapters.sources.parallel import PreparedInOrder, small_size
from tagwarden.adapters.sources.queue_attributes import QueueAttributes
from tagwarden.adapters.sources.receive_ahead import ReceiveAhead
from tagwarden.adapters.sources.s3_objects import read_object
from tagwarden.adapters.sources.source import (
    BATCH_UNITS,
    Gathered,
    PollResult,
    SourceBase,
    SourceContext,
    failure_detail,
    until_stopped,
)
from tagwarden.adapters.sources.sqs_deletes import Deletions, delete_batch
from tagwarden.adapters.sources.visibility import KeepInvisible, visibility_changer
from tagwarden.adapters.sources.workers import WorkItem, fetch_content
from tagwarden.core.ports.units import PreparedUnit, UnitDeferred, UnitResult
from tagwarden.core.records import ReadProblem, iter_records_from_value
from tagwarden.core.records.triage import Skipped
from tagwarden.core.settings.settings import SqsSourceSettings

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_sqs import SQSClient
    from mypy_boto3_sqs.type_defs import MessageTypeDef

# Records of consecutive messages committed in one transaction. 30,000 was slower with two workers
# while each receive's pipeline started empty (stop 36); with the next batch received ahead, 5,000
# measured the same as 1,000 (docs/performance.md, stop 37).
MESSAGE_BATCH_RECORDS = 1_000

Job = tuple["MessageTypeDef", "Content | MessageError"]  # a message and what its body points at
Ready = PreparedUnit | Exception


@dataclass(frozen=True, slots=True)
class _Held:
    """A message read and waiting to be committed with the ones beside it."""

    message: MessageTypeDef
    content: list[S3Object | Inline]
    ready: PreparedUnit


class SqsSource(SourceBase[SqsSourceSettings]):
    def __init__(
        self,
        name: str,
        settings: SqsSourceSettings,
        context: SourceContext,
        *,
        sqs: SQSClient,
        s3: S3Client,
        batch_records: int = MESSAGE_BATCH_RECORDS,
    ) -> None:
        """Consecutive messages of a batch are committed together up to ``batch_records``
        records or BATCH_UNITS messages (a larger one alone)."""
        super().__init__(name, settings, context)
        self._sqs = sqs
        self._s3 = s3
        self._processor = context.processor
        self._metrics = context.metrics
        self._clock = context.clock
        self._faults = context.faults
        self._abandon = context.abandon
        self._failures = UnitFailures(name, context, settings.quarantine_after, self._log)
        self._batch_records = batch_records
        self._queue = QueueAttributes(name, settings, sqs, context)
        self._deletions = Deletions(delete_batch(sqs, settings.queue_url))
        self._extend = visibility_changer(sqs, settings.queue_url, self._log)
        self._long_poll: LongPoll[Job] = LongPoll(partial(self._receive, wait=True), self._release)

    def check(self) -> None:
        self._sqs.get_queue_attributes(QueueUrl=self.settings.queue_url, AttributeNames=["QueueArn"])

    def poll(self, stop: threading.Event) -> PollResult:
        total = PollResult()
        try:
            self._drain(stop, total)
        finally:
            self._report_failed_deletes(total)
        self._queue.measure_backlog()
        self._queue.check_dead_letters()
        return total

    def _drain(self, stop: threading.Event, total: PollResult) -> None:
        """Receives and handles batches until the queue is empty, the drain's time is up or a
        stop comes; the next batch is received while one is handled (``ReceiveAhead``)."""
        deadline = self._clock() + self.settings.drain_seconds

        def more() -> bool:
            return not stop.is_set() and self._clock() < deadline

        jobs = self._long_poll.receive(stop) if more() else []
        if not jobs:
            return
        pool, abandon = self._context.pool, self._abandon
        with (
            KeepInvisible(self._extend, self._queue.visibility_timeout(), []) as in_hand,
            PreparedInOrder(
                pool, self._work_item, self._prepare_here, abandon, small=_small, ahead=BATCH_UNITS
            ) as stream,
        ):

            def hold(batch: list[Job]) -> None:
                in_hand.add([message for message, _ in batch])
                stream.add(batch)

            with ReceiveAhead(partial(self._receive, wait=False), hold, self._log) as ahead:
                hold(jobs)
                while jobs:
                    if more():
                        ahead.start()
                    # The batch in hand is finished even if a stop arrives meanwhile (a deferred
                    # message is released at once on stop).
                    self._handle_batch(jobs, stream, stop, total, in_hand)
                    jobs = ahead.take()
                    if jobs and stop.is_set():
                        self._release(jobs, in_hand)
                        return
                    if not jobs and more():
                        jobs = self._long_poll.receive(stop)
                        hold(jobs)

    def _receive(self, *, wait: bool) -> list[Job]:
        """One receive: its messages with what their bodies point at. ``wait``: long-poll."""
        request: dict[str, Any] = {
            "QueueUrl": self.settings.queue_url,
            "MaxNumberOfMessages": self.settings.max_messages,
            "WaitTimeSeconds": self.settings.wait_seconds if wait else 0,
            "MessageSystemAttributeNames": ["ApproximateReceiveCount"],
        }
        if self.settings.visibility_timeout is not None:
            request["VisibilityTimeout"] = self.settings.visibility_timeout
        messages = self._sqs.receive_message(**request).get("Messages", [])
        # A drain can last minutes; each answered receive shows the source is alive.
        self._metrics.last_success.labels(self.name).set(time.time())
        return [(message, _content(message)) for message in messages]

    def _release(self, jobs: list[Job], in_hand: KeepInvisible | None = None) -> None:
        """Messages received ahead of a stop, or by a long poll it broke off: visible again at
        once, for another replica or the restart, instead of at the end of their timeout."""
        messages = [message for message, _ in jobs]
        self._extend(messages, 0)
        if in_hand is not None:
            for message in messages:
                in_hand.done(message)
        self._log.info("messages_released", messages=len(messages), reason="stopping")

    def _objects(self, content: list[S3Object | Inline]) -> Iterator[dict[str, Any] | ReadProblem | Skipped]:
        for item in content:
            if isinstance(item, S3Object):
                yield from read_object(self._s3, item.bucket, item.key, self._processor.record_filter)
            else:
                yield from iter_records_from_value(item.value)

    def _handle_batch(
        self,
        jobs: list[Job],
        stream: PreparedInOrder[Job],
        stop: threading.Event,
        total: PollResult,
        in_hand: KeepInvisible,
    ) -> None:
        """The messages of one batch, committed and deleted in the order received (consecutive
        ones in one transaction), taken prepared from ``stream``: the context's worker processes
        read and normalize the ones behind meanwhile."""
        messages = [message for message, _ in jobs]
        gathered: Gathered[_Held] = Gathered(self._batch_records)  # messages for one transaction
        for index in range(len(jobs)):
            (message, content), ready = stream.take()
            waiting = messages[index + 1 :]
            if (
                isinstance(content, list)
                and isinstance(ready, PreparedUnit)
                and ready.may_share_transaction()
            ):
                if not gathered.add(_Held(message, content, ready), ready.result.records):
                    continue
                self._handle_together(gathered.take(), waiting, stop, total, in_hand)
            else:
                self._handle_together(gathered.take(), [message, *waiting], stop, total, in_hand)
                total.add(self._handle(message, content, ready, waiting, stop))
                in_hand.done(message)
        self._handle_together(gathered.take(), [], stop, total, in_hand)

    def _handle_together(
        self,
        together: list[_Held],
        waiting: list[MessageTypeDef],
        stop: threading.Event,
        total: PollResult,
        in_hand: KeepInvisible,
    ) -> None:
        """Messages committed in one transaction, then each deleted. Where that fails or is
        deferred, each is handled on its own, read again, as if it had never been with the others."""
        if len(together) > 1:
            for held in together:
                held.ready.read_from = s3_urls(held.content)
            units = [(held.ready, _unit_name(held.message)) for held in together]
            try:
                results = self._processor.commit_together(units, source=self.name)
            except Exception as exc:  # each on its own, below: its own retries, failure or quarantine
                self._log.info("messages_tried_alone", messages=len(together), error=failure_detail(exc))
            else:
                self._faults.clear(f"source:{self.name}")
                result = PollResult(units=len(together))
                for unit in results:
                    result.count(unit)
                self._delete_together([held.message for held in together])
                self._metrics.sqs_messages.labels(self.name, "processed").inc(len(together))
                total.add(result)
                for held in together:
                    in_hand.done(held.message)
                return
        for index, held in enumerate(together):
            behind = [other.message for other in together[index + 1 :]] + waiting
            ready = held.ready if len(together) == 1 else None
            total.add(self._handle(held.message, held.content, ready, behind, stop))
            in_hand.done(held.message)

    def _work_item(self, job: Job) -> WorkItem | None:
        """None for a message with nothing to read (handled here, in its turn)."""
        return fetch_content(self._s3, job[1]) if isinstance(job[1], list) else None

    def _prepare_here(self, job: Job) -> Ready:
        content = job[1]
        if not isinstance(content, list):
            return PreparedUnit(UnitResult(), [])  # nothing to read: the message is handled without it
        try:
            return self._processor.prepare(until_stopped(self._objects(content), self._abandon))
        except Exception as exc:  # handled in the message's turn, as a unit that failed
            return exc

    def _handle(
        self,
        message: MessageTypeDef,
        content: Content | MessageError,
        ready: Ready | None,
        waiting: list[MessageTypeDef],
        stop: threading.Event,
    ) -> PollResult:
        result = PollResult(units=1)
        message_id = message.get("MessageId", "?")
        receive_count = message.get("Attributes", {}).get("ApproximateReceiveCount", "?")
        if isinstance(content, MessageError):
            return self._leave(message, result, "unreadable_message", str(content), receive_count)
        if isinstance(content, Ignored):
            self._delete_together([message])
            self._metrics.sqs_messages.labels(self.name, "ignored").inc()
            self._log.info("message_ignored", message_id=message_id, reason=content.reason)
            return result
        try:
            unit = self._process_held(message, content, ready, waiting, stop)
        except Exception as exc:  # a unit tagwarden fails on must not take its neighbours down
            detail = failure_detail(exc)
            self._log.error("message_failed", message_id=message_id, error=detail, exc_info=True)
            return self._leave(message, result, "unit_failed", detail, receive_count)
        if unit is None:
            result.failed_units += 1
            return result
        result.count(unit)
        if unit.fatal is not None:
            return self._leave(message, result, unit.fatal.reason, unit.fatal.detail, receive_count)
        self._delete_together([message])
        self._metrics.sqs_messages.labels(self.name, "processed").inc()
        return result

    def _process_held(
        self,
        message: MessageTypeDef,
        content: list[S3Object | Inline],
        ready: Ready | None,
        waiting: list[MessageTypeDef],
        stop: threading.Event,
    ) -> UnitResult | None:
        """Commit the message as prepared (``ready``); while a fault outside it defers it, keep
        it (and the rest of the batch) invisible and read it again here with back-off. None if a
        stop came first."""
        delay = self.settings.retry_seconds
        message_id = message.get("MessageId", "?")
        while True:
            try:
                if ready is None:
                    ready = self._prepare_here((message, content))
                attempt, ready = ready, None
                if isinstance(attempt, Exception):
                    raise attempt
                attempt.read_from = s3_urls(content)
                unit = self._processor.commit(attempt, source=self.name, unit=_unit_name(message))
            except UnitDeferred as exc:
                self._metrics.units_deferred.labels(self.name, exc.reason).inc()
                self._faults.report(f"source:{self.name}", f"{exc.reason}: {exc.detail}")
                self._log.warning(
                    "message_deferred", message_id=message_id, reason=exc.reason, detail=exc.detail
                )
                if stop.is_set():
                    return None
                self._extend([message, *waiting], delay + 30)
                if stop.wait(delay):
                    return None
                delay = min(delay * 2, self.settings.retry_max_seconds)
                continue
            self._faults.clear(f"source:{self.name}")
            return unit

    def _leave(
        self, message: MessageTypeDef, result: PollResult, reason: str, detail: str, receive_count: str
    ) -> PollResult:
        message_id = message.get("MessageId", "?")
        try:
            quarantined = self._failures.failed(_unit_name(message), reason, detail, message.get("Body", ""))
        except Exception as exc:  # the store may be the fault; the queue's redrive still applies
            self._log.warning("failure_not_recorded", message_id=message_id, error=str(exc))
            quarantined = False
        if quarantined:
            self._delete_together([message])
            self._metrics.sqs_messages.labels(self.name, "quarantined").inc()
            result.failed_units += 1
            return result
        result.failed_units += 1
        self._metrics.sqs_messages.labels(self.name, "failed").inc()
        self._report(
            result,
            reason,
            f"{message_id}: {detail}",
            "message_left_for_redrive",
            message_id=message_id,
            reason=reason,
            detail=detail,
            receive_count=receive_count,
        )
        return result

    def _delete_together(self, messages: list[MessageTypeDef]) -> None:
        """Committed messages, deleted by ``Deletions``' thread while this one goes on; a failed
        delete is reported at the end of the poll (``_report_failed_deletes``)."""
        self._deletions.add(messages)

    def _report_failed_deletes(self, result: PollResult) -> None:
        for message, error in self._deletions.settle():
            self._report(
                result,
                "delete_failed",
                f"delete failed: {error}",
                "message_delete_failed",
                message_id=message.get("MessageId"),
                error=error,
            )


def _unit_name(message: MessageTypeDef) -> str:
    return f"sqs:{message.get('MessageId', '?')}"


def _small(job: Job) -> int | None:
    """A message naming small objects, which a worker reads with its neighbours in one trip."""
    return small_size(content_bytes(job[1]))


def _content(message: MessageTypeDef) -> Content | MessageError:
    try:
        return parse_body(message.get("Body", ""))
    except MessageError as exc:
        return exc
