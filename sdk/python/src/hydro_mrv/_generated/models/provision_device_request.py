from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.plant_meter import PlantMeter


T = TypeVar("T", bound="ProvisionDeviceRequest")


@_attrs_define
class ProvisionDeviceRequest:
    """
    Attributes:
        project_id (str):
        scope (str | Unset): `plant` or a unit id Default: 'plant'.
        name (str | Unset):
        meters (list[PlantMeter] | Unset): The device's meters: accuracy class, full scale, calibration record (as in
            the plant file)
        template (str | Unset): A shipped edge template (GET /v1/edge-templates) the gateway reads this meter with
    """

    project_id: str
    scope: str | Unset = "plant"
    name: str | Unset = UNSET
    meters: list[PlantMeter] | Unset = UNSET
    template: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        project_id = self.project_id

        scope = self.scope

        name = self.name

        meters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.meters, Unset):
            meters = []
            for meters_item_data in self.meters:
                meters_item = meters_item_data.to_dict()
                meters.append(meters_item)

        template = self.template

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "project_id": project_id,
            }
        )
        if scope is not UNSET:
            field_dict["scope"] = scope
        if name is not UNSET:
            field_dict["name"] = name
        if meters is not UNSET:
            field_dict["meters"] = meters
        if template is not UNSET:
            field_dict["template"] = template

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.plant_meter import PlantMeter

        d = dict(src_dict)
        project_id = d.pop("project_id")

        scope = d.pop("scope", UNSET)

        name = d.pop("name", UNSET)

        _meters = d.pop("meters", UNSET)
        meters: list[PlantMeter] | Unset = UNSET
        if _meters is not UNSET:
            meters = []
            for meters_item_data in _meters:
                meters_item = PlantMeter.from_dict(meters_item_data)

                meters.append(meters_item)

        template = d.pop("template", UNSET)

        provision_device_request = cls(
            project_id=project_id,
            scope=scope,
            name=name,
            meters=meters,
            template=template,
        )

        return provision_device_request
