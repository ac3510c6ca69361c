"""The policy file's schema (config/policy.yaml), validated with pydantic."""

from __future__ import annotations

from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from tagwarden.core.governance.linear import LinearPattern, PatternError
from tagwarden.core.model.finding import FINDING_KINDS, Severity


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Writer(_Strict):
    """One way to be an allowed writer. Fields inside one entry must all hold."""

    principal: str | None = Field(default=None, description="glob on the actor's principal ARN")
    invoked_by: str | None = Field(default=None, description="glob on userIdentity.invokedBy")
    principal_tag: dict[str, str] | None = Field(default=None, description="tags the actor must carry")
    same_as_resource: str | None = Field(
        default=None, description="tag key whose value on the actor must equal the target's before the change"
    )

    @model_validator(mode="after")
    def _not_empty(self) -> Self:
        if not any(
            v is not None
            for v in (self.principal, self.invoked_by, self.principal_tag, self.same_as_resource)
        ):
            raise ValueError(
                "a writer entry needs at least one of principal, invoked_by, principal_tag, same_as_resource"
            )
        return self


class Values(_Strict):
    allowed: list[str] | None = None
    pattern: str | None = Field(default=None, description="regular expression the whole value must match")

    @model_validator(mode="after")
    def _one_of(self) -> Self:
        if (self.allowed is None) == (self.pattern is None):
            raise ValueError(
                "values takes exactly one of 'allowed' (a list) or 'pattern' (a regular expression)"
            )
        if self.pattern is not None:
            try:
                LinearPattern(self.pattern)
            except PatternError as exc:
                raise ValueError(str(exc)) from None
        return self


class Rule(_Strict):
    id: str = Field(min_length=1)
    description: str = ""
    keys: list[str] = Field(min_length=1, description="tag key globs, matched case-insensitively")
    accounts: list[str] | None = None
    resources: list[str] | None = Field(default=None, description="ARN globs of the targets in scope")
    # None: the rule does not restrict who writes (it may still restrict values);
    # an empty list: nobody is an allowed writer.
    writers: list[Writer] | None = None
    values: Values | None = None
    severity: Severity = "high"
    remediate: Literal["off", "revert"] = Field(
        default="off", description="revert: put back what an unauthorized writer changed (remediation.mode)"
    )


class Remediation(_Strict):
    """How reverts run: ``dry_run`` plans them (the finding says ``planned``), ``enforce`` applies them."""

    mode: Literal["dry_run", "enforce"] = "dry_run"
    max_per_hour: int = Field(default=20, ge=0, description="reverts applied per hour at most")
    role: str = Field(
        default="arn:aws:iam::*:role/tagwarden-remediator",
        description="glob on the principal ARN tagwarden reverts with: its own changes are not judged",
    )


class Controls(_Strict):
    """Who may change the controls that watch tag writes (trails, SCPs, the delivery path)."""

    writers: list[Writer] = Field(
        default_factory=list, description="the same entries as a rule's writers; empty: nobody is listed"
    )

    @field_validator("writers")
    @classmethod
    def _no_resource(cls, value: list[Writer]) -> list[Writer]:
        if any(w.same_as_resource is not None for w in value):
            raise ValueError("same_as_resource compares tags of a tagged resource; controls have none")
        return value


class GovernancePolicy(_Strict):
    version: Literal[1]
    abac_keys: list[str] = Field(default_factory=list)
    rules: list[Rule] = Field(default_factory=list)
    severities: dict[str, Severity] = Field(
        default_factory=dict, description="override the default severity of a kind of finding"
    )
    remediation: Remediation = Field(default_factory=Remediation)
    controls: Controls | None = Field(default=None, description="who may change the controls; absent: nobody")

    @field_validator("severities")
    @classmethod
    def _known_kinds(cls, value: dict[str, Severity]) -> dict[str, Severity]:
        unknown = sorted(set(value) - set(FINDING_KINDS))
        if unknown:
            raise ValueError(f"unknown kind(s) {unknown}; kinds are {list(FINDING_KINDS)}")
        return value

    @model_validator(mode="after")
    def _unique_ids(self) -> Self:
        seen: set[str] = set()
        for rule in self.rules:
            if rule.id in seen:
                raise ValueError(f"rule id {rule.id!r} appears twice; rule ids must be unique")
            seen.add(rule.id)
        return self
