from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="PolicyMethodologyInputsAdditionalProperty")


@_attrs_define
class PolicyMethodologyInputsAdditionalProperty:
    """
    Attributes:
        unit (str): UCUM-style unit understood by engine/units, e.g. MWh, tCO2e/MWh, W/m2, '1'.
        source (str): Where the value comes from: see the input source catalog.
        default (float | Unset):
        min_ (float | Unset):
        max_ (float | Unset):
        description (str | Unset):
    """

    unit: str
    source: str
    default: float | Unset = UNSET
    min_: float | Unset = UNSET
    max_: float | Unset = UNSET
    description: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        unit = self.unit

        source = self.source

        default = self.default

        min_ = self.min_

        max_ = self.max_

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "unit": unit,
                "source": source,
            }
        )
        if default is not UNSET:
            field_dict["default"] = default
        if min_ is not UNSET:
            field_dict["min"] = min_
        if max_ is not UNSET:
            field_dict["max"] = max_
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        unit = d.pop("unit")

        source = d.pop("source")

        default = d.pop("default", UNSET)

        min_ = d.pop("min", UNSET)

        max_ = d.pop("max", UNSET)

        description = d.pop("description", UNSET)

        policy_methodology_inputs_additional_property = cls(
            unit=unit,
            source=source,
            default=default,
            min_=min_,
            max_=max_,
            description=description,
        )

        return policy_methodology_inputs_additional_property
