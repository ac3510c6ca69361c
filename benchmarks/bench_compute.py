"""The cost of the compute-identity detector on ingest, against a baseline in the same run.

    python benchmarks/bench_compute.py [--records 100000] [--grant-share 0.01] [--rounds 3]

The log of bench_ingest (97% records that are no tag write) with a share of records that give
a workload a role (RunInstances with an instance profile, CreateFunction) is processed as one unit
twice per round: by a processor whose compute reader recognises nothing (the baseline: the
pipeline as it was before the detector) and by the real one. Prints records per second of each
(best of the rounds) and the ratio.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.trail_mix import POLICY_YAML, TrailMix
from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import open_store
from tagwarden.app.demo.records import Caller
from tagwarden.app.logs import configure_logging, get_logger
from tagwarden.app.pipeline import PrincipalTagCache, Processor
from tagwarden.app.pipeline.compute_identity import ComputeIdentity
from tagwarden.core.compute import ComputeRead, ComputeReader
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.normalize import Normalizer
from tagwarden.core.records import iter_records
from tests.builders.compute_records import create_function, run_instances

ACCOUNT = "123456789012"
TAGS = {f"arn:aws:iam::{ACCOUNT}:role/dev-{i}": {"team": "abc"[i % 3]} for i in range(50)}
TAGS.update({f"arn:aws:iam::{ACCOUNT}:role/app-{t}": {"team": t} for t in "abc"})
PROFILES = {f"{ACCOUNT}/{t}-profile": f"arn:aws:iam::{ACCOUNT}:role/app-{t}" for t in "abc"}


class _Blind(ComputeReader):
    """The baseline: a reader that recognises no record."""

    def read(self, record: dict[str, Any]) -> ComputeRead | None:
        return None


POLICY = yaml.safe_load(POLICY_YAML)


def make_mixed_log(count: int, grant_share: float) -> bytes:
    """bench_ingest's trail mix (3% tag writes), with ``grant_share`` of its records made grants."""
    records = TrailMix(7).file_records(3600, count, 0.03)
    rng = random.Random(13)
    for i in range(len(records)):
        if rng.random() < grant_share:
            who = Caller(ACCOUNT, f"dev-{rng.randrange(50)}", session="s")
            when, team = records[i]["eventTime"], rng.choice("abc")
            if rng.random() < 0.5:
                records[i] = run_instances(
                    who, f"i-0{i:016x}", f"{team}-profile", time=when, event_id=f"g{i}"
                )
            else:
                records[i] = create_function(who, f"fn-{i}", f"app-{team}", time=when, event_id=f"g{i}")
    return gzip.compress(json.dumps({"Records": records}).encode())


def run_once(data: bytes, reader: ComputeReader, workdir: Path, name: str) -> tuple[float, int]:
    store = open_store(f"sqlite:///{workdir / name}.db")
    processor = Processor(
        normalizer=Normalizer(),
        policy=CompiledPolicy(parse_policy_document(POLICY)),
        store=store,
        principals=PrincipalTagCache(TAGS.get),
        metrics=Metrics(),
        log=get_logger(),
        compute=ComputeIdentity(reader=reader, fetch=PROFILES.get),
    )
    started = time.perf_counter()
    result = processor.process(iter_records(io.BytesIO(data)), source="bench", unit=name)
    elapsed = time.perf_counter() - started
    found = sum(1 for f in result.new_findings if f.kind == "compute_identity")
    store.close()
    return result.records / elapsed, found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--records", type=int, default=100_000, help="records in the log processed (default %(default)s)"
    )
    parser.add_argument(
        "--grant-share",
        type=float,
        default=0.01,
        help="share of records that give a workload a role (default %(default)s)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="rounds of the baseline and the real processor; the best of each is printed "
        "(default %(default)s)",
    )
    args = parser.parse_args()
    configure_logging("error")
    data = make_mixed_log(args.records, args.grant_share)
    best = {"baseline": 0.0, "compute": 0.0}
    flagged = 0
    with tempfile.TemporaryDirectory() as tmp:
        for round_ in range(args.rounds):
            for label, reader in (("baseline", _Blind()), ("compute", ComputeReader())):
                rate, found = run_once(data, reader, Path(tmp), f"{label}-{round_}")
                best[label] = max(best[label], rate)
                flagged = found if label == "compute" else flagged
    print(f"records: {args.records}, grant share: {args.grant_share}, rounds: {args.rounds}")
    print(f"baseline (no compute reader): {best['baseline']:,.0f} records/s")
    print(f"with compute_identity:        {best['compute']:,.0f} records/s ({flagged} findings)")
    print(f"ratio: {best['compute'] / best['baseline']:.3f}")


if __name__ == "__main__":
    main()
