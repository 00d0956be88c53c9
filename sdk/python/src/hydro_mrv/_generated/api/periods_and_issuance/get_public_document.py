from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.trust_chain_bundle import TrustChainBundle
from ...types import Response


def _get_kwargs(
    hash_: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/public/documents/{hash_}".format(
            hash_=quote(str(hash_), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TrustChainBundle:
    if response.status_code == 200:
        response_200 = TrustChainBundle.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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
) -> Response[Problem | TrustChainBundle]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    hash_: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | TrustChainBundle]:
    """A trust-chain bundle by its anchored hash (public)

     Content-addressed: `hash` is the Merkle root of the issuance's report anchor on HCS. Verify the
    bundle against the ledger (`mrv chain verify --token`); nothing in it is to be trusted otherwise.

    Args:
        hash_ (str): the Merkle root (lower-case hex SHA-256) of an issuance's report anchor, as
            the mint's memo names it on the ledger

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TrustChainBundle]
    """

    kwargs = _get_kwargs(
        hash_=hash_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    hash_: str,
    *,
    client: AuthenticatedClient | Client,
) -> Problem | TrustChainBundle | None:
    """A trust-chain bundle by its anchored hash (public)

     Content-addressed: `hash` is the Merkle root of the issuance's report anchor on HCS. Verify the
    bundle against the ledger (`mrv chain verify --token`); nothing in it is to be trusted otherwise.

    Args:
        hash_ (str): the Merkle root (lower-case hex SHA-256) of an issuance's report anchor, as
            the mint's memo names it on the ledger

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TrustChainBundle
    """

    return sync_detailed(
        hash_=hash_,
        client=client,
    ).parsed


async def asyncio_detailed(
    hash_: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | TrustChainBundle]:
    """A trust-chain bundle by its anchored hash (public)

     Content-addressed: `hash` is the Merkle root of the issuance's report anchor on HCS. Verify the
    bundle against the ledger (`mrv chain verify --token`); nothing in it is to be trusted otherwise.

    Args:
        hash_ (str): the Merkle root (lower-case hex SHA-256) of an issuance's report anchor, as
            the mint's memo names it on the ledger

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TrustChainBundle]
    """

    kwargs = _get_kwargs(
        hash_=hash_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    hash_: str,
    *,
    client: AuthenticatedClient | Client,
) -> Problem | TrustChainBundle | None:
    """A trust-chain bundle by its anchored hash (public)

     Content-addressed: `hash` is the Merkle root of the issuance's report anchor on HCS. Verify the
    bundle against the ledger (`mrv chain verify --token`); nothing in it is to be trusted otherwise.

    Args:
        hash_ (str): the Merkle root (lower-case hex SHA-256) of an issuance's report anchor, as
            the mint's memo names it on the ledger

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TrustChainBundle
    """

    return (
        await asyncio_detailed(
            hash_=hash_,
            client=client,
        )
    ).parsed
