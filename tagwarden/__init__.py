"""tagwarden: watches CloudTrail for tag changes and keeps ABAC honest."""

__version__ = "0.1.0"
