from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.trust_chain_verification import TrustChainVerification
from ...models.trust_chain_verification_by_issuance import (
    TrustChainVerificationByIssuance,
)
from ...models.trust_chain_verification_by_token import TrustChainVerificationByToken
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TrustChainVerificationByIssuance | TrustChainVerificationByToken,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/trust-chain-verifications",
    }

    if isinstance(body, TrustChainVerificationByIssuance):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TrustChainVerification:
    if response.status_code == 200:
        response_200 = TrustChainVerification.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | TrustChainVerification]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TrustChainVerificationByIssuance | TrustChainVerificationByToken,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | TrustChainVerification]:
    """Verify an issuance's trust chain against the mirror node (tree of PASS/FAIL links)

    Args:
        idempotency_key (str | Unset):
        body (TrustChainVerificationByIssuance | TrustChainVerificationByToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TrustChainVerification]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: TrustChainVerificationByIssuance | TrustChainVerificationByToken,
    idempotency_key: str | Unset = UNSET,
) -> Problem | TrustChainVerification | None:
    """Verify an issuance's trust chain against the mirror node (tree of PASS/FAIL links)

    Args:
        idempotency_key (str | Unset):
        body (TrustChainVerificationByIssuance | TrustChainVerificationByToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TrustChainVerification
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TrustChainVerificationByIssuance | TrustChainVerificationByToken,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | TrustChainVerification]:
    """Verify an issuance's trust chain against the mirror node (tree of PASS/FAIL links)

    Args:
        idempotency_key (str | Unset):
        body (TrustChainVerificationByIssuance | TrustChainVerificationByToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TrustChainVerification]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TrustChainVerificationByIssuance | TrustChainVerificationByToken,
    idempotency_key: str | Unset = UNSET,
) -> Problem | TrustChainVerification | None:
    """Verify an issuance's trust chain against the mirror node (tree of PASS/FAIL links)

    Args:
        idempotency_key (str | Unset):
        body (TrustChainVerificationByIssuance | TrustChainVerificationByToken):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TrustChainVerification
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
