from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.gateway_source import GatewaySource


T = TypeVar("T", bound="GatewayAgentDevice")


@_attrs_define
class GatewayAgentDevice:
    """
    Attributes:
        device_id (str):
        sources (list[GatewaySource]):
        ref (str | Unset): The device's name on the gateway
        poll_s (int | Unset):
        interval_s (int | Unset):
        read_timeout_ms (int | Unset):
    """

    device_id: str
    sources: list[GatewaySource]
    ref: str | Unset = UNSET
    poll_s: int | Unset = UNSET
    interval_s: int | Unset = UNSET
    read_timeout_ms: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        device_id = self.device_id

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)

        ref = self.ref

        poll_s = self.poll_s

        interval_s = self.interval_s

        read_timeout_ms = self.read_timeout_ms

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "device_id": device_id,
                "sources": sources,
            }
        )
        if ref is not UNSET:
            field_dict["ref"] = ref
        if poll_s is not UNSET:
            field_dict["poll_s"] = poll_s
        if interval_s is not UNSET:
            field_dict["interval_s"] = interval_s
        if read_timeout_ms is not UNSET:
            field_dict["read_timeout_ms"] = read_timeout_ms

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.gateway_source import GatewaySource

        d = dict(src_dict)
        device_id = d.pop("device_id")

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in _sources:
            sources_item = GatewaySource.from_dict(sources_item_data)

            sources.append(sources_item)

        ref = d.pop("ref", UNSET)

        poll_s = d.pop("poll_s", UNSET)

        interval_s = d.pop("interval_s", UNSET)

        read_timeout_ms = d.pop("read_timeout_ms", UNSET)

        gateway_agent_device = cls(
            device_id=device_id,
            sources=sources,
            ref=ref,
            poll_s=poll_s,
            interval_s=interval_s,
            read_timeout_ms=read_timeout_ms,
        )

        return gateway_agent_device
