"""deploy/grafana/tagwarden.json with several replicas (overlays/ha): counts that every replica
reads from the one shared store, or that the scan's lease holder sets, are shown once, not once
per replica."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from tests.deploy.support import require_tool
from tests.deploy.test_grafana import GRAFANA_VARIABLES, expressions

# Each of two replicas exports the same series: the store's open findings (read at scrape time
# from the shared database) and the inventory's resources (a former lease holder keeps its last).
REPLICA_SERIES = (
    'tagwarden_open_findings{{job="tagwarden",instance="{instance}",severity="critical",kind="self_grant"}}',
    'tagwarden_open_findings{{job="tagwarden",instance="{instance}",severity="high",kind="lockout"}}',
    'tagwarden_inventory_resources{{job="tagwarden",instance="{instance}",account="111111111111"}}',
)
ONE_STORE_VALUE = 3
SHARED_METRICS = ("tagwarden_open_findings", "tagwarden_inventory_resources")


def shared_queries() -> list[str]:
    found = []
    for query in expressions():
        if any(metric in query for metric in SHARED_METRICS):
            filled = query
            for variable, value in GRAFANA_VARIABLES.items():
                filled = filled.replace(variable, value)
            found.append(filled)
    return found


def test_there_are_shared_count_panels() -> None:
    assert len(shared_queries()) >= 3


@pytest.mark.parametrize("query", shared_queries())
def test_a_shared_count_is_not_multiplied_by_the_replicas(query: str, tmp_path: Path) -> None:
    series = [
        {"series": template.format(instance=instance), "values": f"{ONE_STORE_VALUE}x10"}
        for instance in ("10.0.0.7:9464", "10.0.0.8:9464")
        for template in REPLICA_SERIES
    ]
    (tmp_path / "empty.yaml").write_text("groups: []\n", encoding="utf-8")
    tests = {
        "rule_files": ["empty.yaml"],
        "evaluation_interval": "1m",
        "tests": [
            {
                "interval": "1m",
                "input_series": series,
                "promql_expr_test": [
                    # Every value the panel shows is the store's count, and it shows some.
                    {"expr": f"({query}) != {ONE_STORE_VALUE}", "eval_time": "5m", "exp_samples": []},
                    {"expr": f"absent(({query}) == {ONE_STORE_VALUE})", "eval_time": "5m", "exp_samples": []},
                ],
            }
        ],
    }
    test_file = tmp_path / "replicas.test.yaml"
    test_file.write_text(yaml.safe_dump(tests), encoding="utf-8")
    result = subprocess.run(
        [require_tool("promtool"), "test", "rules", str(test_file)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, query + "\n" + result.stdout + result.stderr
