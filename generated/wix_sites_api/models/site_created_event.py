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
    from ..models.site_entity_created import SiteEntityCreated


T = TypeVar("T", bound="SiteCreatedEvent")


@_attrs_define
class SiteCreatedEvent:
    """Site Created: a site was added to the account. `createdEvent` holds the whole site.

    Attributes:
        id (str): The event's id (not the entity's). Every retry of a delivery carries the same id: a
            receiver uses it to ignore duplicates.
        entity_fqdn (str): Fully qualified domain name of the entity the event is about.
        slug (str): The event's name, `created`, `updated`, `deleted`, or an action's slug.
        entity_id (str): ID of the entity the event is about.
        event_time (datetime.datetime): When the event happened (ISO 8601, UTC).
        created_event (SiteEntityCreated): The created site: `entity`, or, in Wix's older examples, `entityAsJson` (the
            same as JSON
            text). A receiver should accept either.
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
    created_event: SiteEntityCreated
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
        field_dict["createdEvent"] = self.created_event.to_dict()
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
        site_created_event = new_model(cls)
        site_created_event.id = _pop_("id")

        site_created_event.entity_fqdn = _pop_("entityFqdn")

        site_created_event.slug = _pop_("slug")

        site_created_event.entity_id = _pop_("entityId")

        event_time = parse_datetime(_pop_("eventTime"))
        site_created_event.event_time = event_time

        created_event = SiteEntityCreated.from_dict(_pop_("createdEvent"))
        site_created_event.created_event = created_event

        site_created_event.triggered_by_anonymize_request = _pop_(
            "triggeredByAnonymizeRequest", None
        )

        site_created_event.originated_from = _pop_("originatedFrom", None)

        site_created_event.entity_event_sequence = _pop_("entityEventSequence", None)

        site_created_event.additional_properties = d
        return site_created_event

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


from ..models.site_entity_created import SiteEntityCreated
