from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

if TYPE_CHECKING:
    from ..models.scenario_expectation import ScenarioExpectation


T = TypeVar("T", bound="ScenarioRun")


@_attrs_define
class ScenarioRun:
    """
    Attributes:
        file (str):
        name (str):
        passed (bool):
        error (None | str):
        expectations (list[ScenarioExpectation]):
    """

    file: str
    name: str
    passed: bool
    error: None | str
    expectations: list[ScenarioExpectation]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file = self.file

        name = self.name

        passed = self.passed

        error: None | str
        error = self.error

        expectations = []
        for expectations_item_data in self.expectations:
            expectations_item = expectations_item_data.to_dict()
            expectations.append(expectations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
                "name": name,
                "passed": passed,
                "error": error,
                "expectations": expectations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.scenario_expectation import ScenarioExpectation

        d = dict(src_dict)
        file = d.pop("file")

        name = d.pop("name")

        passed = d.pop("passed")

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        expectations = []
        _expectations = d.pop("expectations")
        for expectations_item_data in _expectations:
            expectations_item = ScenarioExpectation.from_dict(expectations_item_data)

            expectations.append(expectations_item)

        scenario_run = cls(
            file=file,
            name=name,
            passed=passed,
            error=error,
            expectations=expectations,
        )

        scenario_run.additional_properties = d
        return scenario_run

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
