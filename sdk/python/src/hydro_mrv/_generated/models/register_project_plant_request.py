from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

T = TypeVar("T", bound="RegisterProjectPlantRequest")


@_attrs_define
class RegisterProjectPlantRequest:
    """
    Attributes:
        effective_from (datetime.datetime): From when this version is in force
    """

    effective_from: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        effective_from = self.effective_from.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "effective_from": effective_from,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        effective_from = datetime.datetime.fromisoformat(d.pop("effective_from"))

        register_project_plant_request = cls(
            effective_from=effective_from,
        )

        return register_project_plant_request
