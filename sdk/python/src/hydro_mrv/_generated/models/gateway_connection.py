from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

from ..models.gateway_connection_baud_rate import GatewayConnectionBaudRate
from ..models.gateway_connection_parity import GatewayConnectionParity
from ..models.gateway_connection_protocol import GatewayConnectionProtocol
from ..models.gateway_connection_security_mode import GatewayConnectionSecurityMode
from ..models.gateway_connection_security_policy import GatewayConnectionSecurityPolicy
from ..models.gateway_connection_stop_bits import GatewayConnectionStopBits
from ..types import UNSET, Unset

T = TypeVar("T", bound="GatewayConnection")


@_attrs_define
class GatewayConnection:
    """How the gateway reaches one meter (edge/collectors). Fields apply per protocol.

    Attributes:
        protocol (GatewayConnectionProtocol):
        host (str | Unset):
        port (int | Unset):
        unit_id (int | Unset):
        path (str | Unset):
        baud_rate (GatewayConnectionBaudRate | Unset):
        parity (GatewayConnectionParity | Unset):
        stop_bits (GatewayConnectionStopBits | Unset):
        endpoint (str | Unset):
        security_mode (GatewayConnectionSecurityMode | Unset):
        security_policy (GatewayConnectionSecurityPolicy | Unset):
        url (str | Unset):
        base_url (str | Unset):
        username (str | Unset):
        password (str | Unset):
        authorization (str | Unset):
        directory (str | Unset):
        time_column (str | Unset):
        stale_s (int | Unset):
    """

    protocol: GatewayConnectionProtocol
    host: str | Unset = UNSET
    port: int | Unset = UNSET
    unit_id: int | Unset = UNSET
    path: str | Unset = UNSET
    baud_rate: GatewayConnectionBaudRate | Unset = UNSET
    parity: GatewayConnectionParity | Unset = UNSET
    stop_bits: GatewayConnectionStopBits | Unset = UNSET
    endpoint: str | Unset = UNSET
    security_mode: GatewayConnectionSecurityMode | Unset = UNSET
    security_policy: GatewayConnectionSecurityPolicy | Unset = UNSET
    url: str | Unset = UNSET
    base_url: str | Unset = UNSET
    username: str | Unset = UNSET
    password: str | Unset = UNSET
    authorization: str | Unset = UNSET
    directory: str | Unset = UNSET
    time_column: str | Unset = UNSET
    stale_s: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        protocol = self.protocol.value

        host = self.host

        port = self.port

        unit_id = self.unit_id

        path = self.path

        baud_rate: int | Unset = UNSET
        if not isinstance(self.baud_rate, Unset):
            baud_rate = self.baud_rate.value

        parity: str | Unset = UNSET
        if not isinstance(self.parity, Unset):
            parity = self.parity.value

        stop_bits: int | Unset = UNSET
        if not isinstance(self.stop_bits, Unset):
            stop_bits = self.stop_bits.value

        endpoint = self.endpoint

        security_mode: str | Unset = UNSET
        if not isinstance(self.security_mode, Unset):
            security_mode = self.security_mode.value

        security_policy: str | Unset = UNSET
        if not isinstance(self.security_policy, Unset):
            security_policy = self.security_policy.value

        url = self.url

        base_url = self.base_url

        username = self.username

        password = self.password

        authorization = self.authorization

        directory = self.directory

        time_column = self.time_column

        stale_s = self.stale_s

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "protocol": protocol,
            }
        )
        if host is not UNSET:
            field_dict["host"] = host
        if port is not UNSET:
            field_dict["port"] = port
        if unit_id is not UNSET:
            field_dict["unit_id"] = unit_id
        if path is not UNSET:
            field_dict["path"] = path
        if baud_rate is not UNSET:
            field_dict["baud_rate"] = baud_rate
        if parity is not UNSET:
            field_dict["parity"] = parity
        if stop_bits is not UNSET:
            field_dict["stop_bits"] = stop_bits
        if endpoint is not UNSET:
            field_dict["endpoint"] = endpoint
        if security_mode is not UNSET:
            field_dict["security_mode"] = security_mode
        if security_policy is not UNSET:
            field_dict["security_policy"] = security_policy
        if url is not UNSET:
            field_dict["url"] = url
        if base_url is not UNSET:
            field_dict["base_url"] = base_url
        if username is not UNSET:
            field_dict["username"] = username
        if password is not UNSET:
            field_dict["password"] = password
        if authorization is not UNSET:
            field_dict["authorization"] = authorization
        if directory is not UNSET:
            field_dict["directory"] = directory
        if time_column is not UNSET:
            field_dict["time_column"] = time_column
        if stale_s is not UNSET:
            field_dict["stale_s"] = stale_s

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        protocol = GatewayConnectionProtocol(d.pop("protocol"))

        host = d.pop("host", UNSET)

        port = d.pop("port", UNSET)

        unit_id = d.pop("unit_id", UNSET)

        path = d.pop("path", UNSET)

        _baud_rate = d.pop("baud_rate", UNSET)
        baud_rate: GatewayConnectionBaudRate | Unset
        if isinstance(_baud_rate, Unset):
            baud_rate = UNSET
        else:
            baud_rate = GatewayConnectionBaudRate(_baud_rate)

        _parity = d.pop("parity", UNSET)
        parity: GatewayConnectionParity | Unset
        if isinstance(_parity, Unset):
            parity = UNSET
        else:
            parity = GatewayConnectionParity(_parity)

        _stop_bits = d.pop("stop_bits", UNSET)
        stop_bits: GatewayConnectionStopBits | Unset
        if isinstance(_stop_bits, Unset):
            stop_bits = UNSET
        else:
            stop_bits = GatewayConnectionStopBits(_stop_bits)

        endpoint = d.pop("endpoint", UNSET)

        _security_mode = d.pop("security_mode", UNSET)
        security_mode: GatewayConnectionSecurityMode | Unset
        if isinstance(_security_mode, Unset):
            security_mode = UNSET
        else:
            security_mode = GatewayConnectionSecurityMode(_security_mode)

        _security_policy = d.pop("security_policy", UNSET)
        security_policy: GatewayConnectionSecurityPolicy | Unset
        if isinstance(_security_policy, Unset):
            security_policy = UNSET
        else:
            security_policy = GatewayConnectionSecurityPolicy(_security_policy)

        url = d.pop("url", UNSET)

        base_url = d.pop("base_url", UNSET)

        username = d.pop("username", UNSET)

        password = d.pop("password", UNSET)

        authorization = d.pop("authorization", UNSET)

        directory = d.pop("directory", UNSET)

        time_column = d.pop("time_column", UNSET)

        stale_s = d.pop("stale_s", UNSET)

        gateway_connection = cls(
            protocol=protocol,
            host=host,
            port=port,
            unit_id=unit_id,
            path=path,
            baud_rate=baud_rate,
            parity=parity,
            stop_bits=stop_bits,
            endpoint=endpoint,
            security_mode=security_mode,
            security_policy=security_policy,
            url=url,
            base_url=base_url,
            username=username,
            password=password,
            authorization=authorization,
            directory=directory,
            time_column=time_column,
            stale_s=stale_s,
        )

        return gateway_connection
