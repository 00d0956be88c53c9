from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

if TYPE_CHECKING:
    from ..models.policy_workflow import PolicyWorkflow


T = TypeVar("T", bound="HydroMRVPolicyWorkflows")


@_attrs_define
class HydroMRVPolicyWorkflows:
    """
    Attributes:
        device_lifecycle (PolicyWorkflow):
        reading_review (PolicyWorkflow):
        period_issuance (PolicyWorkflow):
    """

    device_lifecycle: PolicyWorkflow
    reading_review: PolicyWorkflow
    period_issuance: PolicyWorkflow

    def to_dict(self) -> dict[str, Any]:
        device_lifecycle = self.device_lifecycle.to_dict()

        reading_review = self.reading_review.to_dict()

        period_issuance = self.period_issuance.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "device_lifecycle": device_lifecycle,
                "reading_review": reading_review,
                "period_issuance": period_issuance,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy_workflow import PolicyWorkflow

        d = dict(src_dict)
        device_lifecycle = PolicyWorkflow.from_dict(d.pop("device_lifecycle"))

        reading_review = PolicyWorkflow.from_dict(d.pop("reading_review"))

        period_issuance = PolicyWorkflow.from_dict(d.pop("period_issuance"))

        hydro_mrv_policy_workflows = cls(
            device_lifecycle=device_lifecycle,
            reading_review=reading_review,
            period_issuance=period_issuance,
        )

        return hydro_mrv_policy_workflows
