from enum import StrEnum


class CalibrationDocumentMediaType(StrEnum):
    APPLICATIONJSON = "application/json"
    APPLICATIONPDF = "application/pdf"

    def __str__(self) -> str:
        return str(self.value)
