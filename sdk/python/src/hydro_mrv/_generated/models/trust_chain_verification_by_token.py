from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="TrustChainVerificationByToken")


@_attrs_define
class TrustChainVerificationByToken:
    """
    Attributes:
        token_id (str):
        authorities (list[str] | Unset): DIDs of accreditation authorities the auditor trusts (`mrv chain verify
            --authority`)
    """

    token_id: str
    authorities: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        token_id = self.token_id

        authorities: list[str] | Unset = UNSET
        if not isinstance(self.authorities, Unset):
            authorities = self.authorities

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "token_id": token_id,
            }
        )
        if authorities is not UNSET:
            field_dict["authorities"] = authorities

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        token_id = d.pop("token_id")

        authorities = cast(list[str], d.pop("authorities", UNSET))

        trust_chain_verification_by_token = cls(
            token_id=token_id,
            authorities=authorities,
        )

        return trust_chain_verification_by_token
