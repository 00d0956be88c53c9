from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

if TYPE_CHECKING:
    from ..models.device import Device
    from ..models.device_pairing import DevicePairing


T = TypeVar("T", bound="ProvisionedDevice")


@_attrs_define
class ProvisionedDevice:
    """
    Attributes:
        device (Device):
        pairing (DevicePairing): The pairing payload with the private key (Ed25519 JWK), shown once
        pairing_qr_png (str): data: URL of the pairing QR code (PNG)
    """

    device: Device
    pairing: DevicePairing
    pairing_qr_png: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        device = self.device.to_dict()

        pairing = self.pairing.to_dict()

        pairing_qr_png = self.pairing_qr_png

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "device": device,
                "pairing": pairing,
                "pairing_qr_png": pairing_qr_png,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.device import Device
        from ..models.device_pairing import DevicePairing

        d = dict(src_dict)
        device = Device.from_dict(d.pop("device"))

        pairing = DevicePairing.from_dict(d.pop("pairing"))

        pairing_qr_png = d.pop("pairing_qr_png")

        provisioned_device = cls(
            device=device,
            pairing=pairing,
            pairing_qr_png=pairing_qr_png,
        )

        provisioned_device.additional_properties = d
        return provisioned_device

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
