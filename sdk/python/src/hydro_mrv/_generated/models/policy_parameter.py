from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="PolicyParameter")


@_attrs_define
class PolicyParameter:
    """
    Attributes:
        unit (str): UCUM-style unit understood by engine/units, e.g. MWh, tCO2e/MWh, W/m2, '1'.
        default (float):
        min_ (float | Unset):
        max_ (float | Unset):
        overridable (bool | Unset): May a project override it (within min/max)? Default: True.
        description (str | Unset):
    """

    unit: str
    default: float
    min_: float | Unset = UNSET
    max_: float | Unset = UNSET
    overridable: bool | Unset = True
    description: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        unit = self.unit

        default = self.default

        min_ = self.min_

        max_ = self.max_

        overridable = self.overridable

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "unit": unit,
                "default": default,
            }
        )
        if min_ is not UNSET:
            field_dict["min"] = min_
        if max_ is not UNSET:
            field_dict["max"] = max_
        if overridable is not UNSET:
            field_dict["overridable"] = overridable
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        unit = d.pop("unit")

        default = d.pop("default")

        min_ = d.pop("min", UNSET)

        max_ = d.pop("max", UNSET)

        overridable = d.pop("overridable", UNSET)

        description = d.pop("description", UNSET)

        policy_parameter = cls(
            unit=unit,
            default=default,
            min_=min_,
            max_=max_,
            overridable=overridable,
            description=description,
        )

        return policy_parameter
