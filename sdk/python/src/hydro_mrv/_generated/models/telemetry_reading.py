from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.telemetry_reading_type import TelemetryReadingType
from ..types import UNSET, Unset

T = TypeVar("T", bound="TelemetryReading")


@_attrs_define
class TelemetryReading:
    """
    Attributes:
        type_ (TelemetryReadingType):
        value (float):
        unit (str):
        sensor_id (str | Unset):
        quality (float | Unset):
    """

    type_: TelemetryReadingType
    value: float
    unit: str
    sensor_id: str | Unset = UNSET
    quality: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        value = self.value

        unit = self.unit

        sensor_id = self.sensor_id

        quality = self.quality

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "value": value,
                "unit": unit,
            }
        )
        if sensor_id is not UNSET:
            field_dict["sensor_id"] = sensor_id
        if quality is not UNSET:
            field_dict["quality"] = quality

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = TelemetryReadingType(d.pop("type"))

        value = d.pop("value")

        unit = d.pop("unit")

        sensor_id = d.pop("sensor_id", UNSET)

        quality = d.pop("quality", UNSET)

        telemetry_reading = cls(
            type_=type_,
            value=value,
            unit=unit,
            sensor_id=sensor_id,
            quality=quality,
        )

        telemetry_reading.additional_properties = d
        return telemetry_reading

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
