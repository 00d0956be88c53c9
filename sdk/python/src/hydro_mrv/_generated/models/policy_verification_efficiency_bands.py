from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

if TYPE_CHECKING:
    from ..models.policy_band import PolicyBand


T = TypeVar("T", bound="PolicyVerificationEfficiencyBands")


@_attrs_define
class PolicyVerificationEfficiencyBands:
    """
    Attributes:
        francis (PolicyBand):
        kaplan (PolicyBand):
        pelton (PolicyBand):
        crossflow (PolicyBand):
        turgo (PolicyBand):
    """

    francis: PolicyBand
    kaplan: PolicyBand
    pelton: PolicyBand
    crossflow: PolicyBand
    turgo: PolicyBand

    def to_dict(self) -> dict[str, Any]:
        francis = self.francis.to_dict()

        kaplan = self.kaplan.to_dict()

        pelton = self.pelton.to_dict()

        crossflow = self.crossflow.to_dict()

        turgo = self.turgo.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "francis": francis,
                "kaplan": kaplan,
                "pelton": pelton,
                "crossflow": crossflow,
                "turgo": turgo,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy_band import PolicyBand

        d = dict(src_dict)
        francis = PolicyBand.from_dict(d.pop("francis"))

        kaplan = PolicyBand.from_dict(d.pop("kaplan"))

        pelton = PolicyBand.from_dict(d.pop("pelton"))

        crossflow = PolicyBand.from_dict(d.pop("crossflow"))

        turgo = PolicyBand.from_dict(d.pop("turgo"))

        policy_verification_efficiency_bands = cls(
            francis=francis,
            kaplan=kaplan,
            pelton=pelton,
            crossflow=crossflow,
            turgo=turgo,
        )

        return policy_verification_efficiency_bands
