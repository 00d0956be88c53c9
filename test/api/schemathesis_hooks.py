"""Schemathesis hooks for test/api/schemathesis.test.ts.

They give the generator the rules a JSON Schema cannot state, the way a real client meets them, and
touch only requests that are valid already (a negative case stays negative):

- an Idempotency-Key names one request: a client makes a fresh key per request, while generated
  cases repeat the documented example or short strings with other bodies (the server's 422 for that
  reuse is right, and test/api/idempotency.security.test.ts covers it);
- a plant's unit ids and device ids are unique, and a device's scope is 'plant' or one of its units
  (cross-item rules of schemas/plant.schema.json, stated in its descriptions).

Schemathesis suggests exactly this: "a `before_call` hook can give unique fields fresh values".
"""

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


@schemathesis.hook
def before_call(context, case, kwargs):
    _fresh_idempotency_key(case)
    if not _is_positive(case):
        return
    if case.operation.path == "/v1/projects" and case.method.upper() == "POST" and isinstance(case.body, dict):
        if isinstance(case.body.get("plant"), dict):
            _consistent_plant(case.body["plant"])
