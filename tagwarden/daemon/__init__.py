"""The long-running service: scheduling, health, HTTP, shutdown."""

from tagwarden.daemon.service import Daemon

__all__ = ["Daemon"]
