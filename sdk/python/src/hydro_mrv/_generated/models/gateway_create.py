from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.gateway_agent import GatewayAgent


T = TypeVar("T", bound="GatewayCreate")


@_attrs_define
class GatewayCreate:
    """
    Attributes:
        name (str):
        device_ids (list[str]):
        agent (GatewayAgent | Unset): The edge agent's reading plan: which meters feed which of the gateway's devices.
    """

    name: str
    device_ids: list[str]
    agent: GatewayAgent | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        device_ids = self.device_ids

        agent: dict[str, Any] | Unset = UNSET
        if not isinstance(self.agent, Unset):
            agent = self.agent.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "device_ids": device_ids,
            }
        )
        if agent is not UNSET:
            field_dict["agent"] = agent

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.gateway_agent import GatewayAgent

        d = dict(src_dict)
        name = d.pop("name")

        device_ids = cast(list[str], d.pop("device_ids"))

        _agent = d.pop("agent", UNSET)
        agent: GatewayAgent | Unset
        if isinstance(_agent, Unset):
            agent = UNSET
        else:
            agent = GatewayAgent.from_dict(_agent)

        gateway_create = cls(
            name=name,
            device_ids=device_ids,
            agent=agent,
        )

        return gateway_create
