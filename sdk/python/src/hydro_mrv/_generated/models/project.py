from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

if TYPE_CHECKING:
    from ..models.policy_ref import PolicyRef
    from ..models.project_plant import ProjectPlant


T = TypeVar("T", bound="Project")


@_attrs_define
class Project:
    """
    Attributes:
        id (str):
        plant_id (str):
        name (str):
        policy (PolicyRef):
        plant (ProjectPlant): The plant file (schemas/plant.schema.json)
        created_at (datetime.datetime):
    """

    id: str
    plant_id: str
    name: str
    policy: PolicyRef
    plant: ProjectPlant
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        plant_id = self.plant_id

        name = self.name

        policy = self.policy.to_dict()

        plant = self.plant.to_dict()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "plant_id": plant_id,
                "name": name,
                "policy": policy,
                "plant": plant,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy_ref import PolicyRef
        from ..models.project_plant import ProjectPlant

        d = dict(src_dict)
        id = d.pop("id")

        plant_id = d.pop("plant_id")

        name = d.pop("name")

        policy = PolicyRef.from_dict(d.pop("policy"))

        plant = ProjectPlant.from_dict(d.pop("plant"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        project = cls(
            id=id,
            plant_id=plant_id,
            name=name,
            policy=policy,
            plant=plant,
            created_at=created_at,
        )

        project.additional_properties = d
        return project

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
