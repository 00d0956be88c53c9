from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.policy_ledger_anchor import PolicyLedgerAnchor


T = TypeVar("T", bound="PolicyVersion")


@_attrs_define
class PolicyVersion:
    """
    Attributes:
        id (str):
        policy_id (str):
        version (str):
        hash_ (str):
        published_at (datetime.datetime):
        title (str | Unset):
        file_name (str | Unset):
        draft_id (str | Unset):
        source (str | Unset): The YAML source (single version only)
        ledger_anchor (PolicyLedgerAnchor | Unset): Where the version's publication (its hash) is anchored on the
            organization's HCS anchor topic; its consensus time is what shows the rules predate the readings judged by them
    """

    id: str
    policy_id: str
    version: str
    hash_: str
    published_at: datetime.datetime
    title: str | Unset = UNSET
    file_name: str | Unset = UNSET
    draft_id: str | Unset = UNSET
    source: str | Unset = UNSET
    ledger_anchor: PolicyLedgerAnchor | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        policy_id = self.policy_id

        version = self.version

        hash_ = self.hash_

        published_at = self.published_at.isoformat()

        title = self.title

        file_name = self.file_name

        draft_id = self.draft_id

        source = self.source

        ledger_anchor: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ledger_anchor, Unset):
            ledger_anchor = self.ledger_anchor.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "policy_id": policy_id,
                "version": version,
                "hash": hash_,
                "published_at": published_at,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if file_name is not UNSET:
            field_dict["file_name"] = file_name
        if draft_id is not UNSET:
            field_dict["draft_id"] = draft_id
        if source is not UNSET:
            field_dict["source"] = source
        if ledger_anchor is not UNSET:
            field_dict["ledger_anchor"] = ledger_anchor

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy_ledger_anchor import PolicyLedgerAnchor

        d = dict(src_dict)
        id = d.pop("id")

        policy_id = d.pop("policy_id")

        version = d.pop("version")

        hash_ = d.pop("hash")

        published_at = datetime.datetime.fromisoformat(d.pop("published_at"))

        title = d.pop("title", UNSET)

        file_name = d.pop("file_name", UNSET)

        draft_id = d.pop("draft_id", UNSET)

        source = d.pop("source", UNSET)

        _ledger_anchor = d.pop("ledger_anchor", UNSET)
        ledger_anchor: PolicyLedgerAnchor | Unset
        if isinstance(_ledger_anchor, Unset):
            ledger_anchor = UNSET
        else:
            ledger_anchor = PolicyLedgerAnchor.from_dict(_ledger_anchor)

        policy_version = cls(
            id=id,
            policy_id=policy_id,
            version=version,
            hash_=hash_,
            published_at=published_at,
            title=title,
            file_name=file_name,
            draft_id=draft_id,
            source=source,
            ledger_anchor=ledger_anchor,
        )

        policy_version.additional_properties = d
        return policy_version

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
