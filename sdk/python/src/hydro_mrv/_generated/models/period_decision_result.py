from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.period_decision_result_decision import PeriodDecisionResultDecision

T = TypeVar("T", bound="PeriodDecisionResult")


@_attrs_define
class PeriodDecisionResult:
    """
    Attributes:
        project_id (str):
        period (str):
        decision (PeriodDecisionResultDecision):
        acted_as (str):
        workflow_status (None | str):
    """

    project_id: str
    period: str
    decision: PeriodDecisionResultDecision
    acted_as: str
    workflow_status: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project_id = self.project_id

        period = self.period

        decision = self.decision.value

        acted_as = self.acted_as

        workflow_status: None | str
        workflow_status = self.workflow_status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project_id": project_id,
                "period": period,
                "decision": decision,
                "acted_as": acted_as,
                "workflow_status": workflow_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        project_id = d.pop("project_id")

        period = d.pop("period")

        decision = PeriodDecisionResultDecision(d.pop("decision"))

        acted_as = d.pop("acted_as")

        def _parse_workflow_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        workflow_status = _parse_workflow_status(d.pop("workflow_status"))

        period_decision_result = cls(
            project_id=project_id,
            period=period,
            decision=decision,
            acted_as=acted_as,
            workflow_status=workflow_status,
        )

        period_decision_result.additional_properties = d
        return period_decision_result

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
