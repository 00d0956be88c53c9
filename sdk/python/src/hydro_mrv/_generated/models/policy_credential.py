from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.policy_fields import PolicyFields


T = TypeVar("T", bound="PolicyCredential")


@_attrs_define
class PolicyCredential:
    """
    Attributes:
        fields (PolicyFields):
        description (str | Unset):
        required (list[str] | Unset):
    """

    fields: PolicyFields
    description: str | Unset = UNSET
    required: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        fields = self.fields.to_dict()

        description = self.description

        required: list[str] | Unset = UNSET
        if not isinstance(self.required, Unset):
            required = self.required

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fields": fields,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if required is not UNSET:
            field_dict["required"] = required

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy_fields import PolicyFields

        d = dict(src_dict)
        fields = PolicyFields.from_dict(d.pop("fields"))

        description = d.pop("description", UNSET)

        required = cast(list[str], d.pop("required", UNSET))

        policy_credential = cls(
            fields=fields,
            description=description,
            required=required,
        )

        return policy_credential
