from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.console_session_scopes_item import ConsoleSessionScopesItem

if TYPE_CHECKING:
    from ..models.console_organization import ConsoleOrganization


T = TypeVar("T", bound="ConsoleSession")


@_attrs_define
class ConsoleSession:
    """
    Attributes:
        organization (ConsoleOrganization):
        key_id (str):
        scopes (list[ConsoleSessionScopesItem]):
        roles (list[str]):
        csrf_token (None | str): Send as X-CSRF-Token on every state change made with the session cookie.
        mirror_url (None | str): The mirror node the API reads, for links to anchors and mints
    """

    organization: ConsoleOrganization
    key_id: str
    scopes: list[ConsoleSessionScopesItem]
    roles: list[str]
    csrf_token: None | str
    mirror_url: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        organization = self.organization.to_dict()

        key_id = self.key_id

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        roles = self.roles

        csrf_token: None | str
        csrf_token = self.csrf_token

        mirror_url: None | str
        mirror_url = self.mirror_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "organization": organization,
                "key_id": key_id,
                "scopes": scopes,
                "roles": roles,
                "csrf_token": csrf_token,
                "mirror_url": mirror_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.console_organization import ConsoleOrganization

        d = dict(src_dict)
        organization = ConsoleOrganization.from_dict(d.pop("organization"))

        key_id = d.pop("key_id")

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = ConsoleSessionScopesItem(scopes_item_data)

            scopes.append(scopes_item)

        roles = cast(list[str], d.pop("roles"))

        def _parse_csrf_token(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        csrf_token = _parse_csrf_token(d.pop("csrf_token"))

        def _parse_mirror_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        mirror_url = _parse_mirror_url(d.pop("mirror_url"))

        console_session = cls(
            organization=organization,
            key_id=key_id,
            scopes=scopes,
            roles=roles,
            csrf_token=csrf_token,
            mirror_url=mirror_url,
        )

        console_session.additional_properties = d
        return console_session

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
