from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

if TYPE_CHECKING:
    from ..models.policy_transition import PolicyTransition


T = TypeVar("T", bound="PolicyStateOn")


@_attrs_define
class PolicyStateOn:
    additional_properties: dict[
        str, list[PolicyTransition] | PolicyTransition | str
    ] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.policy_transition import PolicyTransition

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, PolicyTransition):
                field_dict[prop_name] = prop.to_dict()
            elif isinstance(prop, list):
                field_dict[prop_name] = []
                for componentsschemas_policy_transitions_type_2_item_data in prop:
                    componentsschemas_policy_transitions_type_2_item = (
                        componentsschemas_policy_transitions_type_2_item_data.to_dict()
                    )
                    field_dict[prop_name].append(
                        componentsschemas_policy_transitions_type_2_item
                    )

            else:
                field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy_transition import PolicyTransition

        d = dict(src_dict)
        policy_state_on = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(
                data: object,
            ) -> list[PolicyTransition] | PolicyTransition | str:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_policy_transitions_type_1 = (
                        PolicyTransition.from_dict(data)
                    )

                    return componentsschemas_policy_transitions_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    componentsschemas_policy_transitions_type_2 = []
                    _componentsschemas_policy_transitions_type_2 = data
                    for (
                        componentsschemas_policy_transitions_type_2_item_data
                    ) in _componentsschemas_policy_transitions_type_2:
                        componentsschemas_policy_transitions_type_2_item = (
                            PolicyTransition.from_dict(
                                componentsschemas_policy_transitions_type_2_item_data
                            )
                        )

                        componentsschemas_policy_transitions_type_2.append(
                            componentsschemas_policy_transitions_type_2_item
                        )

                    return componentsschemas_policy_transitions_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[PolicyTransition] | PolicyTransition | str, data)

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        policy_state_on.additional_properties = additional_properties
        return policy_state_on

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> list[PolicyTransition] | PolicyTransition | str:
        return self.additional_properties[key]

    def __setitem__(
        self, key: str, value: list[PolicyTransition] | PolicyTransition | str
    ) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
