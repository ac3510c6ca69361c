"""Prometheus metrics: the in-memory core. Exposition over HTTP lives in tagwarden.adapters.http."""

from tagwarden.adapters.metrics.registry import Metrics

__all__ = ["Metrics"]
