from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

from ..models.policy_verification_calibration_on_lapse import (
    PolicyVerificationCalibrationOnLapse,
)
from ..models.policy_verification_calibration_on_missing import (
    PolicyVerificationCalibrationOnMissing,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.policy_verification_calibration_intervals import (
        PolicyVerificationCalibrationIntervals,
    )


T = TypeVar("T", bound="PolicyVerificationCalibration")


@_attrs_define
class PolicyVerificationCalibration:
    """Meter calibration: the longest interval between calibrations per meter type, what happens to readings when one
    lapses (FLAGGED with calibration.overdue, or REJECTED), and the role that approves uploaded certificates.

        Attributes:
            intervals (PolicyVerificationCalibrationIntervals):
            on_lapse (PolicyVerificationCalibrationOnLapse):
            approver_role (str):
            on_missing (PolicyVerificationCalibrationOnMissing | Unset):  Default:
                PolicyVerificationCalibrationOnMissing.IGNORE.
    """

    intervals: PolicyVerificationCalibrationIntervals
    on_lapse: PolicyVerificationCalibrationOnLapse
    approver_role: str
    on_missing: PolicyVerificationCalibrationOnMissing | Unset = (
        PolicyVerificationCalibrationOnMissing.IGNORE
    )

    def to_dict(self) -> dict[str, Any]:
        intervals = self.intervals.to_dict()

        on_lapse = self.on_lapse.value

        approver_role = self.approver_role

        on_missing: str | Unset = UNSET
        if not isinstance(self.on_missing, Unset):
            on_missing = self.on_missing.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "intervals": intervals,
                "on_lapse": on_lapse,
                "approver_role": approver_role,
            }
        )
        if on_missing is not UNSET:
            field_dict["on_missing"] = on_missing

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy_verification_calibration_intervals import (
            PolicyVerificationCalibrationIntervals,
        )

        d = dict(src_dict)
        intervals = PolicyVerificationCalibrationIntervals.from_dict(d.pop("intervals"))

        on_lapse = PolicyVerificationCalibrationOnLapse(d.pop("on_lapse"))

        approver_role = d.pop("approver_role")

        _on_missing = d.pop("on_missing", UNSET)
        on_missing: PolicyVerificationCalibrationOnMissing | Unset
        if isinstance(_on_missing, Unset):
            on_missing = UNSET
        else:
            on_missing = PolicyVerificationCalibrationOnMissing(_on_missing)

        policy_verification_calibration = cls(
            intervals=intervals,
            on_lapse=on_lapse,
            approver_role=approver_role,
            on_missing=on_missing,
        )

        return policy_verification_calibration
