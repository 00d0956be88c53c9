from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.gateway_status import GatewayStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.gateway_agent import GatewayAgent


T = TypeVar("T", bound="Gateway")


@_attrs_define
class Gateway:
    """
    Attributes:
        id (str):
        name (str):
        status (GatewayStatus):
        device_ids (list[str]):
        created_at (datetime.datetime):
        status_changed_at (datetime.datetime):
        agent (GatewayAgent | Unset): The edge agent's reading plan: which meters feed which of the gateway's devices.
    """

    id: str
    name: str
    status: GatewayStatus
    device_ids: list[str]
    created_at: datetime.datetime
    status_changed_at: datetime.datetime
    agent: GatewayAgent | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        status = self.status.value

        device_ids = self.device_ids

        created_at = self.created_at.isoformat()

        status_changed_at = self.status_changed_at.isoformat()

        agent: dict[str, Any] | Unset = UNSET
        if not isinstance(self.agent, Unset):
            agent = self.agent.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "status": status,
                "device_ids": device_ids,
                "created_at": created_at,
                "status_changed_at": status_changed_at,
            }
        )
        if agent is not UNSET:
            field_dict["agent"] = agent

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.gateway_agent import GatewayAgent

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        status = GatewayStatus(d.pop("status"))

        device_ids = cast(list[str], d.pop("device_ids"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        status_changed_at = datetime.datetime.fromisoformat(d.pop("status_changed_at"))

        _agent = d.pop("agent", UNSET)
        agent: GatewayAgent | Unset
        if isinstance(_agent, Unset):
            agent = UNSET
        else:
            agent = GatewayAgent.from_dict(_agent)

        gateway = cls(
            id=id,
            name=name,
            status=status,
            device_ids=device_ids,
            created_at=created_at,
            status_changed_at=status_changed_at,
            agent=agent,
        )

        gateway.additional_properties = d
        return gateway

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
