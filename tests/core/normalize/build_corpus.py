"""Writes tests/fixtures/cloudtrail/documented/records.json from the corpus tables.

``python -m tests.core.normalize.build_corpus`` after editing corpus_core, corpus_more or corpus_named.
Each record is written from the operation's API reference (request syntax and examples; cited by
AWS's stable ``https://docs.aws.amazon.com/goto/WebAPI/<service uid>/<Operation>`` link, which
resolves to the operation's page) or a service guide's CloudTrail example (cited by its page), in
the casing CloudTrail logs. Expected targets are written by hand from the Service Authorization
Reference's ARN format of each resource type, never by running the normalizer; a target the record
cannot determine is expected as unresolved, with what its name must hold.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.core.normalize.corpus_core import core_entries
from tests.core.normalize.corpus_created import created_entries
from tests.core.normalize.corpus_ids import ID_ENTRIES
from tests.core.normalize.corpus_more import BY_ARN_ENTRIES
from tests.core.normalize.corpus_named import named_entries
from tests.core.normalize.corpus_principals import principal_entries

OUT = Path(__file__).resolve().parents[2] / "fixtures" / "cloudtrail" / "documented" / "records.json"


def entries() -> list[dict[str, Any]]:
    found = [
        *core_entries(),
        *principal_entries(),
        *BY_ARN_ENTRIES,
        *named_entries(),
        *created_entries(),
        *ID_ENTRIES,
    ]
    for number, item in enumerate(found, 1):
        record = item["record"]
        record["eventID"] = f"documented-{number:04d}"
        item["id"] = f"{number:04d} {record['eventSource'].split('.')[0]} {record['eventName']}"
    return found


def main() -> None:
    found = entries()
    OUT.write_text(json.dumps(found, indent=1) + "\n", encoding="utf-8")
    sources = {item["record"]["eventSource"] for item in found}
    print(f"{len(found)} records over {len(sources)} event sources written to {OUT}")


if __name__ == "__main__":
    main()
