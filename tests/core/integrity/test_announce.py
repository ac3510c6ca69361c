"""verify tells ``announce``, before it hashes any, every log file it will ask ``hash_log`` for, in
the order asked: what lets the adapter read them ahead (adapters/read_ahead.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tagwarden.core.integrity import DigestFile, verify
from tests.builders.signed_trail import (
    SignedTree,
    build_tree,
    forge_newest_hour,
    hashing,
    signing_keys,
)

TREE = build_tree(hours=4, logs_per_hour=3)
FORGED = build_tree(hours=4, logs_per_hour=3)
forge_newest_hour(FORGED)


@settings(deadline=None, max_examples=60)
@given(
    tree=st.sampled_from([TREE, FORGED]),
    gone=st.sets(st.integers(0, 11)),
    copied=st.sets(st.integers(0, 11)),
    unsigned=st.sets(st.integers(0, 3)),
    digests_gone=st.sets(st.integers(0, 3), max_size=2),
)
def test_what_verify_announces_is_what_it_asks_for_in_order(
    tree: SignedTree, gone: set[int], copied: set[int], unsigned: set[int], digests_gone: set[int]
) -> None:
    # Log files gone, some present twice (a copy under a second root), digests without their
    # signature (a local copy) or gone: whatever the tree, the announcement is the asks.
    digests = [
        DigestFile(f"/t/{key}", tree.files[key], None if n in unsigned else tree.signatures[key])
        for n, key in enumerate(tree.digests)
        if n not in digests_gone
    ]
    logs = {f"/t/{key}": key for n, key in enumerate(tree.logs) if n not in gone}
    logs |= {f"/copy/{key}": key for n, key in enumerate(tree.logs) if n in copied}
    announced: list[list[str]] = []
    asked: list[str] = []

    def read(where: str) -> bytes | None:
        assert len(announced) == 1  # told once, before the first ask
        asked.append(where)
        return tree.files.get(where.split("/", 2)[2])

    report = verify(digests, logs, hashing(read), signing_keys, announce=announced.append)
    assert announced == [asked]
    assert report.logs_checked <= len(asked)


def test_a_clean_tree_announces_each_log_file_once_in_digest_order() -> None:
    digests = [DigestFile(f"/t/{key}", TREE.files[key], TREE.signatures[key]) for key in TREE.digests]
    logs = {f"/t/{key}": key for key in TREE.logs}
    announced: list[list[str]] = []
    verify(
        digests, logs, hashing(lambda where: TREE.files[where[3:]]), signing_keys, announce=announced.append
    )
    assert announced == [[f"/t/{key}" for key in TREE.logs]]
