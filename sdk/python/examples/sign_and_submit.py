"""Sign and submit telemetry: a day of hourly readings at 85 % turbine efficiency, then one implying 99 %."""

from datetime import datetime, timedelta, timezone

from _state import BASE_URL, state
from hydro_mrv import MrvClient, sign_telemetry


def reading(did: str, seq: int, flow: float, efficiency: float) -> dict:
    kwh = round(flow * 45 * 9.81 * efficiency, 1)
    end = datetime(2026, 2, 1, tzinfo=timezone.utc) + timedelta(hours=seq)
    return {
        "schema_version": "1.0.0",
        "device_id": did,
        "seq": seq,
        "timestamp": end.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "interval_s": 3600,
        "readings": [
            {"sensor_id": "flow_01", "type": "flow_rate", "value": flow, "unit": "m3/s"},
            {"sensor_id": "head_01", "type": "head", "value": 45, "unit": "m"},
            {"sensor_id": "gen_01", "type": "energy", "value": kwh, "unit": "kWh"},
            {"sensor_id": "exp_01", "type": "energy_export", "value": round(kwh * 0.98, 1), "unit": "kWh"},
        ],
    }


s = state()
docs = [sign_telemetry(reading(s["did"], seq, 2.8 + 0.03 * (seq % 7), 0.85), s["jwk"]) for seq in range(1, 25)]
docs.append(sign_telemetry(reading(s["did"], 25, 2.5, 0.99), s["jwk"]))
with MrvClient(BASE_URL, api_key=s["gateway"]) as gateway:
    result = gateway.submit_telemetry(docs, batch_size=10)
assert result["accepted"] == 25, result
print(f"ok submitted {result['accepted']} signed readings in 3 batches")
