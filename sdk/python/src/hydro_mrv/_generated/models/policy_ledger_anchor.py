from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

T = TypeVar("T", bound="PolicyLedgerAnchor")


@_attrs_define
class PolicyLedgerAnchor:
    """Where the version's publication (its hash) is anchored on the organization's HCS anchor topic; its consensus time is
    what shows the rules predate the readings judged by them

        Attributes:
            topic_id (str):
            sequence_number (int):
            consensus_timestamp (str):
            root (str): Merkle root of the publication document (a batch of one)
    """

    topic_id: str
    sequence_number: int
    consensus_timestamp: str
    root: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        topic_id = self.topic_id

        sequence_number = self.sequence_number

        consensus_timestamp = self.consensus_timestamp

        root = self.root

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "topic_id": topic_id,
                "sequence_number": sequence_number,
                "consensus_timestamp": consensus_timestamp,
                "root": root,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        topic_id = d.pop("topic_id")

        sequence_number = d.pop("sequence_number")

        consensus_timestamp = d.pop("consensus_timestamp")

        root = d.pop("root")

        policy_ledger_anchor = cls(
            topic_id=topic_id,
            sequence_number=sequence_number,
            consensus_timestamp=consensus_timestamp,
            root=root,
        )

        policy_ledger_anchor.additional_properties = d
        return policy_ledger_anchor

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
