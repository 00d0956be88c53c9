from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="ApproveDeviceRequest")


@_attrs_define
class ApproveDeviceRequest:
    """
    Attributes:
        reason (str | Unset):
        effective_from (datetime.datetime | Unset): From when the DeviceRegistration is in force (default: now); may
            precede today for readings the device took before its approval
    """

    reason: str | Unset = UNSET
    effective_from: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        effective_from: str | Unset = UNSET
        if not isinstance(self.effective_from, Unset):
            effective_from = self.effective_from.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if reason is not UNSET:
            field_dict["reason"] = reason
        if effective_from is not UNSET:
            field_dict["effective_from"] = effective_from

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        reason = d.pop("reason", UNSET)

        _effective_from = d.pop("effective_from", UNSET)
        effective_from: datetime.datetime | Unset
        if isinstance(_effective_from, Unset):
            effective_from = UNSET
        else:
            effective_from = datetime.datetime.fromisoformat(_effective_from)

        approve_device_request = cls(
            reason=reason,
            effective_from=effective_from,
        )

        return approve_device_request
