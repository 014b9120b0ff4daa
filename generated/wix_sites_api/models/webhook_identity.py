from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_identity_identity_type import WebhookIdentityIdentityType
from ..types import (
    UNSET,
    Unset,
    new_model,
    set_fields_repr,
)

T = TypeVar("T", bound="WebhookIdentity")


@_attrs_define
class WebhookIdentity:
    """The identity that caused the event: its type, and the one id of that type.

    Attributes:
        identity_type (WebhookIdentityIdentityType | Unset):
        anonymous_visitor_id (str | Unset):
        member_id (str | Unset):
        wix_user_id (str | Unset):
        app_id (str | Unset):
    """

    identity_type: WebhookIdentityIdentityType | Unset = UNSET
    anonymous_visitor_id: str | Unset = UNSET
    member_id: str | Unset = UNSET
    wix_user_id: str | Unset = UNSET
    app_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        identity_type: str | Unset = UNSET
        if not isinstance(self.identity_type, Unset):
            identity_type = self.identity_type.value

        anonymous_visitor_id = self.anonymous_visitor_id

        member_id = self.member_id

        wix_user_id = self.wix_user_id

        app_id = self.app_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if identity_type is not UNSET:
            field_dict["identityType"] = identity_type
        if anonymous_visitor_id is not UNSET:
            field_dict["anonymousVisitorId"] = anonymous_visitor_id
        if member_id is not UNSET:
            field_dict["memberId"] = member_id
        if wix_user_id is not UNSET:
            field_dict["wixUserId"] = wix_user_id
        if app_id is not UNSET:
            field_dict["appId"] = app_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        webhook_identity = new_model(cls)
        _identity_type = _pop_("identityType", UNSET)
        identity_type: WebhookIdentityIdentityType | Unset = (
            UNSET
            if _identity_type is UNSET
            else WebhookIdentityIdentityType(_identity_type)
        )
        webhook_identity.identity_type = identity_type

        webhook_identity.anonymous_visitor_id = _pop_("anonymousVisitorId", UNSET)

        webhook_identity.member_id = _pop_("memberId", UNSET)

        webhook_identity.wix_user_id = _pop_("wixUserId", UNSET)

        webhook_identity.app_id = _pop_("appId", UNSET)

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
