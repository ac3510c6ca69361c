"""deploy/grafana/tagwarden.json: a valid dashboard that queries only metrics tagwarden exports."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import yaml

from tests.deploy.support import DEPLOY, METRIC_NAME, known_metric_names, require_tool

DASHBOARD = DEPLOY / "grafana" / "tagwarden.json"
DATASOURCE_REF = {"type": "prometheus", "uid": "${datasource}"}
# Grafana's own variables, replaced by sample values to check the PromQL with promtool.
GRAFANA_VARIABLES = {"$__rate_interval": "5m", "$job": ".*", "$instance": ".*"}


def dashboard() -> dict[str, Any]:
    document = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def panels() -> list[dict[str, Any]]:
    """Every panel that queries data (rows only group them)."""
    return [panel for panel in dashboard()["panels"] if panel["type"] != "row"]


def expressions() -> list[str]:
    return [target["expr"] for panel in panels() for target in panel["targets"]]


def test_dashboard_is_valid_json_with_identity() -> None:
    board = dashboard()
    assert board["title"] == "tagwarden"
    assert re.fullmatch(r"[a-zA-Z0-9_-]{1,40}", board["uid"])
    assert isinstance(board["schemaVersion"], int)
    ids = [panel["id"] for panel in board["panels"]]
    assert len(ids) == len(set(ids)), "panel ids must be unique"


def test_datasource_is_a_variable() -> None:
    variables = {variable["name"]: variable for variable in dashboard()["templating"]["list"]}
    assert variables["datasource"]["type"] == "datasource"
    assert variables["datasource"]["query"] == "prometheus"
    for panel in panels():
        assert panel["datasource"] == DATASOURCE_REF, panel["title"]
        assert panel["targets"], f"{panel['title']} has no query"
        for target in panel["targets"]:
            assert target["datasource"] == DATASOURCE_REF, panel["title"]
    for name in ("job", "instance"):
        assert variables[name]["datasource"] == DATASOURCE_REF


def test_every_queried_metric_is_exported() -> None:
    used = {name for expr in expressions() for name in METRIC_NAME.findall(expr)}
    unknown = used - known_metric_names()
    assert not unknown, f"the dashboard queries metrics tagwarden does not export: {sorted(unknown)}"
    for variable in dashboard()["templating"]["list"]:
        query = variable.get("definition", "")
        assert set(METRIC_NAME.findall(query)) <= known_metric_names(), query


def test_the_asked_for_panels_are_there() -> None:
    used_by_title = {panel["title"]: " ".join(t["expr"] for t in panel["targets"]) for panel in panels()}
    wanted = {
        "tagwarden_findings_total": "findings by kind and severity",
        "tagwarden_open_findings": "open findings",
        "tagwarden_records_read_total": "records read rate",
        "tagwarden_tag_changes_total": "tag changes rate",
        "tagwarden_source_poll_duration_seconds_bucket": "poll duration",
        "tagwarden_source_last_success_timestamp_seconds": "last success age",
        "tagwarden_source_errors_total": "source errors",
        "tagwarden_drift_items": "drift items",
        "tagwarden_tag_writers": "tag writers",
        "tagwarden_sink_pending": "sink pending",
        "tagwarden_aws_requests_total": "AWS requests",
    }
    for metric, what in wanted.items():
        assert any(metric in exprs for exprs in used_by_title.values()), f"no panel shows {what}"
    assert any(
        re.search(r"by \(kind, severity\) \(increase\(tagwarden_findings_total", exprs)
        for exprs in used_by_title.values()
    ), "no panel shows new findings by kind and severity"


def test_panels_do_not_overlap() -> None:
    cells: dict[tuple[int, int], str] = {}
    for panel in dashboard()["panels"]:
        grid = panel["gridPos"]
        assert grid["x"] + grid["w"] <= 24, panel["title"]
        for x in range(grid["x"], grid["x"] + grid["w"]):
            for y in range(grid["y"], grid["y"] + grid["h"]):
                assert (x, y) not in cells, f"{panel['title']} overlaps {cells[(x, y)]}"
                cells[(x, y)] = panel["title"]


def test_every_query_is_valid_promql(tmp_path: Path) -> None:
    """promtool parses each query, once Grafana's variables are filled in."""
    rules = []
    for index, query in enumerate(expressions()):
        expr = query
        for variable, value in GRAFANA_VARIABLES.items():
            expr = expr.replace(variable, value)
        assert "$" not in expr.replace('"$1"', ""), f"unknown Grafana variable in {expr}"
        rules.append({"record": f"tagwarden:dashboard_query_{index}", "expr": expr})
    rule_file = tmp_path / "dashboard-queries.yaml"
    rule_file.write_text(
        yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}), encoding="utf-8"
    )
    result = subprocess.run(
        [require_tool("promtool"), "check", "rules", str(rule_file)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
