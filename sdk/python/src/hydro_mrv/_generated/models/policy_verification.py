from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.policy_verification_calibration import PolicyVerificationCalibration
    from ..models.policy_verification_efficiency_bands import (
        PolicyVerificationEfficiencyBands,
    )
    from ..models.policy_verification_rules import PolicyVerificationRules
    from ..models.policy_verification_thresholds import PolicyVerificationThresholds


T = TypeVar("T", bound="PolicyVerification")


@_attrs_define
class PolicyVerification:
    """
    Attributes:
        thresholds (PolicyVerificationThresholds):
        efficiency_bands (PolicyVerificationEfficiencyBands):
        rules (PolicyVerificationRules | Unset):
        calibration (PolicyVerificationCalibration | Unset): Meter calibration: the longest interval between
            calibrations per meter type, what happens to readings when one lapses (FLAGGED with calibration.overdue, or
            REJECTED), and the role that approves uploaded certificates.
    """

    thresholds: PolicyVerificationThresholds
    efficiency_bands: PolicyVerificationEfficiencyBands
    rules: PolicyVerificationRules | Unset = UNSET
    calibration: PolicyVerificationCalibration | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        thresholds = self.thresholds.to_dict()

        efficiency_bands = self.efficiency_bands.to_dict()

        rules: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rules, Unset):
            rules = self.rules.to_dict()

        calibration: dict[str, Any] | Unset = UNSET
        if not isinstance(self.calibration, Unset):
            calibration = self.calibration.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "thresholds": thresholds,
                "efficiency_bands": efficiency_bands,
            }
        )
        if rules is not UNSET:
            field_dict["rules"] = rules
        if calibration is not UNSET:
            field_dict["calibration"] = calibration

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy_verification_calibration import (
            PolicyVerificationCalibration,
        )
        from ..models.policy_verification_efficiency_bands import (
            PolicyVerificationEfficiencyBands,
        )
        from ..models.policy_verification_rules import PolicyVerificationRules
        from ..models.policy_verification_thresholds import PolicyVerificationThresholds

        d = dict(src_dict)
        thresholds = PolicyVerificationThresholds.from_dict(d.pop("thresholds"))

        efficiency_bands = PolicyVerificationEfficiencyBands.from_dict(
            d.pop("efficiency_bands")
        )

        _rules = d.pop("rules", UNSET)
        rules: PolicyVerificationRules | Unset
        if isinstance(_rules, Unset):
            rules = UNSET
        else:
            rules = PolicyVerificationRules.from_dict(_rules)

        _calibration = d.pop("calibration", UNSET)
        calibration: PolicyVerificationCalibration | Unset
        if isinstance(_calibration, Unset):
            calibration = UNSET
        else:
            calibration = PolicyVerificationCalibration.from_dict(_calibration)

        policy_verification = cls(
            thresholds=thresholds,
            efficiency_bands=efficiency_bands,
            rules=rules,
            calibration=calibration,
        )

        return policy_verification
