from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.calibration_meter_type import CalibrationMeterType
from ..models.calibration_status import CalibrationStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.calibration_certificate import CalibrationCertificate
    from ..models.calibration_decision_record import CalibrationDecisionRecord
    from ..models.calibration_document_hash import CalibrationDocumentHash


T = TypeVar("T", bound="Calibration")


@_attrs_define
class Calibration:
    """
    Attributes:
        id (str):
        device_id (str):
        device_did (str):
        meter_type (CalibrationMeterType):
        accuracy_class (float):
        certificate (CalibrationCertificate):
        document (CalibrationDocumentHash):
        status (CalibrationStatus):
        submitted_at (datetime.datetime):
        sensor_id (str | Unset):
        decision (CalibrationDecisionRecord | Unset):
        credential_id (str | Unset): The MeterCalibration credential, once approved
        acted_as (str | Unset): The policy role the decision was taken as (decision answers)
    """

    id: str
    device_id: str
    device_did: str
    meter_type: CalibrationMeterType
    accuracy_class: float
    certificate: CalibrationCertificate
    document: CalibrationDocumentHash
    status: CalibrationStatus
    submitted_at: datetime.datetime
    sensor_id: str | Unset = UNSET
    decision: CalibrationDecisionRecord | Unset = UNSET
    credential_id: str | Unset = UNSET
    acted_as: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        device_id = self.device_id

        device_did = self.device_did

        meter_type = self.meter_type.value

        accuracy_class = self.accuracy_class

        certificate = self.certificate.to_dict()

        document = self.document.to_dict()

        status = self.status.value

        submitted_at = self.submitted_at.isoformat()

        sensor_id = self.sensor_id

        decision: dict[str, Any] | Unset = UNSET
        if not isinstance(self.decision, Unset):
            decision = self.decision.to_dict()

        credential_id = self.credential_id

        acted_as = self.acted_as

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "device_id": device_id,
                "device_did": device_did,
                "meter_type": meter_type,
                "accuracy_class": accuracy_class,
                "certificate": certificate,
                "document": document,
                "status": status,
                "submitted_at": submitted_at,
            }
        )
        if sensor_id is not UNSET:
            field_dict["sensor_id"] = sensor_id
        if decision is not UNSET:
            field_dict["decision"] = decision
        if credential_id is not UNSET:
            field_dict["credential_id"] = credential_id
        if acted_as is not UNSET:
            field_dict["acted_as"] = acted_as

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.calibration_certificate import CalibrationCertificate
        from ..models.calibration_decision_record import CalibrationDecisionRecord
        from ..models.calibration_document_hash import CalibrationDocumentHash

        d = dict(src_dict)
        id = d.pop("id")

        device_id = d.pop("device_id")

        device_did = d.pop("device_did")

        meter_type = CalibrationMeterType(d.pop("meter_type"))

        accuracy_class = d.pop("accuracy_class")

        certificate = CalibrationCertificate.from_dict(d.pop("certificate"))

        document = CalibrationDocumentHash.from_dict(d.pop("document"))

        status = CalibrationStatus(d.pop("status"))

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        sensor_id = d.pop("sensor_id", UNSET)

        _decision = d.pop("decision", UNSET)
        decision: CalibrationDecisionRecord | Unset
        if isinstance(_decision, Unset):
            decision = UNSET
        else:
            decision = CalibrationDecisionRecord.from_dict(_decision)

        credential_id = d.pop("credential_id", UNSET)

        acted_as = d.pop("acted_as", UNSET)

        calibration = cls(
            id=id,
            device_id=device_id,
            device_did=device_did,
            meter_type=meter_type,
            accuracy_class=accuracy_class,
            certificate=certificate,
            document=document,
            status=status,
            submitted_at=submitted_at,
            sensor_id=sensor_id,
            decision=decision,
            credential_id=credential_id,
            acted_as=acted_as,
        )

        calibration.additional_properties = d
        return calibration

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
