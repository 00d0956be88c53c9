from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

T = TypeVar("T", bound="PeriodCloseStarted")


@_attrs_define
class PeriodCloseStarted:
    """
    Attributes:
        project_id (str):
        period (str):
        workflow_id (str):
        acted_as (str):
    """

    project_id: str
    period: str
    workflow_id: str
    acted_as: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project_id = self.project_id

        period = self.period

        workflow_id = self.workflow_id

        acted_as = self.acted_as

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project_id": project_id,
                "period": period,
                "workflow_id": workflow_id,
                "acted_as": acted_as,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        project_id = d.pop("project_id")

        period = d.pop("period")

        workflow_id = d.pop("workflow_id")

        acted_as = d.pop("acted_as")

        period_close_started = cls(
            project_id=project_id,
            period=period,
            workflow_id=workflow_id,
            acted_as=acted_as,
        )

        period_close_started.additional_properties = d
        return period_close_started

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
