"""From records to committed findings: the one path every source and command shares."""

from tagwarden.app.pipeline.principal_tags import PrincipalTagCache, effective_tags
from tagwarden.app.pipeline.processor import Processor
from tagwarden.core.ports.units import UnitResult

__all__ = ["PrincipalTagCache", "Processor", "UnitResult", "effective_tags"]
