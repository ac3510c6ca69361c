"""Wildcard matching: unit tests, and property tests against an independent reference matcher."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tagwarden.core.iam.elements import ArnTemplate, resource_template
from tagwarden.core.iam.matching import (
    ANY,
    ANY_NO_COLON,
    STAR,
    STAR_NO_COLON,
    Token,
    compile_alternatives,
    compile_tokens,
    normalize,
    parse_glob,
)
from tagwarden.core.iam.variables import Context

NO_CONTEXT: Context = {}


def reference_match(tokens: Sequence[Token], text: str) -> bool:
    """Textbook dynamic programming over (pattern position, text position): obviously correct, slow."""
    items: list[Token] = []
    for token in tokens:
        items.extend(token) if isinstance(token, str) else items.append(token)
    rows, cols = len(items), len(text)
    matched = [[False] * (cols + 1) for _ in range(rows + 1)]
    matched[rows][cols] = True
    for i in range(rows - 1, -1, -1):
        item = items[i]
        for j in range(cols, -1, -1):
            char = text[j] if j < cols else None
            if item in (STAR, STAR_NO_COLON) and not isinstance(item, str):
                takes = char is not None and not (item == STAR_NO_COLON and char == ":")
                matched[i][j] = matched[i + 1][j] or (takes and matched[i][j + 1])
            elif item in (ANY, ANY_NO_COLON) and not isinstance(item, str):
                takes = char is not None and not (item == ANY_NO_COLON and char == ":")
                matched[i][j] = takes and matched[i + 1][j + 1]
            else:
                matched[i][j] = char == item and matched[i + 1][j + 1]
    return matched[0][0]


ALPHABET = "ab:/"
literals = st.text(alphabet=ALPHABET, min_size=1, max_size=3)
unrestricted_tokens = st.lists(st.one_of(literals, st.sampled_from([STAR, ANY])), max_size=8)
all_tokens = st.lists(
    st.one_of(literals, st.sampled_from([STAR, ANY, STAR_NO_COLON, ANY_NO_COLON])), max_size=8
)
texts = st.text(alphabet=ALPHABET, max_size=12)


@settings(max_examples=600)
@given(unrestricted_tokens, texts)
def test_glob_agrees_with_the_reference(tokens: list[Token], text: str) -> None:
    assert compile_tokens(tokens)(text) == reference_match(tokens, text)


@settings(max_examples=600)
@given(all_tokens, texts)
def test_segment_wildcards_agree_with_the_reference(tokens: list[Token], text: str) -> None:
    assert compile_tokens(tokens)(text) == reference_match(tokens, text)


@settings(max_examples=300)
@given(st.lists(unrestricted_tokens, max_size=4), texts)
def test_alternatives_match_when_any_pattern_matches(patterns: list[list[Token]], text: str) -> None:
    expected = any(reference_match(pattern, text) for pattern in patterns)
    assert compile_alternatives(patterns)(text) == expected


@given(st.text(max_size=20))
def test_a_pattern_without_wildcards_matches_only_itself(text: str) -> None:
    tokens = normalize([text])
    assert compile_tokens(tokens)(text)
    assert not compile_tokens(tokens)(text + "x")


@given(st.text(alphabet="abc*?", max_size=10), st.text(alphabet="abc", max_size=10))
def test_ignore_case_is_matching_the_lower_cased_text(pattern: str, text: str) -> None:
    tokens = parse_glob(pattern)
    assert compile_tokens(tokens, ignore_case=True)(text.upper()) == reference_match(
        parse_glob(pattern), text
    )


def test_normalize_folds_star_runs_and_merges_literals() -> None:
    assert normalize(["a", "", "b", STAR, STAR, "c"]) == ("ab", STAR, "c")
    assert normalize([STAR_NO_COLON, STAR]) == (STAR,)
    assert normalize([STAR_NO_COLON, STAR_NO_COLON]) == (STAR_NO_COLON,)


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        ("*", "", True),
        ("*", "anything:at/all", True),
        ("iam:tag*", "iam:tagrole", True),
        ("*role", "iam:tagrole", True),
        ("iam:*access*", "iam:createaccesskey", True),
        ("iam:*access*", "iam:listroles", False),
        ("a?c", "abc", True),
        ("a?c", "ac", False),
        ("a*b*c", "axxbyyc", True),
        ("a*b*c", "axxbyy", False),
        ("", "", True),
        ("", "a", False),
    ],
)
def test_glob_examples(pattern: str, text: str, expected: bool) -> None:
    assert compile_tokens(parse_glob(pattern))(text) is expected


@pytest.mark.parametrize(
    "pattern",
    ["*a" * 40 + "*b", "a*" * 60 + "b", "*?" * 50 + "*c", ("*" + "a" * 20) * 5 + "b"],
)
def test_hostile_patterns_finish_without_backtracking(pattern: str) -> None:
    text = "a" * 20_000
    tokens = parse_glob(pattern)
    assert compile_tokens(tokens)(text) is False
    segmented = [STAR_NO_COLON if t == STAR else t for t in tokens]
    assert compile_tokens(segmented)(text) is False


@pytest.mark.parametrize(
    ("pattern", "arn", "expected"),
    [
        ("arn:aws:iam::*:role/app-role", "arn:aws:iam::111111111111:role/app-role", True),
        ("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b:c", True),
        ("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket", False),
        (
            "arn:aws:ec2:us-*-1:111111111111:instance/*",
            "arn:aws:ec2:us-east-1:111111111111:instance/i-1",
            True,
        ),
        # A '*' inside a segment stays in the segment...
        (
            "arn:aws:ec2:us-*-1:111111111111:instance/*",
            "arn:aws:ec2:us-east:x-1:111111111111:instance/i-1",
            False,
        ),
        # ...one that ends a segment "can expand to match beyond the colon boundaries".
        ("arn:aws:logs:*:*:log-stream:app", "arn:aws:logs:us-east-1:1:log-group:g:log-stream:app", True),
        ("arn:aws:logs:*", "arn:aws:logs:us-east-1:111111111111:log-group:g", True),
        ("arn:aws:iam::1?1:role/x", "arn:aws:iam::1:1:role/x", False),
        ("arn:aws:iam::1?1:role/x", "arn:aws:iam::111:role/x", True),
        ("arn:aws:iam::111:role/X", "arn:aws:iam::111:role/x", False),
    ],
)
def test_resource_segments(pattern: str, arn: str, expected: bool) -> None:
    matcher = resource_template(pattern, variables=True).matcher(NO_CONTEXT)
    assert matcher is not None
    assert matcher(arn) is expected


@pytest.mark.parametrize(
    ("pattern", "arn", "expected"),
    [
        # IAM User Guide, ARN condition operators: each of the six components is checked separately.
        (
            "arn:aws:someservice:*:111122223333:finance/*",
            "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt",
            False,
        ),
        ("arn:aws:sns:*:111122223333:topic", "arn:aws:sns:us-east-1:111122223333:topic", True),
        ("arn:aws:iam::*:user/*", "arn:aws:iam::111122223333:user/a:b", True),
        ("arn:aws:iam::*:user/*", "not-an-arn", False),
        ("*", "arn:aws:iam::1:role/x", True),
    ],
)
def test_arn_condition_components(pattern: str, arn: str, expected: bool) -> None:
    assert ArnTemplate(pattern, variables=True).matches(arn, NO_CONTEXT) is expected


@given(st.text(alphabet="abc:/*?", max_size=8))
def test_resource_variable_values_are_literal(value: str) -> None:
    template = resource_template("arn:aws:s3:::bucket/${aws:username}", variables=True)
    matcher = template.matcher({"aws:username": (value,)})
    assert matcher is not None
    assert matcher("arn:aws:s3:::bucket/" + value)
    if "*" in value or "?" in value:
        assert not matcher("arn:aws:s3:::bucket/" + value.replace("*", "x").replace("?", "x") + "zz")
