"""A create call's response may name, beside what it made, the resource it was made from or in
(a snapshot's cluster, an assessment's app, an attachment's gateway): that ARN never names the
target. Records written from the operations' API references (cited per test)."""

from __future__ import annotations

from tagwarden.core.normalize import Normalizer
from tests.core.normalize.test_tags_of_another import ACCOUNT, record

NORMALIZER = Normalizer()


def _targets(made: dict[str, object]) -> list[tuple[str, str]]:
    return [(c.target_kind, c.target) for c in NORMALIZER.normalize(made).changes]


def test_a_snapshot_is_named_by_its_own_arn_not_its_clusters() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/docdb-elastic-2022-11-28/CreateClusterSnapshot:
    # the response's snapshot holds clusterArn, snapshotArn and snapshotName.
    cluster = f"arn:aws:docdb-elastic:eu-west-1:{ACCOUNT}:cluster/0a1b2c3d-1111-2222-3333-444455556666"
    snapshot = (
        f"arn:aws:docdb-elastic:eu-west-1:{ACCOUNT}:cluster-snapshot/9f8e7d6c-aaaa-bbbb-cccc-ddddeeeeffff"
    )
    made = record(
        "docdb-elastic.amazonaws.com",
        "CreateClusterSnapshot",
        {"clusterArn": cluster, "snapshotName": "nightly", "tags": {"team": "alpha"}},
        {"snapshot": {"clusterArn": cluster, "snapshotArn": snapshot, "snapshotName": "nightly"}},
    )

    assert _targets(made) == [("resource", snapshot)]


def test_an_assessment_is_named_by_its_own_arn_not_its_apps() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/resiliencehub-2020-04-30/StartAppAssessment: the
    # response's assessment holds appArn, assessmentArn and assessmentName.
    app = f"arn:aws:resiliencehub:eu-west-1:{ACCOUNT}:app/4d5e6f70-1111-2222-3333-444455556666"
    assessment = f"arn:aws:resiliencehub:eu-west-1:{ACCOUNT}:app-assessment/7a8b9c0d-aaaa-bbbb-cccc-dddd"
    made = record(
        "resiliencehub.amazonaws.com",
        "StartAppAssessment",
        {"appArn": app, "appVersion": "release", "assessmentName": "weekly", "tags": {"team": "alpha"}},
        {"assessment": {"appArn": app, "assessmentArn": assessment, "assessmentName": "weekly"}},
    )

    assert _targets(made) == [("resource", assessment)]


def test_a_gateway_attachment_is_named_by_its_attachment_id_not_the_gateways_arn() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/networkmanager-2019-07-05/CreateDirectConnectGatewayAttachment:
    # the response's DirectConnectGatewayAttachment holds DirectConnectGatewayArn and the
    # Attachment (AttachmentId); the reference's attachment format is
    # arn:${Partition}:networkmanager::${Account}:attachment/${ResourceId}.
    gateway = f"arn:aws:directconnect::{ACCOUNT}:dx-gateway/5f8c1e2a-0000-1111-2222-333344445555"
    made = record(
        "networkmanager.amazonaws.com",
        "CreateDirectConnectGatewayAttachment",
        {
            "CoreNetworkId": "core-network-0fab1234567890abc",
            "DirectConnectGatewayArn": gateway,
            "EdgeLocations": ["eu-west-1"],
            "Tags": [{"Key": "team", "Value": "alpha"}],
        },
        {
            "DirectConnectGatewayAttachment": {
                "DirectConnectGatewayArn": gateway,
                "Attachment": {"AttachmentId": "attachment-0a1b2c3d4e5f67890", "State": "CREATING"},
            }
        },
    )

    assert _targets(made) == [
        ("resource", f"arn:aws:networkmanager::{ACCOUNT}:attachment/attachment-0a1b2c3d4e5f67890")
    ]


def test_a_routing_rule_is_unresolved_not_its_links_arn() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/rtbfabric-2023-05-15/CreateLinkRoutingRule: the rule
    # is made on a link (gatewayId, linkId) and the response gives only ruleId; the Service
    # Authorization Reference has no format for a routing rule (list_amazonrtbfabric.html).
    made = record(
        "rtbfabric.amazonaws.com",
        "CreateLinkRoutingRule",
        {"gatewayId": "rtb-gw-0123456789abcdef", "linkId": "link-0123456789abcdef", "tags": {"team": "a"}},
        {"ruleId": "rule-0123456789abcdef", "status": "ACTIVE"},
    )

    assert [kind for kind, _ in _targets(made)] == ["unresolved"]


def test_an_ec2_id_the_request_gave_is_not_taken_as_made() -> None:
    # https://docs.aws.amazon.com/goto/WebAPI/ec2-2016-11-15/CreateTransitGatewayConnect: the
    # request names the transport attachment (TransportTransitGatewayAttachmentId), which the
    # response echoes beside the Connect attachment made (TransitGatewayAttachmentId).
    made = record(
        "ec2.amazonaws.com",
        "CreateTransitGatewayConnect",
        {
            "transportTransitGatewayAttachmentId": "tgw-attach-0a1b2c3d4e5f60718",
            "options": {"protocol": "gre"},
            "tagSpecificationSet": {
                "items": [
                    {
                        "resourceType": "transit-gateway-attachment",
                        "tags": [{"key": "team", "value": "alpha"}],
                    }
                ]
            },
        },
        {
            "transitGatewayConnect": {
                "transitGatewayAttachmentId": "tgw-attach-0f1e2d3c4b5a69788",
                "transportTransitGatewayAttachmentId": "tgw-attach-0a1b2c3d4e5f60718",
                "state": "pending",
            }
        },
    )

    assert _targets(made) == [
        (
            "resource",
            f"arn:aws:ec2:eu-west-1:{ACCOUNT}:transit-gateway-attachment/tgw-attach-0f1e2d3c4b5a69788",
        )
    ]
