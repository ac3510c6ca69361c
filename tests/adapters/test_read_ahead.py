"""ReadAhead: reads made in threads ahead of the one asked for give the answers, and raise the
errors, that reading each in turn would, where each is asked for."""

from __future__ import annotations

import threading
import time
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tagwarden.adapters.read_ahead import ReadAhead


class Objects:
    """``read`` answers "value of KEY", raises LookupError for the keys in ``refused``, and counts
    its calls and the threads it ran in."""

    def __init__(self, refused: frozenset[str] = frozenset()) -> None:
        self.refused = refused
        self.reads: Counter[str] = Counter()
        self.threads: set[int] = set()
        self._lock = threading.Lock()

    def read(self, key: str) -> str:
        with self._lock:
            self.reads[key] += 1
            self.threads.add(threading.get_ident())
        if key in self.refused:
            raise LookupError(key)
        return f"value of {key}"


def _answer(ask: object, key: str) -> str:
    try:
        return str(ask(key))  # type: ignore[operator]
    except LookupError as exc:
        return f"raised {exc}"


keys = st.sampled_from("abcdefg")


@settings(deadline=None, max_examples=150)
@given(
    announced=st.lists(keys, max_size=12),
    asked=st.lists(keys, max_size=12) | st.none(),
    refused=st.frozensets(keys, max_size=3),
    threads=st.integers(1, 4),
    depth=st.integers(1, 6),
)
def test_the_answers_are_those_of_reading_each_when_asked(
    announced: list[str], asked: list[str] | None, refused: frozenset[str], threads: int, depth: int
) -> None:
    asked = announced if asked is None else asked  # mostly asked in the order announced
    objects = Objects(refused)
    with ReadAhead(objects.read, threads, depth) as ahead:
        ahead.announce(announced)
        answers = [_answer(ahead, key) for key in asked]
    assert answers == [_answer(Objects(refused).read, key) for key in asked]


def test_announced_reads_are_made_at_once_and_each_once() -> None:
    # Four reads that each wait for the other three: only reads under way together get past.
    together = threading.Barrier(4, timeout=10)
    objects = Objects()

    def read(key: str) -> str:
        together.wait()
        return objects.read(key)

    with ReadAhead(read, threads=4) as ahead:
        ahead.announce(["a", "b", "c", "d"])
        assert [ahead(key) for key in "abcd"] == [f"value of {key}" for key in "abcd"]
        assert ahead.asked_in_turn == 4
    assert objects.reads == Counter("abcd")
    assert threading.get_ident() not in objects.threads


def test_with_one_thread_each_read_is_made_in_the_caller_when_asked() -> None:
    together = threading.Barrier(2, timeout=0.5)

    def read(key: str) -> str:
        together.wait()  # no other read is ever under way with it
        return key

    with ReadAhead(read, threads=1) as ahead:
        ahead.announce(["a", "b"])
        with pytest.raises(threading.BrokenBarrierError):
            ahead("a")


def test_a_read_that_failed_raises_where_its_key_is_asked_and_the_others_still_answer() -> None:
    objects = Objects(frozenset("b"))
    with ReadAhead(objects.read, threads=3) as ahead:
        ahead.announce(["a", "b", "c"])
        assert ahead("a") == "value of a"
        with pytest.raises(LookupError, match="b"):
            ahead("b")
        assert ahead("c") == "value of c"


def test_a_key_asked_out_of_turn_is_read_in_the_caller() -> None:
    objects = Objects()
    with ReadAhead(objects.read, threads=2) as ahead:
        ahead.announce(["a", "b"])
        assert ahead("z") == "value of z"
        assert ahead("a") == "value of a"
        assert ahead.asked_in_turn == 1  # "a" was read ahead, "z" was not
    assert threading.get_ident() in objects.threads


def test_leaving_it_drops_the_reads_not_started_and_waits_for_those_under_way() -> None:
    objects, started = Objects(), threading.Event()

    def slow(key: str) -> str:
        started.set()
        time.sleep(0.05)
        return objects.read(key)

    ahead = ReadAhead(slow, threads=2, depth=4)
    with ahead:
        ahead.announce([str(n) for n in range(100)])
        assert ahead("0") == "value of 0"
    made = sum(objects.reads.values())
    assert made <= 1 + 4  # the one asked and at most a depth's worth ahead of it
    time.sleep(0.2)
    assert sum(objects.reads.values()) == made  # nothing read after it was left
