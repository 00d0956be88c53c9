from enum import StrEnum


class EdgeTemplateProtocol(StrEnum):
    FILE = "file"
    HTTP = "http"
    MODBUS = "modbus"
    MQTT = "mqtt"
    OPCUA = "opcua"

    def __str__(self) -> str:
        return str(self.value)
