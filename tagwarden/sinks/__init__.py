"""Alert sinks: each new finding pushed to Alertmanager, a webhook or SNS, through a store outbox."""

from tagwarden.sinks.base import DeliveryError, Sink
from tagwarden.sinks.dispatcher import Dispatcher
from tagwarden.sinks.routing import SinkRoute

__all__ = ["DeliveryError", "Dispatcher", "Sink", "SinkRoute"]
