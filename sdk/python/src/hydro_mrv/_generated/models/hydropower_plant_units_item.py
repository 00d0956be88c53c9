from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.hydropower_plant_units_item_turbine import HydropowerPlantUnitsItemTurbine
from ..types import UNSET, Unset

T = TypeVar("T", bound="HydropowerPlantUnitsItem")


@_attrs_define
class HydropowerPlantUnitsItem:
    """
    Attributes:
        unit_id (str): Unique among the units; `plant` is the plant scope's name.
        turbine (HydropowerPlantUnitsItemTurbine):
        capacity_kw (float):
        rated_head_m (float | Unset):
        rated_flow_m3s (float | Unset):
    """

    unit_id: str
    turbine: HydropowerPlantUnitsItemTurbine
    capacity_kw: float
    rated_head_m: float | Unset = UNSET
    rated_flow_m3s: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        unit_id = self.unit_id

        turbine = self.turbine.value

        capacity_kw = self.capacity_kw

        rated_head_m = self.rated_head_m

        rated_flow_m3s = self.rated_flow_m3s

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "unit_id": unit_id,
                "turbine": turbine,
                "capacity_kw": capacity_kw,
            }
        )
        if rated_head_m is not UNSET:
            field_dict["rated_head_m"] = rated_head_m
        if rated_flow_m3s is not UNSET:
            field_dict["rated_flow_m3s"] = rated_flow_m3s

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        unit_id = d.pop("unit_id")

        turbine = HydropowerPlantUnitsItemTurbine(d.pop("turbine"))

        capacity_kw = d.pop("capacity_kw")

        rated_head_m = d.pop("rated_head_m", UNSET)

        rated_flow_m3s = d.pop("rated_flow_m3s", UNSET)

        hydropower_plant_units_item = cls(
            unit_id=unit_id,
            turbine=turbine,
            capacity_kw=capacity_kw,
            rated_head_m=rated_head_m,
            rated_flow_m3s=rated_flow_m3s,
        )

        hydropower_plant_units_item.additional_properties = d
        return hydropower_plant_units_item

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
