import json
import os
from pathlib import Path

import pytest


def need(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        pytest.fail(f"{name} is not set: run through npm test (test/sdk/sdk-live.test.ts starts the API)")
    return value


@pytest.fixture
def testdata():
    base = Path(os.environ.get("MRV_TESTDATA", Path(__file__).parents[2] / "testdata"))
    return lambda name: json.loads((base / f"{name}.json").read_text())
