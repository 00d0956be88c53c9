from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.policy_difference_kind import PolicyDifferenceKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="PolicyDifference")


@_attrs_define
class PolicyDifference:
    """
    Attributes:
        path (str):
        kind (PolicyDifferenceKind):
        before (Any | Unset):
        after (Any | Unset):
    """

    path: str
    kind: PolicyDifferenceKind
    before: Any | Unset = UNSET
    after: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        path = self.path

        kind = self.kind.value

        before = self.before

        after = self.after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "path": path,
                "kind": kind,
            }
        )
        if before is not UNSET:
            field_dict["before"] = before
        if after is not UNSET:
            field_dict["after"] = after

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        path = d.pop("path")

        kind = PolicyDifferenceKind(d.pop("kind"))

        before = d.pop("before", UNSET)

        after = d.pop("after", UNSET)

        policy_difference = cls(
            path=path,
            kind=kind,
            before=before,
            after=after,
        )

        policy_difference.additional_properties = d
        return policy_difference

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
