from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

if TYPE_CHECKING:
    from ..models.gateway import Gateway


T = TypeVar("T", bound="GatewayStatusResult")


@_attrs_define
class GatewayStatusResult:
    """
    Attributes:
        gateway (Gateway):
        revoked_certificates (int):
    """

    gateway: Gateway
    revoked_certificates: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        gateway = self.gateway.to_dict()

        revoked_certificates = self.revoked_certificates

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "gateway": gateway,
                "revoked_certificates": revoked_certificates,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.gateway import Gateway

        d = dict(src_dict)
        gateway = Gateway.from_dict(d.pop("gateway"))

        revoked_certificates = d.pop("revoked_certificates")

        gateway_status_result = cls(
            gateway=gateway,
            revoked_certificates=revoked_certificates,
        )

        gateway_status_result.additional_properties = d
        return gateway_status_result

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
