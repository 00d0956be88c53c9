"""Python half of `npm run bench:sdk`: signs and submits with hydro_mrv, prints JSON figures."""

import json
import os
import time

from hydro_mrv import MrvClient, sign_telemetry

did, jwk = os.environ["MRV_DEVICE_DID"], json.loads(os.environ["MRV_DEVICE_JWK"])
sign_n, submit_n = int(os.environ["BENCH_SIGN_N"]), int(os.environ["BENCH_SUBMIT_N"])


def doc(seq: int) -> dict:
    return {"schema_version": "1.0.0", "device_id": did, "seq": seq, "timestamp": f"2026-01-01T00:{seq % 60:02d}:00Z",
            "interval_s": 900, "readings": [{"sensor_id": "gen_01", "type": "energy", "value": 120.5, "unit": "kWh"},
                                            {"sensor_id": "exp_01", "type": "energy_export", "value": 118.2, "unit": "kWh"}]}


start = time.perf_counter()
signed = [sign_telemetry(doc(i + 1), jwk) for i in range(sign_n)]
sign_s = time.perf_counter() - start
with MrvClient(os.environ["MRV_API_URL"], api_key=os.environ["MRV_API_KEY"]) as client:
    start = time.perf_counter()
    for d in signed[:submit_n]:
        client.submit_telemetry([d])
    submit_s = time.perf_counter() - start
print(json.dumps({"signed_per_s": round(sign_n / sign_s), "submits_per_s": round(submit_n / submit_s, 1)}))
