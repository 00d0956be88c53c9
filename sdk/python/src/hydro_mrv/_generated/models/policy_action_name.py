from enum import StrEnum


class PolicyActionName(StrEnum):
    ANCHOR = "anchor"
    COMPUTEMETHODOLOGY = "computeMethodology"
    ISSUECREDENTIAL = "issueCredential"
    MINT = "mint"
    NOTIFY = "notify"
    REQUESTREVIEW = "requestReview"
    SETSTATUS = "setStatus"
    VERIFY = "verify"

    def __str__(self) -> str:
        return str(self.value)
