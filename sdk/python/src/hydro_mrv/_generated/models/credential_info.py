from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.credential_info_kind import CredentialInfoKind
from ..models.credential_info_scopes_item import CredentialInfoScopesItem

T = TypeVar("T", bound="CredentialInfo")


@_attrs_define
class CredentialInfo:
    """The credential that made this request

    Attributes:
        kind (CredentialInfoKind):
        key_id (str):
        scopes (list[CredentialInfoScopesItem]):
    """

    kind: CredentialInfoKind
    key_id: str
    scopes: list[CredentialInfoScopesItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        key_id = self.key_id

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "key_id": key_id,
                "scopes": scopes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = CredentialInfoKind(d.pop("kind"))

        key_id = d.pop("key_id")

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = CredentialInfoScopesItem(scopes_item_data)

            scopes.append(scopes_item)

        credential_info = cls(
            kind=kind,
            key_id=key_id,
            scopes=scopes,
        )

        credential_info.additional_properties = d
        return credential_info

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
