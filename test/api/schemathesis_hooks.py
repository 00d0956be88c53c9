"""Schemathesis hooks for test/api/schemathesis.test.ts.

They give the generator the rules a JSON Schema cannot state, the way a real client meets them, and
touch only requests that are valid already (a negative case stays negative):

- an Idempotency-Key names one request: a client makes a fresh key per request, while generated
  cases repeat the documented example or short strings with other bodies (the server's 422 for that
  reuse is right, and test/api/idempotency.security.test.ts covers it);
- a plant's unit ids and device ids are unique, and a device's scope is 'plant' or one of its units
  (cross-item rules of schemas/plant.schema.json, stated in its descriptions);
- a calibration certificate is in force today (calibrated in the past, due in the future, a real
  calendar date), names no other device, and its document is what its media type says (a PDF,
  or JSON) with the sha256 of its content
  (rules stated in the descriptions of schemas/plant.schema.json and api/calibration-schemas.ts).

Schemathesis suggests exactly this: "a `before_call` hook can give unique fields fresh values".
"""

import base64
import datetime
import hashlib
import re
import uuid

import schemathesis

IDEMPOTENCY_KEY = re.compile(r"^[!-~]{1,255}$")


def _is_positive(case):
    meta = getattr(case, "meta", None)
    return meta is None or meta.generation.mode.is_positive


def _fresh_idempotency_key(case):
    headers = case.headers or {}
    for name, value in list(headers.items()):
        if name.lower() == "idempotency-key" and isinstance(value, str) and IDEMPOTENCY_KEY.match(value):
            headers[name] = uuid.uuid4().hex


def _consistent_plant(plant):
    units = plant.get("units")
    unit_ids = set()
    if isinstance(units, list):
        for i, unit in enumerate(units):
            if not isinstance(unit, dict) or not isinstance(unit.get("unit_id"), str):
                continue
            if unit["unit_id"] in unit_ids:
                n = i
                while f"u{n}" in unit_ids:
                    n += 1000
                unit["unit_id"] = f"u{n}"
            unit_ids.add(unit["unit_id"])
    devices = plant.get("devices")
    if isinstance(devices, list):
        seen = set()
        kept = []
        for device in devices:
            if not isinstance(device, dict) or device.get("device_id") in seen:
                continue
            seen.add(device.get("device_id"))
            if device.get("scope") != "plant" and device.get("scope") not in unit_ids:
                device["scope"] = "plant"
            kept.append(device)
        plant["devices"] = kept


def _certificate_in_force(certificate):
    if not isinstance(certificate, dict):
        return
    today = datetime.date.today()
    if isinstance(certificate.get("calibrated_on"), str):
        certificate["calibrated_on"] = (today - datetime.timedelta(days=30)).isoformat()
    if isinstance(certificate.get("next_due"), str):
        certificate["next_due"] = (today + datetime.timedelta(days=365)).isoformat()
    # A certificate naming a device names this one; the generator cannot know its DID, so leave it out.
    certificate.pop("device_id", None)


def _consistent_meters(body):
    for meter in body.get("meters") or []:
        if isinstance(meter, dict):
            _certificate_in_force(meter.get("calibration"))


# The smallest documents of each media type the server recognises as what they claim to be.
_DOCUMENTS = {"application/pdf": b"%PDF-1.4\n%%EOF\n", "application/json": b'{"certificate": "generated"}'}


def _hashed_document(document):
    if not isinstance(document, dict) or not isinstance(document.get("content_base64"), str):
        return
    content = _DOCUMENTS.get(document.get("media_type"))
    if content is None:
        return
    document["content_base64"] = base64.b64encode(content).decode("ascii")
    document["sha256"] = hashlib.sha256(content).hexdigest()


@schemathesis.hook
def before_call(context, case, kwargs):
    _fresh_idempotency_key(case)
    if not _is_positive(case):
        return
    if case.operation.path == "/v1/projects" and case.method.upper() == "POST" and isinstance(case.body, dict):
        if isinstance(case.body.get("plant"), dict):
            _consistent_plant(case.body["plant"])
    method = case.method.upper()
    path = case.operation.path
    if method == "POST" and path in ("/v1/devices", "/v1/devices/provision") and isinstance(case.body, dict):
        _consistent_meters(case.body)
    if method == "POST" and path == "/v1/devices/{deviceId}/calibrations" and isinstance(case.body, dict):
        _certificate_in_force(case.body.get("certificate"))
        _hashed_document(case.body.get("document"))
