from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.reading_status import ReadingStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.finding import Finding
    from ..models.reading_review import ReadingReview
    from ..models.review_document import ReviewDocument


T = TypeVar("T", bound="Review")


@_attrs_define
class Review:
    """A flagged reading (as GET /v1/readings/{readingId}) with its escalation deadline

    Attributes:
        id (str):
        project_id (str):
        device_id (str):
        did (str):
        seq (int):
        timestamp (str):
        received_at (datetime.datetime):
        status (ReadingStatus):
        findings (list[Finding]):
        trust_score (float | None | Unset):
        review (None | ReadingReview | Unset):
        document (ReviewDocument | Unset): The signed telemetry document as received (single reading only)
        escalates_at (datetime.datetime | None | Unset): When the policy's review timer escalates the review (null: the
            policy has none)
        escalation_after (None | str | Unset): The timer, an ISO 8601 duration
    """

    id: str
    project_id: str
    device_id: str
    did: str
    seq: int
    timestamp: str
    received_at: datetime.datetime
    status: ReadingStatus
    findings: list[Finding]
    trust_score: float | None | Unset = UNSET
    review: None | ReadingReview | Unset = UNSET
    document: ReviewDocument | Unset = UNSET
    escalates_at: datetime.datetime | None | Unset = UNSET
    escalation_after: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reading_review import ReadingReview

        id = self.id

        project_id = self.project_id

        device_id = self.device_id

        did = self.did

        seq = self.seq

        timestamp = self.timestamp

        received_at = self.received_at.isoformat()

        status = self.status.value

        findings = []
        for findings_item_data in self.findings:
            findings_item = findings_item_data.to_dict()
            findings.append(findings_item)

        trust_score: float | None | Unset
        if isinstance(self.trust_score, Unset):
            trust_score = UNSET
        else:
            trust_score = self.trust_score

        review: dict[str, Any] | None | Unset
        if isinstance(self.review, Unset):
            review = UNSET
        elif isinstance(self.review, ReadingReview):
            review = self.review.to_dict()
        else:
            review = self.review

        document: dict[str, Any] | Unset = UNSET
        if not isinstance(self.document, Unset):
            document = self.document.to_dict()

        escalates_at: None | str | Unset
        if isinstance(self.escalates_at, Unset):
            escalates_at = UNSET
        elif isinstance(self.escalates_at, datetime.datetime):
            escalates_at = self.escalates_at.isoformat()
        else:
            escalates_at = self.escalates_at

        escalation_after: None | str | Unset
        if isinstance(self.escalation_after, Unset):
            escalation_after = UNSET
        else:
            escalation_after = self.escalation_after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_id": project_id,
                "device_id": device_id,
                "did": did,
                "seq": seq,
                "timestamp": timestamp,
                "received_at": received_at,
                "status": status,
                "findings": findings,
            }
        )
        if trust_score is not UNSET:
            field_dict["trust_score"] = trust_score
        if review is not UNSET:
            field_dict["review"] = review
        if document is not UNSET:
            field_dict["document"] = document
        if escalates_at is not UNSET:
            field_dict["escalates_at"] = escalates_at
        if escalation_after is not UNSET:
            field_dict["escalation_after"] = escalation_after

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.finding import Finding
        from ..models.reading_review import ReadingReview
        from ..models.review_document import ReviewDocument

        d = dict(src_dict)
        id = d.pop("id")

        project_id = d.pop("project_id")

        device_id = d.pop("device_id")

        did = d.pop("did")

        seq = d.pop("seq")

        timestamp = d.pop("timestamp")

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        status = ReadingStatus(d.pop("status"))

        findings = []
        _findings = d.pop("findings")
        for findings_item_data in _findings:
            findings_item = Finding.from_dict(findings_item_data)

            findings.append(findings_item)

        def _parse_trust_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        trust_score = _parse_trust_score(d.pop("trust_score", UNSET))

        def _parse_review(data: object) -> None | ReadingReview | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                review_type_0 = ReadingReview.from_dict(data)

                return review_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReadingReview | Unset, data)

        review = _parse_review(d.pop("review", UNSET))

        _document = d.pop("document", UNSET)
        document: ReviewDocument | Unset
        if isinstance(_document, Unset):
            document = UNSET
        else:
            document = ReviewDocument.from_dict(_document)

        def _parse_escalates_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                escalates_at_type_0 = datetime.datetime.fromisoformat(data)

                return escalates_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        escalates_at = _parse_escalates_at(d.pop("escalates_at", UNSET))

        def _parse_escalation_after(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        escalation_after = _parse_escalation_after(d.pop("escalation_after", UNSET))

        review = cls(
            id=id,
            project_id=project_id,
            device_id=device_id,
            did=did,
            seq=seq,
            timestamp=timestamp,
            received_at=received_at,
            status=status,
            findings=findings,
            trust_score=trust_score,
            review=review,
            document=document,
            escalates_at=escalates_at,
            escalation_after=escalation_after,
        )

        review.additional_properties = d
        return review

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
