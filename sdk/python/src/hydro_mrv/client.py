"""The Hydro MRV client: generated operations (`client.api`) plus the helpers integrators use most."""

from __future__ import annotations

import base64
import random
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from ._generated.client import Client as GeneratedClient
from ._version import __version__
from .errors import ProblemError
from .signing import assert_telemetry_v1

_RETRYABLE = {429, 502, 503, 504}
_MAX_BATCH = 1000


@dataclass(frozen=True)
class Retry:
    """Attempts in all (the first included) and the backoff: doubled per attempt, jittered, capped."""

    max_attempts: int = 5
    base_delay_s: float = 0.2
    max_delay_s: float = 20.0


class _RetryTransport(httpx.BaseTransport):
    """Retries 429/5xx, timeouts and connection resets, honouring Retry-After; every POST carries an
    Idempotency-Key that stays the same across its retries, so a retried submission is stored once."""

    def __init__(self, inner: httpx.BaseTransport, retry: Retry) -> None:
        self._inner = inner
        self._retry = retry

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and "idempotency-key" not in request.headers:
            request.headers["Idempotency-Key"] = str(uuid.uuid4())
        request.read()
        attempt = 0
        while True:
            attempt += 1
            wait = min(self._retry.max_delay_s, self._retry.base_delay_s * 2 ** (attempt - 1)) * (0.5 + random.random() / 2)
            try:
                response = self._inner.handle_request(request)
            except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError):
                if attempt >= self._retry.max_attempts:
                    raise
            else:
                in_progress = response.status_code == 409 and "retry-after" in response.headers
                if (response.status_code not in _RETRYABLE and not in_progress) or attempt >= self._retry.max_attempts:
                    return response
                try:
                    wait = min(self._retry.max_delay_s, float(response.headers.get("retry-after", "")))
                except ValueError:
                    pass
                response.close()
            time.sleep(wait)

    def close(self) -> None:
        self._inner.close()


class _Bearer(httpx.Auth):
    """An API key, or a client-credentials access token fetched and renewed a minute before expiry."""

    def __init__(self, owner: MrvClient) -> None:
        self._owner = owner

    def auth_flow(self, request: httpx.Request):
        request.headers["Authorization"] = f"Bearer {self._owner._bearer()}"
        yield request


class MrvClient:
    """Client from a base URL and an API key or OAuth2 client credentials.

    >>> client = MrvClient("https://mrv.example", api_key="mrv_live_…")
    >>> for reading in client.iter_readings(status="FLAGGED"): ...
    """

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        scope: str | None = None,
        retry: Retry = Retry(),
        timeout_s: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if not api_key and not (client_id and client_secret):
            raise ValueError("give api_key, or client_id and client_secret")
        self.base_url = base_url.rstrip("/")
        self.__api_key = api_key
        self.__client = (client_id, client_secret, scope)
        self.__token: tuple[str, float] | None = None
        self.__lock = threading.Lock()
        wrapped = _RetryTransport(transport or httpx.HTTPTransport(), retry)
        headers = {"User-Agent": f"hydro-mrv-sdk-python/{__version__}"}
        self._token_http = httpx.Client(base_url=self.base_url, transport=wrapped, timeout=timeout_s, headers=headers)
        self.http = httpx.Client(
            base_url=self.base_url, transport=wrapped, timeout=timeout_s, headers=headers, auth=_Bearer(self)
        )
        #: The generated client (hydro_mrv._generated.api.*), sharing this client's auth and retries.
        self.api = GeneratedClient(base_url=self.base_url, raise_on_unexpected_status=False).set_httpx_client(self.http)

    def __repr__(self) -> str:
        return f"MrvClient(base_url={self.base_url!r}, auth={'api_key' if self.__api_key else 'client_credentials'} [redacted])"

    def close(self) -> None:
        self.http.close()
        self._token_http.close()

    def __enter__(self) -> MrvClient:
        return self

    def __exit__(self, *args: object) -> None:
        self.close()

    def _bearer(self) -> str:
        if self.__api_key:
            return self.__api_key
        with self.__lock:
            if self.__token is None or time.time() > self.__token[1] - 60:
                self.__token = self.fetch_token()
            return self.__token[0]

    def fetch_token(self) -> tuple[str, float]:
        """A new access token (OAuth2 client credentials) and when it expires (epoch seconds)."""
        client_id, client_secret, scope = self.__client
        basic = base64.b64encode(f"{client_id}:{client_secret}".encode()).decode()
        form = {"grant_type": "client_credentials", **({"scope": scope} if scope else {})}
        response = self._token_http.post("/oauth/token", data=form, headers={"Authorization": f"Basic {basic}"})
        if response.status_code != 200:
            raise ProblemError.from_response(response)
        body = response.json()
        return body["access_token"], time.time() + float(body.get("expires_in", 900))

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        """One call; the JSON answer, or the server's problem raised as ProblemError."""
        response = self.http.request(method, path, **kwargs)
        if response.status_code >= 400:
            raise ProblemError.from_response(response)
        return response.json() if response.content else None

    def submit_telemetry(self, documents: list[dict[str, Any]], *, batch_size: int = _MAX_BATCH) -> dict[str, Any]:
        """Submits signed telemetry v1 in batches (one idempotent POST each); refuses bad documents first."""
        for d in documents:
            assert_telemetry_v1(d)
            if not d.get("signature"):
                raise ValueError(f"document seq {d.get('seq')} is not signed")
        size = max(1, min(_MAX_BATCH, batch_size))
        totals: dict[str, Any] = {"accepted": 0, "duplicates": 0, "rejected": 0, "results": []}
        for start in range(0, len(documents), size):
            answer = self.request("POST", "/v1/telemetry", json={"documents": documents[start : start + size]})
            for k in ("accepted", "duplicates", "rejected"):
                totals[k] += answer[k]
            totals["results"] += [{**r, "index": r.get("index", 0) + start} for r in answer["results"]]
        return totals

    def _pages(self, path: str, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
        cursor = None
        while True:
            query = {k: v for k, v in {**params, "cursor": cursor}.items() if v is not None}
            page = self.request("GET", path, params=query)
            yield from page["data"]
            cursor = page.get("next_cursor")
            if not cursor:
                return

    def iter_readings(self, **filters: Any) -> Iterator[dict[str, Any]]:
        """Every reading matching `status`, `device_id`, `project_id` (`limit` per page), page after page."""
        return self._pages("/v1/readings", filters)

    def iter_reviews(self, **filters: Any) -> Iterator[dict[str, Any]]:
        """Every flagged reading awaiting review, page after page."""
        return self._pages("/v1/reviews", filters)

    def decide_review(self, reading_id: str, decision: str, reason: str) -> dict[str, Any]:
        return self.request("POST", f"/v1/reviews/{reading_id}/decision", json={"decision": decision, "reason": reason})
