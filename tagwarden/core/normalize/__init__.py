"""CloudTrail records to TagChanges: pure functions over plain data."""

from tagwarden.core.normalize.normalizer import Normalizer
from tagwarden.core.normalize.result import Normalized

__all__ = ["Normalized", "Normalizer"]
