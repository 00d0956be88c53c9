from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

if TYPE_CHECKING:
    from ..models.policy_check_workflows import PolicyCheckWorkflows
    from ..models.policy_problem import PolicyProblem


T = TypeVar("T", bound="PolicyCheck")


@_attrs_define
class PolicyCheck:
    """
    Attributes:
        valid (bool):
        problems (list[PolicyProblem]): Every problem, at line:col (first 200)
        policy_id (None | str):
        version (None | str):
        hash_ (None | str):
        workflows (PolicyCheckWorkflows): Mermaid state-diagram source per workflow (valid policies only)
    """

    valid: bool
    problems: list[PolicyProblem]
    policy_id: None | str
    version: None | str
    hash_: None | str
    workflows: PolicyCheckWorkflows
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        valid = self.valid

        problems = []
        for problems_item_data in self.problems:
            problems_item = problems_item_data.to_dict()
            problems.append(problems_item)

        policy_id: None | str
        policy_id = self.policy_id

        version: None | str
        version = self.version

        hash_: None | str
        hash_ = self.hash_

        workflows = self.workflows.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "valid": valid,
                "problems": problems,
                "policy_id": policy_id,
                "version": version,
                "hash": hash_,
                "workflows": workflows,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy_check_workflows import PolicyCheckWorkflows
        from ..models.policy_problem import PolicyProblem

        d = dict(src_dict)
        valid = d.pop("valid")

        problems = []
        _problems = d.pop("problems")
        for problems_item_data in _problems:
            problems_item = PolicyProblem.from_dict(problems_item_data)

            problems.append(problems_item)

        def _parse_policy_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        policy_id = _parse_policy_id(d.pop("policy_id"))

        def _parse_version(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        version = _parse_version(d.pop("version"))

        def _parse_hash_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        hash_ = _parse_hash_(d.pop("hash"))

        workflows = PolicyCheckWorkflows.from_dict(d.pop("workflows"))

        policy_check = cls(
            valid=valid,
            problems=problems,
            policy_id=policy_id,
            version=version,
            hash_=hash_,
            workflows=workflows,
        )

        policy_check.additional_properties = d
        return policy_check

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
