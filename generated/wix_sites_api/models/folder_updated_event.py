from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    new_model,
    parse_datetime,
    set_fields_repr,
)

if TYPE_CHECKING:
    from ..models.folder_entity_updated import FolderEntityUpdated


T = TypeVar("T", bound="FolderUpdatedEvent")


@_attrs_define
class FolderUpdatedEvent:
    """Folder Updated. `updatedEvent` holds the whole folder as it is now.

    Attributes:
        id (str): The event's id (not the entity's). Every retry of a delivery carries the same id: a
            receiver uses it to ignore duplicates.
        entity_fqdn (str): Fully qualified domain name of the entity the event is about.
        slug (str): The event's name, `created`, `updated`, `deleted`, or an action's slug.
        entity_id (str): ID of the entity the event is about.
        event_time (datetime.datetime): When the event happened (ISO 8601, UTC).
        updated_event (FolderEntityUpdated): The folder as it is now, `currentEntity` or `currentEntityAsJson`.
        triggered_by_anonymize_request (bool | Unset): Whether a privacy regulation request (such as GDPR) caused the
            event.
        originated_from (str | Unset): The slug of the action that caused this change, when there is one.
        entity_event_sequence (str | Unset): A number, as text, that grows with each event of the entity: a receiver can
            ignore an
            event older than one it has handled. In Wix's SDK type declarations, not in its REST
            docs; the sandbox does not send it.
    """

    id: str
    entity_fqdn: str
    slug: str
    entity_id: str
    event_time: datetime.datetime
    updated_event: FolderEntityUpdated
    triggered_by_anonymize_request: bool | Unset = UNSET
    originated_from: str | Unset = UNSET
    entity_event_sequence: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        entity_fqdn = self.entity_fqdn

        slug = self.slug

        entity_id = self.entity_id

        event_time = self.event_time.isoformat()

        updated_event = self.updated_event.to_dict()

        triggered_by_anonymize_request = self.triggered_by_anonymize_request

        originated_from = self.originated_from

        entity_event_sequence = self.entity_event_sequence

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "entityFqdn": entity_fqdn,
                "slug": slug,
                "entityId": entity_id,
                "eventTime": event_time,
                "updatedEvent": updated_event,
            }
        )
        if triggered_by_anonymize_request is not UNSET:
            field_dict["triggeredByAnonymizeRequest"] = triggered_by_anonymize_request
        if originated_from is not UNSET:
            field_dict["originatedFrom"] = originated_from
        if entity_event_sequence is not UNSET:
            field_dict["entityEventSequence"] = entity_event_sequence

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        folder_updated_event = new_model(cls)
        folder_updated_event.id = _pop_("id")

        folder_updated_event.entity_fqdn = _pop_("entityFqdn")

        folder_updated_event.slug = _pop_("slug")

        folder_updated_event.entity_id = _pop_("entityId")

        event_time = parse_datetime(_pop_("eventTime"))
        folder_updated_event.event_time = event_time

        updated_event = FolderEntityUpdated.from_dict(_pop_("updatedEvent"))
        folder_updated_event.updated_event = updated_event

        folder_updated_event.triggered_by_anonymize_request = _pop_(
            "triggeredByAnonymizeRequest", UNSET
        )

        folder_updated_event.originated_from = _pop_("originatedFrom", UNSET)

        folder_updated_event.entity_event_sequence = _pop_("entityEventSequence", UNSET)

        folder_updated_event.additional_properties = d
        return folder_updated_event

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


from ..models.folder_entity_updated import FolderEntityUpdated
