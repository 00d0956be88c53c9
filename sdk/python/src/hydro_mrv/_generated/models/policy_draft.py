from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.policy_problem import PolicyProblem


T = TypeVar("T", bound="PolicyDraft")


@_attrs_define
class PolicyDraft:
    """
    Attributes:
        id (str):
        file_name (str):
        valid (bool):
        problems (list[PolicyProblem]):
        created_at (datetime.datetime):
        checked_at (datetime.datetime):
        policy_id (None | str | Unset):
        version (None | str | Unset):
        title (None | str | Unset):
        hash_ (None | str | Unset):
        published_as (None | str | Unset):
        source (str | Unset): The YAML source (single draft only)
    """

    id: str
    file_name: str
    valid: bool
    problems: list[PolicyProblem]
    created_at: datetime.datetime
    checked_at: datetime.datetime
    policy_id: None | str | Unset = UNSET
    version: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    hash_: None | str | Unset = UNSET
    published_as: None | str | Unset = UNSET
    source: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        file_name = self.file_name

        valid = self.valid

        problems = []
        for problems_item_data in self.problems:
            problems_item = problems_item_data.to_dict()
            problems.append(problems_item)

        created_at = self.created_at.isoformat()

        checked_at = self.checked_at.isoformat()

        policy_id: None | str | Unset
        if isinstance(self.policy_id, Unset):
            policy_id = UNSET
        else:
            policy_id = self.policy_id

        version: None | str | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        hash_: None | str | Unset
        if isinstance(self.hash_, Unset):
            hash_ = UNSET
        else:
            hash_ = self.hash_

        published_as: None | str | Unset
        if isinstance(self.published_as, Unset):
            published_as = UNSET
        else:
            published_as = self.published_as

        source = self.source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "file_name": file_name,
                "valid": valid,
                "problems": problems,
                "created_at": created_at,
                "checked_at": checked_at,
            }
        )
        if policy_id is not UNSET:
            field_dict["policy_id"] = policy_id
        if version is not UNSET:
            field_dict["version"] = version
        if title is not UNSET:
            field_dict["title"] = title
        if hash_ is not UNSET:
            field_dict["hash"] = hash_
        if published_as is not UNSET:
            field_dict["published_as"] = published_as
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy_problem import PolicyProblem

        d = dict(src_dict)
        id = d.pop("id")

        file_name = d.pop("file_name")

        valid = d.pop("valid")

        problems = []
        _problems = d.pop("problems")
        for problems_item_data in _problems:
            problems_item = PolicyProblem.from_dict(problems_item_data)

            problems.append(problems_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        checked_at = datetime.datetime.fromisoformat(d.pop("checked_at"))

        def _parse_policy_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        policy_id = _parse_policy_id(d.pop("policy_id", UNSET))

        def _parse_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_hash_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hash_ = _parse_hash_(d.pop("hash", UNSET))

        def _parse_published_as(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        published_as = _parse_published_as(d.pop("published_as", UNSET))

        source = d.pop("source", UNSET)

        policy_draft = cls(
            id=id,
            file_name=file_name,
            valid=valid,
            problems=problems,
            created_at=created_at,
            checked_at=checked_at,
            policy_id=policy_id,
            version=version,
            title=title,
            hash_=hash_,
            published_as=published_as,
            source=source,
        )

        policy_draft.additional_properties = d
        return policy_draft

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
