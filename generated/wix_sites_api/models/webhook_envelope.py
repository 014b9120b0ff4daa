from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
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
            instance_id (str | Unset): Wix: "App instance ID, the identifier of the site where the event occurred". For an
                account-level event, the account the change was made in (a sub-account's id for a
                sub-account's event, which also reaches the main account's endpoints).
            identity (str | Unset): Who caused the event (`WebhookIdentity`), as JSON text.
    """

    event_type: str
    data: str
    instance_id: str | Unset = UNSET
    identity: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        event_type = self.event_type

        data = self.data

        instance_id = self.instance_id

        identity = self.identity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "eventType": event_type,
                "data": data,
            }
        )
        if instance_id is not UNSET:
            field_dict["instanceId"] = instance_id
        if identity is not UNSET:
            field_dict["identity"] = identity

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        webhook_envelope = new_model(cls)
        webhook_envelope.event_type = _pop_("eventType")

        webhook_envelope.data = _pop_("data")

        webhook_envelope.instance_id = _pop_("instanceId", UNSET)

        webhook_envelope.identity = _pop_("identity", UNSET)

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
