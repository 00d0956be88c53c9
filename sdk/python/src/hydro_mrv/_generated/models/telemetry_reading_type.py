from enum import StrEnum


class TelemetryReadingType(StrEnum):
    ENERGY = "energy"
    ENERGY_EXPORT = "energy_export"
    ENERGY_REGISTER = "energy_register"
    FLOW_RATE = "flow_rate"
    HEAD = "head"
    PH = "ph"
    POWER_OUTPUT = "power_output"
    PRESSURE = "pressure"
    TURBIDITY = "turbidity"
    WATER_TEMPERATURE = "water_temperature"

    def __str__(self) -> str:
        return str(self.value)
