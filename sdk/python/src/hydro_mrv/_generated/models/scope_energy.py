from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

T = TypeVar("T", bound="ScopeEnergy")


@_attrs_define
class ScopeEnergy:
    """A metering scope's share of the period's energy (the plant file's devices[].scope)

    Attributes:
        scope (str): `plant`, a unit id, or `unassigned`
        eg_mwh (float): Exported energy EG, MWh
        teg_mwh (float): Gross generation TEG, MWh
    """

    scope: str
    eg_mwh: float
    teg_mwh: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        scope = self.scope

        eg_mwh = self.eg_mwh

        teg_mwh = self.teg_mwh

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "scope": scope,
                "eg_mwh": eg_mwh,
                "teg_mwh": teg_mwh,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        scope = d.pop("scope")

        eg_mwh = d.pop("eg_mwh")

        teg_mwh = d.pop("teg_mwh")

        scope_energy = cls(
            scope=scope,
            eg_mwh=eg_mwh,
            teg_mwh=teg_mwh,
        )

        scope_energy.additional_properties = d
        return scope_energy

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
