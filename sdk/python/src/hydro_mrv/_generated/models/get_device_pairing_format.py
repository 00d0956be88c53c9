from enum import StrEnum


class GetDevicePairingFormat(StrEnum):
    JSON = "json"
    PNG = "png"

    def __str__(self) -> str:
        return str(self.value)
