from enum import StrEnum


class PolicyFieldTypeType1Type(StrEnum):
    BOOLEAN = "boolean"
    DATETIME = "datetime"
    DID = "did"
    HASH = "hash"
    INTEGER = "integer"
    NUMBER = "number"
    STRING = "string"

    def __str__(self) -> str:
        return str(self.value)
