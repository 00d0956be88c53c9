from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.evidence_point_status import EvidencePointStatus

T = TypeVar("T", bound="EvidencePoint")


@_attrs_define
class EvidencePoint:
    """
    Attributes:
        id (str):
        timestamp (datetime.datetime):
        status (EvidencePointStatus):
        flow_m3s (float | None):
        head_m (float | None):
        energy_kwh (float | None):
        power_kw (float | None):
        efficiency (float | None): Electrical over hydraulic power (ρ·g·Q·H)
    """

    id: str
    timestamp: datetime.datetime
    status: EvidencePointStatus
    flow_m3s: float | None
    head_m: float | None
    energy_kwh: float | None
    power_kw: float | None
    efficiency: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        timestamp = self.timestamp.isoformat()

        status = self.status.value

        flow_m3s: float | None
        flow_m3s = self.flow_m3s

        head_m: float | None
        head_m = self.head_m

        energy_kwh: float | None
        energy_kwh = self.energy_kwh

        power_kw: float | None
        power_kw = self.power_kw

        efficiency: float | None
        efficiency = self.efficiency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "timestamp": timestamp,
                "status": status,
                "flow_m3s": flow_m3s,
                "head_m": head_m,
                "energy_kwh": energy_kwh,
                "power_kw": power_kw,
                "efficiency": efficiency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        status = EvidencePointStatus(d.pop("status"))

        def _parse_flow_m3s(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        flow_m3s = _parse_flow_m3s(d.pop("flow_m3s"))

        def _parse_head_m(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        head_m = _parse_head_m(d.pop("head_m"))

        def _parse_energy_kwh(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        energy_kwh = _parse_energy_kwh(d.pop("energy_kwh"))

        def _parse_power_kw(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        power_kw = _parse_power_kw(d.pop("power_kw"))

        def _parse_efficiency(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        efficiency = _parse_efficiency(d.pop("efficiency"))

        evidence_point = cls(
            id=id,
            timestamp=timestamp,
            status=status,
            flow_m3s=flow_m3s,
            head_m=head_m,
            energy_kwh=energy_kwh,
            power_kw=power_kw,
            efficiency=efficiency,
        )

        evidence_point.additional_properties = d
        return evidence_point

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
