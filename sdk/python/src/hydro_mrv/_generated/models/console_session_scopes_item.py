from enum import StrEnum


class ConsoleSessionScopesItem(StrEnum):
    ADMIN = "admin"
    POLICYWRITE = "policy:write"
    READINGSREAD = "readings:read"
    REVIEWWRITE = "review:write"
    TELEMETRYWRITE = "telemetry:write"
    TOKENMINT = "token:mint"

    def __str__(self) -> str:
        return str(self.value)
