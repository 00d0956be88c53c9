from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

if TYPE_CHECKING:
    from ..models.scenario_run import ScenarioRun


T = TypeVar("T", bound="ScenarioRuns")


@_attrs_define
class ScenarioRuns:
    """
    Attributes:
        draft_id (str):
        policy_id (str):
        passed (bool):
        scenarios (list[ScenarioRun]):
    """

    draft_id: str
    policy_id: str
    passed: bool
    scenarios: list[ScenarioRun]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        draft_id = self.draft_id

        policy_id = self.policy_id

        passed = self.passed

        scenarios = []
        for scenarios_item_data in self.scenarios:
            scenarios_item = scenarios_item_data.to_dict()
            scenarios.append(scenarios_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "draft_id": draft_id,
                "policy_id": policy_id,
                "passed": passed,
                "scenarios": scenarios,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.scenario_run import ScenarioRun

        d = dict(src_dict)
        draft_id = d.pop("draft_id")

        policy_id = d.pop("policy_id")

        passed = d.pop("passed")

        scenarios = []
        _scenarios = d.pop("scenarios")
        for scenarios_item_data in _scenarios:
            scenarios_item = ScenarioRun.from_dict(scenarios_item_data)

            scenarios.append(scenarios_item)

        scenario_runs = cls(
            draft_id=draft_id,
            policy_id=policy_id,
            passed=passed,
            scenarios=scenarios,
        )

        scenario_runs.additional_properties = d
        return scenario_runs

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
