from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="HydroMRVPolicyRolesAdditionalProperty")


@_attrs_define
class HydroMRVPolicyRolesAdditionalProperty:
    """
    Attributes:
        description (str | Unset):
    """

    description: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        description = d.pop("description", UNSET)

        hydro_mrv_policy_roles_additional_property = cls(
            description=description,
        )

        return hydro_mrv_policy_roles_additional_property
