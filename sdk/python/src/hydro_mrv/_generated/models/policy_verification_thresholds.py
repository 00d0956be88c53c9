from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from typing_extensions import Self

T = TypeVar("T", bound="PolicyVerificationThresholds")


@_attrs_define
class PolicyVerificationThresholds:
    """
    Attributes:
        approve (float | str): A literal number, or the name of a parameter (in the unit the target expects).
        reject (float | str): A literal number, or the name of a parameter (in the unit the target expects).
    """

    approve: float | str
    reject: float | str

    def to_dict(self) -> dict[str, Any]:
        approve: float | str
        approve = self.approve

        reject: float | str
        reject = self.reject

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "approve": approve,
                "reject": reject,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_approve(data: object) -> float | str:
            return cast(float | str, data)

        approve = _parse_approve(d.pop("approve"))

        def _parse_reject(data: object) -> float | str:
            return cast(float | str, data)

        reject = _parse_reject(d.pop("reject"))

        policy_verification_thresholds = cls(
            approve=approve,
            reject=reject,
        )

        return policy_verification_thresholds
