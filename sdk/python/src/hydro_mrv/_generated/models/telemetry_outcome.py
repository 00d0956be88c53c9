from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.telemetry_outcome_reason import TelemetryOutcomeReason
from ..models.telemetry_outcome_status import TelemetryOutcomeStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_error import FieldError


T = TypeVar("T", bound="TelemetryOutcome")


@_attrs_define
class TelemetryOutcome:
    """
    Attributes:
        status (TelemetryOutcomeStatus):
        index (int | Unset): Position in the batch (batches only)
        reading_id (str | Unset):
        device_id (str | Unset):
        seq (int | Unset):
        reason (TelemetryOutcomeReason | Unset):
        message (str | Unset):
        errors (list[FieldError] | Unset):
    """

    status: TelemetryOutcomeStatus
    index: int | Unset = UNSET
    reading_id: str | Unset = UNSET
    device_id: str | Unset = UNSET
    seq: int | Unset = UNSET
    reason: TelemetryOutcomeReason | Unset = UNSET
    message: str | Unset = UNSET
    errors: list[FieldError] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        index = self.index

        reading_id = self.reading_id

        device_id = self.device_id

        seq = self.seq

        reason: str | Unset = UNSET
        if not isinstance(self.reason, Unset):
            reason = self.reason.value

        message = self.message

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if index is not UNSET:
            field_dict["index"] = index
        if reading_id is not UNSET:
            field_dict["reading_id"] = reading_id
        if device_id is not UNSET:
            field_dict["device_id"] = device_id
        if seq is not UNSET:
            field_dict["seq"] = seq
        if reason is not UNSET:
            field_dict["reason"] = reason
        if message is not UNSET:
            field_dict["message"] = message
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.field_error import FieldError

        d = dict(src_dict)
        status = TelemetryOutcomeStatus(d.pop("status"))

        index = d.pop("index", UNSET)

        reading_id = d.pop("reading_id", UNSET)

        device_id = d.pop("device_id", UNSET)

        seq = d.pop("seq", UNSET)

        _reason = d.pop("reason", UNSET)
        reason: TelemetryOutcomeReason | Unset
        if isinstance(_reason, Unset):
            reason = UNSET
        else:
            reason = TelemetryOutcomeReason(_reason)

        message = d.pop("message", UNSET)

        _errors = d.pop("errors", UNSET)
        errors: list[FieldError] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = FieldError.from_dict(errors_item_data)

                errors.append(errors_item)

        telemetry_outcome = cls(
            status=status,
            index=index,
            reading_id=reading_id,
            device_id=device_id,
            seq=seq,
            reason=reason,
            message=message,
            errors=errors,
        )

        telemetry_outcome.additional_properties = d
        return telemetry_outcome

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
