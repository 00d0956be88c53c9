from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

if TYPE_CHECKING:
    from ..models.gateway_certificate import GatewayCertificate


T = TypeVar("T", bound="IssuedGatewayCertificate")


@_attrs_define
class IssuedGatewayCertificate:
    """
    Attributes:
        certificate (GatewayCertificate):
        ca_pem (str):
    """

    certificate: GatewayCertificate
    ca_pem: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        certificate = self.certificate.to_dict()

        ca_pem = self.ca_pem

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "certificate": certificate,
                "ca_pem": ca_pem,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.gateway_certificate import GatewayCertificate

        d = dict(src_dict)
        certificate = GatewayCertificate.from_dict(d.pop("certificate"))

        ca_pem = d.pop("ca_pem")

        issued_gateway_certificate = cls(
            certificate=certificate,
            ca_pem=ca_pem,
        )

        issued_gateway_certificate.additional_properties = d
        return issued_gateway_certificate

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
