"""deploy/runbooks: one page per alert, with the four sections an on-call engineer needs."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.deploy.support import ALERTS_FILE, RUNBOOK_URL_PREFIX, RUNBOOKS_DIR

SECTIONS = ("Meaning", "Impact", "Diagnosis", "Mitigation")
HEADING = re.compile(r"^## (.+?)\s*$", re.MULTILINE)


def alert_rules() -> list[dict[str, object]]:
    document = yaml.safe_load(ALERTS_FILE.read_text(encoding="utf-8"))
    return [rule for group in document["groups"] for rule in group["rules"] if "alert" in rule]


ALERT_NAMES = sorted({str(rule["alert"]) for rule in alert_rules()})


def sections(text: str) -> dict[str, str]:
    """The body under each level-2 heading."""
    found: dict[str, str] = {}
    matches = list(HEADING.finditer(text))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        found[match.group(1)] = text[match.end() : end]
    return found


@pytest.mark.parametrize("alert", ALERT_NAMES)
def test_every_alert_has_a_runbook_with_the_four_sections(alert: str) -> None:
    path = RUNBOOKS_DIR / f"{alert}.md"
    assert path.is_file(), f"no runbook {path.relative_to(RUNBOOKS_DIR.parent.parent)}"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# {alert}\n"), "the title must be the alert's name"
    found = sections(text)
    assert [name for name in found if name in SECTIONS] == list(SECTIONS), (
        f"{alert}: sections must be {SECTIONS} in that order, found {list(found)}"
    )
    for name in SECTIONS:
        assert len(found[name].split()) >= 20, f"{alert}: section {name} is too thin to help anyone"
    # Diagnosis gives commands to copy, not only prose.
    assert "```sh" in found["Diagnosis"], f"{alert}: Diagnosis has no commands"
    assert "--config /etc/tagwarden/tagwarden.yaml" in text, f"{alert}: no tagwarden command with its config"


@pytest.mark.parametrize("rule", alert_rules(), ids=lambda rule: str(rule["alert"]))
def test_every_runbook_url_points_at_an_existing_file(rule: dict[str, object]) -> None:
    annotations = rule["annotations"]
    assert isinstance(annotations, dict)
    url = annotations["runbook_url"]
    assert url.startswith(RUNBOOK_URL_PREFIX)
    assert (RUNBOOKS_DIR / url.removeprefix(RUNBOOK_URL_PREFIX)).is_file(), url


def test_no_runbook_without_an_alert() -> None:
    pages = {path.stem for path in RUNBOOKS_DIR.glob("*.md")} - {"README"}
    assert pages == set(ALERT_NAMES)


def test_the_index_lists_every_runbook() -> None:
    index = (RUNBOOKS_DIR / "README.md").read_text(encoding="utf-8")
    for alert in ALERT_NAMES:
        assert f"]({alert}.md)" in index, f"README.md does not link {alert}"


def test_tag_abuse_runbook_gives_the_finding_commands() -> None:
    text = (RUNBOOKS_DIR / "TagwardenTagAbuse.md").read_text(encoding="utf-8")
    config = "--config /etc/tagwarden/tagwarden.yaml"
    for command in (
        f"tagwarden findings list {config} --severity critical --kind self_grant",
        f"tagwarden findings list {config} --severity critical --kind self_grant --format json",
        f"tagwarden findings show <id> {config}",
        f"tagwarden findings ack <id> {config}",
        f"tagwarden findings resolve <id> {config}",
    ):
        assert command in text, command
    # Every kind of finding that can page or warn is explained.
    for kind in ("self_grant", "self_retag", "principal_retag", "session_tag", "lockout"):
        assert f"`{kind}`" in text, kind
