from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

if TYPE_CHECKING:
    from ..models.evidence_point import EvidencePoint
    from ..models.evidence_registration import EvidenceRegistration
    from ..models.reading_evidence_calibration_type_0 import (
        ReadingEvidenceCalibrationType0,
    )
    from ..models.reading_evidence_device_type_0 import ReadingEvidenceDeviceType0
    from ..models.reading_evidence_reading import ReadingEvidenceReading


T = TypeVar("T", bound="ReadingEvidence")


@_attrs_define
class ReadingEvidence:
    """
    Attributes:
        reading (ReadingEvidenceReading): As GET /v1/readings/{readingId}, with its signed document
        series (list[EvidencePoint]): The device's readings around it, by arrival
        device (None | ReadingEvidenceDeviceType0):
        registration (EvidenceRegistration | None):
        calibration (None | ReadingEvidenceCalibrationType0): Calibration on record (none is kept yet)
    """

    reading: ReadingEvidenceReading
    series: list[EvidencePoint]
    device: None | ReadingEvidenceDeviceType0
    registration: EvidenceRegistration | None
    calibration: None | ReadingEvidenceCalibrationType0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.evidence_registration import EvidenceRegistration
        from ..models.reading_evidence_calibration_type_0 import (
            ReadingEvidenceCalibrationType0,
        )
        from ..models.reading_evidence_device_type_0 import ReadingEvidenceDeviceType0

        reading = self.reading.to_dict()

        series = []
        for series_item_data in self.series:
            series_item = series_item_data.to_dict()
            series.append(series_item)

        device: dict[str, Any] | None
        if isinstance(self.device, ReadingEvidenceDeviceType0):
            device = self.device.to_dict()
        else:
            device = self.device

        registration: dict[str, Any] | None
        if isinstance(self.registration, EvidenceRegistration):
            registration = self.registration.to_dict()
        else:
            registration = self.registration

        calibration: dict[str, Any] | None
        if isinstance(self.calibration, ReadingEvidenceCalibrationType0):
            calibration = self.calibration.to_dict()
        else:
            calibration = self.calibration

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reading": reading,
                "series": series,
                "device": device,
                "registration": registration,
                "calibration": calibration,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.evidence_point import EvidencePoint
        from ..models.evidence_registration import EvidenceRegistration
        from ..models.reading_evidence_calibration_type_0 import (
            ReadingEvidenceCalibrationType0,
        )
        from ..models.reading_evidence_device_type_0 import ReadingEvidenceDeviceType0
        from ..models.reading_evidence_reading import ReadingEvidenceReading

        d = dict(src_dict)
        reading = ReadingEvidenceReading.from_dict(d.pop("reading"))

        series = []
        _series = d.pop("series")
        for series_item_data in _series:
            series_item = EvidencePoint.from_dict(series_item_data)

            series.append(series_item)

        def _parse_device(data: object) -> None | ReadingEvidenceDeviceType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                device_type_0 = ReadingEvidenceDeviceType0.from_dict(data)

                return device_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReadingEvidenceDeviceType0, data)

        device = _parse_device(d.pop("device"))

        def _parse_registration(data: object) -> EvidenceRegistration | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                registration_type_0 = EvidenceRegistration.from_dict(data)

                return registration_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EvidenceRegistration | None, data)

        registration = _parse_registration(d.pop("registration"))

        def _parse_calibration(data: object) -> None | ReadingEvidenceCalibrationType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                calibration_type_0 = ReadingEvidenceCalibrationType0.from_dict(data)

                return calibration_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReadingEvidenceCalibrationType0, data)

        calibration = _parse_calibration(d.pop("calibration"))

        reading_evidence = cls(
            reading=reading,
            series=series,
            device=device,
            registration=registration,
            calibration=calibration,
        )

        reading_evidence.additional_properties = d
        return reading_evidence

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
