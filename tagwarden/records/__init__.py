"""Reading CloudTrail records out of every container they arrive in, as a stream."""

from tagwarden.records.containers import ReadProblem, iter_records, iter_records_from_value
from tagwarden.records.opening import open_maybe_gzip

__all__ = ["ReadProblem", "iter_records", "iter_records_from_value", "open_maybe_gzip"]
