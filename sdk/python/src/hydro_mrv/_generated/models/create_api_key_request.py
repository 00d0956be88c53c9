from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from typing_extensions import Self

from ..models.create_api_key_request_scopes_item import CreateApiKeyRequestScopesItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateApiKeyRequest")


@_attrs_define
class CreateApiKeyRequest:
    """
    Attributes:
        name (str):
        scopes (list[CreateApiKeyRequestScopesItem]):
        roles (list[str] | Unset):
    """

    name: str
    scopes: list[CreateApiKeyRequestScopesItem]
    roles: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = self.roles

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "scopes": scopes,
            }
        )
        if roles is not UNSET:
            field_dict["roles"] = roles

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = CreateApiKeyRequestScopesItem(scopes_item_data)

            scopes.append(scopes_item)

        roles = cast(list[str], d.pop("roles", UNSET))

        create_api_key_request = cls(
            name=name,
            scopes=scopes,
            roles=roles,
        )

        return create_api_key_request
