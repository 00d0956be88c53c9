from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.period_details import PeriodDetails
    from ..models.reading_counts import ReadingCounts
    from ..models.scope_energy import ScopeEnergy


T = TypeVar("T", bound="Period")


@_attrs_define
class Period:
    """
    Attributes:
        project_id (str):
        period (str):
        status (str):
        workflow_id (str | Unset):
        readings (ReadingCounts | Unset):
        eg_mwh (float | Unset):
        er_tco2e (float | Unset):
        eg_by_scope (list[ScopeEnergy] | Unset): EG per metering scope, once the methodology has computed the period
        updated_at (datetime.datetime | Unset):
        details (PeriodDetails | Unset):
    """

    project_id: str
    period: str
    status: str
    workflow_id: str | Unset = UNSET
    readings: ReadingCounts | Unset = UNSET
    eg_mwh: float | Unset = UNSET
    er_tco2e: float | Unset = UNSET
    eg_by_scope: list[ScopeEnergy] | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    details: PeriodDetails | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project_id = self.project_id

        period = self.period

        status = self.status

        workflow_id = self.workflow_id

        readings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.readings, Unset):
            readings = self.readings.to_dict()

        eg_mwh = self.eg_mwh

        er_tco2e = self.er_tco2e

        eg_by_scope: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.eg_by_scope, Unset):
            eg_by_scope = []
            for eg_by_scope_item_data in self.eg_by_scope:
                eg_by_scope_item = eg_by_scope_item_data.to_dict()
                eg_by_scope.append(eg_by_scope_item)

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "projectId": project_id,
                "period": period,
                "status": status,
            }
        )
        if workflow_id is not UNSET:
            field_dict["workflowId"] = workflow_id
        if readings is not UNSET:
            field_dict["readings"] = readings
        if eg_mwh is not UNSET:
            field_dict["eg_mwh"] = eg_mwh
        if er_tco2e is not UNSET:
            field_dict["er_tco2e"] = er_tco2e
        if eg_by_scope is not UNSET:
            field_dict["eg_by_scope"] = eg_by_scope
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.period_details import PeriodDetails
        from ..models.reading_counts import ReadingCounts
        from ..models.scope_energy import ScopeEnergy

        d = dict(src_dict)
        project_id = d.pop("projectId")

        period = d.pop("period")

        status = d.pop("status")

        workflow_id = d.pop("workflowId", UNSET)

        _readings = d.pop("readings", UNSET)
        readings: ReadingCounts | Unset
        if isinstance(_readings, Unset):
            readings = UNSET
        else:
            readings = ReadingCounts.from_dict(_readings)

        eg_mwh = d.pop("eg_mwh", UNSET)

        er_tco2e = d.pop("er_tco2e", UNSET)

        _eg_by_scope = d.pop("eg_by_scope", UNSET)
        eg_by_scope: list[ScopeEnergy] | Unset = UNSET
        if _eg_by_scope is not UNSET:
            eg_by_scope = []
            for eg_by_scope_item_data in _eg_by_scope:
                eg_by_scope_item = ScopeEnergy.from_dict(eg_by_scope_item_data)

                eg_by_scope.append(eg_by_scope_item)

        _updated_at = d.pop("updatedAt", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        _details = d.pop("details", UNSET)
        details: PeriodDetails | Unset
        if isinstance(_details, Unset):
            details = UNSET
        else:
            details = PeriodDetails.from_dict(_details)

        period = cls(
            project_id=project_id,
            period=period,
            status=status,
            workflow_id=workflow_id,
            readings=readings,
            eg_mwh=eg_mwh,
            er_tco2e=er_tco2e,
            eg_by_scope=eg_by_scope,
            updated_at=updated_at,
            details=details,
        )

        period.additional_properties = d
        return period

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
