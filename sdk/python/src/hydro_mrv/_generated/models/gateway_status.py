from enum import StrEnum


class GatewayStatus(StrEnum):
    ACTIVE = "active"
    DECOMMISSIONED = "decommissioned"
    SUSPENDED = "suspended"

    def __str__(self) -> str:
        return str(self.value)
