from enum import StrEnum


class GatewayConnectionSecurityPolicy(StrEnum):
    AES128_SHA256_RSAOAEP = "Aes128_Sha256_RsaOaep"
    BASIC256SHA256 = "Basic256Sha256"
    NONE = "None"

    def __str__(self) -> str:
        return str(self.value)
