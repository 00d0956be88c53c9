from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProvisionDeviceRequest")


@_attrs_define
class ProvisionDeviceRequest:
    """
    Attributes:
        project_id (str):
        scope (str | Unset): `plant` or a unit id Default: 'plant'.
        name (str | Unset):
    """

    project_id: str
    scope: str | Unset = "plant"
    name: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        project_id = self.project_id

        scope = self.scope

        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "project_id": project_id,
            }
        )
        if scope is not UNSET:
            field_dict["scope"] = scope
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        project_id = d.pop("project_id")

        scope = d.pop("scope", UNSET)

        name = d.pop("name", UNSET)

        provision_device_request = cls(
            project_id=project_id,
            scope=scope,
            name=name,
        )

        return provision_device_request
