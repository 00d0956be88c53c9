from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="ScenarioExpectation")


@_attrs_define
class ScenarioExpectation:
    """
    Attributes:
        what (str):
        passed (bool):
        expected (Any | Unset):
        actual (Any | Unset):
    """

    what: str
    passed: bool
    expected: Any | Unset = UNSET
    actual: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        what = self.what

        passed = self.passed

        expected = self.expected

        actual = self.actual

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "what": what,
                "passed": passed,
            }
        )
        if expected is not UNSET:
            field_dict["expected"] = expected
        if actual is not UNSET:
            field_dict["actual"] = actual

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        what = d.pop("what")

        passed = d.pop("passed")

        expected = d.pop("expected", UNSET)

        actual = d.pop("actual", UNSET)

        scenario_expectation = cls(
            what=what,
            passed=passed,
            expected=expected,
            actual=actual,
        )

        scenario_expectation.additional_properties = d
        return scenario_expectation

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
