"""Hydro MRV API SDK: a generated client plus signing, retries, pagination and typed errors."""

from ._version import __version__
from .client import MrvClient, Retry
from .errors import ProblemError, TelemetryDocumentError
from .signing import (
    assert_telemetry_v1,
    private_key,
    public_key_from_did_key,
    sign_telemetry,
    signing_payload,
    verify_telemetry,
)

__all__ = [
    "MrvClient",
    "ProblemError",
    "Retry",
    "TelemetryDocumentError",
    "__version__",
    "assert_telemetry_v1",
    "private_key",
    "public_key_from_did_key",
    "sign_telemetry",
    "signing_payload",
    "verify_telemetry",
]
