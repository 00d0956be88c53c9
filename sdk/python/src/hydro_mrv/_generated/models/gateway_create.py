from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from typing_extensions import Self

T = TypeVar("T", bound="GatewayCreate")


@_attrs_define
class GatewayCreate:
    """
    Attributes:
        name (str):
        device_ids (list[str]):
    """

    name: str
    device_ids: list[str]

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        device_ids = self.device_ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "device_ids": device_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        device_ids = cast(list[str], d.pop("device_ids"))

        gateway_create = cls(
            name=name,
            device_ids=device_ids,
        )

        return gateway_create
