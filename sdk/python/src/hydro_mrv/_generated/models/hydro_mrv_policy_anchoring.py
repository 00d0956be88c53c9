from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

from ..models.hydro_mrv_policy_anchoring_mode import HydroMRVPolicyAnchoringMode
from ..types import UNSET, Unset

T = TypeVar("T", bound="HydroMRVPolicyAnchoring")


@_attrs_define
class HydroMRVPolicyAnchoring:
    """
    Attributes:
        mode (HydroMRVPolicyAnchoringMode):
        batch_size (int | Unset):
        interval (str | Unset): ISO 8601 duration, e.g. P7D, PT1H.
    """

    mode: HydroMRVPolicyAnchoringMode
    batch_size: int | Unset = UNSET
    interval: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        mode = self.mode.value

        batch_size = self.batch_size

        interval = self.interval

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "mode": mode,
            }
        )
        if batch_size is not UNSET:
            field_dict["batch_size"] = batch_size
        if interval is not UNSET:
            field_dict["interval"] = interval

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        mode = HydroMRVPolicyAnchoringMode(d.pop("mode"))

        batch_size = d.pop("batch_size", UNSET)

        interval = d.pop("interval", UNSET)

        hydro_mrv_policy_anchoring = cls(
            mode=mode,
            batch_size=batch_size,
            interval=interval,
        )

        return hydro_mrv_policy_anchoring
