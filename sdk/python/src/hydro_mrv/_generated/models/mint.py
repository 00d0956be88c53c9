from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="Mint")


@_attrs_define
class Mint:
    """
    Attributes:
        id (str):
        token_id (str):
        issuance_id (str): project id and period; percent-encode the slash in a path (%2F)
        amount (float):
        status (str):
        created_at (datetime.datetime):
        transaction_id (str | Unset):
        memo (str | Unset):
    """

    id: str
    token_id: str
    issuance_id: str
    amount: float
    status: str
    created_at: datetime.datetime
    transaction_id: str | Unset = UNSET
    memo: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        token_id = self.token_id

        issuance_id = self.issuance_id

        amount = self.amount

        status = self.status

        created_at = self.created_at.isoformat()

        transaction_id = self.transaction_id

        memo = self.memo

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "tokenId": token_id,
                "issuanceId": issuance_id,
                "amount": amount,
                "status": status,
                "created_at": created_at,
            }
        )
        if transaction_id is not UNSET:
            field_dict["transactionId"] = transaction_id
        if memo is not UNSET:
            field_dict["memo"] = memo

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        token_id = d.pop("tokenId")

        issuance_id = d.pop("issuanceId")

        amount = d.pop("amount")

        status = d.pop("status")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        transaction_id = d.pop("transactionId", UNSET)

        memo = d.pop("memo", UNSET)

        mint = cls(
            id=id,
            token_id=token_id,
            issuance_id=issuance_id,
            amount=amount,
            status=status,
            created_at=created_at,
            transaction_id=transaction_id,
            memo=memo,
        )

        mint.additional_properties = d
        return mint

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
