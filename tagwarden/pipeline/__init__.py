"""From records to committed findings: the one path every source and command shares."""

from tagwarden.pipeline.principals import PrincipalTagCache, effective_tags
from tagwarden.pipeline.processor import Processor, UnitResult
from tagwarden.pipeline.reporting import report_findings

__all__ = ["PrincipalTagCache", "Processor", "UnitResult", "effective_tags", "report_findings"]
