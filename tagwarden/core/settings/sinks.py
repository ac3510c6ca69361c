"""Settings of the alert sinks (``sinks``) and of their delivery loop (``delivery``)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

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
    alert_ttl_seconds: float = Field(default=86400, gt=0, description="how long each finding's alert lasts")
    external_url: str | None = Field(default=None, description="tagwarden's URL, for links to /findings/<id>")


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
