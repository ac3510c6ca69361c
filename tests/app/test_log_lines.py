"""JSON log lines: the value json.dumps would write, nothing a terminal would act on."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tagwarden.app.logs import _json_line

FIELDS = st.dictionaries(
    st.text(max_size=8), st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20)), max_size=6
)


@given(FIELDS)
def test_same_value_as_json_dumps_and_ascii_only(event: dict[str, Any]) -> None:
    line = _json_line(event, default=repr)
    assert line.isascii()
    assert json.loads(line) == json.loads(json.dumps(event))


def test_c1_controls_and_escapes_stay_escaped() -> None:
    line = _json_line({"detail": "\x9b31m\x1b[2J", "who": "é"})
    assert "\x9b" not in line and "\x1b" not in line and "é" not in line
    assert json.loads(line) == {"detail": "\x9b31m\x1b[2J", "who": "é"}


def test_what_msgspec_cannot_encode_goes_to_json_dumps_with_its_options() -> None:
    class Opaque:
        def __repr__(self) -> str:
            return "<opaque>"

    assert json.loads(_json_line({"value": Opaque()}, default=repr)) == {"value": "<opaque>"}
    assert json.loads(_json_line({"text": "lone \ud800"}, default=repr)) == {"text": "lone \ud800"}
