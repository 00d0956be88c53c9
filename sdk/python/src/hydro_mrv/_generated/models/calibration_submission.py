from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

from ..models.calibration_submission_meter_type import CalibrationSubmissionMeterType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.calibration_certificate import CalibrationCertificate
    from ..models.calibration_document import CalibrationDocument


T = TypeVar("T", bound="CalibrationSubmission")


@_attrs_define
class CalibrationSubmission:
    """
    Attributes:
        meter_type (CalibrationSubmissionMeterType):
        accuracy_class (float):
        certificate (CalibrationCertificate):
        document (CalibrationDocument):
        sensor_id (str | Unset):
    """

    meter_type: CalibrationSubmissionMeterType
    accuracy_class: float
    certificate: CalibrationCertificate
    document: CalibrationDocument
    sensor_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        meter_type = self.meter_type.value

        accuracy_class = self.accuracy_class

        certificate = self.certificate.to_dict()

        document = self.document.to_dict()

        sensor_id = self.sensor_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "meter_type": meter_type,
                "accuracy_class": accuracy_class,
                "certificate": certificate,
                "document": document,
            }
        )
        if sensor_id is not UNSET:
            field_dict["sensor_id"] = sensor_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.calibration_certificate import CalibrationCertificate
        from ..models.calibration_document import CalibrationDocument

        d = dict(src_dict)
        meter_type = CalibrationSubmissionMeterType(d.pop("meter_type"))

        accuracy_class = d.pop("accuracy_class")

        certificate = CalibrationCertificate.from_dict(d.pop("certificate"))

        document = CalibrationDocument.from_dict(d.pop("document"))

        sensor_id = d.pop("sensor_id", UNSET)

        calibration_submission = cls(
            meter_type=meter_type,
            accuracy_class=accuracy_class,
            certificate=certificate,
            document=document,
            sensor_id=sensor_id,
        )

        return calibration_submission
