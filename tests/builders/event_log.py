"""A logger that keeps the events it is given, for tests that check what was logged; structlog's
``capture_logs`` misses loggers cached before it (the app caches them on first use)."""

from __future__ import annotations

from typing import Any


class EventLog:
    def __init__(self) -> None:
        self.lines: list[tuple[str, str, dict[str, Any]]] = []  # (level, event, fields)

    @property
    def events(self) -> list[str]:
        return [event for _, event, _ in self.lines]

    def debug(self, event: str, **fields: Any) -> None:
        self.lines.append(("debug", event, fields))

    def info(self, event: str, **fields: Any) -> None:
        self.lines.append(("info", event, fields))

    def warning(self, event: str, **fields: Any) -> None:
        self.lines.append(("warning", event, fields))

    def error(self, event: str, **fields: Any) -> None:
        self.lines.append(("error", event, fields))

    def bind(self, **_: Any) -> EventLog:
        return self
