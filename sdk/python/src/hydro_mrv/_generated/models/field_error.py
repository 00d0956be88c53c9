from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.field_error_in import FieldErrorIn

T = TypeVar("T", bound="FieldError")


@_attrs_define
class FieldError:
    """One failing field: `pointer` is a JSON Pointer into the request part named by `in`

    Attributes:
        in_ (FieldErrorIn):
        pointer (str):
        message (str):
    """

    in_: FieldErrorIn
    pointer: str
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        in_ = self.in_.value

        pointer = self.pointer

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "in": in_,
                "pointer": pointer,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        in_ = FieldErrorIn(d.pop("in"))

        pointer = d.pop("pointer")

        message = d.pop("message")

        field_error = cls(
            in_=in_,
            pointer=pointer,
            message=message,
        )

        field_error.additional_properties = d
        return field_error

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
