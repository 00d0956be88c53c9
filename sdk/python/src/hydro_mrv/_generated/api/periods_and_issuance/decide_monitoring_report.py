from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.decision import Decision
from ...models.period_decision_result import PeriodDecisionResult
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: str,
    period: str,
    *,
    body: Decision,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/projects/{project_id}/periods/{period}/decision".format(
            project_id=quote(str(project_id), safe=""),
            period=quote(str(period), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PeriodDecisionResult | Problem:
    if response.status_code == 200:
        response_200 = PeriodDecisionResult.from_dict(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = PeriodDecisionResult.from_dict(response.json())

        return response_202

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
) -> Response[PeriodDecisionResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: str,
    period: str,
    *,
    client: AuthenticatedClient,
    body: Decision,
    idempotency_key: str | Unset = UNSET,
) -> Response[PeriodDecisionResult | Problem]:
    """Approve or reject a period's monitoring report

     200 when the workflow recorded the decision and settled; 202 when it accepted it and is still
    minting (follow the period). 403 when the policy does not let the credential decide; 409 when no
    report is awaiting a decision.

    Args:
        project_id (str):
        period (str):
        idempotency_key (str | Unset):
        body (Decision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PeriodDecisionResult | Problem]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        period=period,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: str,
    period: str,
    *,
    client: AuthenticatedClient,
    body: Decision,
    idempotency_key: str | Unset = UNSET,
) -> PeriodDecisionResult | Problem | None:
    """Approve or reject a period's monitoring report

     200 when the workflow recorded the decision and settled; 202 when it accepted it and is still
    minting (follow the period). 403 when the policy does not let the credential decide; 409 when no
    report is awaiting a decision.

    Args:
        project_id (str):
        period (str):
        idempotency_key (str | Unset):
        body (Decision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PeriodDecisionResult | Problem
    """

    return sync_detailed(
        project_id=project_id,
        period=period,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    project_id: str,
    period: str,
    *,
    client: AuthenticatedClient,
    body: Decision,
    idempotency_key: str | Unset = UNSET,
) -> Response[PeriodDecisionResult | Problem]:
    """Approve or reject a period's monitoring report

     200 when the workflow recorded the decision and settled; 202 when it accepted it and is still
    minting (follow the period). 403 when the policy does not let the credential decide; 409 when no
    report is awaiting a decision.

    Args:
        project_id (str):
        period (str):
        idempotency_key (str | Unset):
        body (Decision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PeriodDecisionResult | Problem]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        period=period,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: str,
    period: str,
    *,
    client: AuthenticatedClient,
    body: Decision,
    idempotency_key: str | Unset = UNSET,
) -> PeriodDecisionResult | Problem | None:
    """Approve or reject a period's monitoring report

     200 when the workflow recorded the decision and settled; 202 when it accepted it and is still
    minting (follow the period). 403 when the policy does not let the credential decide; 409 when no
    report is awaiting a decision.

    Args:
        project_id (str):
        period (str):
        idempotency_key (str | Unset):
        body (Decision):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PeriodDecisionResult | Problem
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            period=period,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
