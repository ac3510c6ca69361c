"""A store file opened by one process after another, as a restarted daemon does."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from tagwarden.adapters.store import Store, open_store

Result = TypeVar("Result")


def in_each_process(folder: Path, runs: int, run: Callable[[Store], Result]) -> list[Result]:
    """``run`` on a store file in ``folder``, ``runs`` times, the store opened anew and closed each time."""
    results: list[Result] = []
    for _ in range(runs):
        store = open_store(f"sqlite:///{folder / 'state.db'}")
        try:
            results.append(run(store))
        finally:
            store.close()
    return results
