from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

from ..models.policy_action_name import PolicyActionName
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.policy_actions_item_type_1 import PolicyActionsItemType1
    from ..models.policy_state_after import PolicyStateAfter
    from ..models.policy_state_on import PolicyStateOn


T = TypeVar("T", bound="PolicyState")


@_attrs_define
class PolicyState:
    """
    Attributes:
        description (str | Unset):
        final (bool | Unset):
        entry (list[PolicyActionName | PolicyActionsItemType1] | Unset):
        exit_ (list[PolicyActionName | PolicyActionsItemType1] | Unset):
        on (PolicyStateOn | Unset):
        after (PolicyStateAfter | Unset):
    """

    description: str | Unset = UNSET
    final: bool | Unset = UNSET
    entry: list[PolicyActionName | PolicyActionsItemType1] | Unset = UNSET
    exit_: list[PolicyActionName | PolicyActionsItemType1] | Unset = UNSET
    on: PolicyStateOn | Unset = UNSET
    after: PolicyStateAfter | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        final = self.final

        entry: list[dict[str, Any] | str] | Unset = UNSET
        if not isinstance(self.entry, Unset):
            entry = []
            for componentsschemas_policy_actions_item_data in self.entry:
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

                entry.append(componentsschemas_policy_actions_item)

        exit_: list[dict[str, Any] | str] | Unset = UNSET
        if not isinstance(self.exit_, Unset):
            exit_ = []
            for componentsschemas_policy_actions_item_data in self.exit_:
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

                exit_.append(componentsschemas_policy_actions_item)

        on: dict[str, Any] | Unset = UNSET
        if not isinstance(self.on, Unset):
            on = self.on.to_dict()

        after: dict[str, Any] | Unset = UNSET
        if not isinstance(self.after, Unset):
            after = self.after.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if final is not UNSET:
            field_dict["final"] = final
        if entry is not UNSET:
            field_dict["entry"] = entry
        if exit_ is not UNSET:
            field_dict["exit"] = exit_
        if on is not UNSET:
            field_dict["on"] = on
        if after is not UNSET:
            field_dict["after"] = after

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy_actions_item_type_1 import PolicyActionsItemType1
        from ..models.policy_state_after import PolicyStateAfter
        from ..models.policy_state_on import PolicyStateOn

        d = dict(src_dict)
        description = d.pop("description", UNSET)

        final = d.pop("final", UNSET)

        _entry = d.pop("entry", UNSET)
        entry: list[PolicyActionName | PolicyActionsItemType1] | Unset = UNSET
        if _entry is not UNSET:
            entry = []
            for componentsschemas_policy_actions_item_data in _entry:

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

                entry.append(componentsschemas_policy_actions_item)

        _exit_ = d.pop("exit", UNSET)
        exit_: list[PolicyActionName | PolicyActionsItemType1] | Unset = UNSET
        if _exit_ is not UNSET:
            exit_ = []
            for componentsschemas_policy_actions_item_data in _exit_:

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

                exit_.append(componentsschemas_policy_actions_item)

        _on = d.pop("on", UNSET)
        on: PolicyStateOn | Unset
        if isinstance(_on, Unset):
            on = UNSET
        else:
            on = PolicyStateOn.from_dict(_on)

        _after = d.pop("after", UNSET)
        after: PolicyStateAfter | Unset
        if isinstance(_after, Unset):
            after = UNSET
        else:
            after = PolicyStateAfter.from_dict(_after)

        policy_state = cls(
            description=description,
            final=final,
            entry=entry,
            exit_=exit_,
            on=on,
            after=after,
        )

        return policy_state
