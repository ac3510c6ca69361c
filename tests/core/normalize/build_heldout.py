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

from tests.core.normalize.heldout2_created import ROUND2_CREATED_ENTRIES
from tests.core.normalize.heldout2_created_more import ROUND2_CREATED_MORE_ENTRIES
from tests.core.normalize.heldout2_ids import ROUND2_ID_ENTRIES
from tests.core.normalize.heldout2_ids_more import ROUND2_ID_MORE_ENTRIES
from tests.core.normalize.heldout3_sampled import ROUND3_ENTRIES
from tests.core.normalize.heldout3_sampled_more import ROUND3_MORE_ENTRIES
from tests.core.normalize.heldout4_sampled import ROUND4_ENTRIES
from tests.core.normalize.heldout4_sampled_b import ROUND4_B_ENTRIES
from tests.core.normalize.heldout4_sampled_c import ROUND4_C_ENTRIES
from tests.core.normalize.heldout4_sampled_d import ROUND4_D_ENTRIES
from tests.core.normalize.heldout4_sampled_e import ROUND4_E_ENTRIES
from tests.core.normalize.heldout5_sampled import ROUND5_ENTRIES
from tests.core.normalize.heldout5_sampled_more import ROUND5_MORE_ENTRIES
from tests.core.normalize.heldout6_sampled import ROUND6_ENTRIES
from tests.core.normalize.heldout6_sampled_b import ROUND6_B_ENTRIES
from tests.core.normalize.heldout6_sampled_c import ROUND6_C_ENTRIES
from tests.core.normalize.heldout6_sampled_d import ROUND6_D_ENTRIES
from tests.core.normalize.heldout7a_sampled import ROUND7A_ENTRIES
from tests.core.normalize.heldout7a_sampled_b import ROUND7A_B_ENTRIES
from tests.core.normalize.heldout7a_sampled_c import ROUND7A_C_ENTRIES
from tests.core.normalize.heldout7a_sampled_d import ROUND7A_D_ENTRIES
from tests.core.normalize.heldout7b_sampled import ROUND7_B_ENTRIES
from tests.core.normalize.heldout7b_sampled_b import ROUND7_B2_ENTRIES
from tests.core.normalize.heldout7b_sampled_c import ROUND7_B3_ENTRIES
from tests.core.normalize.heldout7b_sampled_d import ROUND7_B4_ENTRIES
from tests.core.normalize.heldout8a_sampled import ROUND8A_ENTRIES
from tests.core.normalize.heldout8a_sampled_b import ROUND8A_B_ENTRIES
from tests.core.normalize.heldout8a_sampled_c import ROUND8A_C_ENTRIES
from tests.core.normalize.heldout8b_sampled import ROUND8_B_ENTRIES
from tests.core.normalize.heldout8b_sampled_b import ROUND8_B2_ENTRIES
from tests.core.normalize.heldout8b_sampled_c import ROUND8_B3_ENTRIES
from tests.core.normalize.heldout9a_sampled import ROUND9A_ENTRIES
from tests.core.normalize.heldout9a_sampled_b import ROUND9A_B_ENTRIES
from tests.core.normalize.heldout9b_sampled import ROUND9_B_ENTRIES
from tests.core.normalize.heldout9b_sampled_b import ROUND9_B2_ENTRIES
from tests.core.normalize.heldout10a_sampled import ROUND10A_ENTRIES
from tests.core.normalize.heldout10a_sampled_b import ROUND10A_B_ENTRIES
from tests.core.normalize.heldout10b_sampled import ROUND10_B_ENTRIES
from tests.core.normalize.heldout10b_sampled_b import ROUND10_B2_ENTRIES
from tests.core.normalize.heldout10b_sampled_c import ROUND10_B3_ENTRIES
from tests.core.normalize.heldout11a_sampled import ROUND11A_ENTRIES
from tests.core.normalize.heldout11a_sampled_b import ROUND11A_B_ENTRIES
from tests.core.normalize.heldout11b_sampled import ROUND11B_ENTRIES
from tests.core.normalize.heldout11b_sampled_b import ROUND11B_B_ENTRIES
from tests.core.normalize.heldout11c_sampled import ROUND11C_ENTRIES
from tests.core.normalize.heldout11c_sampled_b import ROUND11C_B_ENTRIES
from tests.core.normalize.heldout11d_sampled import ROUND11D_ENTRIES
from tests.core.normalize.heldout11d_sampled_b import ROUND11D_B_ENTRIES
from tests.core.normalize.heldout12a_sampled import ROUND12A_ENTRIES
from tests.core.normalize.heldout12a_sampled_b import ROUND12A_B_ENTRIES
from tests.core.normalize.heldout12b_sampled import ROUND12B_ENTRIES
from tests.core.normalize.heldout12b_sampled_b import ROUND12B_B_ENTRIES
from tests.core.normalize.heldout12c_sampled import ROUND12C_ENTRIES
from tests.core.normalize.heldout12c_sampled_b import ROUND12C_B_ENTRIES
from tests.core.normalize.heldout12d_sampled import ROUND12D_ENTRIES
from tests.core.normalize.heldout12d_sampled_b import ROUND12D_B_ENTRIES
from tests.core.normalize.heldout_created import CREATED_ENTRIES
from tests.core.normalize.heldout_created_compute import CREATED_COMPUTE_ENTRIES
from tests.core.normalize.heldout_created_media import CREATED_MEDIA_ENTRIES
from tests.core.normalize.heldout_created_more import CREATED_MORE_ENTRIES
from tests.core.normalize.heldout_ids import ID_ENTRIES
from tests.core.normalize.heldout_ids_more import ID_MORE_ENTRIES
from tests.core.normalize.heldout_partitions import PARTITION_ENTRIES
from tests.core.normalize.heldout_partitions_ec2 import PARTITION_EC2_ENTRIES
from tests.core.normalize.heldout_tagcalls import TAG_CALL_ENTRIES
from tests.core.normalize.heldout_traps import TRAP_ENTRIES

