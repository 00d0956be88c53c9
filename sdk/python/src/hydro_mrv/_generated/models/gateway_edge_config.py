from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

if TYPE_CHECKING:
    from ..models.gateway_edge_device import GatewayEdgeDevice
    from ..models.gateway_edge_plant import GatewayEdgePlant


T = TypeVar("T", bound="GatewayEdgeConfig")


@_attrs_define
class GatewayEdgeConfig:
    """What `mrv-edge run` runs (edge/agent/gateway-config.ts); the device keys stay on the gateway.

    Attributes:
        version (Literal[1]):
        gateway_id (str):
        org_id (str):
        project_id (str):
        plant (GatewayEdgePlant): The project's plant file without its device list (schemas/plant)
        interval_s (int):
        devices (list[GatewayEdgeDevice]):
    """

    version: Literal[1]
    gateway_id: str
    org_id: str
    project_id: str
    plant: GatewayEdgePlant
    interval_s: int
    devices: list[GatewayEdgeDevice]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        gateway_id = self.gateway_id

        org_id = self.org_id

        project_id = self.project_id

        plant = self.plant.to_dict()

        interval_s = self.interval_s

        devices = []
        for devices_item_data in self.devices:
            devices_item = devices_item_data.to_dict()
            devices.append(devices_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "gateway_id": gateway_id,
                "org_id": org_id,
                "project_id": project_id,
                "plant": plant,
                "interval_s": interval_s,
                "devices": devices,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.gateway_edge_device import GatewayEdgeDevice
        from ..models.gateway_edge_plant import GatewayEdgePlant

        d = dict(src_dict)
        version = cast(Literal[1], d.pop("version"))
        if version != 1:
            raise ValueError(f"version must match const 1, got '{version}'")

        gateway_id = d.pop("gateway_id")

        org_id = d.pop("org_id")

        project_id = d.pop("project_id")

        plant = GatewayEdgePlant.from_dict(d.pop("plant"))

        interval_s = d.pop("interval_s")

        devices = []
        _devices = d.pop("devices")
        for devices_item_data in _devices:
            devices_item = GatewayEdgeDevice.from_dict(devices_item_data)

            devices.append(devices_item)

        gateway_edge_config = cls(
            version=version,
            gateway_id=gateway_id,
            org_id=org_id,
            project_id=project_id,
            plant=plant,
            interval_s=interval_s,
            devices=devices,
        )

        gateway_edge_config.additional_properties = d
        return gateway_edge_config

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
