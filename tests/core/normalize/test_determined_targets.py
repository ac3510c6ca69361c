"""Targets the record determines that the catalog once reported unresolved (event sources m… to z…).

Each record is written from the operation's API reference (cited by AWS's stable ``goto/WebAPI``
link) in the casing CloudTrail logs; each expected ARN by hand from the Service Authorization
Reference's format of the resource type (cited), never by running the normalizer.
"""

from __future__ import annotations

from typing import Any

import pytest

from tagwarden.core.normalize import Normalizer
from tagwarden.core.normalize.catalog import catalog_document
from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import record, upper
from tests.core.normalize.test_catalog_rules import entry
from tools.catalog_build.targets import documented_as_arn

NORMALIZER = Normalizer()
RULE_ID = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
APP, CAMPAIGN = "6e0b7591a90841d2b5d93fa11143e5a7", "b8b7c4d1e9f04c7a8f3e2d1c0b9a8f7e"


def _targets(made: dict[str, Any]) -> list[tuple[str, str, dict[str, str]]]:
    result = NORMALIZER.normalize(made)
    assert result.unreadable is None, result.unreadable
    return [(change.target_kind, change.target, dict(change.set)) for change in result.changes]


# https://docs.aws.amazon.com/goto/WebAPI/workspaces-2015-04-08/CreateWorkspaces: PendingRequests
# are Workspace structures echoing DirectoryId, UserName and BundleId; the ARN format
# workspace/${WorkspaceId} is the reference's (SAR list_amazonworkspaces).
def _workspace(user: str, team: str) -> dict[str, Any]:
    return {
        "directoryId": "d-926722edaf",
        "userName": user,
        "bundleId": "wsb-0zsvgp8fc",
        "tags": upper(team=team),
    }


def _pending(user: str, workspace_id: str) -> dict[str, Any]:
    return {
        "workspaceId": workspace_id,
        "directoryId": "d-926722edaf",
        "userName": user,
        "bundleId": "wsb-0zsvgp8fc",
    }


def test_each_workspace_request_gets_its_tags_on_the_workspace_it_became() -> None:
    made = record(
        "workspaces",
        "CreateWorkspaces",
        {"workspaces": [_workspace("Mary", "alpha"), _workspace("Juan", "beta")]},
        {
            "failedRequests": [],
            "pendingRequests": [_pending("Juan", "ws-0b1b2c3d4"), _pending("Mary", "ws-c8wvb67p0")],
        },
        region="eu-west-1",
    )

    assert _targets(made) == [
        ("resource", f"arn:aws:workspaces:eu-west-1:{A}:workspace/ws-c8wvb67p0", {"team": "alpha"}),
        ("resource", f"arn:aws:workspaces:eu-west-1:{A}:workspace/ws-0b1b2c3d4", {"team": "beta"}),
    ]


def test_a_workspace_request_that_failed_or_matches_two_is_unresolved() -> None:
    failed = record(
        "workspaces",
        "CreateWorkspaces",
        {"workspaces": [_workspace("Mary", "alpha"), _workspace("Juan", "beta")]},
        {
            "failedRequests": [
                {"workspaceRequest": _workspace("Juan", "beta"), "errorCode": "ResourceLimitExceeded"}
            ],
            "pendingRequests": [_pending("Mary", "ws-c8wvb67p0")],
        },
    )
    twice = record(
        "workspaces",
        "CreateWorkspaces",
        {"workspaces": [_workspace("Mary", "alpha"), _workspace("Mary", "beta")]},
        {"pendingRequests": [_pending("Mary", "ws-c8wvb67p0"), _pending("Mary", "ws-0b1b2c3d4")]},
    )

    assert _targets(failed) == [
        ("resource", f"arn:aws:workspaces:us-east-1:{A}:workspace/ws-c8wvb67p0", {"team": "alpha"}),
        ("unresolved", "workspaces:workspaceid/?", {"team": "beta"}),
    ]
    assert [kind for kind, _, _ in _targets(twice)] == ["unresolved", "unresolved"]


def test_a_standby_workspace_is_matched_by_its_directory() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/workspaces-2015-04-08/CreateStandbyWorkspaces
    made = record(
        "workspaces",
        "CreateStandbyWorkspaces",
        {
            "primaryRegion": "us-east-1",
            "standbyWorkspaces": [
                {
                    "primaryWorkspaceId": "ws-c8wvb67p0",
                    "directoryId": "d-9067a1b2c3",
                    "tags": upper(team="alpha"),
                }
            ],
        },
        {
            "failedStandbyRequests": [],
            "pendingStandbyRequests": [
                {"workspaceId": "ws-3f4g5h6j7", "directoryId": "d-9067a1b2c3", "state": "PENDING"}
            ],
        },
        region="us-west-2",
    )

    assert _targets(made) == [
        ("resource", f"arn:aws:workspaces:us-west-2:{A}:workspace/ws-3f4g5h6j7", {"team": "alpha"})
    ]


def test_security_hub_is_the_accounts_one_hub_in_the_region() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/securityhub-2018-10-26/EnableSecurityHub; hub/default
    # (SAR list_awssecurityhub). The response is empty.
    made = record("securityhub", "EnableSecurityHub", {"tags": {"team": "alpha"}}, {}, region="us-gov-west-1")

    assert _targets(made) == [
        ("resource", f"arn:aws-us-gov:securityhub:us-gov-west-1:{A}:hub/default", {"team": "alpha"})
    ]


