from enum import StrEnum


class HydroMRVPolicyAnchoringMode(StrEnum):
    MERKLE_BATCH = "merkle_batch"
    PER_DOCUMENT = "per_document"

    def __str__(self) -> str:
        return str(self.value)
