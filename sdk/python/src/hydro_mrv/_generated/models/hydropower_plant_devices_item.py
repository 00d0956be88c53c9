from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="HydropowerPlantDevicesItem")


@_attrs_define
class HydropowerPlantDevicesItem:
    """
    Attributes:
        device_id (str):
        scope (str): `plant` or a unit_id.
        active (bool | Unset): An inactive device's readings are rejected. Default: True.
    """

    device_id: str
    scope: str
    active: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        device_id = self.device_id

        scope = self.scope

        active = self.active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "device_id": device_id,
                "scope": scope,
            }
        )
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        device_id = d.pop("device_id")

        scope = d.pop("scope")

        active = d.pop("active", UNSET)

        hydropower_plant_devices_item = cls(
            device_id=device_id,
            scope=scope,
            active=active,
        )

        hydropower_plant_devices_item.additional_properties = d
        return hydropower_plant_devices_item

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
