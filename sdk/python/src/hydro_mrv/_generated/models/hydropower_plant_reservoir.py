from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="HydropowerPlantReservoir")


@_attrs_define
class HydropowerPlantReservoir:
    """
    Attributes:
        baseline_area_m2 (float | Unset):
        project_area_m2 (float | Unset):
        baseline_capacity_kw (float | Unset):
    """

    baseline_area_m2: float | Unset = UNSET
    project_area_m2: float | Unset = UNSET
    baseline_capacity_kw: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        baseline_area_m2 = self.baseline_area_m2

        project_area_m2 = self.project_area_m2

        baseline_capacity_kw = self.baseline_capacity_kw

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if baseline_area_m2 is not UNSET:
            field_dict["baseline_area_m2"] = baseline_area_m2
        if project_area_m2 is not UNSET:
            field_dict["project_area_m2"] = project_area_m2
        if baseline_capacity_kw is not UNSET:
            field_dict["baseline_capacity_kw"] = baseline_capacity_kw

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        baseline_area_m2 = d.pop("baseline_area_m2", UNSET)

        project_area_m2 = d.pop("project_area_m2", UNSET)

        baseline_capacity_kw = d.pop("baseline_capacity_kw", UNSET)

        hydropower_plant_reservoir = cls(
            baseline_area_m2=baseline_area_m2,
            project_area_m2=project_area_m2,
            baseline_capacity_kw=baseline_capacity_kw,
        )

        hydropower_plant_reservoir.additional_properties = d
        return hydropower_plant_reservoir

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
