from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.chain_link_status import ChainLinkStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChainLink")


@_attrs_define
class ChainLink:
    """
    Attributes:
        name (str):
        status (ChainLinkStatus):
        reason (str):
        children (list[ChainLink]): The checks this link is made of, as links
        document_index (int | Unset): The bundle document (e.g. a reading) the link is about
        device_id (str | Unset): The device (DID) whose readings the link is about
    """

    name: str
    status: ChainLinkStatus
    reason: str
    children: list[ChainLink]
    document_index: int | Unset = UNSET
    device_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        status = self.status.value

        reason = self.reason

        children = []
        for children_item_data in self.children:
            children_item = children_item_data.to_dict()
            children.append(children_item)

        document_index = self.document_index

        device_id = self.device_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "status": status,
                "reason": reason,
                "children": children,
            }
        )
        if document_index is not UNSET:
            field_dict["document_index"] = document_index
        if device_id is not UNSET:
            field_dict["device_id"] = device_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        status = ChainLinkStatus(d.pop("status"))

        reason = d.pop("reason")

        children = []
        _children = d.pop("children")
        for children_item_data in _children:
            children_item = ChainLink.from_dict(children_item_data)

            children.append(children_item)

        document_index = d.pop("document_index", UNSET)

        device_id = d.pop("device_id", UNSET)

        chain_link = cls(
            name=name,
            status=status,
            reason=reason,
            children=children,
            document_index=document_index,
            device_id=device_id,
        )

        chain_link.additional_properties = d
        return chain_link

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
