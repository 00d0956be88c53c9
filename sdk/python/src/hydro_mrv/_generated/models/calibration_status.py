from enum import StrEnum


class CalibrationStatus(StrEnum):
    APPROVED = "approved"
    REJECTED = "rejected"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
