import json
import time
from datetime import datetime, timedelta, timezone

import pytest

from conftest import need
from hydro_mrv import MrvClient, ProblemError, Retry, TelemetryDocumentError, sign_telemetry
from hydro_mrv._generated.api.organizations import get_organization


def unsigned(did: str, seq: int) -> dict:
    ts = datetime(2026, 3, 1, tzinfo=timezone.utc) + timedelta(minutes=15 * seq)
    return {
        "schema_version": "1.0.0",
        "device_id": did,
        "seq": seq,
        "timestamp": ts.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "interval_s": 900,
        "readings": [
            {"sensor_id": "gen_01", "type": "energy", "value": 120.5, "unit": "kWh"},
            {"sensor_id": "exp_01", "type": "energy_export", "value": 118.2, "unit": "kWh"},
        ],
    }


@pytest.fixture
def device():
    return need("MRV_PY_DEVICE_DID"), json.loads(need("MRV_PY_DEVICE_JWK")), need("MRV_PY_DEVICE_ID")


def test_oauth_batching_pagination_and_duplicates(device):
    did, jwk, device_id = device
    with MrvClient(need("MRV_API_URL"), client_id=need("MRV_GATEWAY_PREFIX"), client_secret=need("MRV_GATEWAY_KEY")) as gw:
        assert need("MRV_GATEWAY_KEY") not in repr(gw)
        org = get_organization.sync(client=gw.api)
        assert org.credential.kind.value == "access_token"
        docs = [sign_telemetry(unsigned(did, 300 + i), jwk) for i in range(5)]
        first = gw.submit_telemetry(docs, batch_size=2)
        assert (first["accepted"], first["duplicates"]) == (5, 0)
        assert [r["index"] for r in first["results"]] == [0, 1, 2, 3, 4]
        assert gw.submit_telemetry(docs)["duplicates"] == 5
    with MrvClient(need("MRV_API_URL"), api_key=need("MRV_ADMIN_KEY")) as admin:
        ids = [r["id"] for r in admin.iter_readings(device_id=device_id, limit=2)]
        assert len(ids) == 5 and len(set(ids)) == 5


def test_typed_problems_carry_the_server_detail():
    with MrvClient(need("MRV_API_URL"), api_key=need("MRV_ADMIN_KEY")) as admin:
        with pytest.raises(ProblemError) as missing:
            admin.request("GET", "/v1/readings/rdg_0000000000000000000000")
        assert (missing.value.status, missing.value.code) == (404, "NOT_FOUND")
        assert missing.value.type == "urn:mrv:problem:not-found"
        with pytest.raises(ProblemError) as invalid:
            admin.request("POST", "/v1/api-keys", json={"name": "", "scopes": []})
        assert invalid.value.status == 400
        assert {"/name", "/scopes"} <= {e["pointer"] for e in invalid.value.errors}
        assert "failed validation" in invalid.value.detail


def test_refuses_a_non_telemetry_document_before_any_request(testdata):
    offline = MrvClient("http://127.0.0.1:9", api_key="mrv_live_x", retry=Retry(max_attempts=1))
    for bad in testdata("not-telemetry-v1"):
        with pytest.raises(TelemetryDocumentError):
            offline.submit_telemetry([bad["document"]])


def test_survives_429_and_a_reset_connection_without_storing_twice(device):
    did, jwk, device_id = device
    flaky = MrvClient(need("MRV_FLAKY_URL"), api_key=need("MRV_GATEWAY_KEY"), retry=Retry(base_delay_s=0.05))
    docs = [sign_telemetry(unsigned(did, 400 + i), jwk) for i in range(3)]
    result = flaky.submit_telemetry(docs)
    assert (result["accepted"], result["duplicates"]) == (3, 0)
    started = time.monotonic()
    assert len(list(flaky.iter_readings(device_id=device_id))) == 8
    assert time.monotonic() - started >= 0.9  # Retry-After: 1 honoured
