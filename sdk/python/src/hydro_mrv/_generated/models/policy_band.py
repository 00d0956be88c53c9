from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from typing_extensions import Self

T = TypeVar("T", bound="PolicyBand")


@_attrs_define
class PolicyBand:
    """
    Attributes:
        min_ (float | str): A literal number, or the name of a parameter (in the unit the target expects).
        max_ (float | str): A literal number, or the name of a parameter (in the unit the target expects).
    """

    min_: float | str
    max_: float | str

    def to_dict(self) -> dict[str, Any]:
        min_: float | str
        min_ = self.min_

        max_: float | str
        max_ = self.max_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "min": min_,
                "max": max_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_min_(data: object) -> float | str:
            return cast(float | str, data)

        min_ = _parse_min_(d.pop("min"))

        def _parse_max_(data: object) -> float | str:
            return cast(float | str, data)

        max_ = _parse_max_(d.pop("max"))

        policy_band = cls(
            min_=min_,
            max_=max_,
        )

        return policy_band
