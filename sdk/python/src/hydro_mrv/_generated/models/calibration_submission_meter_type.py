from enum import StrEnum


class CalibrationSubmissionMeterType(StrEnum):
    ENERGY = "energy"
    ENERGY_EXPORT = "energy_export"
    ENERGY_REGISTER = "energy_register"
    FLOW_RATE = "flow_rate"
    HEAD = "head"
    POWER_OUTPUT = "power_output"
    PRESSURE = "pressure"

    def __str__(self) -> str:
        return str(self.value)
