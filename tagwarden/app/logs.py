"""structlog set-up: JSON lines for machines, readable lines on a terminal."""

from __future__ import annotations

import json
import logging
import sys
from typing import Any, Literal, TextIO

import msgspec
import structlog

LogFormat = Literal["auto", "json", "console"]
LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING, "error": logging.ERROR}


class _StderrLogger:
    """Writes to whatever ``sys.stderr`` is at the time of each line (tests and tools swap it)."""

    def msg(self, message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    log = debug = info = warn = warning = error = critical = exception = fatal = failure = err = msg


_ENCODER = msgspec.json.Encoder()


def _json_line(event: dict[str, Any], **json_options: Any) -> str:
    """A log line holding the JSON value ``json.dumps`` would write, about twice as fast (compact,
    and NaN as null rather than the non-standard NaN). msgspec's encoding is taken only when it is
    pure ASCII: json.dumps escapes everything else, C1 control characters included, so that no
    line can drive a terminal; such a line goes to json.dumps with structlog's options."""
    try:
        line = _ENCODER.encode(event)
    except (TypeError, ValueError, UnicodeEncodeError, OverflowError):
        return json.dumps(event, **json_options)
    return line.decode() if line.isascii() else json.dumps(event, **json_options)


def configure_logging(level: str = "info", fmt: LogFormat = "auto", stream: TextIO | None = None) -> None:
    out = stream or sys.stderr
    as_json = fmt == "json" or (fmt == "auto" and not out.isatty())
    renderer: Any = (
        structlog.processors.JSONRenderer(serializer=_json_line)
        if as_json
        else structlog.dev.ConsoleRenderer()
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(LEVELS.get(level, logging.INFO)),
        logger_factory=(lambda *_: _StderrLogger()) if stream is None else structlog.PrintLoggerFactory(out),
        cache_logger_on_first_use=False,
    )
    # Libraries log through the standard library; keep them quiet unless they have something to say.
    logging.basicConfig(level=logging.WARNING, stream=out, format="%(levelname)s %(name)s: %(message)s")
    for noisy in ("botocore", "boto3", "urllib3", "apscheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # A poll that outlasts its interval (an SQS drain) makes APScheduler skip the next run with a
    # warning; that is the intended "never two runs of one source at once", not a problem.
    logging.getLogger("apscheduler.scheduler").setLevel(logging.ERROR)


def get_logger(name: str = "tagwarden") -> Any:
    return structlog.get_logger(name)
