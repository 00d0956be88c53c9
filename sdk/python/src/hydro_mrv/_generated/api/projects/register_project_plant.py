from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.project_registration import ProjectRegistration
from ...models.register_project_plant_request import RegisterProjectPlantRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: str,
    *,
    body: RegisterProjectPlantRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/projects/{project_id}/registrations".format(
            project_id=quote(str(project_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ProjectRegistration:
    if response.status_code == 201:
        response_201 = ProjectRegistration.from_dict(response.json())

        return response_201

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
) -> Response[Problem | ProjectRegistration]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: str,
    *,
    client: AuthenticatedClient,
    body: RegisterProjectPlantRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ProjectRegistration]:
    """Register the project's plant as the registry (a new ProjectRegistration version)

     Needs the registry role. effective_from may precede today: readings the plant produced before its
    registration count from then on (a date far ahead leaves the version unused until then). 503 when no
    key store is configured.

    Args:
        project_id (str):
        idempotency_key (str | Unset):
        body (RegisterProjectPlantRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProjectRegistration]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: str,
    *,
    client: AuthenticatedClient,
    body: RegisterProjectPlantRequest,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ProjectRegistration | None:
    """Register the project's plant as the registry (a new ProjectRegistration version)

     Needs the registry role. effective_from may precede today: readings the plant produced before its
    registration count from then on (a date far ahead leaves the version unused until then). 503 when no
    key store is configured.

    Args:
        project_id (str):
        idempotency_key (str | Unset):
        body (RegisterProjectPlantRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProjectRegistration
    """

    return sync_detailed(
        project_id=project_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    project_id: str,
    *,
    client: AuthenticatedClient,
    body: RegisterProjectPlantRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ProjectRegistration]:
    """Register the project's plant as the registry (a new ProjectRegistration version)

     Needs the registry role. effective_from may precede today: readings the plant produced before its
    registration count from then on (a date far ahead leaves the version unused until then). 503 when no
    key store is configured.

    Args:
        project_id (str):
        idempotency_key (str | Unset):
        body (RegisterProjectPlantRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProjectRegistration]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: str,
    *,
    client: AuthenticatedClient,
    body: RegisterProjectPlantRequest,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ProjectRegistration | None:
    """Register the project's plant as the registry (a new ProjectRegistration version)

     Needs the registry role. effective_from may precede today: readings the plant produced before its
    registration count from then on (a date far ahead leaves the version unused until then). 503 when no
    key store is configured.

    Args:
        project_id (str):
        idempotency_key (str | Unset):
        body (RegisterProjectPlantRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProjectRegistration
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
