from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

if TYPE_CHECKING:
    from ..models.chain_link import ChainLink


T = TypeVar("T", bound="TrustChainVerification")


@_attrs_define
class TrustChainVerification:
    """
    Attributes:
        issuance_id (str):
        token_id (None | str):
        valid (bool):
        verified_at (datetime.datetime):
        mirror_url (str):
        links (list[ChainLink]):
    """

    issuance_id: str
    token_id: None | str
    valid: bool
    verified_at: datetime.datetime
    mirror_url: str
    links: list[ChainLink]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        issuance_id = self.issuance_id

        token_id: None | str
        token_id = self.token_id

        valid = self.valid

        verified_at = self.verified_at.isoformat()

        mirror_url = self.mirror_url

        links = []
        for links_item_data in self.links:
            links_item = links_item_data.to_dict()
            links.append(links_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "issuance_id": issuance_id,
                "token_id": token_id,
                "valid": valid,
                "verified_at": verified_at,
                "mirror_url": mirror_url,
                "links": links,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.chain_link import ChainLink

        d = dict(src_dict)
        issuance_id = d.pop("issuance_id")

        def _parse_token_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        token_id = _parse_token_id(d.pop("token_id"))

        valid = d.pop("valid")

        verified_at = datetime.datetime.fromisoformat(d.pop("verified_at"))

        mirror_url = d.pop("mirror_url")

        links = []
        _links = d.pop("links")
        for links_item_data in _links:
            links_item = ChainLink.from_dict(links_item_data)

            links.append(links_item)

        trust_chain_verification = cls(
            issuance_id=issuance_id,
            token_id=token_id,
            valid=valid,
            verified_at=verified_at,
            mirror_url=mirror_url,
            links=links,
        )

        trust_chain_verification.additional_properties = d
        return trust_chain_verification

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
