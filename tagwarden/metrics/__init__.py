"""Prometheus metrics: the in-memory core. Exposition over HTTP lives in tagwarden.http."""

from tagwarden.metrics.registry import Metrics

__all__ = ["Metrics"]
