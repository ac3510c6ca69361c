"""Held-out corpus, round twelve, part A continued: draws 14 to 25 of the round's draw (see
heldout12a_sampled.py for how the round was drawn and written). No drawn operation was skipped.

Expectations a reader may question (each note says why):

- Global Accelerator ``CreateAccelerator`` (draw 14): the API is served from us-west-2 but an
  accelerator's ARN holds no region.
- Route 53 Recovery Readiness ``TagResource`` (draw 16): a recovery group's ARN holds no region.
- Private CA Connector for SCEP ``CreateChallenge`` (draw 18): the tags are the challenge's (the
  response's ``Challenge.Arn``), not the connector's named in the request.
- Textract ``CreateAdapterVersion`` (draw 20): the response carries only the adapter id and the
  version; the ARN is built from the reference's format (``/adapters/<id>/versions/<version>``,
  with its leading slash).
- CloudHSM Classic ``AddTagsToResource`` (draw 22): the Service Authorization Reference lists only
  CloudHSM v2's backup and cluster types; the classic HSM is named by the ARN the request gives
  (the Classic API reference's ``HsmArn`` pattern: ``arn:aws:cloudhsm:<region>:<account>:hsm-<8 hex>``).
- Timestream for InfluxDB ``CreateDbCluster`` (draw 24) and Security Incident Response
  ``CreateCase`` (draw 25): the responses carry only the id; the ARNs are built from it.
"""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, values
from tests.core.normalize.heldout6_sampled import M, T, tag_call, untag_call
from tests.core.normalize.heldout_builders import held, kv

ACCELERATOR = f"arn:aws:globalaccelerator::{A}:accelerator/1234abcd-abcd-1234-abcd-1234abcdefgh"
WORKFLOW = f"arn:aws:migrationhub-orchestrator:us-west-2:{A}:workflow/migrationworkflow-a1b2c3d4e5"
RECOVERY_GROUP = f"arn:aws:route53-recovery-readiness::{A}:recovery-group/checkout-app"
QUANTUM_TASK = f"arn:aws:braket:eu-west-2:{A}:quantum-task/7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"
SCEP_CONNECTOR = f"arn:aws:pca-connector-scep:ap-northeast-1:{A}:connector/0123456789abcdef0123456789abcdef"
SCEP_CHALLENGE = f"{SCEP_CONNECTOR}/challenge/fedcba9876543210fedcba9876543210"
QAPP = (
    f"arn:aws:qapps:us-east-1:{A}:application/a1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
    "/qapp/9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"
)
ADAPTER_ID = "2e9bf1b0f2f8"
ADAPTER_VERSION = f"arn:aws:textract:eu-west-2:{A}:/adapters/{ADAPTER_ID}/versions/1"
REKOGNITION_PROJECT = f"arn:aws:rekognition:eu-west-1:{A}:project/shelf-detector/1717200000000"
PROJECT_VERSION = (
    f"arn:aws:rekognition:eu-west-1:{A}:project/shelf-detector/version/shelf-detector.v2/1717243200000"
)
CLASSIC_HSM = f"arn:aws:cloudhsm:us-west-1:{A}:hsm-12345678"
CONNECTOR = (
    f"arn:aws:kafkaconnect:ap-south-1:{A}:connector/orders-s3-sink/6a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d-3"
)
INFLUX_CLUSTER_ID = "a1b2c3d4e5"
INFLUX_CLUSTER = f"arn:aws:timestream-influxdb:eu-central-1:{A}:db-cluster/{INFLUX_CLUSTER_ID}"
CASE_ID = "8364123904"
CASE = f"arn:aws:security-ir:us-west-2:{A}:case/{CASE_ID}"

