"""Request members of generated operations (roles.json) that hold a role or an instance profile:
shapes the member names alone do not tell, and members nested deep or under other verbs."""

from __future__ import annotations

from typing import Any

from tagwarden.app.demo.records import Caller, record
from tagwarden.core.compute.read import generated_operations
from tests.builders.compute_records import ACCOUNT, REGION, profile
from tests.core.compute.cases import ALICE
from tests.core.compute.scenario import replay

T = "2024-06-03T11:00:00Z"


def _flagged(records: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    return [(f.event_id, f.new_value) for f in replay(records) if f.kind == "compute_identity"]


def batch_create_compute_environment(who: Caller, instance_role: str) -> dict[str, Any]:
    """Batch CreateComputeEnvironment: ComputeResource.instanceRole is "the short name or full
    Amazon Resource Name (ARN) of an instance profile"
    (https://docs.aws.amazon.com/batch/latest/APIReference/API_ComputeResource.html)."""
    request = {
        "computeEnvironmentName": "ce1",
        "type": "MANAGED",
        "computeResources": {
            "type": "EC2",
            "maxvCpus": 16,
            "subnets": ["subnet-1"],
            "instanceTypes": ["optimal"],
            "instanceRole": instance_role,
        },
    }
    response = {
        "computeEnvironmentName": "ce1",
        "computeEnvironmentArn": f"arn:aws:batch:{REGION}:{ACCOUNT}:compute-environment/ce1",
    }
    return record(
        who,
        "batch.amazonaws.com",
        "CreateComputeEnvironment",
        request,
        response=response,
        time=T,
        event_id="batch-ce",
    )


def emr_run_job_flow(who: Caller, job_flow_role: str) -> dict[str, Any]:
    """EMR RunJobFlow: JobFlowRole is "also called instance profile and Amazon EC2 role"
    (https://docs.aws.amazon.com/emr/latest/APIReference/API_RunJobFlow.html)."""
    request = {
        "name": "c1",
        "releaseLabel": "emr-7.0.0",
        "instances": {"instanceCount": 1},
        "jobFlowRole": job_flow_role,
        "serviceRole": "EMR_DefaultRole",
    }
    response = {
        "jobFlowId": "j-1ABCDEF",
        "clusterArn": f"arn:aws:elasticmapreduce:{REGION}:{ACCOUNT}:cluster/j-1ABCDEF",
    }
    return record(
        who,
        "elasticmapreduce.amazonaws.com",
        "RunJobFlow",
        request,
        response=response,
        time=T,
        event_id="emr-run",
    )


def test_a_batch_instance_role_is_an_instance_profile() -> None:
    assert _flagged([batch_create_compute_environment(ALICE, profile("beta-profile"))]) == [
        ("batch-ce", "beta")
    ]
    assert _flagged([batch_create_compute_environment(ALICE, "alpha-profile")]) == []


def test_an_emr_job_flow_role_is_an_instance_profile() -> None:
    assert _flagged([emr_run_job_flow(ALICE, "beta-profile")]) == [("emr-run", "beta")]


def test_a_role_whose_documentation_only_later_mentions_an_instance_profile_stays_a_role() -> None:
    # EKS nodeRole: "the IAM role to associate with your node group. ... Nodes receive permissions
    # ... through an IAM instance profile"
    (entry,) = [e for e in generated_operations() if (e["model"], e["op"]) == ("eks", "CreateNodegroup")]
    assert "nodeRole" in entry["roles"]
    assert "nodeRole" not in entry.get("profiles", [])
