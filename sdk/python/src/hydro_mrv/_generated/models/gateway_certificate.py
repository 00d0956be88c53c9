from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="GatewayCertificate")


@_attrs_define
class GatewayCertificate:
    """
    Attributes:
        serial (str):
        sha256 (str):
        gateway_id (str):
        org_id (str):
        device_dids (list[str]):
        not_before (datetime.datetime):
        not_after (datetime.datetime):
        pem (str):
        issued_at (datetime.datetime | Unset):
        revoked_at (datetime.datetime | None | Unset):
        revocation_reason (None | str | Unset):
    """

    serial: str
    sha256: str
    gateway_id: str
    org_id: str
    device_dids: list[str]
    not_before: datetime.datetime
    not_after: datetime.datetime
    pem: str
    issued_at: datetime.datetime | Unset = UNSET
    revoked_at: datetime.datetime | None | Unset = UNSET
    revocation_reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        serial = self.serial

        sha256 = self.sha256

        gateway_id = self.gateway_id

        org_id = self.org_id

        device_dids = self.device_dids

        not_before = self.not_before.isoformat()

        not_after = self.not_after.isoformat()

        pem = self.pem

        issued_at: str | Unset = UNSET
        if not isinstance(self.issued_at, Unset):
            issued_at = self.issued_at.isoformat()

        revoked_at: None | str | Unset
        if isinstance(self.revoked_at, Unset):
            revoked_at = UNSET
        elif isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        revocation_reason: None | str | Unset
        if isinstance(self.revocation_reason, Unset):
            revocation_reason = UNSET
        else:
            revocation_reason = self.revocation_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "serial": serial,
                "sha256": sha256,
                "gateway_id": gateway_id,
                "org_id": org_id,
                "device_dids": device_dids,
                "not_before": not_before,
                "not_after": not_after,
                "pem": pem,
            }
        )
        if issued_at is not UNSET:
            field_dict["issued_at"] = issued_at
        if revoked_at is not UNSET:
            field_dict["revoked_at"] = revoked_at
        if revocation_reason is not UNSET:
            field_dict["revocation_reason"] = revocation_reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        serial = d.pop("serial")

        sha256 = d.pop("sha256")

        gateway_id = d.pop("gateway_id")

        org_id = d.pop("org_id")

        device_dids = cast(list[str], d.pop("device_dids"))

        not_before = datetime.datetime.fromisoformat(d.pop("not_before"))

        not_after = datetime.datetime.fromisoformat(d.pop("not_after"))

        pem = d.pop("pem")

        _issued_at = d.pop("issued_at", UNSET)
        issued_at: datetime.datetime | Unset
        if isinstance(_issued_at, Unset):
            issued_at = UNSET
        else:
            issued_at = datetime.datetime.fromisoformat(_issued_at)

        def _parse_revoked_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)

                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at", UNSET))

        def _parse_revocation_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        revocation_reason = _parse_revocation_reason(d.pop("revocation_reason", UNSET))

        gateway_certificate = cls(
            serial=serial,
            sha256=sha256,
            gateway_id=gateway_id,
            org_id=org_id,
            device_dids=device_dids,
            not_before=not_before,
            not_after=not_after,
            pem=pem,
            issued_at=issued_at,
            revoked_at=revoked_at,
            revocation_reason=revocation_reason,
        )

        gateway_certificate.additional_properties = d
        return gateway_certificate

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
