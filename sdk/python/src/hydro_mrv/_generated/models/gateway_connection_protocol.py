from enum import StrEnum


class GatewayConnectionProtocol(StrEnum):
    FILE = "file"
    HTTP = "http"
    MODBUS_RTU = "modbus-rtu"
    MODBUS_TCP = "modbus-tcp"
    MQTT = "mqtt"
    OPCUA = "opcua"

    def __str__(self) -> str:
        return str(self.value)