ROUND12A_B_ENTRIES: list[dict[str, Any]] = [
    held(
        "globalaccelerator-2018-08-08",
        "CreateAccelerator",
        "awsglobalaccelerator",
        record(
            "globalaccelerator",
            "CreateAccelerator",
            {
                "Name": "checkout-edge",
                "IpAddressType": "IPV4",
                "Enabled": True,
                "IdempotencyToken": "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
                "Tags": kv(team="alpha", env="prod"),
            },
            {
                "Accelerator": {
                    "AcceleratorArn": ACCELERATOR,
                    "Name": "checkout-edge",
                    "IpAddressType": "IPV4",
                    "Enabled": True,
                    "DnsName": "a1234567890abcdef.awsglobalaccelerator.com",
                    "Status": "IN_PROGRESS",
                }
            },
            region="us-west-2",
        ),
        change(ACCELERATOR, values(team="alpha", env="prod")),
        note="an accelerator's ARN holds no region",
    ),
    untag_call(
        "migrationhuborchestrator-2021-08-28",
        "awsmigrationhuborchestrator",
        "migrationhub-orchestrator",
        "UntagResource",
        {"resourceArn": WORKFLOW, "tagKeys": ["team"]},
        WORKFLOW,
        region="us-west-2",
    ),
    held(
        "route53-recovery-readiness-2019-12-02",
        "TagResource",
        "amazonroute53recoveryreadiness",
        record(
            "route53-recovery-readiness",
            "TagResource",
            {"resource-arn": RECOVERY_GROUP, "tags": M},
            region="us-west-2",
        ),
        change(RECOVERY_GROUP, T),
        note="a recovery group's ARN holds no region",
    ),
    tag_call(
        "braket-2019-09-01",
        "amazonbraket",
        "braket",
        "TagResource",
        {"resourceArn": QUANTUM_TASK, "tags": M},
        QUANTUM_TASK,
        region="eu-west-2",
    ),
    held(
        "pca-connector-scep-2018-05-10",
        "CreateChallenge",
        "awsprivatecaconnectorforscep",
        record(
            "pca-connector-scep",
            "CreateChallenge",
            {"ConnectorArn": SCEP_CONNECTOR, "ClientToken": "scep-challenge-0001", "Tags": M},
            {
                "Challenge": {
                    "Arn": SCEP_CHALLENGE,
                    "ConnectorArn": SCEP_CONNECTOR,
                    "CreatedAt": 1717243200.0,
                    "UpdatedAt": 1717243200.0,
                    "Password": "HIDDEN_DUE_TO_SECURITY_REASONS",
                }
            },
            region="ap-northeast-1",
        ),
        change(SCEP_CHALLENGE, T),
        note="the tags are the new challenge's, not the connector's the request names",
    ),
    untag_call(
        "qapps-2023-11-27",
        "amazonqbusinessqapps",
        "qapps",
        "UntagResource",
        {"resourceARN": QAPP, "tagKeys": ["team"]},
        QAPP,
    ),
    held(
        "textract-2018-06-27",
        "CreateAdapterVersion",
        "amazontextract",
        record(
            "textract",
            "CreateAdapterVersion",
            {
                "AdapterId": ADAPTER_ID,
                "DatasetConfig": {
                    "ManifestS3Object": {"Bucket": "invoices-training", "Name": "manifest.jsonl"}
                },
                "OutputConfig": {"S3Bucket": "invoices-training", "S3Prefix": "adapter-output"},
                "Tags": M,
            },
            {"AdapterId": ADAPTER_ID, "AdapterVersion": "1"},
            region="eu-west-2",
        ),
        change(ADAPTER_VERSION, T),
        note="built from the response's adapter id and version (/adapters/<id>/versions/<version>)",
    ),
    held(
        "rekognition-2016-06-27",
        "CreateProjectVersion",
        "amazonrekognition",
        record(
            "rekognition",
            "CreateProjectVersion",
            {
                "ProjectArn": REKOGNITION_PROJECT,
                "VersionName": "shelf-detector.v2",
                "OutputConfig": {"S3Bucket": "shelf-models", "S3KeyPrefix": "output"},
                "TrainingData": {
                    "Assets": [
                        {
                            "GroundTruthManifest": {
                                "S3Object": {"Bucket": "shelf-models", "Name": "train.manifest"}
                            }
                        }
                    ]
                },
                "TestingData": {"AutoCreate": True},
                "Tags": M,
            },
            {"ProjectVersionArn": PROJECT_VERSION},
            region="eu-west-1",
        ),
        change(PROJECT_VERSION, T),
        note="the tags are the model version's, not the project's the request names",
    ),
    held(
        "cloudhsm-2014-05-30",
        "AddTagsToResource",
        "awscloudhsm",
        record(
            "cloudhsm",
            "AddTagsToResource",
            {"ResourceArn": CLASSIC_HSM, "TagList": kv(team="alpha")},
            {"Status": "Tags added"},
            region="us-west-1",
        ),
        change(CLASSIC_HSM, T),
        note="a CloudHSM Classic HSM, named by the ARN the request gives (no classic type in the reference)",
    ),
    held(
        "kafkaconnect-2021-09-14",
        "CreateConnector",
        "amazonmanagedstreamingforkafkaconnect",
        record(
            "kafkaconnect",
            "CreateConnector",
            {
                "capacity": {"provisionedCapacity": {"mcuCount": 1, "workerCount": 2}},
                "connectorConfiguration": {
                    "connector.class": "io.confluent.connect.s3.S3SinkConnector",
                    "tasks.max": "2",
                },
                "connectorName": "orders-s3-sink",
                "kafkaCluster": {
                    "apacheKafkaCluster": {
                        "bootstrapServers": "b-1.orders.abc123.c2.kafka.ap-south-1.amazonaws.com:9098",
                        "vpc": {"subnets": ["subnet-0a1b2c3d"], "securityGroups": ["sg-0a1b2c3d"]},
                    }
                },
                "kafkaClusterClientAuthentication": {"authenticationType": "IAM"},
                "kafkaClusterEncryptionInTransit": {"encryptionType": "TLS"},
                "kafkaConnectVersion": "2.7.1",
                "plugins": [
                    {
                        "customPlugin": {
                            "customPluginArn": f"arn:aws:kafkaconnect:ap-south-1:{A}:custom-plugin/s3-sink/0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d-2",
                            "revision": 1,
                        }
                    }
                ],
                "serviceExecutionRoleArn": f"arn:aws:iam::{A}:role/MskConnectRole",
                "tags": M,
            },
            {"connectorArn": CONNECTOR, "connectorName": "orders-s3-sink", "connectorState": "CREATING"},
            region="ap-south-1",
        ),
        change(CONNECTOR, T),
    ),
    held(
        "timestream-influxdb-2023-01-27",
        "CreateDbCluster",
        "amazontimestreaminfluxdb",
        record(
            "timestream-influxdb",
            "CreateDbCluster",
            {
                "name": "metrics-cluster",
                "username": "admin",
                "password": "HIDDEN_DUE_TO_SECURITY_REASONS",
                "dbInstanceType": "db.influx.large",
                "vpcSubnetIds": ["subnet-0a1b2c3d", "subnet-1b2c3d4e"],
                "vpcSecurityGroupIds": ["sg-0a1b2c3d"],
                "deploymentType": "MULTI_NODE_READ_REPLICAS",
                "tags": M,
            },
            {"dbClusterId": INFLUX_CLUSTER_ID, "dbClusterStatus": "CREATING"},
            region="eu-central-1",
        ),
        change(INFLUX_CLUSTER, T),
        note="built from the response's dbClusterId",
    ),
    held(
        "security-ir-2018-05-10",
        "CreateCase",
        "awssecurityincidentresponse",
        record(
            "security-ir",
            "CreateCase",
            {
                "resolverType": "Self",
                "title": "Suspicious IAM activity",
                "description": "Access keys used from an unknown network",
                "engagementType": "Security Incident",
                "reportedIncidentStartDate": 1717243200.0,
                "impactedAccounts": [A],
                "watchers": [{"email": "secops@example.com", "name": "SecOps"}],
                "tags": M,
            },
            {"caseId": CASE_ID},
            region="us-west-2",
        ),
        change(CASE, T),
        note="built from the response's caseId",
    ),
]
