from enum import StrEnum


class PolicyVerificationCalibrationOnMissing(StrEnum):
    FLAG = "flag"
    IGNORE = "ignore"
    REJECT = "reject"

    def __str__(self) -> str:
        return str(self.value)
