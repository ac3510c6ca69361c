"""The Alertmanager configuration deploy/README.md asks the reader to add is one amtool accepts,
and it silences the rule's count by the sink's alert of the same kind and severity."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml

from tagwarden.adapters.sinks.alertmanager import ALERT_NAME
from tests.deploy.support import ALERTS_FILE, DEPLOY, require_tool


def _inhibit_rules() -> list[dict[str, object]]:
    text = (DEPLOY / "README.md").read_text(encoding="utf-8")
    (block,) = [b for b in re.findall(r"```yaml\n(.*?)```", text, re.S) if "inhibit_rules" in b]
    document = yaml.safe_load(block)
    rules = document["inhibit_rules"]
    assert isinstance(rules, list)
    return rules


def test_the_inhibit_rule_is_valid_alertmanager_configuration(tmp_path: Path) -> None:
    amtool = require_tool("amtool")
    config = {"route": {"receiver": "on-call"}, "receivers": [{"name": "on-call"}]}
    config["inhibit_rules"] = _inhibit_rules()  # type: ignore[assignment]
    path = tmp_path / "alertmanager.yml"
    path.write_text(yaml.safe_dump(config))
    result = subprocess.run([amtool, "check-config", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_inhibit_rule_names_the_sink_s_alert_and_the_rule_s() -> None:
    (rule,) = _inhibit_rules()
    assert rule["source_matchers"] == [f'alertname="{ALERT_NAME}"']
    (target,) = rule["target_matchers"]  # type: ignore[misc]
    name = target.split('"')[1]
    assert f"alert: {name}\n" in ALERTS_FILE.read_text(encoding="utf-8")
    # Labels both alerts carry, so one finding silences only the count of its own kind.
    assert rule["equal"] == ["kind", "severity"]
