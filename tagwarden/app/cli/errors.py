"""Exit codes and the errors that map to them."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """A failure the user can act on; ``exit_code`` says which kind."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILURE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class UsageError(CommandError):
    """Bad arguments or bad configuration: exit 2."""

    def __init__(self, message: str) -> None:
        super().__init__(message, EXIT_USAGE)
