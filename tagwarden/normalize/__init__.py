"""CloudTrail records to TagChanges: pure functions over plain data."""

from tagwarden.normalize.normalizer import Normalizer
from tagwarden.normalize.result import Normalized

__all__ = ["Normalized", "Normalizer"]
