"""Page through readings: wait until every reading has its verdict, then walk all pages of five."""

from collections import Counter

from _state import BASE_URL, state, wait_for
from hydro_mrv import MrvClient

s = state()
with MrvClient(BASE_URL, api_key=s["admin"]) as admin:
    wait_for("verdicts", lambda: not list(admin.iter_readings(status="RECEIVED", device_id=s["device"])))
    statuses = Counter(r["status"] for r in admin.iter_readings(device_id=s["device"], limit=5))
assert sum(statuses.values()) == 32, statuses
print(f"ok paged {sum(statuses.values())} readings: {dict(statuses)}")
