from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.device_command_result_origin import DeviceCommandResultOrigin
from ..types import UNSET, Unset

T = TypeVar("T", bound="DeviceCommandResult")


@_attrs_define
class DeviceCommandResult:
    """
    Attributes:
        id (str):
        project_id (str):
        did (str):
        scope (str): `plant` or a unit id
        name (None | str):
        origin (DeviceCommandResultOrigin):
        status (str):
        policy_status (None | str): The device's state in its policy workflow
        created_at (datetime.datetime):
        event (str): The policy event sent
        acted_as (str): The role it was sent as
        template (None | str | Unset): The edge template (GET /v1/edge-templates) its meter is read with
        status_changed_at (datetime.datetime | Unset):
        workflow_status (str | Unset): Present when the workflow has applied it
    """

    id: str
    project_id: str
    did: str
    scope: str
    name: None | str
    origin: DeviceCommandResultOrigin
    status: str
    policy_status: None | str
    created_at: datetime.datetime
    event: str
    acted_as: str
    template: None | str | Unset = UNSET
    status_changed_at: datetime.datetime | Unset = UNSET
    workflow_status: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        project_id = self.project_id

        did = self.did

        scope = self.scope

        name: None | str
        name = self.name

        origin = self.origin.value

        status = self.status

        policy_status: None | str
        policy_status = self.policy_status

        created_at = self.created_at.isoformat()

        event = self.event

        acted_as = self.acted_as

        template: None | str | Unset
        if isinstance(self.template, Unset):
            template = UNSET
        else:
            template = self.template

        status_changed_at: str | Unset = UNSET
        if not isinstance(self.status_changed_at, Unset):
            status_changed_at = self.status_changed_at.isoformat()

        workflow_status = self.workflow_status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_id": project_id,
                "did": did,
                "scope": scope,
                "name": name,
                "origin": origin,
                "status": status,
                "policy_status": policy_status,
                "created_at": created_at,
                "event": event,
                "acted_as": acted_as,
            }
        )
        if template is not UNSET:
            field_dict["template"] = template
        if status_changed_at is not UNSET:
            field_dict["status_changed_at"] = status_changed_at
        if workflow_status is not UNSET:
            field_dict["workflow_status"] = workflow_status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        project_id = d.pop("project_id")

        did = d.pop("did")

        scope = d.pop("scope")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        origin = DeviceCommandResultOrigin(d.pop("origin"))

        status = d.pop("status")

        def _parse_policy_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        policy_status = _parse_policy_status(d.pop("policy_status"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        event = d.pop("event")

        acted_as = d.pop("acted_as")

        def _parse_template(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        template = _parse_template(d.pop("template", UNSET))

        _status_changed_at = d.pop("status_changed_at", UNSET)
        status_changed_at: datetime.datetime | Unset
        if isinstance(_status_changed_at, Unset):
            status_changed_at = UNSET
        else:
            status_changed_at = datetime.datetime.fromisoformat(_status_changed_at)

        workflow_status = d.pop("workflow_status", UNSET)

        device_command_result = cls(
            id=id,
            project_id=project_id,
            did=did,
            scope=scope,
            name=name,
            origin=origin,
            status=status,
            policy_status=policy_status,
            created_at=created_at,
            event=event,
            acted_as=acted_as,
            template=template,
            status_changed_at=status_changed_at,
            workflow_status=workflow_status,
        )

        device_command_result.additional_properties = d
        return device_command_result

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
