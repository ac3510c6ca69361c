"""An inventory teaches the managed policies of the roles tagwarden reads with, so that a new default
version of one is a control call: the roles' permissions change with no call on the roles themselves."""

from __future__ import annotations

import json
from pathlib import Path

import boto3
import yaml

from tagwarden.app.config import load_config
from tagwarden.app.logs import get_logger
from tagwarden.app.scans import Scans
from tagwarden.app.wiring import build_parts
from tests.builders.scan_scenario import A, trust, write_config
from tests.core.controls import records as r

READ = json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}]}
)


def _policy(iam: object, name: str) -> str:
    return str(iam.create_policy(PolicyName=name, PolicyDocument=READ)["Policy"]["Arn"])  # type: ignore[attr-defined]


def _new_default(policy_arn: str) -> dict[str, object]:
    record = r.iam_policy_call("SetDefaultPolicyVersion", policy_arn, versionId="v2")
    record["recipientAccountId"] = A
    return record


def test_each_inventory_teaches_the_policies_of_the_roles_tagwarden_reads_with(
    aws: str, tmp_path: Path
) -> None:
    iam = boto3.client("iam")
    reader, boundary, team = (
        _policy(iam, "tagwarden-read"),
        _policy(iam, "tagwarden-bound"),
        _policy(iam, "team"),
    )
    iam.create_role(
        RoleName="TagwardenReadOnly", AssumeRolePolicyDocument=trust(A), PermissionsBoundary=boundary
    )
    iam.attach_role_policy(RoleName="TagwardenReadOnly", PolicyArn=reader)
    iam.create_role(RoleName="dev-alpha", AssumeRolePolicyDocument=trust(A))
    iam.attach_role_policy(RoleName="dev-alpha", PolicyArn=team)
    config = load_config(write_config(tmp_path, [A]), env={})
    log = get_logger()
    parts = build_parts(config, log)
    scans = Scans(config, parts, log)
    controls = parts.processor.controls

    def flagged(policy_arn: str) -> bool:
        return bool(controls.classify([(0.0, _new_default(policy_arn))]))

    assert not flagged(reader)  # nothing known of the role before an inventory reads it
    assert scans.run({job.name: job for job in scans.jobs()}["inventory"])
    assert flagged(reader)
    assert flagged(boundary)
    assert not flagged(team)  # another role's policy

    # The next inventory replaces what the last one read.
    iam.detach_role_policy(RoleName="TagwardenReadOnly", PolicyArn=reader)
    assert scans.inventory()
    assert not flagged(reader)
    parts.store.close()


def test_the_principals_inventory_teaches_them_too(aws: str, tmp_path: Path) -> None:
    iam = boto3.client("iam")
    reader = _policy(iam, "tagwarden-read")
    iam.create_role(RoleName="TagwardenReadOnly", AssumeRolePolicyDocument=trust(A))
    iam.attach_role_policy(RoleName="TagwardenReadOnly", PolicyArn=reader)
    path = write_config(tmp_path, [A])
    document = yaml.safe_load(path.read_text())
    del document["inventory"]
    document["aws"]["principal_inventory_interval_seconds"] = 600
    path.write_text(yaml.safe_dump(document))
    config = load_config(path, env={})
    log = get_logger()
    parts = build_parts(config, log)
    parts.processor.delivery.add_watcher_role(A, "TagwardenReadOnly", "the role the tagwarden daemon runs as")
    scans = Scans(config, parts, log)
    assert scans.principal_inventory()  # reads no policy documents, but names the attached ones
    assert parts.processor.controls.classify([(0.0, _new_default(reader))])
    parts.store.close()
