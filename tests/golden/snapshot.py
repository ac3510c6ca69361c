"""The findings tagwarden makes on the demo and the test scenarios, in a canonical form.

Refactoring must not change them: ``tests/golden/test_findings_unchanged.py`` compares a fresh run with
``findings.json``, recorded before the refactor. Regenerate only for an intended change of behaviour:

    .venv/bin/python -m tests.golden.snapshot --write
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from unittest import mock

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import open_store
from tagwarden.app.demo import scenario as demo
from tagwarden.app.pipeline import PrincipalTagCache, Processor
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.normalize import Normalizer
from tagwarden.core.records import iter_records
from tests.builders import abac_cases

GOLDEN = Path(__file__).with_name("findings.json")
FIXTURES = Path(__file__).parents[1] / "fixtures" / "cloudtrail"
START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
VOLATILE = ("id", "created_at")


class _Silent:
    """A logger that drops everything: the snapshot is the findings, not the log."""

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: None


@contextmanager
def _deterministic_uuids() -> Iterator[None]:
    counter = iter(range(10**9))
    with mock.patch.object(uuid, "uuid4", lambda: uuid.UUID(int=next(counter))):
        yield


def _run(
    policy: dict[str, Any],
    principals: dict[str, dict[str, str]],
    records: list[dict[str, Any]],
    inventory: Any = None,
) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'state.db'}")
        try:
            processor = Processor(
                normalizer=Normalizer(),
                policy=CompiledPolicy(parse_policy_document(policy)),
                store=store,
                principals=PrincipalTagCache(principals.get),
                metrics=Metrics(),
                log=_Silent(),
            )
            if inventory is not None:
                inventory(store)
            body = json.dumps({"Records": records}).encode()
            processor.process(iter_records(io.BytesIO(body)), source="golden", unit="scenario")
            found = [f.to_dict() for f in store.list_findings()]
        finally:
            store.close()
    for finding in found:
        for name in VOLATILE:
            finding.pop(name, None)
    return sorted(found, key=lambda f: json.dumps(f, sort_keys=True))


def _fixture_records() -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for path in sorted(FIXTURES.glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "Records" in data:
            records.extend(data["Records"])
        elif isinstance(data, dict) and "eventID" in data:
            records.append(data)
    return records


def snapshot() -> dict[str, list[dict[str, Any]]]:
    with _deterministic_uuids():
        cases = abac_cases.CaseLog(start=START).build()
        scenario = demo.Scenario("123456789012", start=START).build()
    demo_principals = {f"arn:aws:iam::123456789012:role/{n}": t for n, t in demo.ROLES.items()}
    demo_principals |= {f"arn:aws:iam::123456789012:user/{n}": t for n, t in demo.USERS.items()}
    return {
        "abac_cases": _run(
            abac_cases.POLICY, abac_cases.principal_tags(), cases.records, abac_cases.take_inventory
        ),
        "demo": _run(demo.POLICY, demo_principals, scenario.records),
        "fixtures": _run(abac_cases.POLICY, abac_cases.principal_tags(), _fixture_records()),
    }


def main(argv: list[str]) -> int:
    text = json.dumps(snapshot(), indent=1, sort_keys=True) + "\n"
    if "--write" in argv:
        GOLDEN.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
