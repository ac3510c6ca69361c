"""Held-out corpus, round six: operations drawn at random after round five's fixes and measured
before any further fix. The draw (``random.seed(20261204)``): the catalogued operations no corpus
had after round five (1,756 over 286 event sources), grouped by event source; 64 event sources
drawn with ``random.sample`` over the sorted sources, then one operation of each with
``random.choice`` over its sorted operations. 63 written (one skipped: Organizations
InviteOrganizationToTransferResponsibility, drawn again, whose reference still does not say
whether its tags land on the handshake or on the transfer). Written as rounds four and five were,
from the API reference and the Service Authorization Reference, without looking at the catalog
entries of the drawn operations."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, values
from tests.core.normalize.heldout_builders import held, kv

T = values(team="alpha")
M = {"team": "alpha"}
GONE = ("team",)


def tag_call(
    uid: str,
    page: str,
    source: str,
    name: str,
    params: dict[str, Any],
    target: str,
    region: str = "us-east-1",
) -> dict[str, Any]:
    """A TagResource-like call that names its target by ARN and sets ``team=alpha``."""
    return held(uid, name, page, record(source, name, params, region=region), change(target, T))


def untag_call(
    uid: str,
    page: str,
    source: str,
    name: str,
    params: dict[str, Any],
    target: str,
    region: str = "us-east-1",
) -> dict[str, Any]:
    """An UntagResource-like call that names its target by ARN and removes ``team``."""
    return held(uid, name, page, record(source, name, params, region=region), change(target, removed=GONE))


SIGNER = f"arn:aws:signer:us-west-2:{A}:/signing-profiles/my_profile"
AIOPS = f"arn:aws:aiops:us-east-1:{A}:investigation-group/a1b2c3d4e5f6g7h8"
CASES = f"arn:aws:cases:us-east-1:{A}:domain/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
ER = f"arn:aws:entityresolution:eu-west-1:{A}:matchingworkflow/my-matching-workflow"
CLOUDDIR = f"arn:aws:clouddirectory:us-east-1:{A}:directory/AXQXDXvdgkOWktRXV4HnRa8"
TNB = f"arn:aws:tnb:us-west-2:{A}:function-package/fp-0123456789abcdef0"
WORKMAIL = f"arn:aws:workmail:eu-west-1:{A}:organization/m-a1b2c3d4e5f64b5c8d9e0f1a2b3c4d5e"
DRS_JOB = f"arn:aws:drs:us-east-1:{A}:job/drsjob-0123456789abcdef0"
PROXY = f"arn:aws:network-firewall:us-east-1:{A}:proxy-configuration/my-proxy-configuration"
DSQL = f"arn:aws:dsql:us-east-1:{A}:cluster/abcdefghijklmnopqrst1234uv/stream/abcdefghij0123456789klmnop"
PREFETCH = f"arn:aws:mediatailor:us-east-1:{A}:prefetchSchedule/my-playback-config/my-prefetch-schedule"
DNAA = (
    f"arn:aws:apigateway:us-west-2:{A}:/domainnameaccessassociations/domainname/"
    "private.example.com+abcd1234/vpcesource/vpce-0123456789abcdef0"
)


ROUND6_ENTRIES: list[dict[str, Any]] = [
    tag_call(
        "signer-2017-08-25",
        "awssigner",
        "signer",
        "TagResource",
        {"resourceArn": SIGNER, "tags": M},
        SIGNER,
        region="us-west-2",
    ),
    untag_call(
        "aiops-2018-05-10",
        "amazonaioperations",
        "aiops",
        "UntagResource",
        {"resourceArn": AIOPS, "tagKeys": ["team"]},
        AIOPS,
    ),
    held(
        "network-firewall-2020-11-12",
        "CreateProxyConfiguration",
        "awsnetworkfirewall",
        record(
            "network-firewall",
            "CreateProxyConfiguration",
            {
                "ProxyConfigurationName": "my-proxy-configuration",
                "DefaultRulePhaseActions": {
                    "PreDNS": "ALLOW",
                    "PreREQUEST": "ALLOW",
                    "PostRESPONSE": "ALLOW",
                },
                "Tags": kv(team="alpha"),
            },
            {
                "ProxyConfiguration": {
                    "ProxyConfigurationName": "my-proxy-configuration",
                    "ProxyConfigurationArn": PROXY,
                    "DefaultRulePhaseActions": {
                        "PreDNS": "ALLOW",
                        "PreREQUEST": "ALLOW",
                        "PostRESPONSE": "ALLOW",
                    },
                    "Tags": kv(team="alpha"),
                },
                "UpdateToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE77777",
            },
        ),
        change(PROXY, T),
    ),
    tag_call(
        "connectcases-2022-10-03",
        "amazonconnectcases",
        "cases",
        "TagResource",
        {"arn": CASES, "tags": M},
        CASES,
    ),
    tag_call(
        "entityresolution-2018-05-10",
        "awsentityresolution",
        "entityresolution",
        "TagResource",
        {"resourceArn": ER, "tags": M},
        ER,
        region="eu-west-1",
    ),
    held(
        "drs-2020-02-26",
        "StartRecovery",
        "awselasticdisasterrecovery",
        record(
            "drs",
            "StartRecovery",
            {"sourceServers": [{"sourceServerID": "s-0123456789abcdef0"}], "isDrill": True, "tags": M},
            {
                "job": {
                    "jobID": "drsjob-0123456789abcdef0",
                    "arn": DRS_JOB,
                    "type": "LAUNCH",
                    "initiatedBy": "START_DRILL",
                    "status": "PENDING",
                    "participatingServers": [
                        {"sourceServerID": "s-0123456789abcdef0", "launchStatus": "PENDING"}
                    ],
                    "tags": M,
                }
            },
        ),
        change(DRS_JOB, T),
        note="the tags are the recovery job's, not the source server's",
    ),
    tag_call(
        "clouddirectory-2017-01-11",
        "amazonclouddirectory",
        "clouddirectory",
        "TagResource",
        {"ResourceArn": CLOUDDIR, "Tags": kv(team="alpha")},
        CLOUDDIR,
    ),
    tag_call(
        "tnb-2008-10-21",
        "awstelconetworkbuilder",
        "tnb",
        "TagResource",
        {"resourceArn": TNB, "tags": M},
        TNB,
        region="us-west-2",
    ),
    held(
        "dsql-2018-05-10",
        "CreateStream",
        "amazonauroradsql",
        record(
            "dsql",
            "CreateStream",
            {
                "clusterIdentifier": "abcdefghijklmnopqrst1234uv",
                "targetDefinition": {
                    "kinesis": {"streamArn": f"arn:aws:kinesis:us-east-1:{A}:stream/my-cdc"}
                },
                "ordering": "UNORDERED",
                "format": "JSON",
                "tags": M,
            },
            {
                "clusterIdentifier": "abcdefghijklmnopqrst1234uv",
                "streamIdentifier": "abcdefghij0123456789klmnop",
                "arn": DSQL,
                "status": "CREATING",
                "creationTime": "2024-06-01T12:00:00Z",
                "ordering": "UNORDERED",
                "format": "JSON",
            },
        ),
        change(DSQL, T),
        note="the tags are the new stream's, not the cluster's",
    ),
    tag_call(
        "workmail-2017-10-01",
        "amazonworkmail",
        "workmail",
        "TagResource",
        {"ResourceARN": WORKMAIL, "Tags": kv(team="alpha")},
        WORKMAIL,
        region="eu-west-1",
    ),
    held(
        "mediatailor-2018-04-23",
        "CreatePrefetchSchedule",
        "awselementalmediatailor",
        record(
            "mediatailor",
            "CreatePrefetchSchedule",
            {
                "Name": "my-prefetch-schedule",
                "PlaybackConfigurationName": "my-playback-config",
                "Consumption": {"EndTime": "2024-06-01T13:00:00Z"},
                "Retrieval": {"EndTime": "2024-06-01T12:30:00Z"},
                "Tags": M,
            },
            {
                "Arn": PREFETCH,
                "Name": "my-prefetch-schedule",
                "PlaybackConfigurationName": "my-playback-config",
                "Consumption": {"EndTime": "2024-06-01T13:00:00Z"},
                "Retrieval": {"EndTime": "2024-06-01T12:30:00Z"},
                "Tags": M,
            },
        ),
        change(PREFETCH, T),
        note="the tags are the schedule's, not the playback configuration's",
    ),
    held(
        "apigateway-2015-07-09",
        "CreateDomainNameAccessAssociation",
        "amazonapigatewaymanagement",
        record(
            "apigateway",
            "CreateDomainNameAccessAssociation",
            {
                "domainNameArn": f"arn:aws:apigateway:us-west-2:{A}:/domainnames/private.example.com+abcd1234",
                "accessAssociationSourceType": "VPCE",
                "accessAssociationSource": "vpce-0123456789abcdef0",
                "tags": M,
            },
            {
                "domainNameAccessAssociationArn": DNAA,
                "domainNameArn": f"arn:aws:apigateway:us-west-2:{A}:/domainnames/private.example.com+abcd1234",
                "accessAssociationSourceType": "VPCE",
                "accessAssociationSource": "vpce-0123456789abcdef0",
                "tags": M,
            },
            region="us-west-2",
        ),
        change(DNAA, T),
        note="the tags are the association's, not the private custom domain's",
    ),
]
