from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.list_reviews_order import ListReviewsOrder
from ...models.list_reviews_sort import ListReviewsSort
from ...models.problem import Problem
from ...models.review_page import ReviewPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    device_id: str | Unset = UNSET,
    rule: str | Unset = UNSET,
    older_than_hours: float | Unset = UNSET,
    sort: ListReviewsSort | Unset = ListReviewsSort.RECEIVED_AT,
    order: ListReviewsOrder | Unset = ListReviewsOrder.ASC,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params["project_id"] = project_id

    params["device_id"] = device_id

    params["rule"] = rule

    params["older_than_hours"] = older_than_hours

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order.value

    params["order"] = json_order

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reviews",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReviewPage:
    if response.status_code == 200:
        response_200 = ReviewPage.from_dict(response.json())

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
) -> Response[Problem | ReviewPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    device_id: str | Unset = UNSET,
    rule: str | Unset = UNSET,
    older_than_hours: float | Unset = UNSET,
    sort: ListReviewsSort | Unset = ListReviewsSort.RECEIVED_AT,
    order: ListReviewsOrder | Unset = ListReviewsOrder.ASC,
) -> Response[Problem | ReviewPage]:
    """The review queue: FLAGGED readings (filters, escalation deadlines)

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        project_id (str | Unset):
        device_id (str | Unset):
        rule (str | Unset): A finding rule id
        older_than_hours (float | Unset): Only readings received at least this many hours ago
        sort (ListReviewsSort | Unset): The column to sort by (ties by reading id); verified_at
            orders by escalation within a project Default: ListReviewsSort.RECEIVED_AT.
        order (ListReviewsOrder | Unset): Ascending or descending Default: ListReviewsOrder.ASC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReviewPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        project_id=project_id,
        device_id=device_id,
        rule=rule,
        older_than_hours=older_than_hours,
        sort=sort,
        order=order,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    device_id: str | Unset = UNSET,
    rule: str | Unset = UNSET,
    older_than_hours: float | Unset = UNSET,
    sort: ListReviewsSort | Unset = ListReviewsSort.RECEIVED_AT,
    order: ListReviewsOrder | Unset = ListReviewsOrder.ASC,
) -> Problem | ReviewPage | None:
    """The review queue: FLAGGED readings (filters, escalation deadlines)

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        project_id (str | Unset):
        device_id (str | Unset):
        rule (str | Unset): A finding rule id
        older_than_hours (float | Unset): Only readings received at least this many hours ago
        sort (ListReviewsSort | Unset): The column to sort by (ties by reading id); verified_at
            orders by escalation within a project Default: ListReviewsSort.RECEIVED_AT.
        order (ListReviewsOrder | Unset): Ascending or descending Default: ListReviewsOrder.ASC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReviewPage
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        project_id=project_id,
        device_id=device_id,
        rule=rule,
        older_than_hours=older_than_hours,
        sort=sort,
        order=order,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    device_id: str | Unset = UNSET,
    rule: str | Unset = UNSET,
    older_than_hours: float | Unset = UNSET,
    sort: ListReviewsSort | Unset = ListReviewsSort.RECEIVED_AT,
    order: ListReviewsOrder | Unset = ListReviewsOrder.ASC,
) -> Response[Problem | ReviewPage]:
    """The review queue: FLAGGED readings (filters, escalation deadlines)

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        project_id (str | Unset):
        device_id (str | Unset):
        rule (str | Unset): A finding rule id
        older_than_hours (float | Unset): Only readings received at least this many hours ago
        sort (ListReviewsSort | Unset): The column to sort by (ties by reading id); verified_at
            orders by escalation within a project Default: ListReviewsSort.RECEIVED_AT.
        order (ListReviewsOrder | Unset): Ascending or descending Default: ListReviewsOrder.ASC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReviewPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        project_id=project_id,
        device_id=device_id,
        rule=rule,
        older_than_hours=older_than_hours,
        sort=sort,
        order=order,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    device_id: str | Unset = UNSET,
    rule: str | Unset = UNSET,
    older_than_hours: float | Unset = UNSET,
    sort: ListReviewsSort | Unset = ListReviewsSort.RECEIVED_AT,
    order: ListReviewsOrder | Unset = ListReviewsOrder.ASC,
) -> Problem | ReviewPage | None:
    """The review queue: FLAGGED readings (filters, escalation deadlines)

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        project_id (str | Unset):
        device_id (str | Unset):
        rule (str | Unset): A finding rule id
        older_than_hours (float | Unset): Only readings received at least this many hours ago
        sort (ListReviewsSort | Unset): The column to sort by (ties by reading id); verified_at
            orders by escalation within a project Default: ListReviewsSort.RECEIVED_AT.
        order (ListReviewsOrder | Unset): Ascending or descending Default: ListReviewsOrder.ASC.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReviewPage
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            project_id=project_id,
            device_id=device_id,
            rule=rule,
            older_than_hours=older_than_hours,
            sort=sort,
            order=order,
        )
    ).parsed
