from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.policy_verification_rules_additional_property_params import (
        PolicyVerificationRulesAdditionalPropertyParams,
    )


T = TypeVar("T", bound="PolicyVerificationRulesAdditionalProperty")


@_attrs_define
class PolicyVerificationRulesAdditionalProperty:
    """
    Attributes:
        enabled (bool | Unset):
        weight (float | str | Unset): A literal number, or the name of a parameter (in the unit the target expects).
        params (PolicyVerificationRulesAdditionalPropertyParams | Unset):
    """

    enabled: bool | Unset = UNSET
    weight: float | str | Unset = UNSET
    params: PolicyVerificationRulesAdditionalPropertyParams | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        weight: float | str | Unset
        if isinstance(self.weight, Unset):
            weight = UNSET
        else:
            weight = self.weight

        params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.params, Unset):
            params = self.params.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if weight is not UNSET:
            field_dict["weight"] = weight
        if params is not UNSET:
            field_dict["params"] = params

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy_verification_rules_additional_property_params import (
            PolicyVerificationRulesAdditionalPropertyParams,
        )

        d = dict(src_dict)
        enabled = d.pop("enabled", UNSET)

        def _parse_weight(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        weight = _parse_weight(d.pop("weight", UNSET))

        _params = d.pop("params", UNSET)
        params: PolicyVerificationRulesAdditionalPropertyParams | Unset
        if isinstance(_params, Unset):
            params = UNSET
        else:
            params = PolicyVerificationRulesAdditionalPropertyParams.from_dict(_params)

        policy_verification_rules_additional_property = cls(
            enabled=enabled,
            weight=weight,
            params=params,
        )

        return policy_verification_rules_additional_property
