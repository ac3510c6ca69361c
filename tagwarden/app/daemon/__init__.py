"""The long-running service: scheduling, health, HTTP, shutdown."""

from tagwarden.app.daemon.service import Daemon

__all__ = ["Daemon"]
