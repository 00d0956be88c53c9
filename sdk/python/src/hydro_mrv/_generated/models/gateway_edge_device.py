from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.gateway_source import GatewaySource


T = TypeVar("T", bound="GatewayEdgeDevice")


@_attrs_define
class GatewayEdgeDevice:
    """
    Attributes:
        device_id (str):
        ref (str):
        sources (list[GatewaySource]):
        did (str):
        scope (str):
        poll_s (int | Unset):
        interval_s (int | Unset):
        read_timeout_ms (int | Unset):
    """

    device_id: str
    ref: str
    sources: list[GatewaySource]
    did: str
    scope: str
    poll_s: int | Unset = UNSET
    interval_s: int | Unset = UNSET
    read_timeout_ms: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        device_id = self.device_id

        ref = self.ref

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)

        did = self.did

        scope = self.scope

        poll_s = self.poll_s

        interval_s = self.interval_s

        read_timeout_ms = self.read_timeout_ms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "device_id": device_id,
                "ref": ref,
                "sources": sources,
                "did": did,
                "scope": scope,
            }
        )
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

        ref = d.pop("ref")

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in _sources:
            sources_item = GatewaySource.from_dict(sources_item_data)

            sources.append(sources_item)

        did = d.pop("did")

        scope = d.pop("scope")

        poll_s = d.pop("poll_s", UNSET)

        interval_s = d.pop("interval_s", UNSET)

        read_timeout_ms = d.pop("read_timeout_ms", UNSET)

        gateway_edge_device = cls(
            device_id=device_id,
            ref=ref,
            sources=sources,
            did=did,
            scope=scope,
            poll_s=poll_s,
            interval_s=interval_s,
            read_timeout_ms=read_timeout_ms,
        )

        gateway_edge_device.additional_properties = d
        return gateway_edge_device

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
