"""Writes tests/fixtures/cloudtrail/heldout/records.json from the held-out tables.

``python -m tests.core.normalize.build_heldout`` after editing a heldout_*.py table. See
tests/core/normalize/heldout_builders.py for how the records and their expected targets were
written (from the API reference and the Service Authorization Reference, never by running the
normalizer).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.core.normalize.heldout2_created import round2_created_entries
from tests.core.normalize.heldout2_created_more import round2_created_more_entries
from tests.core.normalize.heldout2_ids import round2_id_entries
from tests.core.normalize.heldout2_ids_more import round2_id_more_entries
from tests.core.normalize.heldout3_sampled import round3_entries
from tests.core.normalize.heldout3_sampled_more import round3_more_entries
from tests.core.normalize.heldout_created import created_entries
from tests.core.normalize.heldout_created_compute import created_compute_entries
from tests.core.normalize.heldout_created_media import created_media_entries
from tests.core.normalize.heldout_created_more import created_more_entries
from tests.core.normalize.heldout_ids import id_entries
from tests.core.normalize.heldout_ids_more import id_more_entries
from tests.core.normalize.heldout_partitions import partition_entries
from tests.core.normalize.heldout_partitions_ec2 import partition_ec2_entries
from tests.core.normalize.heldout_tagcalls import tag_call_entries
from tests.core.normalize.heldout_traps import trap_entries

OUT = Path(__file__).resolve().parents[2] / "fixtures" / "cloudtrail" / "heldout" / "records.json"


def entries() -> list[dict[str, Any]]:
    found = [
        *created_entries(),
        *created_media_entries(),
        *created_more_entries(),
        *created_compute_entries(),
        *id_entries(),
        *id_more_entries(),
        *tag_call_entries(),
        *partition_entries(),
        *partition_ec2_entries(),
        *trap_entries(),
    ]
    # Round two was written after round one's fixes and measured before any further fix.
    second = [
        *round2_created_entries(),
        *round2_created_more_entries(),
        *round2_id_entries(),
        *round2_id_more_entries(),
    ]
    for item in found:
        item["round"] = 1
    for item in second:
        item["round"] = 2
    found += second
    # Round three: operations drawn at random, written after every fix, measured before any.
    for item in (third := [*round3_entries(), *round3_more_entries()]):
        item["round"] = 3
    found += third
    for number, item in enumerate(found, 1):
        record = item["record"]
        record["eventID"] = f"heldout-{number:04d}"
        item["id"] = f"H{number:03d} {record['eventSource'].split('.')[0]} {record['eventName']}"
    return found


def main() -> None:
    found = entries()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(found, indent=1) + "\n", encoding="utf-8")
    sources = {item["record"]["eventSource"] for item in found}
    print(f"{len(found)} records over {len(sources)} event sources written to {OUT}")


if __name__ == "__main__":
    main()
