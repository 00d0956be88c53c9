from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

T = TypeVar("T", bound="EdgeTemplateSensor")


@_attrs_define
class EdgeTemplateSensor:
    """
    Attributes:
        sensor_id (str):
        type_ (str):
        unit (str):
    """

    sensor_id: str
    type_: str
    unit: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sensor_id = self.sensor_id

        type_ = self.type_

        unit = self.unit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sensor_id": sensor_id,
                "type": type_,
                "unit": unit,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        sensor_id = d.pop("sensor_id")

        type_ = d.pop("type")

        unit = d.pop("unit")

        edge_template_sensor = cls(
            sensor_id=sensor_id,
            type_=type_,
            unit=unit,
        )

        edge_template_sensor.additional_properties = d
        return edge_template_sensor

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
