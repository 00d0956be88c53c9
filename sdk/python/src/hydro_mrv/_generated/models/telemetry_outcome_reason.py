from enum import StrEnum


class TelemetryOutcomeReason(StrEnum):
    DEVICE = "device"
    SCHEMA = "schema"
    SIGNATURE = "signature"

    def __str__(self) -> str:
        return str(self.value)
