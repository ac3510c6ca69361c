"""Grades the held-out corpus: how many targets the normalizer names exactly, reports as
unresolved, or names wrong.

``python -m tests.core.normalize.measure_heldout`` prints the figures and every record that is
not right; tests/core/normalize/test_heldout_corpus.py asserts them. Per expected target:

- ``exact``: the expected ARN, with the expected keys and values;
- ``unresolved_ok``: the record cannot determine the ARN and the change says so (unresolved);
- ``unresolved``: the record determines the ARN but the change reports it unresolved (safe,
  not exact);
- ``wrong``: a change names an ARN that is not the resource's (or right target, wrong tags);
- ``missing``: no change at all for it. A further change the record does not make is ``extra``
  (counted as wrong where it names an ARN).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from tagwarden.core.normalize import Normalizer
from tests.core.normalize.corpus_checks import change_matches

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "cloudtrail" / "heldout" / "records.json"
RIGHT = ("exact", "unresolved_ok")


def load() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = json.loads(CORPUS.read_text(encoding="utf-8"))
    return entries


def grade(entry: dict[str, Any], normalizer: Normalizer) -> list[str]:
    """One grade per expected target, then ``extra`` or ``extra_arn`` per change left over."""
    pool = list(normalizer.normalize(entry["record"]).changes)
    grades: list[str] = []
    left: list[dict[str, Any]] = []
    for expected in entry["changes"]:
        found = next((c for c in pool if change_matches(c, expected)), None)
        if found is None:
            left.append(expected)
            continue
        pool.remove(found)
        grades.append("exact" if "target" in expected else "unresolved_ok")
    for _expected in left:
        unresolved = next((c for c in pool if c.target_kind == "unresolved"), None)
        other = unresolved or (pool[0] if pool else None)
        if other is None:
            grades.append("missing")
            continue
        pool.remove(other)
        grades.append("unresolved" if other is unresolved else "wrong")
    grades.extend("extra_arn" if c.target.startswith("arn:") else "extra" for c in pool)
    return grades


def record_is_right(grades: list[str]) -> bool:
    return all(g in RIGHT for g in grades)


def measure(entries: list[dict[str, Any]]) -> tuple[Counter[str], list[tuple[str, list[str]]]]:
    normalizer = Normalizer()
    totals: Counter[str] = Counter()
    not_right: list[tuple[str, list[str]]] = []
    for entry in entries:
        grades = grade(entry, normalizer)
        totals.update(grades)
        totals["records"] += 1
        if record_is_right(grades):
            totals["records_right"] += 1
        else:
            not_right.append((entry["id"], grades))
    return totals, not_right


def summary(totals: Counter[str]) -> str:
    targets = sum(totals[k] for k in ("exact", "unresolved_ok", "unresolved", "wrong", "missing"))
    right = totals["exact"] + totals["unresolved_ok"]
    wrong = totals["wrong"] + totals["extra_arn"]
    return (
        f"records right {totals['records_right']}/{totals['records']} "
        f"({100 * totals['records_right'] / max(1, totals['records']):.1f}%); "
        f"targets: exact {totals['exact']}, unresolved as expected {totals['unresolved_ok']} "
        f"(right {right}/{targets}), unresolved though determinable {totals['unresolved']}, "
        f"missing {totals['missing']}, wrong ARN {wrong} (extra ARNs {totals['extra_arn']}), "
        f"extra unresolved {totals['extra']}"
    )


def main() -> None:
    entries = load()
    totals, not_right = measure(entries)
    by_id = {e["id"]: e for e in entries}
    normalizer = Normalizer()
    for entry_id, grades in not_right:
        got = [(c.target_kind, c.target) for c in normalizer.normalize(by_id[entry_id]["record"]).changes]
        want = [c.get("target") or "unresolved~" + c["target_contains"] for c in by_id[entry_id]["changes"]]
        print(f"{entry_id}: {grades}\n    want {want}\n    got  {got}")
    print(summary(totals))
    for number in sorted({e.get("round", 1) for e in entries}):
        print(f"round {number}:", summary(measure([e for e in entries if e.get("round", 1) == number])[0]))


if __name__ == "__main__":
    main()
