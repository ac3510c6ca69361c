"""Ingest throughput of ``tagwarden replay`` against decompression alone, on a trail-like mix.

    python benchmarks/bench_ingest.py                    # 1,000,000 records in 1,000 files
    python benchmarks/bench_ingest.py --records 100000 --files 100 --workers 1 2

Writes gzipped CloudTrail log files of the mix described in benchmarks/trail_mix.py (kept in
--data-dir and reused when the same parameters ask for them again), then, in the same run:
- decompression alone: every file read and inflated with zlib (and with isal's igzip where it is
  installed), in this process;
- ``tagwarden replay`` end to end, as a subprocess (interpreter start included), once per
  --workers value, each into a fresh SQLite store: 0 reads in replay's own process, N starts N
  worker processes beside it (so 1 is two processes, reading in one and committing in the other).
- the stages before judging (reading alone; reading and normalizing), in this process, with the
  processor replay builds: a ceiling on one worker's rate (see ingest_stages.py).
Prints records per second, the ratio of replay's rate to zlib's, the peak memory of the replay
process tree and whether every run recorded the same findings and tag history. Memory is the
largest single process's peak RSS (from wait4) and, sampled every 50 ms, the tree's summed RSS and
summed PSS. Sampled the same way, the CPU time of replay's own process: with workers, the one
process that judges and commits, whose CPU time alone bounds the rate whatever the worker count
(printed as that bound). The workers are forked, so their RSS counts the pages they share with the parent and
each other once per process; PSS divides each shared page among the processes sharing it, so the
tree's PSS is the memory the tree holds (what a container's memory limit sees of it, less the
page cache).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_stages import time_stages
from trail_mix import DATA_DIR, POLICY_YAML, trail_dir, write_trail


@dataclass
class ReplayRun:
    workers: int | None
    seconds: float
    cpu_seconds: float  # user + system of replay and its workers
    max_rss_mib: float
    tree_rss_mib: float
    tree_pss_mib: float | None  # None where /proc/PID/smaps_rollup is not there (Linux < 4.14)
    own_cpu_seconds: float | None  # of replay's process alone, its workers not counted; sampled
    store_mib: float  # the SQLite file once replay closed it
    findings: int
    digest: str
    output: str


def _data(args: argparse.Namespace) -> tuple[Path, list[Path]]:
    root = trail_dir(args.records, args.files, args.tag_share, args.seed, Path(args.data_dir))
    done = root / ".complete"
    if not done.exists():
        started = time.perf_counter()
        print(f"writing {args.records:,} records in {args.files} files to {root} ...", flush=True)
        write_trail(root, args.records, args.files, args.tag_share, args.seed)
        done.write_text("ok")
        print(f"  written in {time.perf_counter() - started:.0f} s", flush=True)
    return root, sorted(root.rglob("*.json.gz"))


def _inflate_all(paths: list[Path], inflate: object) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and bytes inflated."""
    started, cpu = time.perf_counter(), time.process_time()
    size = 0
    for path in paths:
        size += len(inflate(path.read_bytes()))  # type: ignore[operator]
    return time.perf_counter() - started, time.process_time() - cpu, size


def _zlib(data: bytes) -> bytes:
    return zlib.decompressobj(wbits=31).decompress(data)


