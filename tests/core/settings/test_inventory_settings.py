"""The ``inventory`` section: defaults, environment overrides, errors that name the key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tagwarden.app.config import ConfigError, load_config
from tagwarden.core.settings.inventory import InventorySettings, account_id

BASE = "policy: {version: 1, abac_keys: [team]}\n"


def load(tmp_path: Path, text: str, env: dict[str, str] | None = None) -> InventorySettings | None:
    path = tmp_path / "tagwarden.yaml"
    path.write_text(BASE + text)
    return load_config(path, env=env or {}).settings.inventory


def test_absent_and_empty_sections(tmp_path: Path) -> None:
    assert load(tmp_path, "") is None
    settings = load(tmp_path, "inventory: {}\n")
    assert settings == InventorySettings()
    assert (settings.regions, settings.accounts, settings.role_name) == (None, None, "TagwardenReadOnly")
    assert (settings.inventory_interval_seconds, settings.drift_interval_seconds) == (3600, 3600)
    assert (settings.writers_interval_seconds, settings.organization.source) == (21600, "auto")


def test_every_key_can_come_from_the_environment(tmp_path: Path) -> None:
    env = {
        "TAGWARDEN_INVENTORY__REGIONS": "[us-east-1, eu-west-1]",
        "TAGWARDEN_INVENTORY__ACCOUNTS__0__ID": "012345678901",
        "TAGWARDEN_INVENTORY__ACCOUNTS__0__ROLE": "Reader",
        "TAGWARDEN_INVENTORY__ACCOUNTS__1__ID": "222222222222",
        "TAGWARDEN_INVENTORY__WRITERS_INTERVAL_SECONDS": "0",
        "TAGWARDEN_INVENTORY__ORGANIZATION__SOURCE": "files",
        "TAGWARDEN_INVENTORY__ORGANIZATION__ACCOUNTS__0__ACCOUNT": "222222222222",
        "TAGWARDEN_INVENTORY__ORGANIZATION__ACCOUNTS__0__SCPS": "[[full.json]]",
    }
    settings = load(tmp_path, "", env)
    assert settings is not None
    assert settings.regions == ["us-east-1", "eu-west-1"]
    assert [(a.id, a.role) for a in settings.accounts or ()] == [
        ("012345678901", "Reader"),
        ("222222222222", None),
    ]
    assert settings.writers_interval_seconds == 0
    (levels,) = settings.organization.accounts
    assert (levels.account, levels.scps) == ("222222222222", [["full.json"]])


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("inventory: {regions: [moon-1]}", "inventory.regions"),
        ("inventory: {regions: []}", "inventory.regions"),
        ("inventory: {accounts: [{id: '1234'}]}", "inventory.accounts[0].id"),
        (
            "inventory: {accounts: [{id: '111111111111', role: 'bad role name!'}]}",
            "inventory.accounts[0].role",
        ),
        ("inventory: {accounts: [{id: '111111111111', regions: [x]}]}", "inventory.accounts[0].regions"),
        ("inventory: {accounts: [{id: '111111111111'}, {id: '111111111111'}]}", "listed twice"),
        ("inventory: {role_name: 'arn:aws:iam::1:role/x'}", "inventory.role_name"),
        ("inventory: {drift_interval_seconds: -1}", "inventory.drift_interval_seconds"),
        ("inventory: {organization: {source: sometimes}}", "inventory.organization.source"),
        (
            "inventory: {organization: {accounts: [{account: '12'}]}}",
            "inventory.organization.accounts[0].account",
        ),
        (
            "inventory: {organization: {accounts: [{account: default}, {account: default}]}}",
            "inventory.organization.accounts",
        ),
        ("inventory: {colour: blue}", "inventory.colour"),
    ],
)
def test_errors_name_the_key(tmp_path: Path, text: str, where: str) -> None:
    with pytest.raises(ConfigError, match=r"(?s)" + where.replace("[", r"\[").replace("]", r"\]")):
        load(tmp_path, text + "\n")


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_an_unquoted_account_id_keeps_its_leading_zeros(number: int) -> None:
    text = account_id(number)
    assert len(text) == 12 and text.isdigit() and int(text) == number
    assert account_id(text) == text


@pytest.mark.parametrize("value", ["x", "has space", "semi;colon", "a" * 1225, "café"])
def test_an_external_id_sts_would_refuse_is_a_config_error(tmp_path: Path, value: str) -> None:
    for text in (
        f"inventory: {{external_id: '{value}'}}\n",
        f"inventory: {{accounts: [{{id: '012345678901', external_id: '{value}'}}]}}\n",
    ):
        with pytest.raises(ConfigError, match="external id is 2 to 1,224"):
            load(tmp_path, text)


@given(st.from_regex(re.compile(r"[\w+=,.@:/-]{2,40}", re.ASCII), fullmatch=True))
def test_an_external_id_sts_takes_is_accepted(value: str) -> None:
    assert InventorySettings.model_validate({"external_id": value}).external_id == value
