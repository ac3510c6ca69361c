"""Alert sinks: each new finding pushed to Alertmanager, a webhook or SNS, through a store outbox."""

from tagwarden.adapters.sinks.dispatcher import Dispatcher
from tagwarden.adapters.sinks.selection import SinkRoute
from tagwarden.adapters.sinks.sink import DeliveryError, Sink

__all__ = ["DeliveryError", "Dispatcher", "Sink", "SinkRoute"]
