"""Telemetry v1 signing as devices sign: Ed25519 over the RFC 8785 (JCS) form without `signature`."""

from __future__ import annotations

import base64
import re
from typing import Any

import rfc8785
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .errors import TelemetryDocumentError

_VERSION = re.compile(r"^1\.[0-9]+\.[0-9]+$")
_DID = re.compile(r"^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$")
_SIGNATURE = re.compile(r"^[A-Za-z0-9_-]{86}$")
_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def assert_telemetry_v1(document: Any) -> None:
    """Raises TelemetryDocumentError unless `document` has the shape of telemetry v1."""

    def fail(why: str) -> None:
        raise TelemetryDocumentError(f"not a telemetry v1 document: {why}")

    if not isinstance(document, dict):
        fail("must be a JSON object")
    if not isinstance(document.get("schema_version"), str) or not _VERSION.match(document["schema_version"]):
        fail("schema_version must be 1.x.y")
    if not isinstance(document.get("device_id"), str) or not _DID.match(document["device_id"]):
        fail("device_id must be a DID")
    seq = document.get("seq")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
        fail("seq must be a non-negative integer")
    if not isinstance(document.get("timestamp"), str):
        fail("timestamp must be an RFC 3339 string")
    if not isinstance(document.get("interval_s"), int):
        fail("interval_s must be an integer")
    if not isinstance(document.get("readings"), list) or not document["readings"]:
        fail("readings must be a non-empty array")


def signing_payload(document: dict[str, Any]) -> bytes:
    """The bytes a device signs: the JCS (RFC 8785) form of the document without `signature`."""
    return rfc8785.dumps({k: v for k, v in document.items() if k != "signature"})


def private_key(key: Ed25519PrivateKey | bytes | str | dict[str, str]) -> Ed25519PrivateKey:
    """An Ed25519 key from a 32-byte seed (bytes or hex), a JWK (`pairing.private_key_jwk`) or itself."""
    if isinstance(key, Ed25519PrivateKey):
        return key
    if isinstance(key, dict):
        d = key["d"]
        return Ed25519PrivateKey.from_private_bytes(base64.urlsafe_b64decode(d + "=" * (-len(d) % 4)))
    if isinstance(key, str):
        key = bytes.fromhex(key)
    return Ed25519PrivateKey.from_private_bytes(key)


def sign_telemetry(document: dict[str, Any], key: Ed25519PrivateKey | bytes | str | dict[str, str]) -> dict[str, Any]:
    """Signs a telemetry v1 document; refuses anything else (TelemetryDocumentError) before signing."""
    assert_telemetry_v1(document)
    unsigned = {k: v for k, v in document.items() if k != "signature"}
    signature = private_key(key).sign(signing_payload(unsigned))
    return {**unsigned, "signature": base64.urlsafe_b64encode(signature).rstrip(b"=").decode()}


def _b58decode(text: str) -> bytes:
    n = 0
    for ch in text:
        if ch not in _B58:
            raise TelemetryDocumentError(f"not base58btc: {ch!r}")
        n = n * 58 + _B58.index(ch)
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b""
    return b"\x00" * (len(text) - len(text.lstrip("1"))) + raw


def public_key_from_did_key(did: str) -> Ed25519PublicKey:
    """The Ed25519 key of a `did:key:z6Mk…` (multicodec 0xed01)."""
    m = re.match(r"^did:key:z([1-9A-HJ-NP-Za-km-z]+)$", did)
    raw = _b58decode(m.group(1)) if m else b""
    if len(raw) != 34 or raw[:2] != b"\xed\x01":
        raise TelemetryDocumentError(f"not an Ed25519 did:key: {did}")
    return Ed25519PublicKey.from_public_bytes(raw[2:])


def verify_telemetry(document: dict[str, Any], public_key: Ed25519PublicKey | None = None) -> bool:
    """Whether the signature is valid for the document's own did:key (or the given key)."""
    signature = document.get("signature")
    if not isinstance(signature, str) or not _SIGNATURE.match(signature):
        return False
    try:
        key = public_key or public_key_from_did_key(document["device_id"])
        key.verify(base64.urlsafe_b64decode(signature + "=="), signing_payload(document))
        return True
    except (InvalidSignature, TelemetryDocumentError, KeyError, ValueError):
        return False
