from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.policy_diff import PolicyDiff
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    draft_id: str,
    *,
    against: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["against"] = against

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/policy-drafts/{draft_id}/diff".format(
            draft_id=quote(str(draft_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PolicyDiff | Problem:
    if response.status_code == 200:
        response_200 = PolicyDiff.from_dict(response.json())

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
) -> Response[PolicyDiff | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    draft_id: str,
    *,
    client: AuthenticatedClient,
    against: str,
) -> Response[PolicyDiff | Problem]:
    """Semantic differences between a published policy version and a draft

    Args:
        draft_id (str):
        against (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PolicyDiff | Problem]
    """

    kwargs = _get_kwargs(
        draft_id=draft_id,
        against=against,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    draft_id: str,
    *,
    client: AuthenticatedClient,
    against: str,
) -> PolicyDiff | Problem | None:
    """Semantic differences between a published policy version and a draft

    Args:
        draft_id (str):
        against (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PolicyDiff | Problem
    """

    return sync_detailed(
        draft_id=draft_id,
        client=client,
        against=against,
    ).parsed


async def asyncio_detailed(
    draft_id: str,
    *,
    client: AuthenticatedClient,
    against: str,
) -> Response[PolicyDiff | Problem]:
    """Semantic differences between a published policy version and a draft

    Args:
        draft_id (str):
        against (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PolicyDiff | Problem]
    """

    kwargs = _get_kwargs(
        draft_id=draft_id,
        against=against,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    draft_id: str,
    *,
    client: AuthenticatedClient,
    against: str,
) -> PolicyDiff | Problem | None:
    """Semantic differences between a published policy version and a draft

    Args:
        draft_id (str):
        against (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PolicyDiff | Problem
    """

    return (
        await asyncio_detailed(
            draft_id=draft_id,
            client=client,
            against=against,
        )
    ).parsed
