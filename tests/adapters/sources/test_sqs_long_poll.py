"""A stop breaks off the SQS long poll at once: a receive still waiting holds nothing, and what it
brings after the stop is made visible again at once instead of waiting out its timeout."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import boto3
import pytest

from tagwarden.adapters.sources.long_poll import LongPoll
from tagwarden.adapters.sources.sqs import SqsSource
from tagwarden.core.settings.settings import SqsSourceSettings
from tests.e2e.support import Deployment, wait_until
from tests.faults.builders import Wired, eventbridge, self_retag


class _Waiting:
    """A receive that waits until ``answer`` is set, then brings ``jobs`` (or raises ``error``)."""

    def __init__(self, jobs: list[str], error: Exception | None = None) -> None:
        self.jobs = jobs
        self.error = error
        self.answer = threading.Event()
        self.calls = 0
        self.threads: list[threading.Thread] = []

    def __call__(self) -> list[str]:
        self.calls += 1
        self.threads.append(threading.current_thread())
        self.answer.wait(10)
        if self.error is not None:
            raise self.error
        return self.jobs


def _released() -> tuple[list[list[str]], threading.Event]:
    released: list[list[str]] = []
    came = threading.Event()

    def release(jobs: list[str]) -> None:
        released.append(jobs)
        came.set()

    return released, came


def test_without_a_stop_the_long_poll_brings_what_the_receive_brought() -> None:
    receive = _Waiting(["m1", "m2"])
    released, _ = _released()
    threading.Timer(0.3, receive.answer.set).start()
    assert LongPoll(receive, released.append).receive(threading.Event()) == ["m1", "m2"]
    assert released == []
    assert receive.threads[0] is not threading.current_thread()
    assert receive.threads[0].daemon  # a receive left waiting never holds up the process's exit


def test_an_error_of_the_receive_is_raised_in_the_polling_thread() -> None:
    receive = _Waiting([], error=RuntimeError("throttled"))
    receive.answer.set()
    with pytest.raises(RuntimeError, match="throttled"):
        LongPoll(receive, lambda jobs: None).receive(threading.Event())


def test_a_stop_breaks_off_a_waiting_receive_and_what_it_brings_later_is_released() -> None:
    receive = _Waiting(["late"])
    released, came = _released()
    stop = threading.Event()
    long_poll = LongPoll(receive, lambda jobs: (released.append(jobs), came.set()))
    threading.Timer(0.3, stop.set).start()
    started = time.monotonic()
    assert long_poll.receive(stop) == []
    assert time.monotonic() - started < 2  # not the receive's 10 s
    assert released == []
    # While that receive still waits, another long poll makes no receive beside it.
    assert long_poll.receive(threading.Event()) == []
    assert receive.calls == 1
    receive.answer.set()
    assert came.wait(5)
    assert released == [["late"]]


def test_whatever_the_timing_each_message_is_either_taken_by_the_poll_or_released_never_both() -> None:
    rounds = 300
    outcomes = {"taken": 0, "released": 0}
    for index in range(rounds):
        answer_after, stop_after = (index % 7) / 1000, (index % 5) / 1000
        released: list[list[str]] = []
        done = threading.Event()

        def receive(index: int = index, answer_after: float = answer_after) -> list[str]:
            time.sleep(answer_after)
            return [f"m{index}"]

        def release(
            jobs: list[str], released: list[list[str]] = released, done: threading.Event = done
        ) -> None:
            released.append(jobs)
            done.set()

        stop = threading.Event()
        threading.Timer(stop_after, stop.set).start()
        got = LongPoll(receive, release, check_seconds=0.0005).receive(stop)
        if got:
            assert got == [f"m{index}"]
            time.sleep(0.01)  # time for a release that should not come
            assert released == []
            outcomes["taken"] += 1
        else:
            assert done.wait(2), f"round {index}: the message was neither taken nor released"
            assert released == [[f"m{index}"]]
            outcomes["released"] += 1
    assert outcomes["taken"] > 0 and outcomes["released"] > 0, outcomes  # both sides were reached


class _Recording:
    """The moto SQS client, noting the receipt handles of receives and of visibility changes."""

    def __init__(self) -> None:
        self._sqs = boto3.client("sqs")
        self.received: list[str] = []
        self.made_visible: list[str] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sqs, name)

    def receive_message(self, **request: Any) -> Any:
        answer = self._sqs.receive_message(**request)
        self.received += [m["ReceiptHandle"] for m in answer.get("Messages", [])]
        return answer

    def change_message_visibility_batch(self, **request: Any) -> Any:
        answer = self._sqs.change_message_visibility_batch(**request)
        # Noted once SQS has answered: noted before, a test could read the queue before the change.
        self.made_visible += [e["ReceiptHandle"] for e in request["Entries"] if e["VisibilityTimeout"] == 0]
        return answer


def test_a_stop_during_an_empty_long_poll_ends_the_sqs_poll_at_once_and_a_late_message_is_released(
    aws: str, tmp_path: Path
) -> None:
    deployment = Deployment.create("long-poll-stop", visibility_timeout=30)
    wired = Wired(tmp_path / "state.db")
    spec = SqsSourceSettings(type="sqs", queue_url=deployment.queue_url, wait_seconds=20)
    sqs = _Recording()
    source = SqsSource("trail", spec, wired.context, sqs=sqs, s3=boto3.client("s3"))  # type: ignore[arg-type]
    stop = threading.Event()
    try:
        threading.Timer(1.0, stop.set).start()
        started = time.monotonic()
        result = source.poll(stop)
        assert time.monotonic() - started < 4  # the 20 s long poll was not waited out
        assert (result.units, result.failed_units, result.errors) == (0, 0, [])
        # The receive left behind takes a message that arrives now and hands it back at once:
        # without that, it stayed invisible for the queue's 30 s.
        deployment.send(eventbridge(self_retag("late", "v", 0)))
        wait_until(lambda: sqs.received, 20, "the receive left behind to take the message")
        wait_until(lambda: sqs.made_visible == sqs.received, 5, "the late message released")
        attrs = boto3.client("sqs").get_queue_attributes(
            QueueUrl=deployment.queue_url,
            AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
        )["Attributes"]
        assert (attrs["ApproximateNumberOfMessages"], attrs["ApproximateNumberOfMessagesNotVisible"]) == (
            "1",
            "0",
        )
        assert not wired.event_ids()  # nothing was committed after the stop
    finally:
        wired.close()
