"""The AWS error code of an exception, for metrics labels and decisions on retry."""

from __future__ import annotations


def error_code(exc: BaseException, default: str = "") -> str:
    """``Error.Code`` of a botocore ClientError; ``default`` for anything else or no code."""
    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        code = response.get("Error", {}).get("Code")
        if code:
            return str(code)
    return default
