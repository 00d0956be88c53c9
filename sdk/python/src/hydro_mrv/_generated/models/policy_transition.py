from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

from ..models.policy_action_name import PolicyActionName
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.policy_actions_item_type_1 import PolicyActionsItemType1


T = TypeVar("T", bound="PolicyTransition")


@_attrs_define
class PolicyTransition:
    """
    Attributes:
        target (str | Unset):
        guard (str | Unset): A CEL expression.
        actions (list[PolicyActionName | PolicyActionsItemType1] | Unset):
        description (str | Unset):
    """

    target: str | Unset = UNSET
    guard: str | Unset = UNSET
    actions: list[PolicyActionName | PolicyActionsItemType1] | Unset = UNSET
    description: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        target = self.target

        guard = self.guard

        actions: list[dict[str, Any] | str] | Unset = UNSET
        if not isinstance(self.actions, Unset):
            actions = []
            for componentsschemas_policy_actions_item_data in self.actions:
                componentsschemas_policy_actions_item: dict[str, Any] | str
                if isinstance(
                    componentsschemas_policy_actions_item_data, PolicyActionName
                ):
                    componentsschemas_policy_actions_item = (
                        componentsschemas_policy_actions_item_data.value
                    )
                else:
                    componentsschemas_policy_actions_item = (
                        componentsschemas_policy_actions_item_data.to_dict()
                    )

                actions.append(componentsschemas_policy_actions_item)

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if target is not UNSET:
            field_dict["target"] = target
        if guard is not UNSET:
            field_dict["guard"] = guard
        if actions is not UNSET:
            field_dict["actions"] = actions
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy_actions_item_type_1 import PolicyActionsItemType1

        d = dict(src_dict)
        target = d.pop("target", UNSET)

        guard = d.pop("guard", UNSET)

        _actions = d.pop("actions", UNSET)
        actions: list[PolicyActionName | PolicyActionsItemType1] | Unset = UNSET
        if _actions is not UNSET:
            actions = []
            for componentsschemas_policy_actions_item_data in _actions:

                def _parse_componentsschemas_policy_actions_item(
                    data: object,
                ) -> PolicyActionName | PolicyActionsItemType1:
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        componentsschemas_policy_actions_item_type_0 = PolicyActionName(
                            data
                        )

                        return componentsschemas_policy_actions_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_policy_actions_item_type_1 = (
                        PolicyActionsItemType1.from_dict(data)
                    )

                    return componentsschemas_policy_actions_item_type_1

                componentsschemas_policy_actions_item = (
                    _parse_componentsschemas_policy_actions_item(
                        componentsschemas_policy_actions_item_data
                    )
                )

                actions.append(componentsschemas_policy_actions_item)

        description = d.pop("description", UNSET)

        policy_transition = cls(
            target=target,
            guard=guard,
            actions=actions,
            description=description,
        )

        return policy_transition
