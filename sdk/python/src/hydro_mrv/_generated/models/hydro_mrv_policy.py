from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.hydro_mrv_policy_anchoring import HydroMRVPolicyAnchoring
    from ..models.hydro_mrv_policy_credentials import HydroMRVPolicyCredentials
    from ..models.hydro_mrv_policy_parameters import HydroMRVPolicyParameters
    from ..models.hydro_mrv_policy_roles import HydroMRVPolicyRoles
    from ..models.hydro_mrv_policy_workflows import HydroMRVPolicyWorkflows
    from ..models.policy_methodology import PolicyMethodology
    from ..models.policy_verification import PolicyVerification


T = TypeVar("T", bound="HydroMRVPolicy")


@_attrs_define
class HydroMRVPolicy:
    """A declarative MRV policy: metadata, roles, parameters, credential subjects, verification, workflows as state
    machines, methodology and anchoring. Cross-references, expressions and units are checked by `mrv policy validate`
    beyond this schema.

        Attributes:
            language (Literal['hydro-mrv/policy@1']): Version of the policy language.
            id (str):
            version (str): Semantic version; a published (id, version) is immutable.
            title (str):
            roles (HydroMRVPolicyRoles):
            parameters (HydroMRVPolicyParameters):
            credentials (HydroMRVPolicyCredentials):
            verification (PolicyVerification):
            workflows (HydroMRVPolicyWorkflows):
            methodology (PolicyMethodology):
            anchoring (HydroMRVPolicyAnchoring):
            description (str | Unset):
    """

    language: Literal["hydro-mrv/policy@1"]
    id: str
    version: str
    title: str
    roles: HydroMRVPolicyRoles
    parameters: HydroMRVPolicyParameters
    credentials: HydroMRVPolicyCredentials
    verification: PolicyVerification
    workflows: HydroMRVPolicyWorkflows
    methodology: PolicyMethodology
    anchoring: HydroMRVPolicyAnchoring
    description: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        language = self.language

        id = self.id

        version = self.version

        title = self.title

        roles = self.roles.to_dict()

        parameters = self.parameters.to_dict()

        credentials = self.credentials.to_dict()

        verification = self.verification.to_dict()

        workflows = self.workflows.to_dict()

        methodology = self.methodology.to_dict()

        anchoring = self.anchoring.to_dict()

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "language": language,
                "id": id,
                "version": version,
                "title": title,
                "roles": roles,
                "parameters": parameters,
                "credentials": credentials,
                "verification": verification,
                "workflows": workflows,
                "methodology": methodology,
                "anchoring": anchoring,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.hydro_mrv_policy_anchoring import HydroMRVPolicyAnchoring
        from ..models.hydro_mrv_policy_credentials import HydroMRVPolicyCredentials
        from ..models.hydro_mrv_policy_parameters import HydroMRVPolicyParameters
        from ..models.hydro_mrv_policy_roles import HydroMRVPolicyRoles
        from ..models.hydro_mrv_policy_workflows import HydroMRVPolicyWorkflows
        from ..models.policy_methodology import PolicyMethodology
        from ..models.policy_verification import PolicyVerification

        d = dict(src_dict)
        language = cast(Literal["hydro-mrv/policy@1"], d.pop("language"))
        if language != "hydro-mrv/policy@1":
            raise ValueError(
                f"language must match const 'hydro-mrv/policy@1', got '{language}'"
            )

        id = d.pop("id")

        version = d.pop("version")

        title = d.pop("title")

        roles = HydroMRVPolicyRoles.from_dict(d.pop("roles"))

        parameters = HydroMRVPolicyParameters.from_dict(d.pop("parameters"))

        credentials = HydroMRVPolicyCredentials.from_dict(d.pop("credentials"))

        verification = PolicyVerification.from_dict(d.pop("verification"))

        workflows = HydroMRVPolicyWorkflows.from_dict(d.pop("workflows"))

        methodology = PolicyMethodology.from_dict(d.pop("methodology"))

        anchoring = HydroMRVPolicyAnchoring.from_dict(d.pop("anchoring"))

        description = d.pop("description", UNSET)

        hydro_mrv_policy = cls(
            language=language,
            id=id,
            version=version,
            title=title,
            roles=roles,
            parameters=parameters,
            credentials=credentials,
            verification=verification,
            workflows=workflows,
            methodology=methodology,
            anchoring=anchoring,
            description=description,
        )

        return hydro_mrv_policy
