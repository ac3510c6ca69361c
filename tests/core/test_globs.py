from __future__ import annotations

import fnmatch

from hypothesis import given
from hypothesis import strategies as st

from tagwarden.core.globs import Glob, glob_match

ALPHABET = "ab*?-/:"


def reference(pattern: str, text: str) -> bool:
    # fnmatch treats '[' specially; the alphabet above has none, so it is a faithful reference.
    return fnmatch.fnmatchcase(text, pattern)


@given(st.text(alphabet=ALPHABET, max_size=12), st.text(alphabet="ab-/:", max_size=16))
def test_matches_like_fnmatch(pattern: str, text: str) -> None:
    assert glob_match(pattern, text) == reference(pattern, text)


def test_hostile_pattern_finishes() -> None:
    # A backtracking matcher takes exponential time on this; the two-pointer walk does not.
    pattern = "*a" * 40 + "b"
    assert not glob_match(pattern, "a" * 5000)


def test_case_folding_is_opt_in() -> None:
    assert Glob("Access-*", fold=True).matches("access-KEY")
    assert not Glob("arn:aws:iam::*:role/TagAdmin").matches("arn:aws:iam::1:role/tagadmin")
    assert Glob("arn:aws:iam::*:role/TagAdmin").matches("arn:aws:iam::111111111111:role/TagAdmin")
