"""The identity-passer probe of the writers scan, against the tag-writer probe in the same run.

    python benchmarks/bench_passers.py [--accounts 5] [--per-account 1000]

On the writers inventory of bench_scans (per account: 700 team roles, 150 users, 80 CI roles, 45
power users, 20 admins, 5 tag admins), times ``find_writers`` (the scan as it was: the baseline)
and ``identity_passers`` (who can give a workload another team's role), one after the other.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_scans import GOVERNANCE, writers_inventory
from tagwarden.app.scans.writers_scan import catalog_tag_actions
from tagwarden.core.writers import build_inputs, find_writers, governed_keys, identity_passers


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--accounts", type=int, default=5, help="accounts in the writers inventory (default %(default)s)"
    )
    parser.add_argument(
        "--per-account", type=int, default=1000, help="principals in each account (default %(default)s)"
    )
    args = parser.parse_args()
    inventory = writers_inventory(args.accounts, args.per_account)
    keys = governed_keys(GOVERNANCE, {"team", "cost-center", "env"})
    inputs = build_inputs(inventory, catalog_tag_actions())
    started = time.perf_counter()
    writers = find_writers(inputs, GOVERNANCE, keys)
    baseline = time.perf_counter() - started
    started = time.perf_counter()
    passers = identity_passers(inputs, GOVERNANCE, keys)
    probe = time.perf_counter() - started
    print(f"principals: {len(inputs.principals)}")
    print(f"find_writers (baseline): {baseline:.2f} s, {len(writers)} items")
    print(
        f"identity_passers:        {probe:.2f} s, {len({p.principal.arn for p in passers})} passers, "
        f"{len(passers)} (principal, key, value) items"
    )
    print(f"ratio: {probe / baseline:.3f}")


if __name__ == "__main__":
    main()
