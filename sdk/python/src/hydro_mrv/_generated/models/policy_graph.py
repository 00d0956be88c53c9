from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

if TYPE_CHECKING:
    from ..models.policy_graph_workflows import PolicyGraphWorkflows


T = TypeVar("T", bound="PolicyGraph")


@_attrs_define
class PolicyGraph:
    """
    Attributes:
        policy_id (str):
        version (str):
        workflows (PolicyGraphWorkflows): Mermaid state diagram source per workflow
    """

    policy_id: str
    version: str
    workflows: PolicyGraphWorkflows
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        policy_id = self.policy_id

        version = self.version

        workflows = self.workflows.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "policy_id": policy_id,
                "version": version,
                "workflows": workflows,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy_graph_workflows import PolicyGraphWorkflows

        d = dict(src_dict)
        policy_id = d.pop("policy_id")

        version = d.pop("version")

        workflows = PolicyGraphWorkflows.from_dict(d.pop("workflows"))

        policy_graph = cls(
            policy_id=policy_id,
            version=version,
            workflows=workflows,
        )

        policy_graph.additional_properties = d
        return policy_graph

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
