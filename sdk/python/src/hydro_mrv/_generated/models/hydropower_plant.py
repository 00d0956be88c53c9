from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.hydropower_plant_devices_item import HydropowerPlantDevicesItem
    from ..models.hydropower_plant_grid import HydropowerPlantGrid
    from ..models.hydropower_plant_location import HydropowerPlantLocation
    from ..models.hydropower_plant_meter import HydropowerPlantMeter
    from ..models.hydropower_plant_reservoir import HydropowerPlantReservoir
    from ..models.hydropower_plant_units_item import HydropowerPlantUnitsItem


T = TypeVar("T", bound="HydropowerPlant")


@_attrs_define
class HydropowerPlant:
    """What POST /v1/projects and `mrv verify --plant` take. Normative text: shared/specs/telemetry-v1.md. Unknown top-
    level members are rejected.

        Attributes:
            plant_id (str):
            name (str):
            capacity_kw (float):
            units (list[HydropowerPlantUnitsItem]): Each unit_id occurs once.
            location (HydropowerPlantLocation | Unset):
            grid (HydropowerPlantGrid | Unset):
            reservoir (HydropowerPlantReservoir | Unset):
            meter (HydropowerPlantMeter | Unset):
            devices (list[HydropowerPlantDevicesItem] | Unset): Each device_id occurs once; a device's scope is `plant` or a
                unit_id of this plant.
    """

    plant_id: str
    name: str
    capacity_kw: float
    units: list[HydropowerPlantUnitsItem]
    location: HydropowerPlantLocation | Unset = UNSET
    grid: HydropowerPlantGrid | Unset = UNSET
    reservoir: HydropowerPlantReservoir | Unset = UNSET
    meter: HydropowerPlantMeter | Unset = UNSET
    devices: list[HydropowerPlantDevicesItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        plant_id = self.plant_id

        name = self.name

        capacity_kw = self.capacity_kw

        units = []
        for units_item_data in self.units:
            units_item = units_item_data.to_dict()
            units.append(units_item)

        location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.location, Unset):
            location = self.location.to_dict()

        grid: dict[str, Any] | Unset = UNSET
        if not isinstance(self.grid, Unset):
            grid = self.grid.to_dict()

        reservoir: dict[str, Any] | Unset = UNSET
        if not isinstance(self.reservoir, Unset):
            reservoir = self.reservoir.to_dict()

        meter: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meter, Unset):
            meter = self.meter.to_dict()

        devices: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.devices, Unset):
            devices = []
            for devices_item_data in self.devices:
                devices_item = devices_item_data.to_dict()
                devices.append(devices_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "plant_id": plant_id,
                "name": name,
                "capacity_kw": capacity_kw,
                "units": units,
            }
        )
        if location is not UNSET:
            field_dict["location"] = location
        if grid is not UNSET:
            field_dict["grid"] = grid
        if reservoir is not UNSET:
            field_dict["reservoir"] = reservoir
        if meter is not UNSET:
            field_dict["meter"] = meter
        if devices is not UNSET:
            field_dict["devices"] = devices

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.hydropower_plant_devices_item import HydropowerPlantDevicesItem
        from ..models.hydropower_plant_grid import HydropowerPlantGrid
        from ..models.hydropower_plant_location import HydropowerPlantLocation
        from ..models.hydropower_plant_meter import HydropowerPlantMeter
        from ..models.hydropower_plant_reservoir import HydropowerPlantReservoir
        from ..models.hydropower_plant_units_item import HydropowerPlantUnitsItem

        d = dict(src_dict)
        plant_id = d.pop("plant_id")

        name = d.pop("name")

        capacity_kw = d.pop("capacity_kw")

        units = []
        _units = d.pop("units")
        for units_item_data in _units:
            units_item = HydropowerPlantUnitsItem.from_dict(units_item_data)

            units.append(units_item)

        _location = d.pop("location", UNSET)
        location: HydropowerPlantLocation | Unset
        if isinstance(_location, Unset):
            location = UNSET
        else:
            location = HydropowerPlantLocation.from_dict(_location)

        _grid = d.pop("grid", UNSET)
        grid: HydropowerPlantGrid | Unset
        if isinstance(_grid, Unset):
            grid = UNSET
        else:
            grid = HydropowerPlantGrid.from_dict(_grid)

        _reservoir = d.pop("reservoir", UNSET)
        reservoir: HydropowerPlantReservoir | Unset
        if isinstance(_reservoir, Unset):
            reservoir = UNSET
        else:
            reservoir = HydropowerPlantReservoir.from_dict(_reservoir)

        _meter = d.pop("meter", UNSET)
        meter: HydropowerPlantMeter | Unset
        if isinstance(_meter, Unset):
            meter = UNSET
        else:
            meter = HydropowerPlantMeter.from_dict(_meter)

        _devices = d.pop("devices", UNSET)
        devices: list[HydropowerPlantDevicesItem] | Unset = UNSET
        if _devices is not UNSET:
            devices = []
            for devices_item_data in _devices:
                devices_item = HydropowerPlantDevicesItem.from_dict(devices_item_data)

                devices.append(devices_item)

        hydropower_plant = cls(
            plant_id=plant_id,
            name=name,
            capacity_kw=capacity_kw,
            units=units,
            location=location,
            grid=grid,
            reservoir=reservoir,
            meter=meter,
            devices=devices,
        )

        return hydropower_plant
