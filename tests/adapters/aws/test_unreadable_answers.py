"""An answer botocore cannot parse (``ResponseParserError``, which is not a ``BotoCoreError``) is
a lookup that did not answer, not a failure of the unit that asked: instance profiles and launch
templates are then not known, as when IAM or EC2 is down."""

from __future__ import annotations

from typing import Any

from botocore.parsers import ResponseParserError

from tagwarden.adapters.aws.instance_profiles import IAMInstanceProfiles
from tagwarden.adapters.aws.launch_templates import EC2LaunchTemplates
from tagwarden.app.logs import get_logger
from tagwarden.core.compute import TemplateRef
from tagwarden.core.compute.state import PROFILE_NOT_KNOWN

ACCOUNT, REGION = "123456789012", "eu-west-1"


class Unreadable:
    """Any AWS call answers with what cannot be parsed."""

    def __getattr__(self, _name: str) -> Any:
        def call(*_args: Any, **_kwargs: Any) -> Any:
            raise ResponseParserError("Unable to parse response, invalid XML received")

        return call


def test_an_unreadable_profile_is_not_known() -> None:
    profiles = IAMInstanceProfiles(Unreadable(), lambda: ACCOUNT, get_logger())  # type: ignore[arg-type]
    assert profiles(f"{ACCOUNT}/web") == PROFILE_NOT_KNOWN
    assert profiles.all_roles() == {}


def test_an_unreadable_template_is_not_described() -> None:
    templates = EC2LaunchTemplates(lambda _region: Unreadable(), lambda: ACCOUNT, get_logger())  # type: ignore[arg-type,return-value]
    assert templates(TemplateRef(ACCOUNT, REGION, "lt-0123456789abcdef0", None, "1")) is None
