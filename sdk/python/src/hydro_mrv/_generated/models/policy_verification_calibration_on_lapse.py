from enum import StrEnum


class PolicyVerificationCalibrationOnLapse(StrEnum):
    FLAG = "flag"
    REJECT = "reject"

    def __str__(self) -> str:
        return str(self.value)
