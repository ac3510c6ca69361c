"""Settings of the alert sinks (``sinks``) and of their delivery loop (``delivery``)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from tagwarden.core.model.finding import Severity


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _SinkBase(_Strict):
    name: str | None = Field(default=None, description="label in metrics and logs; default <type>-<index>")
    min_severity: Severity = Field(default="warning", description="findings below this are not pushed")
    timeout_seconds: float = Field(default=10, gt=0, le=120)


class AlertmanagerSinkSettings(_SinkBase):
    type: Literal["alertmanager"]
    url: str = Field(description="Alertmanager's base URL, e.g. http://alertmanager:9093")
    alert_ttl_seconds: float = Field(
        default=86400, gt=0, description="how long each finding's alert lasts after it was last sent"
    )
    resend_seconds: float | None = Field(
        default=300,
        gt=0,
        description=(
            "how often the alerts of the findings still open are sent again, so that an Alertmanager"
            " that lost them (restarted without its data) shows them again and none ends while its"
            " finding is open; null sends each once"
        ),
    )
    external_url: str | None = Field(default=None, description="tagwarden's URL, for links to /findings/<id>")

    @model_validator(mode="after")
    def _resent_before_ending(self) -> AlertmanagerSinkSettings:
        if self.resend_seconds is not None and self.resend_seconds >= self.alert_ttl_seconds:
            raise ValueError(
                f"resend_seconds ({self.resend_seconds:g}) must be shorter than alert_ttl_seconds"
                f" ({self.alert_ttl_seconds:g}), or an open finding's alert ends between two sends;"
                " lower resend_seconds, raise alert_ttl_seconds, or set resend_seconds: null"
            )
        return self


class WebhookSinkSettings(_SinkBase):
    type: Literal["webhook"]
    url: str = Field(description="receives a Slack-compatible JSON body per finding")
    headers: dict[str, str] = Field(default_factory=dict)


class SnsSinkSettings(_SinkBase):
    type: Literal["sns"]
    topic_arn: str = Field(min_length=1)


SinkSettings = Annotated[
    AlertmanagerSinkSettings | WebhookSinkSettings | SnsSinkSettings, Field(discriminator="type")
]


class DeliverySettings(_Strict):
    interval_seconds: float = Field(default=2, gt=0, le=3600, description="how often deliveries are tried")
    max_backoff_seconds: float = Field(default=900, gt=0, description="longest wait between two tries")
    batch: int = Field(default=100, ge=1, le=10000, description="deliveries tried per run")
    lease_seconds: float = Field(
        default=120,
        gt=0,
        le=86400,
        description="how long a replica keeps the deliveries it claims; a dead one's are retried after",
    )
