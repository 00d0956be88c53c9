from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="HydropowerPlantGrid")


@_attrs_define
class HydropowerPlantGrid:
    """
    Attributes:
        ef_tco2_per_mwh (float):
        name (str | Unset):
    """

    ef_tco2_per_mwh: float
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ef_tco2_per_mwh = self.ef_tco2_per_mwh

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ef_tco2_per_mwh": ef_tco2_per_mwh,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ef_tco2_per_mwh = d.pop("ef_tco2_per_mwh")

        name = d.pop("name", UNSET)

        hydropower_plant_grid = cls(
            ef_tco2_per_mwh=ef_tco2_per_mwh,
            name=name,
        )

        hydropower_plant_grid.additional_properties = d
        return hydropower_plant_grid

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
