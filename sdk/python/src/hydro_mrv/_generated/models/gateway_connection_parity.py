from enum import StrEnum


class GatewayConnectionParity(StrEnum):
    EVEN = "even"
    NONE = "none"
    ODD = "odd"

    def __str__(self) -> str:
        return str(self.value)
