"""The AWS error code of an exception, for metrics labels and decisions on retry."""

from __future__ import annotations

from botocore.exceptions import BotoCoreError, ClientError
from botocore.parsers import ResponseParserError

# An AWS call that got no answer it could read: the network, a timeout, no credentials, or a body
# botocore cannot parse (ResponseParserError, which is not a BotoCoreError). Not a refusal.
NO_ANSWER: tuple[type[Exception], ...] = (BotoCoreError, ResponseParserError)
# Any failed AWS call: a refusal (ClientError) or no answer.
AWS_ERRORS: tuple[type[Exception], ...] = (ClientError, *NO_ANSWER)


def error_code(exc: BaseException, default: str = "") -> str:
    """``Error.Code`` of a botocore ClientError; ``default`` for anything else or no code."""
    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        code = response.get("Error", {}).get("Code")
        if code:
            return str(code)
    return default


_TRANSIENT_CODES = frozenset(
    {
        "InternalError",
        "InternalFailure",
        "ServiceUnavailable",
        "SlowDown",
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottled",
        "RequestLimitExceeded",
        "TooManyRequestsException",
        "RequestTimeout",
        "RequestTimeoutException",
        "PriorRequestNotComplete",
    }
)


def is_transient(exc: BaseException) -> bool:
    """True for a ClientError that a later retry may not see: a 5xx, throttling, a timeout."""
    response = getattr(exc, "response", None)
    if not isinstance(response, dict):
        return False
    return transient_answer(error_code(exc), response.get("ResponseMetadata", {}).get("HTTPStatusCode"))


def transient_answer(code: str, status: object) -> bool:
    """The same, from an error code and HTTP status given apart (a batch call's per-item failure)."""
    if isinstance(status, int) and (status >= 500 or status == 429):
        return True
    return code in _TRANSIENT_CODES or code == "InternalServiceException"
