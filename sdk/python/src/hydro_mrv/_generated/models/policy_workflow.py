from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.policy_workflow_events import PolicyWorkflowEvents
    from ..models.policy_workflow_states import PolicyWorkflowStates


T = TypeVar("T", bound="PolicyWorkflow")


@_attrs_define
class PolicyWorkflow:
    """
    Attributes:
        initial (str):
        events (PolicyWorkflowEvents):
        states (PolicyWorkflowStates):
        description (str | Unset):
    """

    initial: str
    events: PolicyWorkflowEvents
    states: PolicyWorkflowStates
    description: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        initial = self.initial

        events = self.events.to_dict()

        states = self.states.to_dict()

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "initial": initial,
                "events": events,
                "states": states,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.policy_workflow_events import PolicyWorkflowEvents
        from ..models.policy_workflow_states import PolicyWorkflowStates

        d = dict(src_dict)
        initial = d.pop("initial")

        events = PolicyWorkflowEvents.from_dict(d.pop("events"))

        states = PolicyWorkflowStates.from_dict(d.pop("states"))

        description = d.pop("description", UNSET)

        policy_workflow = cls(
            initial=initial,
            events=events,
            states=states,
            description=description,
        )

        return policy_workflow
