"""The ``integrity`` section: read_concurrency's default, the environment, and the bounds the AWS
clients' connection pool sets; the accounts read elsewhere, as account ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from tagwarden.app.config import ConfigError, load_config
from tagwarden.core.settings.integrity import IntegritySettings


def load(tmp_path: Path, text: str, env: dict[str, str] | None = None) -> IntegritySettings:
    path = tmp_path / "tagwarden.yaml"
    path.write_text("policy: {version: 1}\n" + text)
    return load_config(path, env=env or {}).settings.integrity


def test_objects_are_read_eight_at_once_unless_told(tmp_path: Path) -> None:
    assert load(tmp_path, "").read_concurrency == 8
    assert load(tmp_path, "integrity: {read_concurrency: 1}\n").read_concurrency == 1
    env = {"TAGWARDEN_INTEGRITY__READ_CONCURRENCY": "32"}
    assert load(tmp_path, "", env).read_concurrency == 32


@pytest.mark.parametrize("count", [0, 33])
def test_a_count_the_clients_cannot_serve_is_refused_by_name(tmp_path: Path, count: int) -> None:
    with pytest.raises(ConfigError, match=r"integrity\.read_concurrency"):
        load(tmp_path, f"integrity: {{read_concurrency: {count}}}\n")


def test_accounts_read_elsewhere_are_account_ids_none_by_default(tmp_path: Path) -> None:
    assert load(tmp_path, "").accounts_read_elsewhere == frozenset()
    # YAML reads an unquoted id as an integer and drops its leading zeros: they are put back.
    text = "integrity: {accounts_read_elsewhere: ['111122223333', 11112222]}\n"
    assert load(tmp_path, text).accounts_read_elsewhere == {"111122223333", "000011112222"}
    with pytest.raises(ConfigError, match=r"integrity\.accounts_read_elsewhere.*12 digits"):
        load(tmp_path, "integrity: {accounts_read_elsewhere: [prod]}\n")