@pytest.mark.parametrize(
    ("made", "expected"),
    [
        (
            # https://docs.aws.amazon.com/goto/WebAPI/route53-recovery-control-config-2020-11-02/CreateSafetyRule
            record(
                "route53-recovery-control-config",
                "CreateSafetyRule",
                {"gatingRule": {"name": "gate", "waitPeriodMs": 5000}, "tags": {"team": "alpha"}},
                {
                    "gatingRule": {
                        "name": "gate",
                        "safetyRuleArn": "arn:aws:route53-recovery-control::111122223333:controlpanel/"
                        "zzz123yyy456xxx789zzz123yyy456xxx/safetyrule/333333444444",
                        "status": "PENDING",
                    }
                },
                region="us-west-2",
            ),
            f"arn:aws:route53-recovery-control::{A}:controlpanel/zzz123yyy456xxx789zzz123yyy456xxx/safetyrule/333333444444",
        ),
        (
            # https://docs.aws.amazon.com/goto/WebAPI/securityhub-2018-10-26/CreateAutomationRuleV2
            record(
                "securityhub",
                "CreateAutomationRuleV2",
                {"ruleName": "suppress-low", "ruleOrder": 1.0, "description": "d", "tags": {"team": "alpha"}},
                {
                    "ruleArn": f"arn:aws:securityhub:us-east-1:{A}:automation-rulev2/{RULE_ID}",
                    "ruleId": RULE_ID,
                },
            ),
            f"arn:aws:securityhub:us-east-1:{A}:automation-rulev2/{RULE_ID}",
        ),
        (
            # https://docs.aws.amazon.com/goto/WebAPI/neptune-graph-2023-11-29/CreateGraphUsingImportTask:
            # the tags are the new graph's; graph/${ResourceId} (SAR list_amazonneptuneanalytics).
            record(
                "neptune-graph",
                "CreateGraphUsingImportTask",
                {
                    "graphName": "social",
                    "source": "s3://bucket/data/",
                    "roleArn": f"arn:aws:iam::{A}:role/Import",
                    "tags": {"team": "alpha"},
                },
                {"graphId": "g-abc1234567", "taskId": "t-def9876543", "status": "INITIALIZING"},
            ),
            f"arn:aws:neptune-graph:us-east-1:{A}:graph/g-abc1234567",
        ),
    ],
    ids=["route53-arc-safety-rule", "securityhub-rule-v2", "neptune-graph-import"],
)
def test_a_created_resource_the_response_names(made: dict[str, Any], expected: str) -> None:
    assert _targets(made) == [("resource", expected, {"team": "alpha"})]


def test_every_tape_created_gets_the_tags() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/storagegateway-2013-06-30/CreateTapes: TapeARNs.
    tapes = [
        f"arn:aws:storagegateway:us-east-1:{A}:tape/TEST38A29D",
        f"arn:aws:storagegateway:us-east-1:{A}:tape/TEST3AA29F",
    ]
    made = record(
        "storagegateway",
        "CreateTapes",
        {
            "gatewayARN": f"arn:aws:storagegateway:us-east-1:{A}:gateway/sgw-12A3456B",
            "tapeSizeInBytes": 107374182400,
            "numTapesToCreate": 2,
            "tapeBarcodePrefix": "TEST",
            "tags": upper(team="alpha"),
        },
        {"tapeARNs": tapes},
    )

    assert _targets(made) == [("resource", tape, {"team": "alpha"}) for tape in tapes]


def test_a_list_of_arns_is_read_only_when_named_for_the_resource_made() -> None:
    # SSM for SAP's RegisterApplication answers Application.AssociatedApplicationArns: other
    # applications, never the one registered.
    registered = entry("ssm-sap", "RegisterApplication")

    assert entry("storagegateway", "CreateTapes")["response"] == ["TapeARNs"]
    assert not any("Associated" in path for path in registered["response"])


def test_an_update_whose_tags_its_service_ignores_writes_no_tags() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/pinpoint-2016-12-01/UpdateCampaign: "As of 22-05-2023
    # tags has been deprecated for update operations. After this date any value in tags is not
    # processed".
    made = record(
        "pinpoint",
        "UpdateCampaign",
        {
            "applicationId": APP,
            "campaignId": CAMPAIGN,
            "writeCampaignRequest": {"name": "spring", "tags": {"team": "alpha"}},
        },
        {
            "campaignResponse": {
                "arn": f"arn:aws:mobiletargeting:us-east-1:{A}:apps/{APP}/campaigns/{CAMPAIGN}"
            }
        },
    )

    assert NORMALIZER.normalize(made).changes == ()
    assert not any(item["op"] == "UpdateCampaign" for item in catalog_document()["operations"])


def test_a_member_documented_as_an_arn_is_one_whatever_else_its_text_says() -> None:
    # Redshift CreateTags' ResourceName: "The Amazon Resource Name (ARN) to which you want to add
    # the tag or tags"; S3 Files' resourceId: "The ID or Amazon Resource Name (ARN)".
    assert documented_as_arn(
        "<p>The Amazon Resource Name (ARN) to which you want to add the tag or tags.</p>"
    )
    assert not documented_as_arn(
        "<p>The ID or Amazon Resource Name (ARN) of the resource to add tags to.</p>"
    )
    assert not documented_as_arn("<p>The name or ARN of the stream.</p>")
    assert entry("redshift", "CreateTags")["kind"] == "arn"
