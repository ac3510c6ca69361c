"""HTML built by functions that escape by default.

Everything shown on the pages (tag values, ARNs, the raw record) may come from an attacker, so text is
escaped unless it is ``Html``: markup made by these functions. Concatenating ``Html`` with a plain
``str`` gives a plain ``str``, which is escaped again when used: a mistake shows as visible markup,
never as markup that runs.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime

from tagwarden.adapters.http.pages.style import STYLESHEET
from tagwarden.adapters.http.routing import Response

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
PAGE_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


# Characters that do not show, that look like a plain space, or that reorder what is shown around them
# (Trojan Source): an attacker can make "alpha\u200b" or "alpha\u3164" look like "alpha" or reverse an ARN
# on screen. They are shown as [U+XXXX]: controls (but tab and newline), every format character (Cf), line
# and paragraph separators, spaces other than U+0020, and the default-ignorable or blank letters and marks
# (Hangul fillers, variation selectors, the combining grapheme joiner, tag characters, the blank braille
# pattern). tests/adapters/http/test_pages_unicode.py checks every code point of those categories.
_HIDDEN = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\xa0\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    r"\u115f\u1160\u1680\u17b4\u17b5\u180b-\u180f\u2000-\u200f\u2028-\u202f\u205f-\u2064"
    r"\u2066-\u206f\u2800\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\U000110bd\U000110cd"
    r"\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)

_AFTER_SEPARATOR = re.compile(r"(?<=[:/])")


class Html(str):
    """Markup that is safe to send as it is: made here, never taken from outside data."""

    __slots__ = ()


Child = Html | str | int | None


def text(value: object) -> Html:
    """Any value as text: every character that means something in HTML is escaped, hidden ones shown."""
    shown = _HIDDEN.sub(lambda match: f"[U+{ord(match.group()):04X}]", str(value))
    return Html(html.escape(shown, quote=True))


def breakable(value: str) -> Html:
    """Text that may wrap after each ':' and '/', so that an ARN breaks between its parts."""
    return Html("<wbr>".join(text(part) for part in _AFTER_SEPARATOR.split(value)))


def render(child: Child) -> Html:
    if child is None:
        return Html("")
    if isinstance(child, Html):
        return child
    return text(child)


def join(children: Iterable[Child]) -> Html:
    return Html("".join(render(child) for child in children))


def _attribute(name: str, value: str | bool | None) -> str:
    name = name.rstrip("_").replace("_", "-")
    if value is None or value is False:
        return ""
    if value is True:
        return f" {name}"
    return f' {name}="{text(value)}"'


def el(tag: str, *children: Child, **attrs: str | bool | None) -> Html:
    """``<tag attrs>children</tag>``; ``class_="x"`` gives ``class="x"``, ``aria_label`` ``aria-label``."""
    opening = tag + "".join(_attribute(name, value) for name, value in attrs.items())
    return Html(f"<{opening}>{join(children)}</{tag}>")


def void(tag: str, **attrs: str | bool | None) -> Html:
    """An element without content or closing tag (``input``, ``meta``)."""
    return Html(f"<{tag}{''.join(_attribute(name, value) for name, value in attrs.items())}>")


NAMED_AT_MOST = 4


def lookalike_note(value: str) -> Html | None:
    """Names the visible characters of ``value`` beyond ASCII, or None where there are none.

    A Cyrillic a (U+0430) or a fullwidth a (U+FF41) shows as the Latin "a": a tag value spelt with one looks
    like the value the policy allows or the actor holds, yet is another. Hidden ones already show as
    [U+XXXX]."""
    unusual = list(dict.fromkeys(c for c in value if not c.isascii() and not _HIDDEN.match(c)))
    if not unusual:
        return None
    named = [f"{c} U+{ord(c):04X} {unicodedata.name(c, 'unnamed')}" for c in unusual[:NAMED_AT_MOST]]
    more = f"; and {len(unusual) - NAMED_AT_MOST} more" if len(unusual) > NAMED_AT_MOST else ""
    return el("span", f"(not plain ASCII: {'; '.join(named)}{more})", class_="lookalike")


def arn_text(arn: str) -> Html:
    """An ARN that may wrap between its parts, with the characters beyond ASCII named."""
    note = lookalike_note(arn)
    return join([breakable(arn), " ", note]) if note else breakable(arn)


def key_text(key: str) -> Html:
    """A tag key, with the characters beyond ASCII named (see ``lookalike_note``)."""
    note = lookalike_note(key)
    return join([el("code", key), " ", note]) if note else el("code", key)


def value_text(value: str | None) -> Html:
    """A tag value, boxed so that empty values and leading or trailing spaces show, with the
    characters beyond ASCII named (see ``lookalike_note``)."""
    if value is None:
        return el("span", "(none)", class_="none")
    if value == "":
        return el("code", '""', class_="value", title="an empty string")
    note = lookalike_note(value)
    boxed = el("code", value, class_="value")
    return join([boxed, " ", note]) if note else boxed


def tag_change(key: str, old: str | None, new: str | None) -> Html:
    """``key: old → new``; a finding about no tag (a control, a log file) says so."""
    if not key:
        return text("no tag written")
    return join([key_text(key), ": ", value_text(old), " → ", value_text(new)])


def when(timestamp: str) -> Html:
    """A CloudTrail time as ``2024-01-02 03:04:05 UTC``; anything unreadable is shown as it is."""
    try:
        moment = datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
    except ValueError:
        return text(timestamp)
    shown = moment.strftime("%Y-%m-%d %H:%M:%S") + (" UTC" if moment.utcoffset() is not None else "")
    return el("time", shown, datetime=timestamp)


def severity_badge(severity: str) -> Html:
    return el("span", severity, class_=f"sev sev-{severity}")


def definitions(rows: Iterable[tuple[str, Child]]) -> Html:
    """A ``<dl>`` of label and value pairs; pairs whose value is None are left out."""
    items = [el("div", el("dt", label), el("dd", value)) for label, value in rows if value is not None]
    return el("dl", *items)


def section(anchor: str, heading: str, *content: Child) -> Html:
    """A ``<section>`` named by its ``<h2>``; ``anchor`` is the fragment that links to it."""
    return el("section", el("h2", heading, id=anchor), *content, aria_labelledby=anchor)


def table(caption: str, headers: Iterable[str], rows: Iterable[Html], class_: str | None = None) -> Html:
    head = el("thead", el("tr", *(el("th", name, scope="col") for name in headers)))
    return el("table", el("caption", caption), head, el("tbody", *rows), class_=class_)


def page(title: str, body: Html, home: str) -> Html:
    """A whole document; ``home`` is the list's address relative to this page (works behind a proxy path)."""
    head = join(
        [
            void("meta", charset="utf-8"),
            void("meta", name="viewport", content="width=device-width, initial-scale=1"),
            void("meta", name="referrer", content="no-referrer"),
            el("title", f"{title} · tagwarden"),
            el("style", Html(STYLESHEET)),
        ]
    )
    banner = el("header", el("p", el("a", "tagwarden", href=home, class_="brand"), " · findings"))
    document = el("html", el("head", head), el("body", banner, el("main", body)), lang="en")
    return Html("<!doctype html>\n" + document + "\n")


def html_response(document: Html, status: int = 200) -> Response:
    return Response(status, document.encode(), "text/html; charset=utf-8", dict(PAGE_HEADERS))
