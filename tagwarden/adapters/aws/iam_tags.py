"""Principal tags from IAM (ListRoleTags / ListUserTags)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from tagwarden.adapters.aws.error_codes import NO_ANSWER, error_code
from tagwarden.core.arn import parse_arn
from tagwarden.core.ports.units import UnitDeferred

if TYPE_CHECKING:
    from mypy_boto3_iam import IAMClient

# IAM's names for roles (up to 64 characters) and users (up to 64; ListUserTags takes 128): a
# name a record gives that does not match is no principal's, and is not asked of IAM.
_NAME = re.compile(r"[\w+=,.@-]{1,128}", re.ASCII)
# IAM refusing the name itself: like NoSuchEntity, no principal's tags to know.
_NO_SUCH_NAME = frozenset({"NoSuchEntity", "ValidationError", "InvalidInput"})


class IAMPrincipalTags:
    """Fetches one principal's tags; None where no principal's tags are there to know (another
    account, not a user or role, deleted, a name IAM cannot have). A lookup that fails (a 5xx,
    throttling, access denied, no connection, an answer that cannot be read) raises UnitDeferred:
    unknown tags are not the same as no tags."""

    def __init__(self, iam: IAMClient, account: Callable[[], str | None], log: Any) -> None:
        self._iam = iam
        self._account = account  # the daemon's account (a CallerAccount), asked at each lookup
        self._log = log

    def __call__(self, arn: str) -> dict[str, str] | None:
        parsed = parse_arn(arn)
        if parsed is None or parsed.service != "iam":
            return None
        account = self._account()
        if account is None:
            # Whether the principal is this account's, whose tags IAM would give, is not known yet.
            raise UnitDeferred("caller_account_unknown", f"{arn}: sts:GetCallerIdentity has not answered")
        if parsed.account != account:
            return None
        kind, _, name = parsed.resource.partition("/")
        name = name.rsplit("/", 1)[-1]
        if kind not in ("role", "user") or not _NAME.fullmatch(name):
            return None
        try:
            if kind == "role":
                return self._collect(self._iam.get_paginator("list_role_tags").paginate(RoleName=name))
            return self._collect(self._iam.get_paginator("list_user_tags").paginate(UserName=name))
        except ClientError as exc:
            code = error_code(exc)
            if code not in _NO_SUCH_NAME:
                self._log.warning("principal_tags_unavailable", principal=arn, error=code or str(exc))
                raise UnitDeferred("principal_tags_unavailable", f"{arn}: {code or exc}") from None
            if code != "NoSuchEntity":
                self._log.warning("principal_name_refused", principal=arn, error=code)
        except NO_ANSWER as exc:
            self._log.warning("principal_tags_unavailable", principal=arn, error=str(exc))
            raise UnitDeferred("principal_tags_unavailable", f"{arn}: {exc}") from None
        return None

    @staticmethod
    def _collect(pages: Any) -> dict[str, str]:
        tags: dict[str, str] = {}
        for page in pages:
            for tag in page.get("Tags", []):
                tags[tag["Key"]] = tag["Value"]
        return tags
