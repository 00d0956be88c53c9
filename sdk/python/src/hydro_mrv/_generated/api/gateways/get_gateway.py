from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.gateway import Gateway
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    gateway_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/gateways/{gateway_id}".format(
            gateway_id=quote(str(gateway_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Gateway | Problem:
    if response.status_code == 200:
        response_200 = Gateway.from_dict(response.json())

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
) -> Response[Gateway | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    gateway_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Gateway | Problem]:
    """Get a gateway

    Args:
        gateway_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Gateway | Problem]
    """

    kwargs = _get_kwargs(
        gateway_id=gateway_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    gateway_id: str,
    *,
    client: AuthenticatedClient,
) -> Gateway | Problem | None:
    """Get a gateway

    Args:
        gateway_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Gateway | Problem
    """

    return sync_detailed(
        gateway_id=gateway_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    gateway_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Gateway | Problem]:
    """Get a gateway

    Args:
        gateway_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Gateway | Problem]
    """

    kwargs = _get_kwargs(
        gateway_id=gateway_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    gateway_id: str,
    *,
    client: AuthenticatedClient,
) -> Gateway | Problem | None:
    """Get a gateway

    Args:
        gateway_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Gateway | Problem
    """

    return (
        await asyncio_detailed(
            gateway_id=gateway_id,
            client=client,
        )
    ).parsed
