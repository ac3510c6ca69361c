"""The README's table of finding kinds is the kind table, rendered."""

from __future__ import annotations

from tools.kinds_table import BEGIN, END, README, render


def test_the_readme_lists_every_kind_as_the_kind_table_declares_it() -> None:
    text = README.read_text(encoding="utf-8")
    shown = text.split(BEGIN, 1)[1].split(END, 1)[0].strip()
    assert shown == render(), "regenerate it: python -m tools.kinds_table --write"
