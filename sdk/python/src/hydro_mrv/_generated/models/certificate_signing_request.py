from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

T = TypeVar("T", bound="CertificateSigningRequest")


@_attrs_define
class CertificateSigningRequest:
    """
    Attributes:
        csr (str): PKCS#10, PEM
    """

    csr: str

    def to_dict(self) -> dict[str, Any]:
        csr = self.csr

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "csr": csr,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        csr = d.pop("csr")

        certificate_signing_request = cls(
            csr=csr,
        )

        return certificate_signing_request
