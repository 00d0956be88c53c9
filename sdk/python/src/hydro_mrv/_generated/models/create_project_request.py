from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

if TYPE_CHECKING:
    from ..models.hydropower_plant import HydropowerPlant


T = TypeVar("T", bound="CreateProjectRequest")


@_attrs_define
class CreateProjectRequest:
    """
    Attributes:
        plant (HydropowerPlant): What POST /v1/projects and `mrv verify --plant` take. Normative text:
            shared/specs/telemetry-v1.md. Unknown top-level members are rejected.
        policy_version_id (str):
    """

    plant: HydropowerPlant
    policy_version_id: str

    def to_dict(self) -> dict[str, Any]:
        plant = self.plant.to_dict()

        policy_version_id = self.policy_version_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "plant": plant,
                "policy_version_id": policy_version_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.hydropower_plant import HydropowerPlant

        d = dict(src_dict)
        plant = HydropowerPlant.from_dict(d.pop("plant"))

        policy_version_id = d.pop("policy_version_id")

        create_project_request = cls(
            plant=plant,
            policy_version_id=policy_version_id,
        )

        return create_project_request
