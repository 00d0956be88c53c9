"""Typed errors: server problems (RFC 9457) and documents the SDK refuses to sign."""

from __future__ import annotations

import json
from typing import Any

import httpx


class ProblemError(Exception):
    """An RFC 9457 problem the API answered, carrying the server's own detail."""

    def __init__(self, status: int, problem: dict[str, Any]) -> None:
        self.problem = problem
        self.status: int = problem.get("status") if isinstance(problem.get("status"), int) else status
        self.type: str = problem.get("type") or "about:blank"
        self.title: str = problem.get("title") or f"HTTP {status}"
        self.detail: str | None = problem.get("detail")
        self.code: str | None = problem.get("code")
        self.errors: list[dict[str, str]] = problem.get("errors") or []
        self.request_id: str | None = problem.get("request_id")
        super().__init__(f"{self.title}: {self.detail}" if self.detail else self.title)

    @classmethod
    def from_response(cls, response: httpx.Response) -> ProblemError:
        try:
            body = json.loads(response.content)
            if not isinstance(body, dict):
                raise ValueError
        except ValueError:
            body = {"title": response.reason_phrase or f"HTTP {response.status_code}"}
            if response.content:
                body["detail"] = response.text[:500]
        return cls(response.status_code, body)


class TelemetryDocumentError(ValueError):
    """A document that is not telemetry v1: refused before it is signed or sent."""
