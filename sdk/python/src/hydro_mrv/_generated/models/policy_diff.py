from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

if TYPE_CHECKING:
    from ..models.policy_diff_from import PolicyDiffFrom
    from ..models.policy_diff_to import PolicyDiffTo
    from ..models.policy_difference import PolicyDifference


T = TypeVar("T", bound="PolicyDiff")


@_attrs_define
class PolicyDiff:
    """
    Attributes:
        from_ (PolicyDiffFrom): The published version compared against
        to (PolicyDiffTo): The draft
        differences (list[PolicyDifference]):
    """

    from_: PolicyDiffFrom
    to: PolicyDiffTo
    differences: list[PolicyDifference]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_.to_dict()

        to = self.to.to_dict()

        differences = []
        for differences_item_data in self.differences:
            differences_item = differences_item_data.to_dict()
            differences.append(differences_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "to": to,
                "differences": differences,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy_diff_from import PolicyDiffFrom
        from ..models.policy_diff_to import PolicyDiffTo
        from ..models.policy_difference import PolicyDifference

        d = dict(src_dict)
        from_ = PolicyDiffFrom.from_dict(d.pop("from"))

        to = PolicyDiffTo.from_dict(d.pop("to"))

        differences = []
        _differences = d.pop("differences")
        for differences_item_data in _differences:
            differences_item = PolicyDifference.from_dict(differences_item_data)

            differences.append(differences_item)

        policy_diff = cls(
            from_=from_,
            to=to,
            differences=differences,
        )

        policy_diff.additional_properties = d
        return policy_diff

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
