from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.policy_fields import PolicyFields


T = TypeVar("T", bound="PolicyWorkflowEventsAdditionalProperty")


@_attrs_define
class PolicyWorkflowEventsAdditionalProperty:
    """
    Attributes:
        roles (list[str]):
        description (str | Unset):
        payload (PolicyFields | Unset):
    """

    roles: list[str]
    description: str | Unset = UNSET
    payload: PolicyFields | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        roles = self.roles

        description = self.description

        payload: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payload, Unset):
            payload = self.payload.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "roles": roles,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if payload is not UNSET:
            field_dict["payload"] = payload

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy_fields import PolicyFields

        d = dict(src_dict)
        roles = cast(list[str], d.pop("roles"))

        description = d.pop("description", UNSET)

        _payload = d.pop("payload", UNSET)
        payload: PolicyFields | Unset
        if isinstance(_payload, Unset):
            payload = UNSET
        else:
            payload = PolicyFields.from_dict(_payload)

        policy_workflow_events_additional_property = cls(
            roles=roles,
            description=description,
            payload=payload,
        )

        return policy_workflow_events_additional_property
