"""Policy variables: parsing, escapes, defaults, unresolved variables."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tagwarden.core.iam.matching import ANY, STAR
from tagwarden.core.iam.variables import (
    PatternTemplate,
    StringTemplate,
    Variable,
    VariableSyntaxError,
    parse_template,
    resolve_parts,
)


def test_variables_and_wildcards_are_parsed() -> None:
    parts = parse_template("home/${aws:username}/*", wildcards=True, variables=True)
    assert parts == ("home/", Variable("aws:username", None), "/", STAR)


def test_key_names_are_lower_cased() -> None:
    assert parse_template("${AWS:PrincipalTag/Team}", wildcards=False, variables=True) == (
        Variable("aws:principaltag/team", None),
    )


def test_default_value_in_single_quotes() -> None:
    parts = parse_template("bucket-${aws:PrincipalTag/team, 'company-wide'}", wildcards=False, variables=True)
    assert parts == ("bucket-", Variable("aws:principaltag/team", "company-wide"))


@pytest.mark.parametrize(("escape", "char"), [("${*}", "*"), ("${?}", "?"), ("${$}", "$")])
def test_escapes_are_literal_characters(escape: str, char: str) -> None:
    assert parse_template(f"a{escape}b", wildcards=True, variables=True) == (f"a{char}b",)


def test_without_variables_the_text_is_literal() -> None:
    assert parse_template("x/${aws:username}?", wildcards=True, variables=False) == ("x/${aws:username}", ANY)


def test_an_unclosed_variable_is_literal_text() -> None:
    assert parse_template("a${aws:username", wildcards=False, variables=True) == ("a${aws:username",)


@pytest.mark.parametrize("text", ["${aws:x, company}", "${aws:x, 'unterminated}", "${}", "${a b'c}"])
def test_malformed_variables_are_rejected(text: str) -> None:
    with pytest.raises(VariableSyntaxError):
        parse_template(text, wildcards=False, variables=True)


def test_resolution_uses_the_context_then_the_default() -> None:
    parts = parse_template("${aws:PrincipalTag/team, 'none'}", wildcards=False, variables=True)
    assert resolve_parts(parts, {"aws:principaltag/team": ("blue",)}) == ("blue",)
    assert resolve_parts(parts, {}) == ("none",)


def test_a_missing_key_without_default_leaves_the_template_unresolved() -> None:
    template = StringTemplate(parse_template("${aws:username}", wildcards=False, variables=True))
    assert template.resolve({}) is None
    assert template.resolve({"aws:username": ("alice",)}) == "alice"


def test_a_multivalued_key_is_not_a_variable() -> None:
    template = StringTemplate(parse_template("${aws:TagKeys}", wildcards=False, variables=True))
    assert template.resolve({"aws:tagkeys": ("a", "b")}) is None


def test_an_unresolved_pattern_has_no_matcher() -> None:
    assert (
        PatternTemplate(parse_template("${aws:username}*", wildcards=True, variables=True)).matcher({})
        is None
    )


@given(st.text(max_size=12))
def test_a_substituted_value_is_matched_literally(value: str) -> None:
    template = PatternTemplate(parse_template("x-${aws:username}", wildcards=True, variables=True))
    matcher = template.matcher({"aws:username": (value,)})
    assert matcher is not None
    assert matcher("x-" + value)
    assert not matcher("x-" + value + "!")
