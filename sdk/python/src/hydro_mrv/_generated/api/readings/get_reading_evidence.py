from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.reading_evidence import ReadingEvidence
from ...types import UNSET, Response, Unset


def _get_kwargs(
    reading_id: str,
    *,
    window: int | Unset = 48,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["window"] = window

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/readings/{reading_id}/evidence".format(
            reading_id=quote(str(reading_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReadingEvidence:
    if response.status_code == 200:
        response_200 = ReadingEvidence.from_dict(response.json())

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
) -> Response[Problem | ReadingEvidence]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    reading_id: str,
    *,
    client: AuthenticatedClient,
    window: int | Unset = 48,
) -> Response[Problem | ReadingEvidence]:
    """A reading with the device's readings around it, its device and registration

    Args:
        reading_id (str):
        window (int | Unset): Readings each side Default: 48.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReadingEvidence]
    """

    kwargs = _get_kwargs(
        reading_id=reading_id,
        window=window,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    reading_id: str,
    *,
    client: AuthenticatedClient,
    window: int | Unset = 48,
) -> Problem | ReadingEvidence | None:
    """A reading with the device's readings around it, its device and registration

    Args:
        reading_id (str):
        window (int | Unset): Readings each side Default: 48.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReadingEvidence
    """

    return sync_detailed(
        reading_id=reading_id,
        client=client,
        window=window,
    ).parsed


async def asyncio_detailed(
    reading_id: str,
    *,
    client: AuthenticatedClient,
    window: int | Unset = 48,
) -> Response[Problem | ReadingEvidence]:
    """A reading with the device's readings around it, its device and registration

    Args:
        reading_id (str):
        window (int | Unset): Readings each side Default: 48.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReadingEvidence]
    """

    kwargs = _get_kwargs(
        reading_id=reading_id,
        window=window,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    reading_id: str,
    *,
    client: AuthenticatedClient,
    window: int | Unset = 48,
) -> Problem | ReadingEvidence | None:
    """A reading with the device's readings around it, its device and registration

    Args:
        reading_id (str):
        window (int | Unset): Readings each side Default: 48.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReadingEvidence
    """

    return (
        await asyncio_detailed(
            reading_id=reading_id,
            client=client,
            window=window,
        )
    ).parsed
