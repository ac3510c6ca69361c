"""SIGTERM and SIGINT held from the first moment of ``tagwarden run`` until the daemon's handlers
take them (tagwarden.app.held_signals). The real signals are raised in this process."""

from __future__ import annotations

import signal
from pathlib import Path
from types import FrameType

import pytest

from tagwarden.app.cli.main import main
from tagwarden.app.held_signals import HeldSignals, install_stop_handler, take_held
from tests.builders.cli_config import write_daemon_config

STOP = (signal.SIGTERM, signal.SIGINT)


def _handlers() -> dict[int, object]:
    return {signum: signal.getsignal(signum) for signum in STOP}


def test_signals_held_are_noted_not_acted_on_and_the_handlers_are_put_back() -> None:
    before = _handlers()
    with HeldSignals():
        signal.raise_signal(signal.SIGTERM)  # without the hold: this process would be killed
        signal.raise_signal(signal.SIGINT)  # and this a KeyboardInterrupt
        assert take_held() == [signal.SIGTERM, signal.SIGINT]
        assert take_held() == []  # taken once
    assert _handlers() == before
    assert take_held() == []  # nothing holds them any more


def test_the_stop_handler_gets_what_was_held_at_once_then_what_comes_after() -> None:
    got: list[int] = []

    def handle(signum: int, _frame: FrameType | None) -> None:
        got.append(signum)

    with HeldSignals():
        signal.raise_signal(signal.SIGINT)
        signal.raise_signal(signal.SIGTERM)
        held_handlers = _handlers()
        restore = install_stop_handler(handle)
        assert got == [signal.SIGINT, signal.SIGTERM]
        signal.raise_signal(signal.SIGTERM)
        assert got == [signal.SIGINT, signal.SIGTERM, signal.SIGTERM]
        restore()
        assert _handlers() == held_handlers


def test_with_nothing_held_the_stop_handler_is_only_installed() -> None:
    got: list[int] = []
    before = _handlers()
    restore = install_stop_handler(lambda signum, _frame: got.append(signum))
    try:
        assert got == []
        signal.raise_signal(signal.SIGTERM)
        assert got == [signal.SIGTERM]
    finally:
        restore()
    assert _handlers() == before


@pytest.mark.usefixtures("no_aws")
def test_run_puts_back_the_handlers_it_found(tmp_path: Path) -> None:
    # Tests and tools run it in-process: neither the hold nor the daemon's handlers outlive it.
    (tmp_path / "logs").mkdir()
    sources = [{"type": "files", "name": "copy", "paths": [str(tmp_path / "logs")]}]
    config = write_daemon_config(tmp_path, sources=sources)
    before = _handlers()
    assert main(["run", "--once", "--config", str(config)]) == 0
    assert _handlers() == before