OUT = Path(__file__).resolve().parents[2] / "fixtures" / "cloudtrail" / "heldout" / "records.json"


def entries() -> list[dict[str, Any]]:
    found = [
        *CREATED_ENTRIES,
        *CREATED_MEDIA_ENTRIES,
        *CREATED_MORE_ENTRIES,
        *CREATED_COMPUTE_ENTRIES,
        *ID_ENTRIES,
        *ID_MORE_ENTRIES,
        *TAG_CALL_ENTRIES,
        *PARTITION_ENTRIES,
        *PARTITION_EC2_ENTRIES,
        *TRAP_ENTRIES,
    ]
    # Round two was written after round one's fixes and measured before any further fix.
    second = [
        *ROUND2_CREATED_ENTRIES,
        *ROUND2_CREATED_MORE_ENTRIES,
        *ROUND2_ID_ENTRIES,
        *ROUND2_ID_MORE_ENTRIES,
    ]
    for item in found:
        item["round"] = 1
    for item in second:
        item["round"] = 2
    found += second
    # Round three: operations drawn at random, written after every fix, measured before any.
    for item in (third := [*ROUND3_ENTRIES, *ROUND3_MORE_ENTRIES]):
        item["round"] = 3
    found += third
    # Round four: operations drawn at random over event sources, written after round three's
    # fixes, measured before any further fix.
    fourth = [*ROUND4_ENTRIES, *ROUND4_B_ENTRIES, *ROUND4_C_ENTRIES, *ROUND4_D_ENTRIES, *ROUND4_E_ENTRIES]
    for item in fourth:
        item["round"] = 4
    found += fourth
    # Round five: drawn as round four was, after its fixes, measured before any further fix.
    for item in (fifth := [*ROUND5_ENTRIES, *ROUND5_MORE_ENTRIES]):
        item["round"] = 5
    found += fifth
    # Round six: drawn as rounds four and five were, after round five's fixes, measured before any
    # further fix.
    for item in (sixth := [*ROUND6_ENTRIES, *ROUND6_B_ENTRIES, *ROUND6_C_ENTRIES, *ROUND6_D_ENTRIES]):
        item["round"] = 6
    found += sixth
    # Round seven: drawn as rounds four to six were, after round six's fixes, measured before any
    # further fix. Part A (draw lines 1-60, heldout7a_*) comes first; part B (lines 61-120) after it.
    seventh = [*ROUND7A_ENTRIES, *ROUND7A_B_ENTRIES, *ROUND7A_C_ENTRIES, *ROUND7A_D_ENTRIES]
    seventh += [*ROUND7_B_ENTRIES, *ROUND7_B2_ENTRIES, *ROUND7_B3_ENTRIES, *ROUND7_B4_ENTRIES]
    for item in seventh:
        item["round"] = 7
    found += seventh
    # Round eight: drawn as rounds four to seven were, after round seven's first fixes; written
    # without seeing the catalog, the normalizer's output or any later fix, and measured on the code
    # those fixes led to. Part A (draw lines 1-40, heldout8a_*) comes first; part B (41-80) after it.
    eighth = [*ROUND8A_ENTRIES, *ROUND8A_B_ENTRIES, *ROUND8A_C_ENTRIES]
    eighth += [*ROUND8_B_ENTRIES, *ROUND8_B2_ENTRIES, *ROUND8_B3_ENTRIES]
    for item in eighth:
        item["round"] = 8
    found += eighth
    # Round nine: drawn as rounds four to eight were, after round eight; written without seeing the
    # catalog, the normalizer's output or any later fix, and measured once. Part A (draw lines 1-30,
    # heldout9a_*) comes first; part B (31-60, heldout9b_*) after it.
    ninth = [*ROUND9A_ENTRIES, *ROUND9A_B_ENTRIES, *ROUND9_B_ENTRIES, *ROUND9_B2_ENTRIES]
    for item in ninth:
        item["round"] = 9
    found += ninth
    # Round ten: drawn as rounds four to nine were, after round nine; written without seeing the
    # catalog, the normalizer's output or any later fix, and measured once. Part A (draw lines 1-30,
    # heldout10a_*) comes first; part B (31-60, heldout10b_*) after it.
    tenth = [*ROUND10A_ENTRIES, *ROUND10A_B_ENTRIES]
    tenth += [*ROUND10_B_ENTRIES, *ROUND10_B2_ENTRIES, *ROUND10_B3_ENTRIES]
    for item in tenth:
        item["round"] = 10
    found += tenth
    # Round eleven: drawn as rounds four to ten were, after round ten; written without seeing the
    # catalog, the normalizer's output or any later fix, and measured once. Parts A to D (draw lines
    # 1-25, 26-50, 51-75, 76-100: heldout11a_* to heldout11d_*) come in that order.
    eleventh = [*ROUND11A_ENTRIES, *ROUND11A_B_ENTRIES, *ROUND11B_ENTRIES, *ROUND11B_B_ENTRIES]
    eleventh += [*ROUND11C_ENTRIES, *ROUND11C_B_ENTRIES, *ROUND11D_ENTRIES, *ROUND11D_B_ENTRIES]
    for item in eleventh:
        item["round"] = 11
    found += eleventh
    # Round twelve: drawn as rounds four to eleven were, after round eleven; written without seeing
    # the catalog, the normalizer's output or any later fix, and measured once. Parts A to D (draw
    # lines 1-25, 26-50, 51-75, 76-100: heldout12a_* to heldout12d_*) come in that order.
    twelfth = [*ROUND12A_ENTRIES, *ROUND12A_B_ENTRIES, *ROUND12B_ENTRIES, *ROUND12B_B_ENTRIES]
    twelfth += [*ROUND12C_ENTRIES, *ROUND12C_B_ENTRIES, *ROUND12D_ENTRIES, *ROUND12D_B_ENTRIES]
    for item in twelfth:
        item["round"] = 12
    found += twelfth
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
