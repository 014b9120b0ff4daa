from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_identity_identity_type import WebhookIdentityIdentityType
from ..types import (
    new_model,
    set_fields_repr,
)

T = TypeVar("T", bound="WebhookIdentity")


@_attrs_define
class WebhookIdentity:
    """The identity that caused the event: its type, and the one id of that type.

    Attributes:
        identity_type (WebhookIdentityIdentityType | None):
        anonymous_visitor_id (str | None):
        member_id (str | None):
        wix_user_id (str | None):
        app_id (str | None):
    """

    identity_type: WebhookIdentityIdentityType | None = None
    anonymous_visitor_id: str | None = None
    member_id: str | None = None
    wix_user_id: str | None = None
    app_id: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.identity_type is not None:
            field_dict["identityType"] = self.identity_type.value
        if self.anonymous_visitor_id is not None:
            field_dict["anonymousVisitorId"] = self.anonymous_visitor_id
        if self.member_id is not None:
            field_dict["memberId"] = self.member_id
        if self.wix_user_id is not None:
            field_dict["wixUserId"] = self.wix_user_id
        if self.app_id is not None:
            field_dict["appId"] = self.app_id
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        webhook_identity = new_model(cls)
        _identity_type = _pop_("identityType", None)
        identity_type = (
            None
            if _identity_type is None
            else WebhookIdentityIdentityType(_identity_type)
        )
        webhook_identity.identity_type = identity_type

        webhook_identity.anonymous_visitor_id = _pop_("anonymousVisitorId", None)

        webhook_identity.member_id = _pop_("memberId", None)

        webhook_identity.wix_user_id = _pop_("wixUserId", None)

        webhook_identity.app_id = _pop_("appId", None)

        webhook_identity.additional_properties = d
        return webhook_identity

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
