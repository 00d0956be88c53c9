from enum import StrEnum


class ChainLinkStatus(StrEnum):
    FAIL = "FAIL"
    PASS = "PASS"

    def __str__(self) -> str:
        return str(self.value)
