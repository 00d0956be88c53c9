from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

if TYPE_CHECKING:
    from ..models.gateway import Gateway
    from ..models.gateway_enrollment_token import GatewayEnrollmentToken
    from ..models.gateway_pairing import GatewayPairing


T = TypeVar("T", bound="GatewayEnrollment")


@_attrs_define
class GatewayEnrollment:
    """
    Attributes:
        gateway (Gateway):
        enrollment (GatewayEnrollmentToken): The one-time enrollment token (shown once)
        pairing (GatewayPairing):
        pairing_qr_png (str): The pairing payload as a QR code (PNG data URL)
    """

    gateway: Gateway
    enrollment: GatewayEnrollmentToken
    pairing: GatewayPairing
    pairing_qr_png: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        gateway = self.gateway.to_dict()

        enrollment = self.enrollment.to_dict()

        pairing = self.pairing.to_dict()

        pairing_qr_png = self.pairing_qr_png

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "gateway": gateway,
                "enrollment": enrollment,
                "pairing": pairing,
                "pairing_qr_png": pairing_qr_png,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.gateway import Gateway
        from ..models.gateway_enrollment_token import GatewayEnrollmentToken
        from ..models.gateway_pairing import GatewayPairing

        d = dict(src_dict)
        gateway = Gateway.from_dict(d.pop("gateway"))

        enrollment = GatewayEnrollmentToken.from_dict(d.pop("enrollment"))

        pairing = GatewayPairing.from_dict(d.pop("pairing"))

        pairing_qr_png = d.pop("pairing_qr_png")

        gateway_enrollment = cls(
            gateway=gateway,
            enrollment=enrollment,
            pairing=pairing,
            pairing_qr_png=pairing_qr_png,
        )

        gateway_enrollment.additional_properties = d
        return gateway_enrollment

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
