"""Compute state port contract (tagwarden/core/ports/compute_state.py), on every engine."""

from __future__ import annotations

from tagwarden.adapters.store import Store


def test_entries_are_written_replaced_and_removed_with_their_unit(store: Store) -> None:
    with store.unit() as tx:
        tx.put_compute_entries(
            {("resources", "fn-a"): '"role-1"', ("launch_template_names", "a/r/web"): '"lt-1"'}
        )
    assert store.compute_entries([("resources", "fn-a"), ("resources", "fn-b")]) == {
        ("resources", "fn-a"): '"role-1"'
    }
    with store.unit() as tx:
        tx.put_compute_entries(
            {("resources", "fn-a"): '"role-2"', ("launch_template_names", "a/r/web"): None}
        )
    assert store.compute_entries([("resources", "fn-a"), ("launch_template_names", "a/r/web")]) == {
        ("resources", "fn-a"): '"role-2"'
    }
    assert store.compute_entries([]) == {}
    # The same key under another kind is another entry.
    assert store.compute_entries([("profiles", "fn-a")]) == {}


def test_a_unit_rolled_back_writes_no_entry(store: Store) -> None:
    try:
        with store.unit() as tx:
            tx.put_compute_entries({("resources", "fn-a"): '"role-1"'})
            raise RuntimeError("the unit fails")
    except RuntimeError:
        pass
    assert store.compute_entries([("resources", "fn-a")]) == {}


def test_many_keys_are_asked_in_chunks(store: Store) -> None:
    keys = {("resources", f"fn-{index}"): f'"{index}"' for index in range(1200)}
    with store.unit() as tx:
        tx.put_compute_entries(keys)
    assert store.compute_entries(list(keys)) == keys
