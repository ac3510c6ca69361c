"""The daemon's one HTTP port: metrics, health, readiness and the findings API."""

from tagwarden.adapters.http.routing import Request, Response, Router
from tagwarden.adapters.http.server import HttpListenError, HttpServer

__all__ = ["HttpListenError", "HttpServer", "Request", "Response", "Router"]
