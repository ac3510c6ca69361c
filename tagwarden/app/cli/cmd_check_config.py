"""tagwarden check-config: validate the configuration and the policy it names."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tagwarden.adapters.inventory.organization import OrganizationFilesError, organization_from_files
from tagwarden.adapters.sources.files import local_path
from tagwarden.app.cli.common import add_config_argument, load
from tagwarden.app.cli.errors import UsageError
from tagwarden.app.config import FilesSourceSettings, LoadedConfig
from tagwarden.core.settings.sinks import AlertmanagerSinkSettings
from tagwarden.core.settings.store_url import redacted


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check-config",
        help="validate the config file and its policy",
        description="Validate tagwarden.yaml and the governance policy it names, with environment overrides "
        "applied, and the SCP/RCP files inventory.organization names. Exit 0 when they are valid (a files "
        "source's local path that is not there yet is a warning), 2 with a message naming the key at "
        "fault otherwise.",
    )
    add_config_argument(parser)
    parser.set_defaults(func=run)


def _unreadable_organization_files(config: LoadedConfig) -> str | None:
    """The first SCP or RCP file inventory.organization names that cannot be read (a scan would
    fail on it), or None."""
    inventory = config.settings.inventory
    if inventory is None or inventory.organization.source not in ("files", "auto"):
        return None
    try:
        organization_from_files(inventory.organization, config.base_dir)
    except OrganizationFilesError as exc:
        return str(exc)
    return None


def _missing_local_paths(config: LoadedConfig) -> list[str]:
    """Local paths of files sources that are not there now (they may be mounted or synced later)."""
    missing = []
    for name, source in zip(config.settings.source_names(), config.settings.sources, strict=True):
        if isinstance(source, FilesSourceSettings):
            for entry in source.paths:
                path = local_path(entry, config.base_dir)
                if not entry.startswith("s3://") and not path.exists():
                    missing.append(
                        f"source {name!r}: {path} does not exist (yet): its polls will fail until it does"
                    )
    return missing


def run(args: argparse.Namespace) -> int:
    config = load(args)
    settings = config.settings
    policy = config.policy
    if (problem := _unreadable_organization_files(config)) is not None:
        raise UsageError(f"bad configuration:\n{problem}")
    for warning in _missing_local_paths(config):
        print(f"tagwarden: warning: {warning}", file=sys.stderr)
    print(f"config OK: {config.path}")
    print(f"  store:   {redacted(config.store_url())}")
    print(f"  http:    {settings.http.listen}{' (bearer token set)' if settings.http.token else ''}")
    print(f"  aws:     region {settings.aws.region}")
    for name, source in zip(settings.source_names(), settings.sources, strict=True):
        print(f"  source:  {name} ({source.type}, every {source.interval_seconds:g}s)")
    if not settings.sources:
        print("  source:  none configured: the daemon will only serve what is already stored")
    for name, sink in zip(settings.sink_names(), settings.sinks, strict=True):
        alerts = ""
        if isinstance(sink, AlertmanagerSinkSettings):
            alerts = (
                f"; open findings' alerts sent again every {sink.resend_seconds:g}s"
                if sink.resend_seconds is not None
                else f"; each alert sent once, ending {sink.alert_ttl_seconds:g}s later"
            )
        print(f"  sink:    {name} ({sink.type}, findings of severity {sink.min_severity} and above{alerts})")
    inventory = settings.inventory
    if inventory is None:
        print("  scans:   no inventory section: inventory, drift and writers scans are not scheduled")
    else:
        accounts = (
            "discovered from Organizations"
            if inventory.discover_accounts
            else (", ".join(a.id for a in inventory.accounts) if inventory.accounts else "the daemon's own")
        )
        regions = ", ".join(inventory.regions) if inventory.regions else settings.aws.region
        print(
            f"  scans:   accounts {accounts}; regions {regions}; every "
            f"{inventory.inventory_interval_seconds:g}s (inventory), {inventory.drift_interval_seconds:g}s "
            f"(drift), {inventory.writers_interval_seconds:g}s (writers)"
        )
    print(f"  policy:  {len(policy.rules)} rule(s); ABAC keys: {', '.join(policy.abac_keys) or 'none'}")
    return 0
