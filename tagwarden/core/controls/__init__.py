"""Calls that blind or weaken what watches tag writes: trails, control policies, the delivery path."""

from tagwarden.core.controls.classify import ControlCall, classify, is_control_call, is_control_record
from tagwarden.core.controls.delivery import GOVERNING_POLICY_TYPES, DeliveryPath, queue_arn, rule_arn
from tagwarden.core.controls.judge import judge_control
from tagwarden.core.controls.selectors import logs_management_writes

__all__ = [
    "GOVERNING_POLICY_TYPES",
    "ControlCall",
    "DeliveryPath",
    "classify",
    "is_control_call",
    "is_control_record",
    "judge_control",
    "logs_management_writes",
    "queue_arn",
    "rule_arn",
]
