import json

import pytest
import rfc8785

from hydro_mrv import TelemetryDocumentError, sign_telemetry, signing_payload, verify_telemetry


def test_jcs_matches_the_rfc8785_vectors(testdata):
    for v in testdata("jcs-rfc8785"):
        # JSON numbers are IEEE 754 doubles (RFC 8785 §3.2.2.3): read integer literals as such.
        assert rfc8785.dumps(json.loads(v["input"], parse_int=float)).decode() == v["expected"], v["name"]


def test_reproduces_and_verifies_the_engine_signatures(testdata):
    vectors = testdata("telemetry-signing")
    for case in vectors["cases"]:
        doc = case["document"]
        assert verify_telemetry(doc)
        assert signing_payload(doc).decode() == case["payload"]
        assert sign_telemetry(doc, vectors["seed_hex"])["signature"] == doc["signature"]
        assert not verify_telemetry({**doc, "seq": doc["seq"] + 1})


def test_refuses_to_sign_what_is_not_telemetry_v1(testdata):
    for bad in testdata("not-telemetry-v1"):
        with pytest.raises(TelemetryDocumentError):
            sign_telemetry(bad["document"], "00" * 32)
