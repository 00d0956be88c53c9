from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

if TYPE_CHECKING:
    from ..models.project_registration_credential import ProjectRegistrationCredential


T = TypeVar("T", bound="ProjectRegistration")


@_attrs_define
class ProjectRegistration:
    """One registry-attested version of a project's plant (a ProjectRegistration credential)

    Attributes:
        id (str): The credential id
        project_id (str):
        version (int):
        effective_from (datetime.datetime):
        issuer (str): The registry principal's DID
        issued_at (datetime.datetime):
        credential (ProjectRegistrationCredential): The signed W3C verifiable credential
    """

    id: str
    project_id: str
    version: int
    effective_from: datetime.datetime
    issuer: str
    issued_at: datetime.datetime
    credential: ProjectRegistrationCredential
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        project_id = self.project_id

        version = self.version

        effective_from = self.effective_from.isoformat()

        issuer = self.issuer

        issued_at = self.issued_at.isoformat()

        credential = self.credential.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_id": project_id,
                "version": version,
                "effective_from": effective_from,
                "issuer": issuer,
                "issued_at": issued_at,
                "credential": credential,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.project_registration_credential import (
            ProjectRegistrationCredential,
        )

        d = dict(src_dict)
        id = d.pop("id")

        project_id = d.pop("project_id")

        version = d.pop("version")

        effective_from = datetime.datetime.fromisoformat(d.pop("effective_from"))

        issuer = d.pop("issuer")

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))

        credential = ProjectRegistrationCredential.from_dict(d.pop("credential"))

        project_registration = cls(
            id=id,
            project_id=project_id,
            version=version,
            effective_from=effective_from,
            issuer=issuer,
            issued_at=issued_at,
            credential=credential,
        )

        project_registration.additional_properties = d
        return project_registration

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
