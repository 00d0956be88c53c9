from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.api_key_scopes_item import ApiKeyScopesItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="ApiKey")


@_attrs_define
class ApiKey:
    """
    Attributes:
        id (str):
        name (str):
        scopes (list[ApiKeyScopesItem]):
        roles (list[str]): Policy roles the key acts as
        prefix (str): The non-secret start of the key.
        created_at (datetime.datetime):
        revoked_at (datetime.datetime | Unset):
        rotated_to (str | Unset):
    """

    id: str
    name: str
    scopes: list[ApiKeyScopesItem]
    roles: list[str]
    prefix: str
    created_at: datetime.datetime
    revoked_at: datetime.datetime | Unset = UNSET
    rotated_to: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        roles = self.roles

        prefix = self.prefix

        created_at = self.created_at.isoformat()

        revoked_at: str | Unset = UNSET
        if not isinstance(self.revoked_at, Unset):
            revoked_at = self.revoked_at.isoformat()

        rotated_to = self.rotated_to

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "scopes": scopes,
                "roles": roles,
                "prefix": prefix,
                "created_at": created_at,
            }
        )
        if revoked_at is not UNSET:
            field_dict["revoked_at"] = revoked_at
        if rotated_to is not UNSET:
            field_dict["rotated_to"] = rotated_to

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = ApiKeyScopesItem(scopes_item_data)

            scopes.append(scopes_item)

        roles = cast(list[str], d.pop("roles"))

        prefix = d.pop("prefix")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        _revoked_at = d.pop("revoked_at", UNSET)
        revoked_at: datetime.datetime | Unset
        if isinstance(_revoked_at, Unset):
            revoked_at = UNSET
        else:
            revoked_at = datetime.datetime.fromisoformat(_revoked_at)

        rotated_to = d.pop("rotated_to", UNSET)

        api_key = cls(
            id=id,
            name=name,
            scopes=scopes,
            roles=roles,
            prefix=prefix,
            created_at=created_at,
            revoked_at=revoked_at,
            rotated_to=rotated_to,
        )

        api_key.additional_properties = d
        return api_key

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
