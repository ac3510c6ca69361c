"""pydantic validation errors as one message a person can act on."""

from __future__ import annotations

from pydantic import ValidationError


def _location(parts: tuple[int | str, ...]) -> str:
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(top level)"


def describe_validation_error(exc: ValidationError, origin: str) -> str:
    lines = []
    for error in exc.errors():
        where = _location(tuple(error.get("loc", ())))
        message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
        given = error.get("input")
        shown = "" if isinstance(given, (dict, list)) or given is None else f" (got {given!r})"
        lines.append(f"{origin}: {where}: {message}{shown}")
    return "\n".join(lines)
