from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.certificate_signing_request import CertificateSigningRequest
from ...models.issued_gateway_certificate import IssuedGatewayCertificate
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    gateway_id: str,
    *,
    body: CertificateSigningRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/gateways/{gateway_id}/certificates".format(
            gateway_id=quote(str(gateway_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IssuedGatewayCertificate | Problem:
    if response.status_code == 201:
        response_201 = IssuedGatewayCertificate.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[IssuedGatewayCertificate | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    gateway_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CertificateSigningRequest,
) -> Response[IssuedGatewayCertificate | Problem]:
    """Issue a gateway certificate from its CSR (enrollment token, renewal over mTLS, or admin)

     Credential: `Authorization: Bearer <one-time enrollment token>` (docs/api/mtls.md), or the gateway's
    current certificate over the mTLS listener (renewal; the old certificate stays valid until it
    expires), or an admin API key. The key must be ECDSA P-256 or Ed25519; the certificate lives 90 days
    and lists the DIDs the CSR asks for as SAN URIs (all the gateway devices when none).

    Args:
        gateway_id (str):
        body (CertificateSigningRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IssuedGatewayCertificate | Problem]
    """

    kwargs = _get_kwargs(
        gateway_id=gateway_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    gateway_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CertificateSigningRequest,
) -> IssuedGatewayCertificate | Problem | None:
    """Issue a gateway certificate from its CSR (enrollment token, renewal over mTLS, or admin)

     Credential: `Authorization: Bearer <one-time enrollment token>` (docs/api/mtls.md), or the gateway's
    current certificate over the mTLS listener (renewal; the old certificate stays valid until it
    expires), or an admin API key. The key must be ECDSA P-256 or Ed25519; the certificate lives 90 days
    and lists the DIDs the CSR asks for as SAN URIs (all the gateway devices when none).

    Args:
        gateway_id (str):
        body (CertificateSigningRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IssuedGatewayCertificate | Problem
    """

    return sync_detailed(
        gateway_id=gateway_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    gateway_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CertificateSigningRequest,
) -> Response[IssuedGatewayCertificate | Problem]:
    """Issue a gateway certificate from its CSR (enrollment token, renewal over mTLS, or admin)

     Credential: `Authorization: Bearer <one-time enrollment token>` (docs/api/mtls.md), or the gateway's
    current certificate over the mTLS listener (renewal; the old certificate stays valid until it
    expires), or an admin API key. The key must be ECDSA P-256 or Ed25519; the certificate lives 90 days
    and lists the DIDs the CSR asks for as SAN URIs (all the gateway devices when none).

    Args:
        gateway_id (str):
        body (CertificateSigningRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IssuedGatewayCertificate | Problem]
    """

    kwargs = _get_kwargs(
        gateway_id=gateway_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    gateway_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CertificateSigningRequest,
) -> IssuedGatewayCertificate | Problem | None:
    """Issue a gateway certificate from its CSR (enrollment token, renewal over mTLS, or admin)

     Credential: `Authorization: Bearer <one-time enrollment token>` (docs/api/mtls.md), or the gateway's
    current certificate over the mTLS listener (renewal; the old certificate stays valid until it
    expires), or an admin API key. The key must be ECDSA P-256 or Ed25519; the certificate lives 90 days
    and lists the DIDs the CSR asks for as SAN URIs (all the gateway devices when none).

    Args:
        gateway_id (str):
        body (CertificateSigningRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IssuedGatewayCertificate | Problem
    """

    return (
        await asyncio_detailed(
            gateway_id=gateway_id,
            client=client,
            body=body,
        )
    ).parsed
