from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

T = TypeVar("T", bound="PolicyMethodologyEligibilityItem")


@_attrs_define
class PolicyMethodologyEligibilityItem:
    """
    Attributes:
        id (str):
        require (str): A CEL expression.
        reason (str):
    """

    id: str
    require: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        require = self.require

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "require": require,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        require = d.pop("require")

        reason = d.pop("reason")

        policy_methodology_eligibility_item = cls(
            id=id,
            require=require,
            reason=reason,
        )

        return policy_methodology_eligibility_item
