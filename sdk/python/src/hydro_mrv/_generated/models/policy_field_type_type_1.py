from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from typing_extensions import Self

from ..models.policy_field_type_type_1_type import PolicyFieldTypeType1Type
from ..types import UNSET, Unset

T = TypeVar("T", bound="PolicyFieldTypeType1")


@_attrs_define
class PolicyFieldTypeType1:
    """
    Attributes:
        type_ (PolicyFieldTypeType1Type):
        unit (str | Unset): UCUM-style unit understood by engine/units, e.g. MWh, tCO2e/MWh, W/m2, '1'.
        enum (list[str] | Unset):
        description (str | Unset):
    """

    type_: PolicyFieldTypeType1Type
    unit: str | Unset = UNSET
    enum: list[str] | Unset = UNSET
    description: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        unit = self.unit

        enum: list[str] | Unset = UNSET
        if not isinstance(self.enum, Unset):
            enum = self.enum

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
            }
        )
        if unit is not UNSET:
            field_dict["unit"] = unit
        if enum is not UNSET:
            field_dict["enum"] = enum
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = PolicyFieldTypeType1Type(d.pop("type"))

        unit = d.pop("unit", UNSET)

        enum = cast(list[str], d.pop("enum", UNSET))

        description = d.pop("description", UNSET)

        policy_field_type_type_1 = cls(
            type_=type_,
            unit=unit,
            enum=enum,
            description=description,
        )

        return policy_field_type_type_1
