"""A processor and sources wired as the daemon wires them, over a real SQLite store, for the
fault tests; and the hostile inputs the probes used."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import boto3

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.sources.files import FilesSource
from tagwarden.adapters.sources.source import SourceContext
from tagwarden.adapters.sources.sqs import SqsSource
from tagwarden.adapters.sources.workers import PreparePool
from tagwarden.adapters.store import Store, open_store
from tagwarden.app.demo.records import Caller, record, tag_list
from tagwarden.app.logs import get_logger
from tagwarden.app.pipeline import PrincipalTagCache, Processor
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.normalize import Normalizer
from tagwarden.core.settings.settings import FilesSourceSettings, SqsSourceSettings
from tests.builders.abac_cases import ACCOUNT, POLICY, principal_tags

ALICE = Caller(ACCOUNT, "dev-alpha", session="alice")
DEEP = 100_000


def self_retag(event_id: str, value: str = "beta", second: int = 0) -> dict[str, Any]:
    """Alice retags her own role's ABAC key: a self_retag (IAM TagRole, as in
    https://docs.aws.amazon.com/IAM/latest/APIReference/API_TagRole.html)."""
    return record(
        ALICE,
        "iam.amazonaws.com",
        "TagRole",
        {"roleName": "dev-alpha", "tags": tag_list({"team": value})},
        time=f"2024-05-01T10:{second // 60:02d}:{second % 60:02d}Z",
        event_id=event_id,
    )


def eventbridge(detail: dict[str, Any]) -> str:
    """An EventBridge "AWS API Call via CloudTrail" event carrying ``detail``."""
    return json.dumps(
        {
            "version": "0",
            "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
            "detail-type": "AWS API Call via CloudTrail",
            "source": "aws.iam",
            "account": ACCOUNT,
            "time": detail["eventTime"],
            "region": "us-east-1",
            "resources": [],
            "detail": detail,
        }
    )


def nested_log() -> bytes:
    return ('{"Records":[' + "[" * DEEP + "]" * DEEP + "]}").encode()


def huge_int_log() -> bytes:
    return ('{"Records":[{"eventVersion": 1' + "1" * 5000 + "}]}").encode()


class Wired:
    """Processor, metrics and store as build_parts makes them, with the abac cases' IAM."""

    def __init__(
        self, db: Path, normalizer: Normalizer | None = None, *, policy: Any = POLICY, workers: int = 0
    ) -> None:
        """``workers`` > 0: the sources share that many worker processes, as the daemon's do."""
        self.store: Store = open_store(f"sqlite:///{db}")
        self.metrics = Metrics()
        self.principals = PrincipalTagCache(principal_tags().get)
        self.processor = Processor(
            normalizer=normalizer or Normalizer(),
            policy=CompiledPolicy(parse_policy_document(policy)),
            store=self.store,
            principals=self.principals,
            metrics=self.metrics,
            log=get_logger(),
        )
        self.pool = PreparePool(self.processor, workers) if workers > 0 else None
        self.context = SourceContext(
            self.processor, self.metrics, get_logger(), faults=self.principals.faults, pool=self.pool
        )

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
        self.store.close()

    def files(self, directory: Path, **settings: Any) -> FilesSource:
        spec = FilesSourceSettings(type="files", paths=[str(directory)], **settings)
        return FilesSource("logs", spec, self.context, base_dir=directory)

    def sqs(self, queue_url: str, s3: Any = None, sqs: Any = None, **settings: Any) -> SqsSource:
        spec = SqsSourceSettings(type="sqs", queue_url=queue_url, wait_seconds=0, **settings)
        return SqsSource(
            "trail", spec, self.context, sqs=sqs or boto3.client("sqs"), s3=s3 or boto3.client("s3")
        )

    def event_ids(self) -> set[str]:
        return {f.event_id for f in self.store.list_findings()}

    def counter(self, metric: Any, *labels: str) -> float:
        return float(metric.labels(*labels)._value.get())
