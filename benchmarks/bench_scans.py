"""Benchmark: the drift scan over 1,000,000 resources and 10,000 principals (target: < 20 s, peak
memory < 1 GiB), and the writers scan over 5,000 principals with realistic policies (< 60 s).

    python benchmarks/bench_scans.py            # both, each in a fresh process, and a summary
    python benchmarks/bench_scans.py drift      # one of them in this process
    python benchmarks/bench_scans.py writers

Each scan runs on one core over an inventory built in memory (no AWS, no store): the timing is
the scan's own, the peak resident set size is the whole process's, inventory included.

The drift inventory: 10 accounts, 4 regions, 8 resource types; every resource carries 3 to 5
tags (team, env, owner, cost-center, project), 1% lack the team tag, 0.2% spell it in another
case, 0.1% carry two team keys; 300 team values on resources, 290 of them held by principals.

The writers inventory, per account (5 accounts of 1,000 principals): 700 team roles (an ABAC
policy shared by all, a read-only policy, a 6-statement inline team policy naming the team's
buckets and queues; 40% with a permissions boundary), 150 users in 3 groups, 80 CI roles
(CloudFormation, PassRole, s3/ec2/lambda on prefixes, tag writes on the CI's own stacks), 45
power users (NotAction iam/organizations), 20 admins, 5 tag admins; 10 roles trust the account
with sts:TagSession, the others trust EC2 or the account without it. 1,000 resources of 10 types
per account; half the buckets deny insecure transport, 5 grant a role of the next account. The
organization: FullAWSAccess at every level, an OU SCP denying leaving the organization and
regions outside two; governed keys team (ABAC, written by TagAdmin) and cost-center.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tagwarden.app.scans.writers_scan import catalog_tag_actions
from tagwarden.core.drift import abac_keys, compute_drift
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.inventory.snapshot import (
    AccountInventory,
    Inventory,
    OrganizationPolicies,
    PolicyDocument,
    PrincipalRecord,
    ResourceRecord,
)
from tagwarden.core.writers import build_inputs, excess_findings, find_writers, governed_keys

GOVERNANCE = CompiledPolicy(
    parse_policy_document(
        {
            "version": 1,
            "abac_keys": ["team"],
            "rules": [
                {
                    "id": "team-writers",
                    "keys": ["team"],
                    "writers": [{"principal": "arn:aws:iam::*:role/TagAdmin-*"}],
                    "values": {"allowed": [f"team-{n}" for n in range(300)]},
                },
                {"id": "cost-center", "keys": ["cost-center"], "values": {"pattern": "^[0-9]{6}$"}},
            ],
        }
    )
)
REGIONS = ("us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2")


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def account(n: int) -> str:
    return f"{100000000000 + n:012d}"


# --- drift ------------------------------------------------------------------------------------


def _arn(i: int, acct: str, region: str) -> str:
    kind = i % 8
    if kind == 0:
        return f"arn:aws:s3:::bucket-{i:07d}"
    formats = (
        "",
        "arn:aws:ec2:{r}:{a}:instance/i-{i:017x}",
        "arn:aws:ec2:{r}:{a}:volume/vol-{i:017x}",
        "arn:aws:lambda:{r}:{a}:function:fn-{i}",
        "arn:aws:dynamodb:{r}:{a}:table/table-{i}",
        "arn:aws:sqs:{r}:{a}:queue-{i}",
        "arn:aws:kms:{r}:{a}:key/{i:08x}-0000-4000-8000-000000000000",
        "arn:aws:logs:{r}:{a}:log-group:/app/{i}",
    )
    return formats[kind].format(r=region, a=acct, i=i)


def drift_inventory(resources: int, principals: int) -> Inventory:
    teams = [sys.intern(f"team-{n}") for n in range(300)]
    envs = [sys.intern(e) for e in ("prod", "staging", "dev")]
    owners = [sys.intern(f"owner-{n}") for n in range(500)]
    centers = [sys.intern(f"{100000 + n}") for n in range(200)]
    accounts = [AccountInventory(account(n), 0.0) for n in range(10)]
    for i in range(resources):
        inv = accounts[i % 10]
        region = REGIONS[i % 4]
        tags: dict[str, str] = {"team": teams[i % 300], "env": envs[i % 3]}
        if i % 2:
            tags["owner"] = owners[i % 500]
        if i % 3:
            tags["cost-center"] = centers[i % 200]
        if i % 100 == 7:
            del tags["team"]
        elif i % 500 == 11:
            tags["team"] = teams[i % 300].upper()
        elif i % 1000 == 13:
            tags["Team"] = tags["team"]
        inv.resources.append(ResourceRecord(_arn(i, inv.account, region), inv.account, region, tags))
    for j in range(principals):
        inv = accounts[j % 10]
        kind = "role" if j % 4 else "user"
        tags = {"team": teams[j % 290], "owner": owners[j % 500]}
        inv.principals.append(
            PrincipalRecord(f"arn:aws:iam::{inv.account}:{kind}/p-{j}", kind, tags, inv.account)
        )
    return Inventory(accounts)


def bench_drift(resources: int = 1_000_000, principals: int = 10_000) -> dict[str, Any]:
    started = time.perf_counter()
    inventory = drift_inventory(resources, principals)
    built = time.perf_counter() - started
    rss_before = peak_rss_mib()
    started = time.perf_counter()
    keys = abac_keys(GOVERNANCE, {"team", "env", "owner", "cost-center", "Team"})
    items = compute_drift(inventory.resources, inventory.principals, GOVERNANCE, keys)
    elapsed = time.perf_counter() - started
    kinds: dict[str, int] = {}
    for item in items:
        kinds[item.kind] = kinds.get(item.kind, 0) + 1
    return {
        "scan": "drift",
        "resources": resources,
        "principals": principals,
        "build_seconds": round(built, 2),
        "scan_seconds": round(elapsed, 2),
        "rss_before_scan_mib": round(rss_before),
        "peak_rss_mib": round(peak_rss_mib()),
        "items": len(items),
        "by_kind": kinds,
    }


# --- writers ----------------------------------------------------------------------------------


def doc(*statements: dict[str, Any]) -> dict[str, Any]:
    return {"Version": "2012-10-17", "Statement": list(statements)}


READ_ONLY = doc(
    {
        "Effect": "Allow",
        "Action": ["ec2:Describe*", "s3:Get*", "s3:List*", "iam:Get*", "iam:List*", "logs:Get*"],
        "Resource": "*",
    }
)
ABAC = doc(
    {
        "Sid": "WorkOnOwnTeam",
        "Effect": "Allow",
        "Action": ["s3:*", "ec2:StartInstances", "ec2:StopInstances", "dynamodb:*", "lambda:*", "sqs:*"],
        "Resource": "*",
        "Condition": {"StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}},
    },
    {
        "Sid": "TagOnlyWithOwnTeam",
        "Effect": "Allow",
        "Action": ["ec2:CreateTags", "s3:PutBucketTagging", "lambda:TagResource", "dynamodb:TagResource"],
        "Resource": "*",
        "Condition": {
            "StringEquals": {
                "aws:ResourceTag/team": "${aws:PrincipalTag/team}",
                "aws:RequestTag/team": "${aws:PrincipalTag/team}",
            },
            "ForAllValues:StringEquals": {"aws:TagKeys": ["team", "env", "owner", "cost-center"]},
        },
    },
    {
        "Sid": "NeverChangeTeam",
        "Effect": "Deny",
        "Action": [
            "ec2:DeleteTags",
            "s3:DeleteBucketTagging",
            "lambda:UntagResource",
            "dynamodb:UntagResource",
        ],
        "Resource": "*",
        "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": ["team"]}},
    },
    {
        "Sid": "NoIam",
        "Effect": "Deny",
        "Action": ["iam:Tag*", "iam:Untag*", "iam:Put*", "iam:Attach*"],
        "Resource": "*",
    },
)
BOUNDARY = doc(
    {"Effect": "Allow", "NotAction": ["iam:*", "organizations:*", "account:*"], "Resource": "*"},
    {"Effect": "Deny", "Action": ["iam:TagRole", "iam:TagUser"], "Resource": "*"},
)
ADMIN = doc({"Effect": "Allow", "Action": "*", "Resource": "*"})
POWER_USER = doc({"Effect": "Allow", "NotAction": ["iam:*", "organizations:*", "account:*"], "Resource": "*"})
TAG_ADMIN = doc(
    {
        "Effect": "Allow",
        "Action": [
            "tag:*",
            "ec2:CreateTags",
            "ec2:DeleteTags",
            "s3:*Tagging",
            "iam:Tag*",
            "iam:Untag*",
            "kms:TagResource",
            "kms:UntagResource",
            "*:TagResource",
            "*:UntagResource",
        ],
        "Resource": "*",
    }
)


def ci_policy(acct: str, n: int) -> dict[str, Any]:
    return doc(
        {
            "Effect": "Allow",
            "Action": "cloudformation:*",
            "Resource": f"arn:aws:cloudformation:*:{acct}:stack/ci-{n}-*/*",
        },
        {"Effect": "Allow", "Action": "iam:PassRole", "Resource": f"arn:aws:iam::{acct}:role/app-*"},
        {
            "Effect": "Allow",
            "Action": ["s3:*"],
            "Resource": [f"arn:aws:s3:::ci-{n}-*", f"arn:aws:s3:::ci-{n}-*/*"],
        },
        {
            "Effect": "Allow",
            "Action": ["ec2:RunInstances", "ec2:CreateTags"],
            "Resource": "*",
            "Condition": {"StringEquals": {"aws:RequestTag/owner": f"ci-{n}"}},
        },
        {"Effect": "Allow", "Action": ["lambda:*"], "Resource": f"arn:aws:lambda:*:{acct}:function:ci-{n}-*"},
        {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::*:role/deploy-*"},
    )


def team_policy(team: str, acct: str) -> dict[str, Any]:
    return doc(
        {
            "Effect": "Allow",
            "Action": "s3:*",
            "Resource": [f"arn:aws:s3:::{team}-*", f"arn:aws:s3:::{team}-*/*"],
        },
        {
            "Effect": "Allow",
            "Action": ["sqs:SendMessage", "sqs:ReceiveMessage"],
            "Resource": f"arn:aws:sqs:*:{acct}:{team}-*",
        },
        {"Effect": "Allow", "Action": ["sns:Publish"], "Resource": f"arn:aws:sns:*:{acct}:{team}-*"},
        {
            "Effect": "Allow",
            "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
            "Resource": f"arn:aws:logs:*:{acct}:log-group:/{team}/*",
        },
        {
            "Effect": "Allow",
            "Action": ["dynamodb:GetItem", "dynamodb:PutItem"],
            "Resource": f"arn:aws:dynamodb:*:{acct}:table/{team}-*",
        },
        {
            "Effect": "Deny",
            "Action": "s3:DeleteBucket",
            "Resource": "*",
            "Condition": {"StringNotEquals": {"aws:PrincipalTag/role": "lead"}},
        },
    )


def trust(acct: str, tag_session: bool, service: bool) -> dict[str, Any]:
    if service:
        return doc(
            {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}
        )
    actions = ["sts:AssumeRole", "sts:TagSession"] if tag_session else "sts:AssumeRole"
    return doc({"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{acct}:root"}, "Action": actions})


def writers_inventory(accounts: int = 5, per_account: int = 1000) -> Inventory:
    inventories = []
    shared = {
        "ro": PolicyDocument("arn:aws:iam::aws:policy/ReadOnly", READ_ONLY),
        "abac": PolicyDocument("arn:aws:iam::aws:policy/TeamAbac", ABAC),
        "admin": PolicyDocument("arn:aws:iam::aws:policy/AdministratorAccess", ADMIN),
        "power": PolicyDocument("arn:aws:iam::aws:policy/PowerUserAccess", POWER_USER),
        "tag": PolicyDocument("TagAdministration", TAG_ADMIN),
        "boundary": PolicyDocument("DeveloperBoundary", BOUNDARY),
    }
    for a in range(accounts):
        acct = account(a)
        inv = AccountInventory(acct, 0.0)
        for i in range(per_account):
            team = f"team-{(a * 97 + i) % 290}"
            tags = {"team": team, "cost-center": f"{100000 + i % 50}"}
            trust_doc = PolicyDocument("trust", trust(acct, tag_session=i % 100 == 0, service=i % 3 == 0))
            if i < 700:
                inline = PolicyDocument(f"role/dev-{i} inline team", team_policy(team, acct))
                boundary = shared["boundary"] if i % 5 < 2 else None
                policies: tuple[PolicyDocument, ...] = (shared["abac"], shared["ro"], inline)
                name, kind = f"dev-{i}", "role"
            elif i < 850:
                group = PolicyDocument(f"group/devs-{i % 3} inline", team_policy(team, acct))
                policies, boundary, name, kind = (shared["abac"], group), None, f"user-{i}", "user"
                trust_doc = None  # type: ignore[assignment]
            elif i < 930:
                policies = (PolicyDocument(f"role/ci-{i} inline", ci_policy(acct, i)), shared["ro"])
                boundary, name, kind = None, f"ci-{i}", "role"
            elif i < 975:
                policies, boundary, name, kind = (shared["power"],), None, f"power-{i}", "role"
            elif i < 995:
                policies, boundary, name, kind = (shared["admin"],), None, f"admin-{i}", "role"
            else:
                policies, boundary, name, kind = (shared["tag"], shared["ro"]), None, f"TagAdmin-{i}", "role"
            inv.principals.append(
                PrincipalRecord(
                    f"arn:aws:iam::{acct}:{kind}/{name}",
                    kind,
                    tags,
                    acct,
                    policies,
                    boundary,
                    trust_doc if kind == "role" else None,
                )
            )
        inv.principals_complete = True
        for r in range(per_account):
            arn = _arn(r, acct, REGIONS[r % 2])
            if arn.startswith("arn:aws:s3:::"):
                arn = f"arn:aws:s3:::a{a}-bucket-{r}"
            tags = {"team": f"team-{r % 300}", "env": "prod"}
            inv.resources.append(ResourceRecord(arn, acct, REGIONS[r % 2], tags))
            if arn.startswith("arn:aws:s3:::") and r % 16 == 0:
                statement: dict[str, Any] = {
                    "Effect": "Deny",
                    "Principal": "*",
                    "Action": "s3:*",
                    "Resource": [arn, f"{arn}/*"],
                    "Condition": {"Bool": {"aws:SecureTransport": "false"}},
                }
                if r % 200 == 0:
                    statement = {
                        "Effect": "Allow",
                        "Principal": {
                            "AWS": f"arn:aws:iam::{account((a + 1) % accounts)}:role/ci-{900 + r % 30}"
                        },
                        "Action": ["s3:GetObject", "s3:PutObject", "s3:PutBucketTagging"],
                        "Resource": [arn, f"{arn}/*"],
                    }
                inv.resource_policies[arn] = PolicyDocument(f"bucket policy of {arn}", doc(statement))
        inventories.append(inv)
    full = PolicyDocument("FullAWSAccess", ADMIN)
    guard = PolicyDocument(
        "Guardrails",
        doc(
            {"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"},
            {
                "Effect": "Deny",
                "NotAction": ["iam:*", "sts:*", "organizations:*", "s3:*", "tag:*"],
                "Resource": "*",
                "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["us-east-1", "us-west-2"]}},
            },
        ),
    )
    scps = {account(a): ((full,), (full, guard), (full,)) for a in range(accounts)}
    return Inventory(inventories, [], OrganizationPolicies(None, scps, {}, "files"))


def bench_writers(accounts: int = 5, per_account: int = 1000) -> dict[str, Any]:
    inventory = writers_inventory(accounts, per_account)
    started = time.perf_counter()
    keys = governed_keys(GOVERNANCE, {"team", "cost-center", "env"})
    inputs = build_inputs(inventory, catalog_tag_actions())
    built = time.perf_counter() - started
    items = find_writers(inputs, GOVERNANCE, keys)
    findings = excess_findings(items, GOVERNANCE, time.time())
    elapsed = time.perf_counter() - started
    return {
        "scan": "writers",
        "principals": len(inputs.principals),
        "target_classes": len(inputs.classes),
        "session_roles": len(inputs.sessions),
        "keys": keys,
        "compile_seconds": round(built, 2),
        "scan_seconds": round(elapsed, 2),
        "peak_rss_mib": round(peak_rss_mib()),
        "items": len(items),
        "writers": len({(i.key, i.principal) for i in items}),
        "excess_writers": len({(i.key, i.principal) for i in items if not i.authorized}),
        "findings": len(findings),
        "problems": len(inputs.problems),
    }


BENCHES: dict[str, Callable[[], dict[str, Any]]] = {"drift": bench_drift, "writers": bench_writers}
TARGETS = {
    "drift": ("scan_seconds", 20.0, "peak_rss_mib", 1024),
    "writers": ("scan_seconds", 60.0, None, None),
}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "scan",
        nargs="?",
        choices=sorted(BENCHES),
        help="run this scan alone, in this process, and print its figures as JSON; without: both, "
        "each in a fresh process, against their targets (exit 1 when one is over)",
    )
    scan = parser.parse_args(argv).scan
    if scan:
        print(json.dumps(BENCHES[scan]()))
        return 0
    failed = False
    for name in BENCHES:
        output = subprocess.run(
            [sys.executable, __file__, name], check=True, capture_output=True, text=True
        ).stdout
        result = json.loads(output)
        time_key, time_limit, memory_key, memory_limit = TARGETS[name]
        ok = result[time_key] < time_limit and (memory_key is None or result[memory_key] < memory_limit)
        failed = failed or not ok
        print(f"{name}: {'ok' if ok else 'OVER TARGET'} {json.dumps(result)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
