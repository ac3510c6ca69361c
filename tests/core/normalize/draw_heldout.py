"""Draws the operations of a held-out round: ``python -m tests.core.normalize.draw_heldout SEED
COUNT ROUND`` prints COUNT event sources drawn at random (``random.seed(SEED)``, ``random.sample``
over the sorted sources) among the catalogued operations no corpus had before round ROUND, then
one operation of each (``random.choice`` over its sorted operations).

Rounds seven and eight were drawn so: ``20261205 120 7`` and ``20261206 80 8``. A draw depends
on the catalog it is made from: it comes out the same on the commit it was made at (round seven
at ``14bf9f4``, round eight at ``5d3e368``), not after the catalog has changed."""

from __future__ import annotations

import json
import random
import sys
from collections import defaultdict
from pathlib import Path

from tagwarden.core.normalize.catalog import catalog_document

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "cloudtrail"


def _calls(records: object) -> set[tuple[str, str]]:
    found = set()
    for item in records if isinstance(records, list) else [records]:
        if isinstance(item, dict):
            found.add((str(item.get("eventSource")), str(item.get("eventName"))))
    return found


def covered(before_round: int) -> set[tuple[str, str]]:
    """The (eventSource, eventName) of every corpus record before ``before_round``."""
    seen = _calls([e["record"] for e in json.loads((FIXTURES / "documented" / "records.json").read_text())])
    held = json.loads((FIXTURES / "heldout" / "records.json").read_text())
    seen |= _calls([e["record"] for e in held if e.get("round", 1) < before_round])
    for path in [*FIXTURES.glob("samples/*.json"), *FIXTURES.glob("synthetic/**/*.json")]:
        try:
            document = json.loads(path.read_text())
        except (ValueError, UnicodeDecodeError):
            continue
        seen |= _calls(document.get("Records", [document]) if isinstance(document, dict) else document)
    return seen


def draw(seed: int, count: int, before_round: int) -> list[tuple[str, str]]:
    seen = covered(before_round)
    by_source: dict[str, list[str]] = defaultdict(list)
    for operation in catalog_document()["operations"]:
        if (operation["src"], operation["op"]) not in seen:
            by_source[operation["src"]].append(operation["op"])
    random.seed(seed)
    sources = random.sample(sorted(by_source), count)
    return [(source, random.choice(sorted(by_source[source]))) for source in sources]


def main() -> None:
    seed, count, before_round = (int(arg) for arg in sys.argv[1:4])
    for number, (source, operation) in enumerate(draw(seed, count, before_round), 1):
        print(number, source, operation)


if __name__ == "__main__":
    main()
