"""Per-record cost of Normalizer.normalize for records that are and are not tag writes.

Run: ``python -m pytest benchmarks/bench_normalize.py --benchmark-enable``, or
``python benchmarks/bench_normalize.py`` for a quick figure without pytest-benchmark.
"""

from __future__ import annotations

import json
import timeit
from pathlib import Path
from typing import Any

from tagwarden.core.normalize import Normalizer

SAMPLES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "cloudtrail" / "synthetic"


def _load(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SAMPLES / name).read_text(encoding="utf-8"))
    return loaded


NOT_A_TAG_WRITE = _load("s3-GetObject.json")
DESCRIBE = _load("ec2-DescribeInstances.json")
TAG_WRITE = _load("ec2-CreateTags-multi.json")
CREATE_WITH_TAGS = _load("ec2-RunInstances-instance-volume.json")
NORMALIZER = Normalizer()


def test_not_a_tag_write(benchmark: Any) -> None:
    assert benchmark(NORMALIZER.normalize, NOT_A_TAG_WRITE).spec is None


def test_describe_call(benchmark: Any) -> None:
    assert benchmark(NORMALIZER.normalize, DESCRIBE).spec is None


def test_tag_write(benchmark: Any) -> None:
    assert benchmark(NORMALIZER.normalize, TAG_WRITE).changes


def test_create_with_tags(benchmark: Any) -> None:
    assert benchmark(NORMALIZER.normalize, CREATE_WITH_TAGS).changes


def test_building_the_normalizer(benchmark: Any) -> None:
    assert len(benchmark(Normalizer)) > 2000


def main() -> None:
    for name, item in (
        ("not a tag write (s3 GetObject)", NOT_A_TAG_WRITE),
        ("not a tag write (ec2 DescribeInstances)", DESCRIBE),
        ("tag write (ec2 CreateTags, 4 targets)", TAG_WRITE),
        ("create with tags (ec2 RunInstances)", CREATE_WITH_TAGS),
    ):
        runs = 200_000 if NORMALIZER.normalize(item).spec is None else 20_000
        seconds = timeit.timeit(lambda item=item: NORMALIZER.normalize(item), number=runs)
        print(f"{name}: {seconds / runs * 1e9:,.0f} ns per record")
    print(f"Normalizer(): {timeit.timeit(Normalizer, number=20) / 20 * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
