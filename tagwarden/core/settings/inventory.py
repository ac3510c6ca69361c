"""Settings of the inventory, drift and who-can-write scans (the ``inventory`` section).

Absent, the scans cover the daemon's own account in ``aws.region`` when run from the command
line, and the daemon schedules none of them; present (even as ``inventory: {}``), the daemon
runs the three jobs on the intervals below.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

_ACCOUNT = re.compile(r"^\d{12}$")
_ROLE_ARN = re.compile(r"^arn:[a-z-]+:iam::\d{12}:role/.+$")
_ROLE_NAME = re.compile(r"^[\w+=,.@/-]{1,512}$")
_REGION = re.compile(r"^[a-z]{2}(-[a-z0-9]+)+-\d+$")


def account_id(value: Any) -> Any:
    """Account ids are 12 digits; YAML (and environment values read as YAML) turn an unquoted id
    into an integer and drop its leading zeros, which this puts back."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**12:
        return f"{value:012d}"
    if isinstance(value, str) and not _ACCOUNT.match(value.strip()):
        raise ValueError("an account id is 12 digits, e.g. '111111111111' (quote it in YAML)")
    return value.strip() if isinstance(value, str) else value


AccountId = Annotated[str, BeforeValidator(account_id)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _role(value: str | None) -> str | None:
    if value is not None and not (_ROLE_ARN.match(value) or _ROLE_NAME.match(value)):
        raise ValueError(
            "expected a role name (TagwardenReadOnly) or a role ARN (arn:aws:iam::<id>:role/...)"
        )
    return value


def _regions(value: list[str] | None) -> list[str] | None:
    for region in value or ():
        if not _REGION.match(region):
            raise ValueError(f"{region!r} is not a region name such as us-east-1")
    if value is not None and not value:
        raise ValueError("list at least one region, or leave the key out")
    return value


# sts:ExternalId as AssumeRole takes it (2 to 1,224 characters of these); checked here, not at the
# first scan (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html).
_EXTERNAL_ID = re.compile(r"[\w+=,.@:/-]{2,1224}", re.ASCII)


def _external_id(value: str | None) -> str | None:
    if value is not None and not _EXTERNAL_ID.fullmatch(value):
        raise ValueError(
            "an external id is 2 to 1,224 letters, digits and + = , . @ : / - _ (as the role's trust "
            "policy's sts:ExternalId condition names it)"
        )
    return value


RoleRef = Annotated[str, AfterValidator(_role)]  # a role name or a role ARN
ExternalId = Annotated[str, AfterValidator(_external_id)]
Regions = Annotated[list[str], AfterValidator(_regions)]


class AccountSettings(_Strict):
    id: AccountId = Field(description="the 12-digit account id")
    role: RoleRef | None = Field(
        default=None,
        description="role name or ARN to assume in the account; default: inventory.role_name, or the "
        "daemon's own credentials in its own account",
    )
    external_id: ExternalId | None = Field(
        default=None, description="sts:ExternalId the role's trust policy expects"
    )
    regions: Regions | None = Field(
        default=None, description="regions of this account; default: inventory.regions"
    )


def _account_or_default(value: Any) -> Any:
    return value if value == "default" else account_id(value)


class PolicyLevels(_Strict):
    """The SCPs and RCPs of one account, one list per level of the organization: root, OUs..., the
    account itself. Each entry is a JSON policy file, relative to the config file."""

    account: Annotated[str, BeforeValidator(_account_or_default)] = Field(
        description="the account id, or 'default' for every account not listed"
    )
    scps: list[list[str]] = Field(default_factory=list)
    rcps: list[list[str]] = Field(default_factory=list)


class OrganizationSettings(_Strict):
    source: Literal["auto", "api", "files", "none"] = Field(
        default="auto",
        description="api: read accounts, OUs, SCPs and RCPs from Organizations (management or delegated "
        "administrator account); files: from the policy files below; auto: the API where it answers, "
        "else the files, else none (SCPs and RCPs then restrict nothing in the writers scan)",
    )
    role: RoleRef | None = Field(default=None, description="role ARN to assume for Organizations calls")
    management_account: AccountId | None = Field(
        default=None, description="the management account (SCPs and RCPs do not apply to it)"
    )
    # A list rather than a map by account id: environment overrides read digits as list indexes.
    accounts: list[PolicyLevels] = Field(
        default_factory=list, description="SCP and RCP files per account (or 'default'), one list per level"
    )

    @field_validator("accounts")
    @classmethod
    def _unique(cls, value: list[PolicyLevels]) -> list[PolicyLevels]:
        seen: set[str] = set()
        for entry in value:
            if entry.account in seen:
                raise ValueError(f"account {entry.account} is listed twice")
            seen.add(entry.account)
        return value


class InventorySettings(_Strict):
    regions: Regions | None = Field(
        default=None, description="regions to read resource tags in; default: aws.region"
    )
    accounts: list[AccountSettings] | None = Field(
        default=None, description="accounts to inventory; default: the daemon's own account"
    )
    discover_accounts: bool = Field(
        default=False, description="add every active account Organizations lists (with inventory.role_name)"
    )
    role_name: str = Field(
        default="TagwardenReadOnly", description="role assumed in accounts that name none (deploy/iam)"
    )
    session_name: str = Field(default="tagwarden-inventory", min_length=2, max_length=64)
    external_id: ExternalId | None = Field(
        default=None, description="default sts:ExternalId for assumed roles"
    )
    resource_types: list[str] = Field(
        default_factory=list,
        description="GetResources ResourceTypeFilters (e.g. s3:bucket, ec2:instance); empty: every type",
    )
    organization: OrganizationSettings = Field(default_factory=OrganizationSettings)
    missing_key_scope: list[str] | None = Field(
        default=None,
        description="ARN globs of the resources that must carry every ABAC key (missing_key); default: "
        "the resources a policy rule for the key covers, or every resource if no rule names the key",
    )
    inventory_interval_seconds: float = Field(default=3600, ge=0, description="0: never")
    drift_interval_seconds: float = Field(default=3600, ge=0, description="0: never")
    writers_interval_seconds: float = Field(default=21600, ge=0, description="0: never")
    unattributed_grace_seconds: float = Field(
        default=1800,
        ge=0,
        description="how long a difference between a snapshot and the events waits for a late CloudTrail "
        "event to explain it before it is an unattributed_change",
    )

    @field_validator("role_name")
    @classmethod
    def _check_role(cls, value: str) -> str:
        if _role(value) is None or value.startswith("arn:"):
            raise ValueError("expected a role name such as TagwardenReadOnly")
        return value

    @model_validator(mode="after")
    def _unique_accounts(self) -> Self:
        seen: set[str] = set()
        for account in self.accounts or ():
            if account.id in seen:
                raise ValueError(f"account {account.id} is listed twice under accounts")
            seen.add(account.id)
        return self
