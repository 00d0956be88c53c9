"""List flagged readings and decide a review: the verifier approves the 99 % reading with a reason."""

from _state import BASE_URL, state, wait_for
from hydro_mrv import MrvClient, ProblemError

s = state()
with MrvClient(BASE_URL, api_key=s["verifier"]) as verifier:
    flagged = wait_for("a flagged reading", lambda: next(iter(verifier.iter_reviews()), None))
    rules = [f["rule"] for f in flagged["findings"]]

    def decide():
        try:
            return verifier.decide_review(flagged["id"], "approve", "flow meter recalibrated on site")
        except ProblemError as problem:
            if problem.status == 409:  # the review workflow opens moments after the verdict
                return None
            raise

    decision = wait_for("the review to open", decide)
    wait_for("approval", lambda: verifier.request("GET", f"/v1/readings/{flagged['id']}")["status"] == "APPROVED")
print(f"ok reading {flagged['id']} flagged for {rules} approved as {decision['acted_as']}")
