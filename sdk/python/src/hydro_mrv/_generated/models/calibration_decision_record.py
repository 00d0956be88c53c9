from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.calibration_decision_record_decision import (
    CalibrationDecisionRecordDecision,
)

T = TypeVar("T", bound="CalibrationDecisionRecord")


@_attrs_define
class CalibrationDecisionRecord:
    """
    Attributes:
        decision (CalibrationDecisionRecordDecision):
        reason (str):
        reviewer (str): The deciding principal
        decided_at (datetime.datetime):
    """

    decision: CalibrationDecisionRecordDecision
    reason: str
    reviewer: str
    decided_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        decision = self.decision.value

        reason = self.reason

        reviewer = self.reviewer

        decided_at = self.decided_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "decision": decision,
                "reason": reason,
                "reviewer": reviewer,
                "decided_at": decided_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        decision = CalibrationDecisionRecordDecision(d.pop("decision"))

        reason = d.pop("reason")

        reviewer = d.pop("reviewer")

        decided_at = datetime.datetime.fromisoformat(d.pop("decided_at"))

        calibration_decision_record = cls(
            decision=decision,
            reason=reason,
            reviewer=reviewer,
            decided_at=decided_at,
        )

        calibration_decision_record.additional_properties = d
        return calibration_decision_record

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
