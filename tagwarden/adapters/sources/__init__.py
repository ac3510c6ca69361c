"""Where records come from: SQS notifications, files and S3 prefixes, CloudTrail LookupEvents."""

from tagwarden.adapters.sources.source import PollResult, Source

__all__ = ["PollResult", "Source"]
