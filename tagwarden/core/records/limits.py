"""Bounds on what one input may cost, whatever it holds.

CloudTrail writes gzipped log files of at most a few tens of megabytes, with records of a few
kilobytes (it drops request parameters larger than about 100 KB), and AWS caps tag keys at 128
characters and values at 256. Every bound below sits far above what CloudTrail produces and far
below what would exhaust a 512 MiB container: an input beyond one is refused with the bound's
name as its reason (a metric label), and the records read before it are kept.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReadLimits:
    max_object_bytes: int = 256 * 1024 * 1024  # decompressed bytes of one object or file
    max_compression_ratio: int = 100  # decompressed / compressed bytes, once past ratio_floor_bytes
    ratio_floor_bytes: int = 8 * 1024 * 1024  # small objects are never refused for their ratio
    max_record_chars: int = 1024 * 1024  # one JSON value (a record, or a container's member)
    max_nesting: int = 64  # arrays and objects inside each other, in one record
    max_key_chars: int = 1024  # one tag key (AWS: 128)
    max_value_chars: int = 4096  # one tag value (AWS: 256)
    max_tags_per_record: int = 20_000  # tag keys set or removed by one record, over all its targets


DEFAULT_LIMITS = ReadLimits()
