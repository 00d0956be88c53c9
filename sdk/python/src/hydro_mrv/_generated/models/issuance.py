from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.issuance_anchor import IssuanceAnchor
    from ..models.issuance_issuance_credential import IssuanceIssuanceCredential
    from ..models.issuance_monitoring_report import IssuanceMonitoringReport


T = TypeVar("T", bound="Issuance")


@_attrs_define
class Issuance:
    """
    Attributes:
        id (str): project id and period; percent-encode the slash in a path (%2F)
        project_id (str):
        period (str):
        status (str):
        trust_chain_available (bool):
        updated_at (datetime.datetime):
        token_id (str | Unset):
        amount (float | Unset):
        monitoring_report (IssuanceMonitoringReport | Unset): The monitoring-report credential
        issuance_credential (IssuanceIssuanceCredential | Unset): The issuance credential
        anchor (IssuanceAnchor | Unset): Where the issuance credential is anchored (HCS)
    """

    id: str
    project_id: str
    period: str
    status: str
    trust_chain_available: bool
    updated_at: datetime.datetime
    token_id: str | Unset = UNSET
    amount: float | Unset = UNSET
    monitoring_report: IssuanceMonitoringReport | Unset = UNSET
    issuance_credential: IssuanceIssuanceCredential | Unset = UNSET
    anchor: IssuanceAnchor | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        project_id = self.project_id

        period = self.period

        status = self.status

        trust_chain_available = self.trust_chain_available

        updated_at = self.updated_at.isoformat()

        token_id = self.token_id

        amount = self.amount

        monitoring_report: dict[str, Any] | Unset = UNSET
        if not isinstance(self.monitoring_report, Unset):
            monitoring_report = self.monitoring_report.to_dict()

        issuance_credential: dict[str, Any] | Unset = UNSET
        if not isinstance(self.issuance_credential, Unset):
            issuance_credential = self.issuance_credential.to_dict()

        anchor: dict[str, Any] | Unset = UNSET
        if not isinstance(self.anchor, Unset):
            anchor = self.anchor.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "projectId": project_id,
                "period": period,
                "status": status,
                "trust_chain_available": trust_chain_available,
                "updated_at": updated_at,
            }
        )
        if token_id is not UNSET:
            field_dict["tokenId"] = token_id
        if amount is not UNSET:
            field_dict["amount"] = amount
        if monitoring_report is not UNSET:
            field_dict["monitoringReport"] = monitoring_report
        if issuance_credential is not UNSET:
            field_dict["issuanceCredential"] = issuance_credential
        if anchor is not UNSET:
            field_dict["anchor"] = anchor

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.issuance_anchor import IssuanceAnchor
        from ..models.issuance_issuance_credential import IssuanceIssuanceCredential
        from ..models.issuance_monitoring_report import IssuanceMonitoringReport

        d = dict(src_dict)
        id = d.pop("id")

        project_id = d.pop("projectId")

        period = d.pop("period")

        status = d.pop("status")

        trust_chain_available = d.pop("trust_chain_available")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        token_id = d.pop("tokenId", UNSET)

        amount = d.pop("amount", UNSET)

        _monitoring_report = d.pop("monitoringReport", UNSET)
        monitoring_report: IssuanceMonitoringReport | Unset
        if isinstance(_monitoring_report, Unset):
            monitoring_report = UNSET
        else:
            monitoring_report = IssuanceMonitoringReport.from_dict(_monitoring_report)

        _issuance_credential = d.pop("issuanceCredential", UNSET)
        issuance_credential: IssuanceIssuanceCredential | Unset
        if isinstance(_issuance_credential, Unset):
            issuance_credential = UNSET
        else:
            issuance_credential = IssuanceIssuanceCredential.from_dict(
                _issuance_credential
            )

        _anchor = d.pop("anchor", UNSET)
        anchor: IssuanceAnchor | Unset
        if isinstance(_anchor, Unset):
            anchor = UNSET
        else:
            anchor = IssuanceAnchor.from_dict(_anchor)

        issuance = cls(
            id=id,
            project_id=project_id,
            period=period,
            status=status,
            trust_chain_available=trust_chain_available,
            updated_at=updated_at,
            token_id=token_id,
            amount=amount,
            monitoring_report=monitoring_report,
            issuance_credential=issuance_credential,
            anchor=anchor,
        )

        issuance.additional_properties = d
        return issuance

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
