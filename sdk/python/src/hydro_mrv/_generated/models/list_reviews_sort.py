from enum import StrEnum


class ListReviewsSort(StrEnum):
    DEVICE_ID = "device_id"
    RECEIVED_AT = "received_at"
    TIMESTAMP = "timestamp"
    VERIFIED_AT = "verified_at"

    def __str__(self) -> str:
        return str(self.value)
