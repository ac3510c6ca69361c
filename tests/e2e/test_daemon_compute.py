"""The real daemon, and `tagwarden replay`, on moto: every operation that gives a workload a role,
flagged and benign.

Roles and instance profiles are seeded in moto's IAM; the daemon learns the roles' tags
(ListRoleTags) and the profiles' roles (ListInstanceProfiles / GetInstanceProfile) from it, not
from the log. The log holds no CreateInstanceProfile or AddRoleToInstanceProfile for the seeded
profiles, so a profile's role can only have come from IAM.
"""

from __future__ import annotations

import gzip
import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest
import yaml

from tagwarden.core.model.finding import at_least
from tests.builders.launch_template_records import (
    create_auto_scaling_group,
    create_launch_template,
    template_spec,
)
from tests.core.compute.cases import ADMIN, ALICE, CaseLog, case_log
from tests.core.compute.scenario import POLICY, ROLE_TAGS
from tests.e2e.support import DaemonProcess, Deployment, seed_principals, sqs_source, wait_until

pytestmark = pytest.mark.e2e


def _seed_profiles() -> None:
    iam = boto3.client("iam")
    for team in ("alpha", "beta", "plain"):
        iam.create_instance_profile(InstanceProfileName=f"{team}-profile")
        iam.add_role_to_instance_profile(InstanceProfileName=f"{team}-profile", RoleName=f"app-{team}")


@pytest.fixture(scope="module")
def judged(
    moto_endpoint: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[CaseLog, list[dict[str, object]]]]:
    with pytest.MonkeyPatch.context() as patch:
        for name, value in (
            ("AWS_ENDPOINT_URL", moto_endpoint),
            ("AWS_ACCESS_KEY_ID", "testing"),
            ("AWS_SECRET_ACCESS_KEY", "testing"),
            ("AWS_DEFAULT_REGION", "us-east-1"),
        ):
            patch.setenv(name, value)
        import urllib.request

        urllib.request.urlopen(
            urllib.request.Request(f"{moto_endpoint}/moto-api/reset", method="POST")
        ).close()
        seed_principals(ROLE_TAGS, {"carol": {}})
        _seed_profiles()
        deployment = Deployment.create("compute")
        log = case_log()
        deployment.put_log("123456789012", log.records)
        daemon = DaemonProcess(tmp_path_factory.mktemp("daemon"), POLICY, sqs_source(deployment))
        daemon.start()
        try:
            wait_until(lambda: deployment.depth() == 0, 60, "the log's message to leave the queue")
            findings = wait_until(
                lambda: (
                    (f := daemon.findings_in_db())
                    and len([x for x in f if x["kind"] == "compute_identity"]) >= len(log.flagged)
                    and f
                ),
                30,
                f"{len(log.flagged)} compute_identity findings",
            )
            yield log, findings
        finally:
            daemon.close()


def test_the_daemon_flags_every_workload_given_another_teams_role(
    judged: tuple[CaseLog, list[dict[str, object]]],
) -> None:
    log, findings = judged
    flagged = {
        (f["event_id"], f["target"], f["old_value"], f["new_value"])
        for f in findings
        if f["kind"] == "compute_identity"
    }
    assert flagged == log.flagged
    assert {f["severity"] for f in findings if f["kind"] == "compute_identity"} == {"critical"}


def test_the_daemon_raises_nothing_on_the_benign_grants(
    judged: tuple[CaseLog, list[dict[str, object]]],
) -> None:
    log, findings = judged
    assert [
        f for f in findings if f["event_id"] in log.benign and at_least(str(f["severity"]), "warning")
    ] == []


def test_tagwarden_replay_over_the_log_files_finds_the_same(aws: str, tmp_path: Path) -> None:
    seed_principals(ROLE_TAGS, {"carol": {}})
    _seed_profiles()
    log = case_log()
    logs = tmp_path / "logs"
    logs.mkdir()
    name = "123456789012_CloudTrail_us-east-1_20240603T1000Z_abcdef.json.gz"
    (logs / name).write_bytes(gzip.compress(json.dumps({"Records": log.records}).encode()))
    config = tmp_path / "tagwarden.yaml"
    store = tmp_path / "state.db"
    config.write_text(
        yaml.safe_dump(
            {"policy": POLICY, "store": {"url": f"sqlite:///{store}"}, "logging": {"format": "json"}}
        )
    )
    done = subprocess.run(
        [sys.executable, "-m", "tagwarden", "replay", "--config", str(config), str(logs)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(store) as conn:
        conn.row_factory = sqlite3.Row
        findings = [dict(row) for row in conn.execute("SELECT * FROM findings")]
    flagged = {
        (f["event_id"], f["target"], f["old_value"], f["new_value"])
        for f in findings
        if f["kind"] == "compute_identity"
    }
    assert flagged == log.flagged
    assert [
        f for f in findings if f["event_id"] in log.benign and at_least(str(f["severity"]), "warning")
    ] == []


def assert_group_given_beta(daemon: DaemonProcess) -> None:
    """The group (event ``asg``) is flagged for running team beta's role, as a new resource."""
    found = wait_until(
        lambda: [f for f in daemon.findings_in_db() if f["event_id"] == "asg"], 60, "the group's finding"
    )
    said = [(f["kind"], f["old_value"], f["new_value"]) for f in found]
    assert said == [("compute_identity", None, "beta")]


def test_a_daemon_restarted_judges_a_group_on_a_template_it_saw_made_before(aws: str, tmp_path: Path) -> None:
    """The launch template's records reach the first daemon; the group's reach the daemon started
    again on the same store: what the first learned is read back from the store."""
    seed_principals(ROLE_TAGS, {"carol": {}})
    _seed_profiles()
    deployment = Deployment.create("compute-restart")
    template = create_launch_template(
        ADMIN, "lt-0feedfacefeedface", "web", "beta-profile", time="2024-06-05T09:00:00Z", event_id="lt"
    )
    group = create_auto_scaling_group(
        ALICE, "asg-web", template_spec("lt-0feedfacefeedface"), time="2024-06-05T09:05:00Z", event_id="asg"
    )
    first = DaemonProcess(tmp_path, POLICY, sqs_source(deployment)).start()
    try:
        deployment.put_log("123456789012", [template])
        wait_until(lambda: deployment.depth() == 0, 60, "the template's log to leave the queue")
        code, _ = first.stop()
        assert code == 0
    finally:
        first.close()
    again = DaemonProcess(tmp_path, POLICY, sqs_source(deployment)).start()
    try:
        deployment.put_log("123456789012", [group])
        assert_group_given_beta(again)
    finally:
        again.close()


def test_the_daemon_asks_ec2_for_a_template_made_before_it_watched(aws: str, tmp_path: Path) -> None:
    """No record of the template reaches the daemon: its version's profile comes from EC2."""
    seed_principals(ROLE_TAGS, {"carol": {}})
    _seed_profiles()
    made = boto3.client("ec2").create_launch_template(
        LaunchTemplateName="web-before", LaunchTemplateData={"IamInstanceProfile": {"Name": "beta-profile"}}
    )
    template_id = made["LaunchTemplate"]["LaunchTemplateId"]
    deployment = Deployment.create("compute-ec2")
    group = create_auto_scaling_group(
        ALICE, "asg-before", template_spec(template_id), time="2024-06-05T09:05:00Z", event_id="asg"
    )
    daemon = DaemonProcess(tmp_path, POLICY, sqs_source(deployment)).start()
    try:
        deployment.put_log("123456789012", [group])
        assert_group_given_beta(daemon)
    finally:
        daemon.close()
