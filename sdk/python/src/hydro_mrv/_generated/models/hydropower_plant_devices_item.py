from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.plant_meter import PlantMeter


T = TypeVar("T", bound="HydropowerPlantDevicesItem")


@_attrs_define
class HydropowerPlantDevicesItem:
    """
    Attributes:
        device_id (str):
        scope (str): `plant` or a unit_id.
        active (bool | Unset): An inactive device's readings are rejected. Default: True.
        meters (list[PlantMeter] | Unset): The device's meters: accuracy class and calibration record
            (docs/verification.md, Calibration).
    """

    device_id: str
    scope: str
    active: bool | Unset = True
    meters: list[PlantMeter] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        device_id = self.device_id

        scope = self.scope

        active = self.active

        meters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.meters, Unset):
            meters = []
            for meters_item_data in self.meters:
                meters_item = meters_item_data.to_dict()
                meters.append(meters_item)

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
        if meters is not UNSET:
            field_dict["meters"] = meters

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.plant_meter import PlantMeter

        d = dict(src_dict)
        device_id = d.pop("device_id")

        scope = d.pop("scope")

        active = d.pop("active", UNSET)

        _meters = d.pop("meters", UNSET)
        meters: list[PlantMeter] | Unset = UNSET
        if _meters is not UNSET:
            meters = []
            for meters_item_data in _meters:
                meters_item = PlantMeter.from_dict(meters_item_data)

                meters.append(meters_item)

        hydropower_plant_devices_item = cls(
            device_id=device_id,
            scope=scope,
            active=active,
            meters=meters,
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
