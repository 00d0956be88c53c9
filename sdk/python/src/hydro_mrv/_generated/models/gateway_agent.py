from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.gateway_agent_device import GatewayAgentDevice


T = TypeVar("T", bound="GatewayAgent")


@_attrs_define
class GatewayAgent:
    """The edge agent's reading plan: which meters feed which of the gateway's devices.

    Attributes:
        devices (list[GatewayAgentDevice]):
        interval_s (int | Unset):  Default: 60.
    """

    devices: list[GatewayAgentDevice]
    interval_s: int | Unset = 60

    def to_dict(self) -> dict[str, Any]:
        devices = []
        for devices_item_data in self.devices:
            devices_item = devices_item_data.to_dict()
            devices.append(devices_item)

        interval_s = self.interval_s

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "devices": devices,
            }
        )
        if interval_s is not UNSET:
            field_dict["interval_s"] = interval_s

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.gateway_agent_device import GatewayAgentDevice

        d = dict(src_dict)
        devices = []
        _devices = d.pop("devices")
        for devices_item_data in _devices:
            devices_item = GatewayAgentDevice.from_dict(devices_item_data)

            devices.append(devices_item)

        interval_s = d.pop("interval_s", UNSET)

        gateway_agent = cls(
            devices=devices,
            interval_s=interval_s,
        )

        return gateway_agent
