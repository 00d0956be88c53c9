from enum import StrEnum


class HydropowerPlantUnitsItemTurbine(StrEnum):
    CROSSFLOW = "crossflow"
    FRANCIS = "francis"
    KAPLAN = "kaplan"
    PELTON = "pelton"
    TURGO = "turgo"

    def __str__(self) -> str:
        return str(self.value)
