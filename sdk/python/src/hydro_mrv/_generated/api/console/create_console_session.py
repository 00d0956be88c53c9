from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.console_session import ConsoleSession
from ...models.console_sign_in_with_api_key import ConsoleSignInWithApiKey
from ...models.console_sign_in_with_client_credentials import (
    ConsoleSignInWithClientCredentials,
)
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: ConsoleSignInWithApiKey | ConsoleSignInWithClientCredentials,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/console/session",
    }

    if isinstance(body, ConsoleSignInWithApiKey):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConsoleSession | Problem:
    if response.status_code == 201:
        response_201 = ConsoleSession.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ConsoleSession | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ConsoleSignInWithApiKey | ConsoleSignInWithClientCredentials,
) -> Response[ConsoleSession | Problem]:
    """Sign in to the web console (sets an httpOnly session cookie)

     A JSON body (a cross-site HTML form cannot send one without a CORS preflight, which is never
    granted).

    Args:
        body (ConsoleSignInWithApiKey | ConsoleSignInWithClientCredentials): An API key, or OAuth
            client credentials (client_id = the key prefix, client_secret = the key).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsoleSession | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ConsoleSignInWithApiKey | ConsoleSignInWithClientCredentials,
) -> ConsoleSession | Problem | None:
    """Sign in to the web console (sets an httpOnly session cookie)

     A JSON body (a cross-site HTML form cannot send one without a CORS preflight, which is never
    granted).

    Args:
        body (ConsoleSignInWithApiKey | ConsoleSignInWithClientCredentials): An API key, or OAuth
            client credentials (client_id = the key prefix, client_secret = the key).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsoleSession | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ConsoleSignInWithApiKey | ConsoleSignInWithClientCredentials,
) -> Response[ConsoleSession | Problem]:
    """Sign in to the web console (sets an httpOnly session cookie)

     A JSON body (a cross-site HTML form cannot send one without a CORS preflight, which is never
    granted).

    Args:
        body (ConsoleSignInWithApiKey | ConsoleSignInWithClientCredentials): An API key, or OAuth
            client credentials (client_id = the key prefix, client_secret = the key).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsoleSession | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ConsoleSignInWithApiKey | ConsoleSignInWithClientCredentials,
) -> ConsoleSession | Problem | None:
    """Sign in to the web console (sets an httpOnly session cookie)

     A JSON body (a cross-site HTML form cannot send one without a CORS preflight, which is never
    granted).

    Args:
        body (ConsoleSignInWithApiKey | ConsoleSignInWithClientCredentials): An API key, or OAuth
            client credentials (client_id = the key prefix, client_secret = the key).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsoleSession | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
