from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

from ..models.plant_meter_type import PlantMeterType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.plant_calibration import PlantCalibration


T = TypeVar("T", bound="PlantMeter")


@_attrs_define
class PlantMeter:
    """
    Attributes:
        type_ (PlantMeterType):
        accuracy_class (float): Accuracy class in percent of reading.
        sensor_id (str | Unset):
        full_scale (float | Unset): Full-scale value in the canonical unit (m3/s, m, kPa, kWh, kW).
        calibration (PlantCalibration | Unset):
    """

    type_: PlantMeterType
    accuracy_class: float
    sensor_id: str | Unset = UNSET
    full_scale: float | Unset = UNSET
    calibration: PlantCalibration | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        accuracy_class = self.accuracy_class

        sensor_id = self.sensor_id

        full_scale = self.full_scale

        calibration: dict[str, Any] | Unset = UNSET
        if not isinstance(self.calibration, Unset):
            calibration = self.calibration.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "accuracy_class": accuracy_class,
            }
        )
        if sensor_id is not UNSET:
            field_dict["sensor_id"] = sensor_id
        if full_scale is not UNSET:
            field_dict["full_scale"] = full_scale
        if calibration is not UNSET:
            field_dict["calibration"] = calibration

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.plant_calibration import PlantCalibration

        d = dict(src_dict)
        type_ = PlantMeterType(d.pop("type"))

        accuracy_class = d.pop("accuracy_class")

        sensor_id = d.pop("sensor_id", UNSET)

        full_scale = d.pop("full_scale", UNSET)

        _calibration = d.pop("calibration", UNSET)
        calibration: PlantCalibration | Unset
        if isinstance(_calibration, Unset):
            calibration = UNSET
        else:
            calibration = PlantCalibration.from_dict(_calibration)

        plant_meter = cls(
            type_=type_,
            accuracy_class=accuracy_class,
            sensor_id=sensor_id,
            full_scale=full_scale,
            calibration=calibration,
        )

        return plant_meter
