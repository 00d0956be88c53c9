from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="TrustChainVerificationByIssuance")


@_attrs_define
class TrustChainVerificationByIssuance:
    """
    Attributes:
        issuance_id (str): project id and period; percent-encode the slash in a path (%2F)
        authorities (list[str] | Unset): DIDs of accreditation authorities the auditor trusts (`mrv chain verify
            --authority`)
    """

    issuance_id: str
    authorities: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        issuance_id = self.issuance_id

        authorities: list[str] | Unset = UNSET
        if not isinstance(self.authorities, Unset):
            authorities = self.authorities

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "issuance_id": issuance_id,
            }
        )
        if authorities is not UNSET:
            field_dict["authorities"] = authorities

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        issuance_id = d.pop("issuance_id")

        authorities = cast(list[str], d.pop("authorities", UNSET))

        trust_chain_verification_by_issuance = cls(
            issuance_id=issuance_id,
            authorities=authorities,
        )

        return trust_chain_verification_by_issuance
