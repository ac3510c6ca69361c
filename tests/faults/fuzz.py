"""Strategies for the property-based fuzz of the readers, the normalizer and the judge, and the
count of what each refused, by reason.

Records start from the public CloudTrail samples in tests/fixtures/cloudtrail/samples (real
shapes, each cited in that folder's SOURCES.md) and are mutated: a field replaced by any JSON
value (huge integers, NaN, lone surrogates, control and bidi characters, deep nesting), a field
removed, or the record kept. Documents are log files of such records, possibly gzipped, cut
short, or with bytes that are not UTF-8.
"""

from __future__ import annotations

import copy
import gzip
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURES

SAMPLES = [
    json.loads(path.read_text()) for path in sorted((FIXTURES / "cloudtrail" / "samples").glob("*.json"))
]

# The long run: TAGWARDEN_FUZZ_EXAMPLES=7000 python -m pytest tests/faults/test_fuzz.py
# (documented in docs/reliability.md); the default run keeps to a few dozen examples.
EXAMPLES = int(os.environ.get("TAGWARDEN_FUZZ_EXAMPLES", "60"))
LONG = EXAMPLES > 1000
RECORDS_PER_DOCUMENT = (10, 20) if LONG else (0, 6)  # (fewest, most)
REPORT = os.environ.get("TAGWARDEN_FUZZ_REPORT")
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None if LONG else settings.default.database,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

REJECTED: Counter[str] = Counter()  # reason -> count, over every test of the run
SEEN: Counter[str] = Counter()  # what was generated: "records", "documents"

_text = st.text(alphabet=st.characters(codec=None, categories=None), max_size=40) | st.sampled_from(
    ["\ud800", "\x1b[2J\r", "\u202egnp.exe", "a" * 41 + "!", "", "NaN"]
)
_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.just(10**4000)
    | st.floats(allow_nan=True, allow_infinity=True)
    | _text
)
json_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_text, inner, max_size=4),
    max_leaves=10,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            found.extend(_paths(child, (*prefix, key)))
    elif isinstance(value, list):
        for index, child in enumerate(value[:5]):
            found.extend(_paths(child, (*prefix, index)))
    return found


def _replace(record: Any, path: tuple[Any, ...], value: Any, delete: bool) -> None:
    parent = record
    for step in path[:-1]:
        parent = parent[step]
    if delete and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = value


@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    record = copy.deepcopy(draw(st.sampled_from(SAMPLES)))
    record["eventID"] = f"fuzz-{draw(st.integers(0, 10**9))}"
    for _ in range(draw(st.integers(0, 3))):
        paths = _paths(record)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        _replace(record, path, draw(json_values), draw(st.booleans()))
    if draw(st.integers(0, 20)) == 0:
        depth = draw(st.sampled_from([70, 2000]))
        record["requestParameters"] = json.loads("[" * depth + "]" * depth) if depth < 900 else "deep"
    SEEN["records"] += 1
    return record


def _dump(value: Any) -> str:
    try:
        return json.dumps(value, allow_nan=True)
    except (ValueError, UnicodeEncodeError):  # an int past Python's digit limit
        return json.dumps(str(value)[:50])


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    fewest, most = RECORDS_PER_DOCUMENT
    recs = draw(st.lists(records(), min_size=fewest, max_size=most))
    text = '{"Records": [' + ",".join(_dump(r) for r in recs) + "]}"
    data = text.encode("utf-8", "surrogatepass")
    damage = draw(st.sampled_from(["none", "cut", "bytes", "deep", "gzip", "gzip-cut"]))
    if damage == "cut" and data:
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif damage == "bytes" and data:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
    elif damage == "deep":
        data = b'{"Records": [' + b"[" * 5000 + b"]" * 5000 + b"]}"
    elif damage.startswith("gzip"):
        data = gzip.compress(data)
        if damage == "gzip-cut":
            data = data[: draw(st.integers(0, len(data)))]
    SEEN["documents"] += 1
    return data


def note_progress() -> None:
    """Every 500 documents of a long run, write the counts so far (a run cut short still says
    how far it got)."""
    if REPORT and SEEN["documents"] % 500 == 0:
        write_report(Path(REPORT))


def write_report(path: Path) -> dict[str, Any]:
    report = {"generated": dict(SEEN), "rejected_by_reason": dict(sorted(REJECTED.items()))}
    path.write_text(json.dumps(report, indent=2) + "\n")
    return report
