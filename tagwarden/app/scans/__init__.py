"""Scheduled scans beside the event sources: inventories, drift, who-can-write."""

from tagwarden.app.scans.jobs import ScanJob, Scans

__all__ = ["ScanJob", "Scans"]
