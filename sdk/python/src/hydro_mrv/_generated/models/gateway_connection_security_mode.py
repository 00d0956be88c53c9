from enum import StrEnum


class GatewayConnectionSecurityMode(StrEnum):
    NONE = "None"
    SIGN = "Sign"
    SIGNANDENCRYPT = "SignAndEncrypt"

    def __str__(self) -> str:
        return str(self.value)
