from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.review_decision_result_decision import ReviewDecisionResultDecision

T = TypeVar("T", bound="ReviewDecisionResult")


@_attrs_define
class ReviewDecisionResult:
    """
    Attributes:
        reading_id (str):
        decision (ReviewDecisionResultDecision):
        acted_as (str):
        workflow_status (str): `PENDING` while the workflow is still recording it
    """

    reading_id: str
    decision: ReviewDecisionResultDecision
    acted_as: str
    workflow_status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reading_id = self.reading_id

        decision = self.decision.value

        acted_as = self.acted_as

        workflow_status = self.workflow_status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reading_id": reading_id,
                "decision": decision,
                "acted_as": acted_as,
                "workflow_status": workflow_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        reading_id = d.pop("reading_id")

        decision = ReviewDecisionResultDecision(d.pop("decision"))

        acted_as = d.pop("acted_as")

        workflow_status = d.pop("workflow_status")

        review_decision_result = cls(
            reading_id=reading_id,
            decision=decision,
            acted_as=acted_as,
            workflow_status=workflow_status,
        )

        review_decision_result.additional_properties = d
        return review_decision_result

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
