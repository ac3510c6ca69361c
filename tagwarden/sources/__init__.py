"""Where records come from: SQS notifications, files and S3 prefixes, CloudTrail LookupEvents."""

from tagwarden.sources.base import PollResult, Source

__all__ = ["PollResult", "Source"]
