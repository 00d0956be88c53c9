from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ed_25519_private_jwk import Ed25519PrivateJwk


T = TypeVar("T", bound="DevicePairing")


@_attrs_define
class DevicePairing:
    """The pairing payload with the private key (Ed25519 JWK), shown once

    Attributes:
        v (Literal[1]):
        api_url (str):
        org_id (str):
        project_id (str):
        device_id (str):
        did (str):
        private_key_jwk (Ed25519PrivateJwk):
        template (str | Unset): The edge template chosen at provisioning
    """

    v: Literal[1]
    api_url: str
    org_id: str
    project_id: str
    device_id: str
    did: str
    private_key_jwk: Ed25519PrivateJwk
    template: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        v = self.v

        api_url = self.api_url

        org_id = self.org_id

        project_id = self.project_id

        device_id = self.device_id

        did = self.did

        private_key_jwk = self.private_key_jwk.to_dict()

        template = self.template

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "v": v,
                "api_url": api_url,
                "org_id": org_id,
                "project_id": project_id,
                "device_id": device_id,
                "did": did,
                "private_key_jwk": private_key_jwk,
            }
        )
        if template is not UNSET:
            field_dict["template"] = template

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.ed_25519_private_jwk import Ed25519PrivateJwk

        d = dict(src_dict)
        v = cast(Literal[1], d.pop("v"))
        if v != 1:
            raise ValueError(f"v must match const 1, got '{v}'")

        api_url = d.pop("api_url")

        org_id = d.pop("org_id")

        project_id = d.pop("project_id")

        device_id = d.pop("device_id")

        did = d.pop("did")

        private_key_jwk = Ed25519PrivateJwk.from_dict(d.pop("private_key_jwk"))

        template = d.pop("template", UNSET)

        device_pairing = cls(
            v=v,
            api_url=api_url,
            org_id=org_id,
            project_id=project_id,
            device_id=device_id,
            did=did,
            private_key_jwk=private_key_jwk,
            template=template,
        )

        device_pairing.additional_properties = d
        return device_pairing

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
