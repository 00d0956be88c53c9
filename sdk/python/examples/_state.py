"""Examples hand what they made to the next one through a JSON file (MRV_STATE). Not part of the SDK."""

import json
import os
import time
from pathlib import Path

FILE = Path(os.environ.get("MRV_STATE", "mrv-example-state.json"))
BASE_URL = os.environ.get("MRV_API_URL", "http://127.0.0.1:8080")


def state() -> dict:
    return json.loads(FILE.read_text()) if FILE.exists() else {}


def save(**extra) -> None:
    FILE.write_text(json.dumps({**state(), **extra}, indent=2))


def wait_for(what: str, probe, seconds: float = 240):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = probe()
        except Exception:  # noqa: BLE001 — the thing waited for may not exist yet
            value = None
        if value:
            return value
        time.sleep(0.5)
    raise TimeoutError(f"timed out waiting for {what}")
