"""Instance profile → role from IAM (GetInstanceProfile, ListInstanceProfiles)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from tagwarden.adapters.aws.error_codes import AWS_ERRORS, NO_ANSWER, error_code
from tagwarden.core.compute.state import PROFILE_NOT_KNOWN as NOT_KNOWN

if TYPE_CHECKING:
    from mypy_boto3_iam import IAMClient


class IAMInstanceProfiles:
    """``profile_role(key)`` for a key ``<account>/<name>``: the role ARN, None for a profile that
    holds no role or does not exist, ``NOT_KNOWN`` where IAM cannot tell this daemon."""

    def __init__(self, iam: IAMClient, account: Callable[[], str | None], log: Any) -> None:
        self._iam = iam
        self._account = account  # this daemon's account, None while unknown
        self._log = log

    def __call__(self, key: str) -> str | None:
        account, _, name = key.partition("/")
        if account != self._account():
            return NOT_KNOWN
        try:
            profile = self._iam.get_instance_profile(InstanceProfileName=name)["InstanceProfile"]
        except ClientError as exc:
            code = error_code(exc)
            if code == "NoSuchEntity":
                return None
            self._log.warning("instance_profile_unavailable", profile=key, error=code or str(exc))
            return NOT_KNOWN
        except NO_ANSWER as exc:
            self._log.warning("instance_profile_unavailable", profile=key, error=str(exc))
            return NOT_KNOWN
        roles = profile.get("Roles") or []
        return str(roles[0]["Arn"]) if roles else None

    def all_roles(self) -> dict[str, str | None]:
        """Every instance profile of the account and its role (ListInstanceProfiles)."""
        found: dict[str, str | None] = {}
        try:
            for page in self._iam.get_paginator("list_instance_profiles").paginate():
                for profile in page.get("InstanceProfiles", []):
                    account = str(profile["Arn"]).split(":")[4]
                    roles = profile.get("Roles") or []
                    found[f"{account}/{profile['InstanceProfileName']}"] = (
                        str(roles[0]["Arn"]) if roles else None
                    )
        except AWS_ERRORS as exc:
            self._log.warning("instance_profiles_unavailable", error=str(exc))
        return found
