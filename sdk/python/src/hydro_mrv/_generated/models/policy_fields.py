from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.policy_field_type_type_0 import PolicyFieldTypeType0

if TYPE_CHECKING:
    from ..models.policy_field_type_type_1 import PolicyFieldTypeType1


T = TypeVar("T", bound="PolicyFields")


@_attrs_define
class PolicyFields:
    additional_properties: dict[str, PolicyFieldTypeType0 | PolicyFieldTypeType1] = (
        _attrs_field(init=False, factory=dict)
    )

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, PolicyFieldTypeType0):
                field_dict[prop_name] = prop.value
            else:
                field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy_field_type_type_1 import PolicyFieldTypeType1

        d = dict(src_dict)
        policy_fields = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(
                data: object,
            ) -> PolicyFieldTypeType0 | PolicyFieldTypeType1:
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_policy_field_type_type_0 = PolicyFieldTypeType0(
                        data
                    )

                    return componentsschemas_policy_field_type_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_policy_field_type_type_1 = (
                    PolicyFieldTypeType1.from_dict(data)
                )

                return componentsschemas_policy_field_type_type_1

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        policy_fields.additional_properties = additional_properties
        return policy_fields

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> PolicyFieldTypeType0 | PolicyFieldTypeType1:
        return self.additional_properties[key]

    def __setitem__(
        self, key: str, value: PolicyFieldTypeType0 | PolicyFieldTypeType1
    ) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