def _pss_kib(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _stat_fields(pid: int | str) -> list[str] | None:
    """The fields of /proc/PID/stat after the command's name (state first), None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None


def _own_cpu_seconds(pid: int) -> float | None:
    """User and system CPU seconds of ``pid`` alone (not its children), from /proc/PID/stat."""
    fields = _stat_fields(pid)
    return None if fields is None else (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _tree_memory_kib(root: int) -> tuple[int, int | None]:
    """Summed RSS and summed PSS of ``root`` and every process under it, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        fields = _stat_fields(entry)
        if fields is None:
            continue
        pid, parent = int(entry), int(fields[1])
        children.setdefault(parent, []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
    total, todo, tree = 0, [root], []
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        tree.append(pid)
        todo.extend(children.get(pid, []))
    shares = [_pss_kib(pid) for pid in tree]
    # A process that exited between the two reads has no PSS left to count.
    pss = None if all(share is None for share in shares) else sum(share or 0 for share in shares)
    return total, pss


def _store_digest(db: Path) -> tuple[int, str]:
    conn = sqlite3.connect(db)
    digest = hashlib.sha256()
    findings = conn.execute(
        "SELECT id, kind, severity, rule, target, tag_key, old_value, new_value, explanation"
        " FROM findings ORDER BY id"
    ).fetchall()
    history = conn.execute(
        "SELECT target, key, ts, event_id, value, removed FROM tag_history ORDER BY target, key, ts, event_id"
    ).fetchall()
    conn.close()
    digest.update(repr(findings).encode())
    digest.update(repr(history).encode())
    return len(findings), digest.hexdigest()[:16]


def config_dir(work: Path, name: str) -> Path:
    """A directory holding the configuration every run uses; its store is created in it."""
    run_dir = work / name
    run_dir.mkdir()
    (run_dir / "policy.yaml").write_text(POLICY_YAML)
    store = run_dir / "state.db"
    (run_dir / "tagwarden.yaml").write_text(
        f'policy: policy.yaml\nstore: {{url: "sqlite:///{store}"}}\nsources: []\nsinks: []\n'
    )
    return run_dir


def without_aws(environ: Mapping[str, str]) -> dict[str, str]:
    """``environ`` for a replay with no AWS: no credentials, no instance metadata to wait for."""
    env = {k: v for k, v in environ.items() if not k.startswith("AWS_")}
    env |= {
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_CONFIG_FILE": "/dev/null",
        "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    return env


def _worker_count(text: str) -> int | None:
    """A --workers value: a count from 0, or 'default' (None: replay without --workers)."""
    if text == "default":
        return None
    count = int(text) if text.isdecimal() else -1
    if count < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a worker count (0 or more) nor 'default'")
    return count


def _named(workers: int | None) -> str:
    return "default" if workers is None else str(workers)


def _replay(data_root: Path, workers: int | None, work: Path, index: int) -> ReplayRun:
    """The ``index``-th replay, into a store of its own (a worker count may be given more than
    once, to alternate)."""
    run_dir = config_dir(work, f"run-{index}-{_named(workers)}")
    command = [sys.executable, "-m", "tagwarden", "replay", "--config", str(run_dir / "tagwarden.yaml")]
    command += ["--quiet", str(data_root)]
    if workers is not None:
        command += ["--workers", str(workers)]
    env = without_aws(os.environ)
    peak_tree, peak_pss, own_cpu = 0, None, None
    started = time.perf_counter()
    log = (run_dir / "replay.log").open("wb")  # one warning per finding: kept out of the pipe
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, env=env, cwd=run_dir)
    finished = threading.Event()

    def sample() -> None:
        nonlocal peak_tree, peak_pss, own_cpu
        while not finished.wait(0.05):
            own_cpu = _own_cpu_seconds(child.pid) or own_cpu  # the last reading before it exits
            rss, pss = _tree_memory_kib(child.pid)
            peak_tree = max(peak_tree, rss)
            if pss is not None:
                peak_pss = max(peak_pss or 0, pss)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert child.stdout is not None
    output = child.stdout.read().decode(errors="replace")
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    finished.set()
    sampler.join()
    log.close()
    if child.returncode != 0:
        tail = (run_dir / "replay.log").read_text(errors="replace")[-3000:]
        raise SystemExit(f"replay failed ({child.returncode}):\n{output}\n{tail}")
    findings, digest = _store_digest(run_dir / "state.db")
    cpu = usage.ru_utime + usage.ru_stime
    pss_mib = peak_pss / 1024 if peak_pss is not None else None
    store_mib = (run_dir / "state.db").stat().st_size / 2**20
    return ReplayRun(
        workers,
        seconds,
        cpu,
        usage.ru_maxrss / 1024,
        peak_tree / 1024,
        pss_mib,
        own_cpu,
        store_mib,
        findings,
        digest,
        output,
    )


def _decompression(records: int, paths: list[Path]) -> tuple[float, float]:
    """zlib's rate and CPU seconds on the files, printed with isal's rate where it is installed."""
    compressed = sum(p.stat().st_size for p in paths)
    zlib_seconds, zlib_cpu, raw = _inflate_all(paths, _zlib)
    print(
        f"{records:,} records in {len(paths)} files: {raw / records:.0f} bytes each on average, "
        f"{compressed / 1e6:.0f} MB gzipped, {raw / 1e6:.0f} MB of JSON"
    )
    zlib_rate = records / zlib_seconds
    print(
        f"zlib decompression alone:   {zlib_rate:>10,.0f} records/s  ({zlib_seconds:.2f} s, "
        f"{zlib_cpu:.2f} s of CPU)"
    )
    try:
        from isal import igzip  # noqa: PLC0415 (optional)

        isal_seconds, _, _ = _inflate_all(paths, igzip.decompress)
        print(
            f"isal decompression alone:   {records / isal_seconds:>10,.0f} records/s  ({isal_seconds:.2f} s)"
        )
    except ImportError:
        print("isal decompression alone:   (isal not installed)")
    return zlib_rate, zlib_cpu


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=1_000_000, help="records in all (default %(default)s)")
    parser.add_argument(
        "--files",
        type=int,
        default=1_000,
        help="gzipped log files they are spread over (default %(default)s)",
    )
    parser.add_argument(
        "--tag-share", type=float, default=0.03, help="share of records that write tags (default %(default)s)"
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=7,
        help="seed of the generated trail; the same parameters reuse the files written (default %(default)s)",
    )
    parser.add_argument(
        "--workers",
        type=_worker_count,
        nargs="*",
        default=[0, 1, 2],
        help="worker counts to time replay with (0: all in replay's own process; 'default': replay "
        "without --workers, one per CPU) (default: 0 1 2)",
    )
    parser.add_argument(
        "--data-dir",
        default=str(DATA_DIR),
        help="where the generated trails are kept (default %(default)s)",
    )
    args = parser.parse_args()
    root, paths = _data(args)
    zlib_rate, zlib_cpu = _decompression(args.records, paths)
    runs = []
    with tempfile.TemporaryDirectory() as work:
        for index, workers in enumerate(args.workers):
            run = _replay(root, workers, Path(work), index)
            runs.append(run)
            rate = args.records / run.seconds
            label = "replay" if workers is None else f"replay --workers {workers}"
            print(
                f"{label + ':':<27} {rate:>10,.0f} records/s  ({run.seconds:.2f} s, "
                f"{run.cpu_seconds:.2f} s of CPU)  {run.findings} findings, store {run.store_mib:.0f} MiB"
            )
            pss = f"{run.tree_pss_mib:.0f} MiB" if run.tree_pss_mib is not None else "unknown"
            print(
                f"{'':<27} peak memory: RSS {run.max_rss_mib:.0f} MiB (largest process); "
                f"process tree, sampled: RSS {run.tree_rss_mib:.0f} MiB summed, PSS {pss} summed"
            )
            if run.own_cpu_seconds and workers != 0:
                print(
                    f"{'':<27} replay's own process (judging and committing): {run.own_cpu_seconds:.2f} s "
                    f"of CPU, a bound of {args.records / run.own_cpu_seconds:,.0f} records/s"
                )
    again, again_cpu, _ = _inflate_all(paths, _zlib)
    print(
        f"zlib decompression again:   {args.records / again:>10,.0f} records/s  ({again:.2f} s, "
        f"{again_cpu:.2f} s of CPU)"
    )
    # The first pass may have read the files from disk; replay read them from the page cache.
    fastest = max(zlib_rate, args.records / again)
    print(
        "replay's rate over zlib's faster pass: "
        + ", ".join(f"{_named(r.workers)}: {args.records / r.seconds / fastest:.2f}x" for r in runs)
    )
    bounds = [r for r in runs if r.own_cpu_seconds and r.workers != 0]
    if bounds:
        print(
            "the bound of replay's own process over zlib's faster pass: "
            + ", ".join(
                f"{_named(r.workers)}: {args.records / (r.own_cpu_seconds or 1) / fastest:.2f}x"
                for r in bounds
            )
        )
    with tempfile.TemporaryDirectory() as work:
        stages = time_stages(config_dir(Path(work), "stages") / "tagwarden.yaml", paths)
    print("the stages before judging, alone in this process (a ceiling on one worker's rate):")
    for stage in stages:
        ratio = min(zlib_cpu, again_cpu) / stage.cpu_seconds
        print(
            f"  {stage.name + ':':<25} {args.records / stage.cpu_seconds:>10,.0f} records per CPU second  "
            f"({stage.cpu_seconds:.2f} s)  {ratio:.2f}x zlib's CPU time"
        )
    print(
        "CPU-time ratios (zlib's CPU over replay's, workers included: work done, not speed): "
        + ", ".join(f"{_named(r.workers)}: {min(zlib_cpu, again_cpu) / r.cpu_seconds:.2f}x" for r in runs)
    )
    digests = {run.digest for run in runs}
    verdict = "identical" if len(digests) == 1 else "DIFFERENT"
    print(f"findings and tag history across runs: {verdict} ({', '.join(sorted(digests))})")
    print(f"last replay said: {runs[-1].output.strip().splitlines()[-1] if runs[-1].output.strip() else ''}")


if __name__ == "__main__":
    main()
