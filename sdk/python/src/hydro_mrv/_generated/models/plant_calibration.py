from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="PlantCalibration")


@_attrs_define
class PlantCalibration:
    """
    Attributes:
        certificate_id (str):
        laboratory (str):
        calibrated_on (str): A calendar date, YYYY-MM-DD (UTC).
        next_due (str): A calendar date, YYYY-MM-DD (UTC).
        device_id (str | Unset): The device the certificate names.
        error_percent (float | Unset):
        sha256 (str | Unset): sha256 of the certificate document (PDF or JSON).
        credential_id (str | Unset):
    """

    certificate_id: str
    laboratory: str
    calibrated_on: str
    next_due: str
    device_id: str | Unset = UNSET
    error_percent: float | Unset = UNSET
    sha256: str | Unset = UNSET
    credential_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        certificate_id = self.certificate_id

        laboratory = self.laboratory

        calibrated_on = self.calibrated_on

        next_due = self.next_due

        device_id = self.device_id

        error_percent = self.error_percent

        sha256 = self.sha256

        credential_id = self.credential_id

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
        if sha256 is not UNSET:
            field_dict["sha256"] = sha256
        if credential_id is not UNSET:
            field_dict["credential_id"] = credential_id

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

        sha256 = d.pop("sha256", UNSET)

        credential_id = d.pop("credential_id", UNSET)

        plant_calibration = cls(
            certificate_id=certificate_id,
            laboratory=laboratory,
            calibrated_on=calibrated_on,
            next_due=next_due,
            device_id=device_id,
            error_percent=error_percent,
            sha256=sha256,
            credential_id=credential_id,
        )

        return plant_calibration
