from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    new_model,
    set_fields_repr,
)

T = TypeVar("T", bound="WebhookEnvelope")


@_attrs_define
class WebhookEnvelope:
    """What every webhook carries: the event type, the instance, who caused the event, and the
    event's data. `data` and `identity` are JSON text, as Wix documents.

        Attributes:
            event_type (str): The event type: the entity's FQDN, "_", and the slug, e.g.
                `wix.site_folders.v2.folder_created`.
            data (str): The event (`WebhookEvent`), as JSON text.
            instance_id (str | None): Wix: "App instance ID, the identifier of the site where the event occurred". For an
                account-level event, the account the change was made in (a sub-account's id for a
                sub-account's event, which also reaches the main account's endpoints).
            identity (str | None): Who caused the event (`WebhookIdentity`), as JSON text.
    """

    event_type: str
    data: str
    instance_id: str | None = None
    identity: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["eventType"] = self.event_type
        field_dict["data"] = self.data
        if self.instance_id is not None:
            field_dict["instanceId"] = self.instance_id
        if self.identity is not None:
            field_dict["identity"] = self.identity
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        webhook_envelope = new_model(cls)
        webhook_envelope.event_type = _pop_("eventType")

        webhook_envelope.data = _pop_("data")

        webhook_envelope.instance_id = _pop_("instanceId", None)

        webhook_envelope.identity = _pop_("identity", None)

        webhook_envelope.additional_properties = d
        return webhook_envelope

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
