from enum import StrEnum


class EvidencePointStatus(StrEnum):
    APPROVED = "APPROVED"
    FLAGGED = "FLAGGED"
    RECEIVED = "RECEIVED"
    REJECTED = "REJECTED"

    def __str__(self) -> str:
        return str(self.value)
