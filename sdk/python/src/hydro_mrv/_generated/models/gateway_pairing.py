from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="GatewayPairing")


@_attrs_define
class GatewayPairing:
    """
    Attributes:
        v (Literal[1]):
        kind (Literal['gateway']):
        api_url (str):
        mtls_url (None | str):
        org_id (str):
        gateway_id (str):
        enrollment_token (str):
        device_dids (list[str] | Unset):
        enrollment_expires_at (datetime.datetime | Unset):
        certificates_url (str | Unset):
        ca_url (str | Unset):
    """

    v: Literal[1]
    kind: Literal["gateway"]
    api_url: str
    mtls_url: None | str
    org_id: str
    gateway_id: str
    enrollment_token: str
    device_dids: list[str] | Unset = UNSET
    enrollment_expires_at: datetime.datetime | Unset = UNSET
    certificates_url: str | Unset = UNSET
    ca_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        v = self.v

        kind = self.kind

        api_url = self.api_url

        mtls_url: None | str
        mtls_url = self.mtls_url

        org_id = self.org_id

        gateway_id = self.gateway_id

        enrollment_token = self.enrollment_token

        device_dids: list[str] | Unset = UNSET
        if not isinstance(self.device_dids, Unset):
            device_dids = self.device_dids

        enrollment_expires_at: str | Unset = UNSET
        if not isinstance(self.enrollment_expires_at, Unset):
            enrollment_expires_at = self.enrollment_expires_at.isoformat()

        certificates_url = self.certificates_url

        ca_url = self.ca_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "v": v,
                "kind": kind,
                "api_url": api_url,
                "mtls_url": mtls_url,
                "org_id": org_id,
                "gateway_id": gateway_id,
                "enrollment_token": enrollment_token,
            }
        )
        if device_dids is not UNSET:
            field_dict["device_dids"] = device_dids
        if enrollment_expires_at is not UNSET:
            field_dict["enrollment_expires_at"] = enrollment_expires_at
        if certificates_url is not UNSET:
            field_dict["certificates_url"] = certificates_url
        if ca_url is not UNSET:
            field_dict["ca_url"] = ca_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        v = cast(Literal[1], d.pop("v"))
        if v != 1:
            raise ValueError(f"v must match const 1, got '{v}'")

        kind = cast(Literal["gateway"], d.pop("kind"))
        if kind != "gateway":
            raise ValueError(f"kind must match const 'gateway', got '{kind}'")

        api_url = d.pop("api_url")

        def _parse_mtls_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        mtls_url = _parse_mtls_url(d.pop("mtls_url"))

        org_id = d.pop("org_id")

        gateway_id = d.pop("gateway_id")

        enrollment_token = d.pop("enrollment_token")

        device_dids = cast(list[str], d.pop("device_dids", UNSET))

        _enrollment_expires_at = d.pop("enrollment_expires_at", UNSET)
        enrollment_expires_at: datetime.datetime | Unset
        if isinstance(_enrollment_expires_at, Unset):
            enrollment_expires_at = UNSET
        else:
            enrollment_expires_at = datetime.datetime.fromisoformat(
                _enrollment_expires_at
            )

        certificates_url = d.pop("certificates_url", UNSET)

        ca_url = d.pop("ca_url", UNSET)

        gateway_pairing = cls(
            v=v,
            kind=kind,
            api_url=api_url,
            mtls_url=mtls_url,
            org_id=org_id,
            gateway_id=gateway_id,
            enrollment_token=enrollment_token,
            device_dids=device_dids,
            enrollment_expires_at=enrollment_expires_at,
            certificates_url=certificates_url,
            ca_url=ca_url,
        )

        gateway_pairing.additional_properties = d
        return gateway_pairing

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
