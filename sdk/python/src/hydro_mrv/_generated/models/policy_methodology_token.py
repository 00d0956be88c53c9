from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

T = TypeVar("T", bound="PolicyMethodologyToken")


@_attrs_define
class PolicyMethodologyToken:
    """
    Attributes:
        symbol (str):
        name (str):
        decimals (int):
        unit (str): UCUM-style unit understood by engine/units, e.g. MWh, tCO2e/MWh, W/m2, '1'.
    """

    symbol: str
    name: str
    decimals: int
    unit: str

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        name = self.name

        decimals = self.decimals

        unit = self.unit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "symbol": symbol,
                "name": name,
                "decimals": decimals,
                "unit": unit,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        symbol = d.pop("symbol")

        name = d.pop("name")

        decimals = d.pop("decimals")

        unit = d.pop("unit")

        policy_methodology_token = cls(
            symbol=symbol,
            name=name,
            decimals=decimals,
            unit=unit,
        )

        return policy_methodology_token
