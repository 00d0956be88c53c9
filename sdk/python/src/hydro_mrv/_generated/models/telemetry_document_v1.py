from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.telemetry_document_v1_metadata import TelemetryDocumentV1Metadata
    from ..models.telemetry_reading import TelemetryReading


T = TypeVar("T", bound="TelemetryDocumentV1")


@_attrs_define
class TelemetryDocumentV1:
    """One signed interval from one device. Normative text: shared/specs/telemetry-v1.md. Unknown top-level members are
    rejected; `metadata` is free-form.

        Attributes:
            schema_version (str):
            device_id (str):
            seq (int):
            timestamp (datetime.datetime): End of the interval, RFC 3339 in UTC.
            interval_s (int):
            readings (list[TelemetryReading]):
            signature (str): base64url (no padding) Ed25519 signature over the JCS form of the document without this member.
            metadata (TelemetryDocumentV1Metadata | Unset):
            prev_hash (str | Unset): Lowercase hex SHA-256 of the JCS form of this device's previous signed document
                (signature included). Optional; when present the verifier checks the chain.
    """

    schema_version: str
    device_id: str
    seq: int
    timestamp: datetime.datetime
    interval_s: int
    readings: list[TelemetryReading]
    signature: str
    metadata: TelemetryDocumentV1Metadata | Unset = UNSET
    prev_hash: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        schema_version = self.schema_version

        device_id = self.device_id

        seq = self.seq

        timestamp = self.timestamp.isoformat()

        interval_s = self.interval_s

        readings = []
        for readings_item_data in self.readings:
            readings_item = readings_item_data.to_dict()
            readings.append(readings_item)

        signature = self.signature

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        prev_hash = self.prev_hash

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "schema_version": schema_version,
                "device_id": device_id,
                "seq": seq,
                "timestamp": timestamp,
                "interval_s": interval_s,
                "readings": readings,
                "signature": signature,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if prev_hash is not UNSET:
            field_dict["prev_hash"] = prev_hash

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.telemetry_document_v1_metadata import TelemetryDocumentV1Metadata
        from ..models.telemetry_reading import TelemetryReading

        d = dict(src_dict)
        schema_version = d.pop("schema_version")

        device_id = d.pop("device_id")

        seq = d.pop("seq")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        interval_s = d.pop("interval_s")

        readings = []
        _readings = d.pop("readings")
        for readings_item_data in _readings:
            readings_item = TelemetryReading.from_dict(readings_item_data)

            readings.append(readings_item)

        signature = d.pop("signature")

        _metadata = d.pop("metadata", UNSET)
        metadata: TelemetryDocumentV1Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = TelemetryDocumentV1Metadata.from_dict(_metadata)

        prev_hash = d.pop("prev_hash", UNSET)

        telemetry_document_v1 = cls(
            schema_version=schema_version,
            device_id=device_id,
            seq=seq,
            timestamp=timestamp,
            interval_s=interval_s,
            readings=readings,
            signature=signature,
            metadata=metadata,
            prev_hash=prev_hash,
        )

        return telemetry_document_v1
