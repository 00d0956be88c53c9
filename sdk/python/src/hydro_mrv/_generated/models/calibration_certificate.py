from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="CalibrationCertificate")


@_attrs_define
class CalibrationCertificate:
    """
    Attributes:
        certificate_id (str):
        laboratory (str):
        calibrated_on (str): A real calendar date, not in the future (422 otherwise)
        next_due (str): After calibrated_on; a lapsed certificate is refused (422)
        device_id (str | Unset): The device the laboratory calibrated, if it names one: it must be this device's DID
            (422)
        error_percent (float | Unset):
    """

    certificate_id: str
    laboratory: str
    calibrated_on: str
    next_due: str
    device_id: str | Unset = UNSET
    error_percent: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        certificate_id = self.certificate_id

        laboratory = self.laboratory

        calibrated_on = self.calibrated_on

        next_due = self.next_due

        device_id = self.device_id

        error_percent = self.error_percent

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "certificate_id": certificate_id,
                "laboratory": laboratory,
                "calibrated_on": calibrated_on,
                "next_due": next_due,
            }
        )
        if device_id is not UNSET:
            field_dict["device_id"] = device_id
        if error_percent is not UNSET:
            field_dict["error_percent"] = error_percent

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        certificate_id = d.pop("certificate_id")

        laboratory = d.pop("laboratory")

        calibrated_on = d.pop("calibrated_on")

        next_due = d.pop("next_due")

        device_id = d.pop("device_id", UNSET)

        error_percent = d.pop("error_percent", UNSET)

        calibration_certificate = cls(
            certificate_id=certificate_id,
            laboratory=laboratory,
            calibrated_on=calibrated_on,
            next_due=next_due,
            device_id=device_id,
            error_percent=error_percent,
        )

        return calibration_certificate
