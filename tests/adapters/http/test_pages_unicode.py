"""Characters that make a tag value look like another: invisible ones, and letters of another script.

A tag value is the attacker's choice. AWS accepts any Unicode letter, space or number in one (a failed
call, recorded all the same, accepts anything), so ``"alpha"`` followed by a Hangul filler, or spelt with
a Cyrillic a (U+0430), must not be shown as the ``alpha`` the policy allows or the actor holds.
"""

from __future__ import annotations

import html
import re
import sys
import unicodedata

import pytest

from tagwarden.adapters.http.pages.detail import FindingDetail, detail_page
from tagwarden.adapters.http.pages.listing import FilterForm, list_page
from tagwarden.adapters.http.pages.markup import text
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tests.builders.findings import make_finding

POLICY = CompiledPolicy(parse_policy_document({"version": 1, "abac_keys": ["team"]}))
NO_FILTER = FilterForm(severity=(), kind=(), status=(), account=(), limit=None)

# Each shows as nothing, or as an ordinary space, in a browser.
INVISIBLE = {
    "tag character (ASCII smuggling)": "\U000e0041",
    "Hangul filler (a letter: AWS accepts it in tag values)": "\u3164",
    "halfwidth Hangul filler": "\uffa0",
    "combining grapheme joiner": "\u034f",
    "variation selector": "\ufe0f",
    "line separator": "\u2028",
    "no-break space": "\u00a0",
    "ideographic space": "\u3000",
    "musical symbol begin beam": "\U0001d173",
}


def shown(document: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", document)))


@pytest.mark.parametrize("hidden", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_an_invisible_character_is_shown_by_its_code_point(hidden: str) -> None:
    assert text(f"alpha{hidden}") == f"alpha[U+{ord(hidden):04X}]"


def test_no_format_or_separator_character_is_left_invisible() -> None:
    """Every format character (Cf), line or paragraph separator and space other than U+0020."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        category = unicodedata.category(char)
        if category in ("Cf", "Zl", "Zp") or (category == "Zs" and char != " "):
            assert text(char) == f"[U+{code:04X}]", f"U+{code:04X} {category}"


def test_a_lookalike_letter_in_a_tag_value_is_named_on_both_pages() -> None:
    cyrillic = "\u0430lpha"  # looks like "alpha"
    finding = make_finding(kind="disallowed_value", old_value="alpha", new_value=cyrillic)
    detail = shown(detail_page(FindingDetail(finding, None, [], {"team": "alpha"}), POLICY))
    listing = shown(list_page([finding], NO_FILTER, None, error=None))
    for page in (detail, listing):
        assert "U+0430 CYRILLIC SMALL LETTER A" in page


def test_a_lookalike_letter_in_a_tag_key_is_named() -> None:
    finding = make_finding(tag_key="t\u0435am")  # a Cyrillic ie (U+0435)
    detail = shown(detail_page(FindingDetail(finding, None, [], {}), POLICY))
    assert "U+0435 CYRILLIC SMALL LETTER IE" in detail


def test_a_plain_ascii_value_carries_no_note() -> None:
    finding = make_finding()
    detail = shown(detail_page(FindingDetail(finding, None, [], {"team": "alpha"}), POLICY))
    assert "U+" not in detail


def test_a_lookalike_letter_in_a_target_is_named_on_both_pages() -> None:
    finding = make_finding(kind="denied_attempt", target="arn:aws:s3:::b\u0435ta-data")  # a Cyrillic ie
    detail = shown(detail_page(FindingDetail(finding, None, [], {}), POLICY))
    listing = shown(list_page([finding], NO_FILTER, None, error=None))
    target = detail.split("Target: what was changed")[1].split("Rule: why it fired")[0]
    assert "U+0435 CYRILLIC SMALL LETTER IE" in target
    assert "U+0435 CYRILLIC SMALL LETTER IE" in listing
