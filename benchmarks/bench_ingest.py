"""Ingest throughput: records per second through read, normalize, judge and commit.

    python benchmarks/bench_ingest.py [--records 200000] [--tag-share 0.03]

A gzipped CloudTrail log of realistic records (97% not tag writes by default) is read from
memory and processed as one unit into a SQLite store on disk, exactly as the daemon does for
one log file. Prints records per second for the whole path and for reading alone.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import open_store
from tagwarden.app.demo.records import Caller, record, s3_tagging, tag_list
from tagwarden.app.logs import configure_logging, get_logger
from tagwarden.app.pipeline import PrincipalTagCache, Processor
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.normalize import Normalizer
from tagwarden.core.records import iter_records

POLICY = {
    "version": 1,
    "abac_keys": ["team"],
    "rules": [{"id": "r", "keys": ["team"], "writers": [{"principal": "arn:aws:iam::*:role/TagAdmin"}]}],
}
NOISE = [
    ("s3.amazonaws.com", "GetObject"),
    ("ec2.amazonaws.com", "DescribeInstances"),
    ("sts.amazonaws.com", "GetCallerIdentity"),
    ("kms.amazonaws.com", "Decrypt"),
    ("dynamodb.amazonaws.com", "GetItem"),
    ("lambda.amazonaws.com", "Invoke"),
]


def make_log(count: int, tag_share: float, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    callers = [Caller("123456789012", f"dev-{i}", session=f"s{i}") for i in range(50)]
    records: list[dict[str, Any]] = []
    for i in range(count):
        caller = rng.choice(callers)
        when = f"2024-05-01T{(i // 3600) % 24:02d}:{(i // 60) % 60:02d}:{i % 60:02d}Z"
        if rng.random() < tag_share:
            if rng.random() < 0.5:
                body = record(
                    caller,
                    "s3.amazonaws.com",
                    "PutBucketTagging",
                    s3_tagging(f"bucket-{rng.randrange(2000)}", {"team": rng.choice("abc")}),
                    time=when,
                )
            else:
                body = record(
                    caller,
                    "ec2.amazonaws.com",
                    "CreateTags",
                    {
                        "resourcesSet": {"items": [{"resourceId": f"i-{rng.randrange(10**8):017x}"}]},
                        "tagSet": {"items": tag_list({"team": rng.choice("abc"), "env": "prod"})},
                    },
                    time=when,
                )
        else:
            source, name = rng.choice(NOISE)
            body = record(
                caller, source, name, {"key": f"k{i}", "bucketName": "data"}, time=when, response={"ok": True}
            )
            body["readOnly"] = True
        records.append(body)
    return gzip.compress(json.dumps({"Records": records}).encode())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--tag-share", type=float, default=0.03)
    args = parser.parse_args()
    configure_logging("error")
    body = make_log(args.records, args.tag_share)
    raw_size = len(gzip.decompress(body))
    started = time.perf_counter()
    read = sum(1 for _ in iter_records(io.BytesIO(body)))
    read_seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as directory:
        store = open_store(f"sqlite:///{Path(directory) / 'bench.db'}")
        processor = Processor(
            normalizer=Normalizer(),
            policy=CompiledPolicy(parse_policy_document(POLICY)),
            store=store,
            principals=PrincipalTagCache(None),
            metrics=Metrics(),
            log=get_logger(),
        )
        started = time.perf_counter()
        result = processor.process(iter_records(io.BytesIO(body)), source="bench", unit="log")
        seconds = time.perf_counter() - started
    changes = sum(result.tag_changes.values())
    print(f"{read} records ({raw_size / read:.0f} bytes each on average, {len(body) / 1e6:.1f} MB gzipped)")
    print(f"read only:       {read / read_seconds:,.0f} records/s")
    print(
        f"whole path:      {result.records / seconds:,.0f} records/s  ({changes} tag changes, "
        f"{len(result.new_findings)} findings, {seconds:.2f} s)"
    )


if __name__ == "__main__":
    main()
