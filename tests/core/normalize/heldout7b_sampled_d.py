"""Held-out corpus, round seven, part B (continued): see tests/core/normalize/heldout7b_sampled.py."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import M, T, tag_call
from tests.core.normalize.heldout_builders import held, kv

PREDICTOR = f"arn:aws:forecast:us-west-2:{A}:predictor/electricity_predictor"
POLICY_STORE = f"arn:aws:verifiedpermissions::{A}:policy-store/C7v5xMplfFH3i3e4Jrzb1a"
LOGGER_DEFINITION = f"arn:aws-cn:greengrass:cn-north-1:{A}:/greengrass/definition/loggers/a1b2c3d4-5678-90ab-cdef-EXAMPLE55555"
PROTECTION = f"arn:aws:shield::{A}:protection/a1b2c3d4-5678-90ab-cdef-EXAMPLE66666"
KNOWLEDGE_BASE = "a1b2c3d4-5678-90ab-cdef-EXAMPLE77777"
MESSAGE_TEMPLATE = (
    f"arn:aws:wisdom:eu-west-2:{A}:message-template/{KNOWLEDGE_BASE}/a1b2c3d4-5678-90ab-cdef-EXAMPLE88888"
)

ROUND7_B4_ENTRIES: list[dict[str, Any]] = [
    held(
        "forecast-2018-06-26",
        "CreateAutoPredictor",
        "amazonforecast",
        record(
            "forecast",
            "CreateAutoPredictor",
            {
                "PredictorName": "electricity_predictor",
                "ForecastHorizon": 24,
                "ForecastFrequency": "H",
                "DataConfig": {
                    "DatasetGroupArn": f"arn:aws:forecast:us-west-2:{A}:dataset-group/electricity"
                },
                "Tags": kv(team="alpha"),
            },
            {"PredictorArn": PREDICTOR},
            region="us-west-2",
        ),
        change(PREDICTOR, T),
    ),
    held(
        "verifiedpermissions-2021-12-01",
        "CreatePolicyStore",
        "amazonverifiedpermissions",
        record(
            "verifiedpermissions",
            "CreatePolicyStore",
            {"validationSettings": {"mode": "STRICT"}, "description": "orders app", "tags": M},
            {
                "policyStoreId": "C7v5xMplfFH3i3e4Jrzb1a",
                "arn": POLICY_STORE,
                "createdDate": "2024-06-01T12:00:00Z",
                "lastUpdatedDate": "2024-06-01T12:00:00Z",
            },
            region="eu-central-1",
        ),
        change(POLICY_STORE, T),
    ),
    held(
        "greengrass-2017-06-07",
        "CreateLoggerDefinition",
        "awsiotgreengrass",
        record(
            "greengrass",
            "CreateLoggerDefinition",
            {
                "Name": "core-logs",
                "InitialVersion": {
                    "Loggers": [
                        {"Component": "GreengrassSystem", "Id": "1", "Level": "INFO", "Type": "FileSystem"}
                    ]
                },
                "tags": M,
            },
            {
                "Arn": LOGGER_DEFINITION,
                "CreationTimestamp": "2024-06-01T12:00:00.000Z",
                "Id": "a1b2c3d4-5678-90ab-cdef-EXAMPLE55555",
                "LastUpdatedTimestamp": "2024-06-01T12:00:00.000Z",
                "Name": "core-logs",
            },
            region="cn-north-1",
        ),
        change(LOGGER_DEFINITION, T),
    ),
    tag_call(
        "shield-2016-06-02",
        "awsshield",
        "shield",
        "TagResource",
        {"ResourceARN": PROTECTION, "Tags": kv(team="alpha")},
        PROTECTION,
    ),
    held(
        "qconnect-2020-10-19",
        "CreateMessageTemplate",
        "amazonqinconnect",
        record(
            "wisdom",
            "CreateMessageTemplate",
            {
                "knowledgeBaseId": KNOWLEDGE_BASE,
                "name": "order-shipped",
                "channelSubtype": "EMAIL",
                "content": {
                    "email": {"subject": "Your order shipped", "body": {"plainText": {"content": "Hi"}}}
                },
                "tags": M,
            },
            {
                "messageTemplate": {
                    "messageTemplateArn": MESSAGE_TEMPLATE,
                    "messageTemplateId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE88888",
                    "knowledgeBaseArn": f"arn:aws:wisdom:eu-west-2:{A}:knowledge-base/{KNOWLEDGE_BASE}",
                    "knowledgeBaseId": KNOWLEDGE_BASE,
                    "name": "order-shipped",
                    "channelSubtype": "EMAIL",
                    "tags": M,
                }
            },
            region="eu-west-2",
        ),
        change(MESSAGE_TEMPLATE, T),
    ),
    held(
        "redshift-2012-12-01",
        "CreateHsmConfiguration",
        "amazonredshift",
        record(
            "redshift",
            "CreateHsmConfiguration",
            {
                "HsmConfigurationIdentifier": "prod-hsm-config",
                "Description": "HSM for prod clusters",
                "HsmIpAddress": "10.0.0.12",
                "HsmPartitionName": "redshift-partition",
                "Tags": kv(team="alpha"),
            },
            {
                "HsmConfiguration": {
                    "HsmConfigurationIdentifier": "prod-hsm-config",
                    "Description": "HSM for prod clusters",
                    "HsmIpAddress": "10.0.0.12",
                    "HsmPartitionName": "redshift-partition",
                    "Tags": kv(team="alpha"),
                }
            },
            region="cn-north-1",
        ),
        change(f"arn:aws-cn:redshift:cn-north-1:{A}:hsmconfiguration:prod-hsm-config", T),
    ),
]
