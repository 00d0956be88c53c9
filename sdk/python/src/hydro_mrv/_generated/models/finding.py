from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="Finding")


@_attrs_define
class Finding:
    """Why a rule passed or failed: rule id, measured value, limit and unit

    Attributes:
        rule (str):
        severity (str):
        message (str):
        measured (float | Unset):
        limit (float | Unset):
        unit (str | Unset):
    """

    rule: str
    severity: str
    message: str
    measured: float | Unset = UNSET
    limit: float | Unset = UNSET
    unit: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rule = self.rule

        severity = self.severity

        message = self.message

        measured = self.measured

        limit = self.limit

        unit = self.unit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rule": rule,
                "severity": severity,
                "message": message,
            }
        )
        if measured is not UNSET:
            field_dict["measured"] = measured
        if limit is not UNSET:
            field_dict["limit"] = limit
        if unit is not UNSET:
            field_dict["unit"] = unit

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        rule = d.pop("rule")

        severity = d.pop("severity")

        message = d.pop("message")

        measured = d.pop("measured", UNSET)

        limit = d.pop("limit", UNSET)

        unit = d.pop("unit", UNSET)

        finding = cls(
            rule=rule,
            severity=severity,
            message=message,
            measured=measured,
            limit=limit,
            unit=unit,
        )

        finding.additional_properties = d
        return finding

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
