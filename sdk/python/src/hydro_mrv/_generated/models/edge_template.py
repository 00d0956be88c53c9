from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.edge_template_protocol import EdgeTemplateProtocol

if TYPE_CHECKING:
    from ..models.edge_template_sensor import EdgeTemplateSensor
    from ..models.edge_template_source import EdgeTemplateSource


T = TypeVar("T", bound="EdgeTemplate")


@_attrs_define
class EdgeTemplate:
    """A shipped integration template (edge/templates): the meter it reads and the manual it cites

    Attributes:
        name (str):
        manufacturer (str):
        model (str):
        equipment (None | str):
        protocol (EdgeTemplateProtocol):
        source (EdgeTemplateSource): `verified: false`: the map could not be checked against the manual; confirm it on
            site
        sensors (list[EdgeTemplateSensor]):
    """

    name: str
    manufacturer: str
    model: str
    equipment: None | str
    protocol: EdgeTemplateProtocol
    source: EdgeTemplateSource
    sensors: list[EdgeTemplateSensor]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        manufacturer = self.manufacturer

        model = self.model

        equipment: None | str
        equipment = self.equipment

        protocol = self.protocol.value

        source = self.source.to_dict()

        sensors = []
        for sensors_item_data in self.sensors:
            sensors_item = sensors_item_data.to_dict()
            sensors.append(sensors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "manufacturer": manufacturer,
                "model": model,
                "equipment": equipment,
                "protocol": protocol,
                "source": source,
                "sensors": sensors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.edge_template_sensor import EdgeTemplateSensor
        from ..models.edge_template_source import EdgeTemplateSource

        d = dict(src_dict)
        name = d.pop("name")

        manufacturer = d.pop("manufacturer")

        model = d.pop("model")

        def _parse_equipment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        equipment = _parse_equipment(d.pop("equipment"))

        protocol = EdgeTemplateProtocol(d.pop("protocol"))

        source = EdgeTemplateSource.from_dict(d.pop("source"))

        sensors = []
        _sensors = d.pop("sensors")
        for sensors_item_data in _sensors:
            sensors_item = EdgeTemplateSensor.from_dict(sensors_item_data)

            sensors.append(sensors_item)

        edge_template = cls(
            name=name,
            manufacturer=manufacturer,
            model=model,
            equipment=equipment,
            protocol=protocol,
            source=source,
            sensors=sensors,
        )

        edge_template.additional_properties = d
        return edge_template

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
