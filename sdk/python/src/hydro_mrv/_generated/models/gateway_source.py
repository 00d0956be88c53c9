from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

if TYPE_CHECKING:
    from ..models.gateway_connection import GatewayConnection


T = TypeVar("T", bound="GatewaySource")


@_attrs_define
class GatewaySource:
    """
    Attributes:
        template (str): edge/templates name
        connection (GatewayConnection): How the gateway reaches one meter (edge/collectors). Fields apply per protocol.
    """

    template: str
    connection: GatewayConnection

    def to_dict(self) -> dict[str, Any]:
        template = self.template

        connection = self.connection.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "template": template,
                "connection": connection,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.gateway_connection import GatewayConnection

        d = dict(src_dict)
        template = d.pop("template")

        connection = GatewayConnection.from_dict(d.pop("connection"))

        gateway_source = cls(
            template=template,
            connection=connection,
        )

        return gateway_source
