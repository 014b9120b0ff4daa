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
    from ..models.site_entity_deleted import SiteEntityDeleted


T = TypeVar("T", bound="SiteDeletedEvent")


@_attrs_define
class SiteDeletedEvent:
    """Site Deleted: a site left the account's site list. Sites are never deleted by the API, only
    moved to the trash, and Wix marks such a deletion with `deletedEvent.movedToTrash`.

        Attributes:
            id (str): The event's id (not the entity's). Every retry of a delivery carries the same id: a
                receiver uses it to ignore duplicates.
            entity_fqdn (str): Fully qualified domain name of the entity the event is about.
            slug (str): The event's name, `created`, `updated`, `deleted`, or an action's slug.
            entity_id (str): ID of the entity the event is about.
            event_time (datetime.datetime): When the event happened (ISO 8601, UTC).
            deleted_event (SiteEntityDeleted): Wix documents the deleted event as holding only the entity's id (`entityId`,
                outside this
                object); its examples send `{}` or `{"movedToTrash": true}`, and its SDK type declarations
                add the deleted entity (`deletedEntityAsJson`).
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
    deleted_event: SiteEntityDeleted
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
        field_dict["deletedEvent"] = self.deleted_event.to_dict()
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
        site_deleted_event = new_model(cls)
        site_deleted_event.id = _pop_("id")

        site_deleted_event.entity_fqdn = _pop_("entityFqdn")

        site_deleted_event.slug = _pop_("slug")

        site_deleted_event.entity_id = _pop_("entityId")

        event_time = parse_datetime(_pop_("eventTime"))
        site_deleted_event.event_time = event_time

        deleted_event = SiteEntityDeleted.from_dict(_pop_("deletedEvent"))
        site_deleted_event.deleted_event = deleted_event

        site_deleted_event.triggered_by_anonymize_request = _pop_(
            "triggeredByAnonymizeRequest", None
        )

        site_deleted_event.originated_from = _pop_("originatedFrom", None)

        site_deleted_event.entity_event_sequence = _pop_("entityEventSequence", None)

        site_deleted_event.additional_properties = d
        return site_deleted_event

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


from ..models.site_entity_deleted import SiteEntityDeleted
