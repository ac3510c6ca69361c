"""Alert sinks: each new finding pushed to Alertmanager, a webhook or SNS, through a store outbox."""

from tagwarden.adapters.sinks.base import DeliveryError, Sink
from tagwarden.adapters.sinks.dispatcher import Dispatcher
from tagwarden.adapters.sinks.selection import SinkRoute

__all__ = ["DeliveryError", "Dispatcher", "Sink", "SinkRoute"]
