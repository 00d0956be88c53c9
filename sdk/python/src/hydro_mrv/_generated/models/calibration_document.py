from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

from ..models.calibration_document_media_type import CalibrationDocumentMediaType

T = TypeVar("T", bound="CalibrationDocument")


@_attrs_define
class CalibrationDocument:
    """
    Attributes:
        media_type (CalibrationDocumentMediaType):
        content_base64 (str): The document, base64: a PDF (starting %PDF-) or JSON, as media_type says (422 otherwise)
        sha256 (str): Hex SHA-256 of the decoded content: a mismatch is refused (422)
    """

    media_type: CalibrationDocumentMediaType
    content_base64: str
    sha256: str

    def to_dict(self) -> dict[str, Any]:
        media_type = self.media_type.value

        content_base64 = self.content_base64

        sha256 = self.sha256

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "media_type": media_type,
                "content_base64": content_base64,
                "sha256": sha256,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        media_type = CalibrationDocumentMediaType(d.pop("media_type"))

        content_base64 = d.pop("content_base64")

        sha256 = d.pop("sha256")

        calibration_document = cls(
            media_type=media_type,
            content_base64=content_base64,
            sha256=sha256,
        )

        return calibration_document
