from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="PolicyMethodologyFormulasAdditionalProperty")


@_attrs_define
class PolicyMethodologyFormulasAdditionalProperty:
    """
    Attributes:
        unit (str): UCUM-style unit understood by engine/units, e.g. MWh, tCO2e/MWh, W/m2, '1'.
        expr (str): A CEL expression.
        description (str | Unset):
    """

    unit: str
    expr: str
    description: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        unit = self.unit

        expr = self.expr

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "unit": unit,
                "expr": expr,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        unit = d.pop("unit")

        expr = d.pop("expr")

        description = d.pop("description", UNSET)

        policy_methodology_formulas_additional_property = cls(
            unit=unit,
            expr=expr,
            description=description,
        )

        return policy_methodology_formulas_additional_property
