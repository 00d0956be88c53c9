from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.get_device_pairing_format import GetDevicePairingFormat
from ...models.pairing_payload import PairingPayload
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    device_id: str,
    *,
    format_: GetDevicePairingFormat | Unset = GetDevicePairingFormat.JSON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/devices/{device_id}/pairing".format(
            device_id=quote(str(device_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PairingPayload | Problem:
    if response.status_code == 200:
        response_200 = PairingPayload.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PairingPayload | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    device_id: str,
    *,
    client: AuthenticatedClient,
    format_: GetDevicePairingFormat | Unset = GetDevicePairingFormat.JSON,
) -> Response[PairingPayload | Problem]:
    """Pairing payload (JSON) or its QR code (PNG)

    Args:
        device_id (str):
        format_ (GetDevicePairingFormat | Unset):  Default: GetDevicePairingFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PairingPayload | Problem]
    """

    kwargs = _get_kwargs(
        device_id=device_id,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    device_id: str,
    *,
    client: AuthenticatedClient,
    format_: GetDevicePairingFormat | Unset = GetDevicePairingFormat.JSON,
) -> PairingPayload | Problem | None:
    """Pairing payload (JSON) or its QR code (PNG)

    Args:
        device_id (str):
        format_ (GetDevicePairingFormat | Unset):  Default: GetDevicePairingFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PairingPayload | Problem
    """

    return sync_detailed(
        device_id=device_id,
        client=client,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    device_id: str,
    *,
    client: AuthenticatedClient,
    format_: GetDevicePairingFormat | Unset = GetDevicePairingFormat.JSON,
) -> Response[PairingPayload | Problem]:
    """Pairing payload (JSON) or its QR code (PNG)

    Args:
        device_id (str):
        format_ (GetDevicePairingFormat | Unset):  Default: GetDevicePairingFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PairingPayload | Problem]
    """

    kwargs = _get_kwargs(
        device_id=device_id,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    device_id: str,
    *,
    client: AuthenticatedClient,
    format_: GetDevicePairingFormat | Unset = GetDevicePairingFormat.JSON,
) -> PairingPayload | Problem | None:
    """Pairing payload (JSON) or its QR code (PNG)

    Args:
        device_id (str):
        format_ (GetDevicePairingFormat | Unset):  Default: GetDevicePairingFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PairingPayload | Problem
    """

    return (
        await asyncio_detailed(
            device_id=device_id,
            client=client,
            format_=format_,
        )
    ).parsed
