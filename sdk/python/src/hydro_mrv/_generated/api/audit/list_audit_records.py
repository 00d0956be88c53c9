from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.audit_page import AuditPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    after_seq: int | Unset = 0,
    limit: int | Unset = 100,
    action: str | Unset = UNSET,
    actor: str | Unset = UNSET,
    failed: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["after_seq"] = after_seq

    params["limit"] = limit

    params["action"] = action

    params["actor"] = actor

    params["failed"] = failed

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/audit",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuditPage | Problem:
    if response.status_code == 200:
        response_200 = AuditPage.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AuditPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    after_seq: int | Unset = 0,
    limit: int | Unset = 100,
    action: str | Unset = UNSET,
    actor: str | Unset = UNSET,
    failed: bool | Unset = UNSET,
) -> Response[AuditPage | Problem]:
    """Read the audit log (hash-chained; verify with `mrv audit verify`)

    Args:
        after_seq (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 100.
        action (str | Unset): An operationId, e.g. createApiKey
        actor (str | Unset): e.g. key:key_…
        failed (bool | Unset): Only requests answered with 4xx/5xx

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPage | Problem]
    """

    kwargs = _get_kwargs(
        after_seq=after_seq,
        limit=limit,
        action=action,
        actor=actor,
        failed=failed,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    after_seq: int | Unset = 0,
    limit: int | Unset = 100,
    action: str | Unset = UNSET,
    actor: str | Unset = UNSET,
    failed: bool | Unset = UNSET,
) -> AuditPage | Problem | None:
    """Read the audit log (hash-chained; verify with `mrv audit verify`)

    Args:
        after_seq (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 100.
        action (str | Unset): An operationId, e.g. createApiKey
        actor (str | Unset): e.g. key:key_…
        failed (bool | Unset): Only requests answered with 4xx/5xx

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPage | Problem
    """

    return sync_detailed(
        client=client,
        after_seq=after_seq,
        limit=limit,
        action=action,
        actor=actor,
        failed=failed,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    after_seq: int | Unset = 0,
    limit: int | Unset = 100,
    action: str | Unset = UNSET,
    actor: str | Unset = UNSET,
    failed: bool | Unset = UNSET,
) -> Response[AuditPage | Problem]:
    """Read the audit log (hash-chained; verify with `mrv audit verify`)

    Args:
        after_seq (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 100.
        action (str | Unset): An operationId, e.g. createApiKey
        actor (str | Unset): e.g. key:key_…
        failed (bool | Unset): Only requests answered with 4xx/5xx

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPage | Problem]
    """

    kwargs = _get_kwargs(
        after_seq=after_seq,
        limit=limit,
        action=action,
        actor=actor,
        failed=failed,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    after_seq: int | Unset = 0,
    limit: int | Unset = 100,
    action: str | Unset = UNSET,
    actor: str | Unset = UNSET,
    failed: bool | Unset = UNSET,
) -> AuditPage | Problem | None:
    """Read the audit log (hash-chained; verify with `mrv audit verify`)

    Args:
        after_seq (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 100.
        action (str | Unset): An operationId, e.g. createApiKey
        actor (str | Unset): e.g. key:key_…
        failed (bool | Unset): Only requests answered with 4xx/5xx

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            after_seq=after_seq,
            limit=limit,
            action=action,
            actor=actor,
            failed=failed,
        )
    ).parsed
