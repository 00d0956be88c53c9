from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.telemetry_batch import TelemetryBatch
from ...models.telemetry_batch_result import TelemetryBatchResult
from ...models.telemetry_document_v1 import TelemetryDocumentV1
from ...models.telemetry_outcome import TelemetryOutcome
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TelemetryBatch | TelemetryDocumentV1,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/telemetry",
    }

    if isinstance(body, TelemetryDocumentV1):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TelemetryBatchResult | TelemetryOutcome:
    if response.status_code == 202:

        def _parse_response_202(
            data: object,
        ) -> TelemetryBatchResult | TelemetryOutcome:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_telemetry_accepted_type_0 = (
                    TelemetryOutcome.from_dict(data)
                )

                return componentsschemas_telemetry_accepted_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_telemetry_accepted_type_1 = (
                TelemetryBatchResult.from_dict(data)
            )

            return componentsschemas_telemetry_accepted_type_1

        response_202 = _parse_response_202(response.json())

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
) -> Response[Problem | TelemetryBatchResult | TelemetryOutcome]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TelemetryBatch | TelemetryDocumentV1,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | TelemetryBatchResult | TelemetryOutcome]:
    """Submit signed telemetry: one document or a batch of up to 1,000

     A single rejected document answers 400 (not telemetry v1), 404 `DEVICE_NOT_ACTIVE` (its `device_id`
    is no active device of this organization, or not one the client certificate lists) or 422
    `TELEMETRY_REJECTED` (the signature does not verify with the device key). A batch answers 202 with
    one outcome per document.

    Args:
        idempotency_key (str | Unset):
        body (TelemetryBatch | TelemetryDocumentV1):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TelemetryBatchResult | TelemetryOutcome]
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
    body: TelemetryBatch | TelemetryDocumentV1,
    idempotency_key: str | Unset = UNSET,
) -> Problem | TelemetryBatchResult | TelemetryOutcome | None:
    """Submit signed telemetry: one document or a batch of up to 1,000

     A single rejected document answers 400 (not telemetry v1), 404 `DEVICE_NOT_ACTIVE` (its `device_id`
    is no active device of this organization, or not one the client certificate lists) or 422
    `TELEMETRY_REJECTED` (the signature does not verify with the device key). A batch answers 202 with
    one outcome per document.

    Args:
        idempotency_key (str | Unset):
        body (TelemetryBatch | TelemetryDocumentV1):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TelemetryBatchResult | TelemetryOutcome
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TelemetryBatch | TelemetryDocumentV1,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | TelemetryBatchResult | TelemetryOutcome]:
    """Submit signed telemetry: one document or a batch of up to 1,000

     A single rejected document answers 400 (not telemetry v1), 404 `DEVICE_NOT_ACTIVE` (its `device_id`
    is no active device of this organization, or not one the client certificate lists) or 422
    `TELEMETRY_REJECTED` (the signature does not verify with the device key). A batch answers 202 with
    one outcome per document.

    Args:
        idempotency_key (str | Unset):
        body (TelemetryBatch | TelemetryDocumentV1):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TelemetryBatchResult | TelemetryOutcome]
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
    body: TelemetryBatch | TelemetryDocumentV1,
    idempotency_key: str | Unset = UNSET,
) -> Problem | TelemetryBatchResult | TelemetryOutcome | None:
    """Submit signed telemetry: one document or a batch of up to 1,000

     A single rejected document answers 400 (not telemetry v1), 404 `DEVICE_NOT_ACTIVE` (its `device_id`
    is no active device of this organization, or not one the client certificate lists) or 422
    `TELEMETRY_REJECTED` (the signature does not verify with the device key). A batch answers 202 with
    one outcome per document.

    Args:
        idempotency_key (str | Unset):
        body (TelemetryBatch | TelemetryDocumentV1):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TelemetryBatchResult | TelemetryOutcome
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
