from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.policy_methodology_eligibility_item import (
        PolicyMethodologyEligibilityItem,
    )
    from ..models.policy_methodology_formulas import PolicyMethodologyFormulas
    from ..models.policy_methodology_inputs import PolicyMethodologyInputs
    from ..models.policy_methodology_mint import PolicyMethodologyMint
    from ..models.policy_methodology_token import PolicyMethodologyToken


T = TypeVar("T", bound="PolicyMethodology")


@_attrs_define
class PolicyMethodology:
    """
    Attributes:
        id (str):
        version (str):
        source (str):
        inputs (PolicyMethodologyInputs):
        formulas (PolicyMethodologyFormulas):
        token (PolicyMethodologyToken):
        mint (PolicyMethodologyMint):
        description (str | Unset):
        eligibility (list[PolicyMethodologyEligibilityItem] | Unset):
    """

    id: str
    version: str
    source: str
    inputs: PolicyMethodologyInputs
    formulas: PolicyMethodologyFormulas
    token: PolicyMethodologyToken
    mint: PolicyMethodologyMint
    description: str | Unset = UNSET
    eligibility: list[PolicyMethodologyEligibilityItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        version = self.version

        source = self.source

        inputs = self.inputs.to_dict()

        formulas = self.formulas.to_dict()

        token = self.token.to_dict()

        mint = self.mint.to_dict()

        description = self.description

        eligibility: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.eligibility, Unset):
            eligibility = []
            for eligibility_item_data in self.eligibility:
                eligibility_item = eligibility_item_data.to_dict()
                eligibility.append(eligibility_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "version": version,
                "source": source,
                "inputs": inputs,
                "formulas": formulas,
                "token": token,
                "mint": mint,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if eligibility is not UNSET:
            field_dict["eligibility"] = eligibility

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy_methodology_eligibility_item import (
            PolicyMethodologyEligibilityItem,
        )
        from ..models.policy_methodology_formulas import PolicyMethodologyFormulas
        from ..models.policy_methodology_inputs import PolicyMethodologyInputs
        from ..models.policy_methodology_mint import PolicyMethodologyMint
        from ..models.policy_methodology_token import PolicyMethodologyToken

        d = dict(src_dict)
        id = d.pop("id")

        version = d.pop("version")

        source = d.pop("source")

        inputs = PolicyMethodologyInputs.from_dict(d.pop("inputs"))

        formulas = PolicyMethodologyFormulas.from_dict(d.pop("formulas"))

        token = PolicyMethodologyToken.from_dict(d.pop("token"))

        mint = PolicyMethodologyMint.from_dict(d.pop("mint"))

        description = d.pop("description", UNSET)

        _eligibility = d.pop("eligibility", UNSET)
        eligibility: list[PolicyMethodologyEligibilityItem] | Unset = UNSET
        if _eligibility is not UNSET:
            eligibility = []
            for eligibility_item_data in _eligibility:
                eligibility_item = PolicyMethodologyEligibilityItem.from_dict(
                    eligibility_item_data
                )

                eligibility.append(eligibility_item)

        policy_methodology = cls(
            id=id,
            version=version,
            source=source,
            inputs=inputs,
            formulas=formulas,
            token=token,
            mint=mint,
            description=description,
            eligibility=eligibility,
        )

        return policy_methodology
