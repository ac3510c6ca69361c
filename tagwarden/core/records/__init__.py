"""Reading CloudTrail records out of every container they arrive in, as a stream."""

from tagwarden.core.records.containers import ReadProblem, iter_records, iter_records_from_value
from tagwarden.core.records.opening import open_maybe_gzip

__all__ = ["ReadProblem", "iter_records", "iter_records_from_value", "open_maybe_gzip"]
