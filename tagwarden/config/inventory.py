"""Settings of the inventory, drift and who-can-write scans (the ``inventory`` section)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class InventorySettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
