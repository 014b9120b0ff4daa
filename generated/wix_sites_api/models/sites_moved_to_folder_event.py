from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    format_datetime,
    new_model,
    parse_datetime,
    set_fields_repr,
)

if TYPE_CHECKING:
    from ..models.sites_moved_to_folder_action import SitesMovedToFolderAction


T = TypeVar("T", bound="SitesMovedToFolderEvent")


@_attrs_define
class SitesMovedToFolderEvent:
    """The Site Folders action event `move_site_to_folder_event`: sites were moved into a folder,
    or to root. `actionEvent` holds the target and the sites.

        Attributes:
            id (str): The event's id (not the entity's). Every retry of a delivery carries the same id: a
                receiver uses it to ignore duplicates.
            entity_fqdn (str): Fully qualified domain name of the entity the event is about.
            slug (str): The event's name, `created`, `updated`, `deleted`, or an action's slug.
            entity_id (str): ID of the entity the event is about.
            event_time (datetime.datetime): When the event happened (ISO 8601, UTC).
            action_event (SitesMovedToFolderAction): The action's body, `body`, or `bodyAsJson` (the same as JSON text).
            triggered_by_anonymize_request (bool | None): Whether a privacy regulation request (such as GDPR) caused the
                event.
            originated_from (str | None): The slug of the action that caused this change, when there is one.
            entity_event_sequence (str | None): A number, as text, that grows with each event of the entity: a receiver can
                ignore an
                event older than one it has handled. In Wix's SDK type declarations, not in its REST
                docs; the sandbox does not send it.
    """

    id: str
    entity_fqdn: str
    slug: str
    entity_id: str
    event_time: datetime.datetime
    action_event: SitesMovedToFolderAction
    triggered_by_anonymize_request: bool | None = None
    originated_from: str | None = None
    entity_event_sequence: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["id"] = self.id
        field_dict["entityFqdn"] = self.entity_fqdn
        field_dict["slug"] = self.slug
        field_dict["entityId"] = self.entity_id
        field_dict["eventTime"] = format_datetime(self.event_time)
        field_dict["actionEvent"] = self.action_event.to_dict()
        if self.triggered_by_anonymize_request is not None:
            field_dict["triggeredByAnonymizeRequest"] = (
                self.triggered_by_anonymize_request
            )
        if self.originated_from is not None:
            field_dict["originatedFrom"] = self.originated_from
        if self.entity_event_sequence is not None:
            field_dict["entityEventSequence"] = self.entity_event_sequence
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        sites_moved_to_folder_event = new_model(cls)
        sites_moved_to_folder_event.id = _pop_("id")

        sites_moved_to_folder_event.entity_fqdn = _pop_("entityFqdn")

        sites_moved_to_folder_event.slug = _pop_("slug")

        sites_moved_to_folder_event.entity_id = _pop_("entityId")

        event_time = parse_datetime(_pop_("eventTime"))
        sites_moved_to_folder_event.event_time = event_time

        action_event = SitesMovedToFolderAction.from_dict(_pop_("actionEvent"))
        sites_moved_to_folder_event.action_event = action_event

        sites_moved_to_folder_event.triggered_by_anonymize_request = _pop_(
            "triggeredByAnonymizeRequest", None
        )

        sites_moved_to_folder_event.originated_from = _pop_("originatedFrom", None)

        sites_moved_to_folder_event.entity_event_sequence = _pop_(
            "entityEventSequence", None
        )

        sites_moved_to_folder_event.additional_properties = d
        return sites_moved_to_folder_event

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


from ..models.sites_moved_to_folder_action import SitesMovedToFolderAction
