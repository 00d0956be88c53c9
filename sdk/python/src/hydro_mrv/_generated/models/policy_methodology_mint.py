from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from typing_extensions import Self

T = TypeVar("T", bound="PolicyMethodologyMint")


@_attrs_define
class PolicyMethodologyMint:
    """
    Attributes:
        amount (str):
        rounding (Literal['floor']): Smallest-unit amounts are never rounded up.
    """

    amount: str
    rounding: Literal["floor"]

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        rounding = self.rounding

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "rounding": rounding,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

        rounding = cast(Literal["floor"], d.pop("rounding"))
        if rounding != "floor":
            raise ValueError(f"rounding must match const 'floor', got '{rounding}'")

        policy_methodology_mint = cls(
            amount=amount,
            rounding=rounding,
        )

        return policy_methodology_mint
