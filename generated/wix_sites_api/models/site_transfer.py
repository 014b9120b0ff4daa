from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    GUID_SHAPES,
    GUID_TABLE,
    check_guids,
    new_model,
    set_fields_repr,
)

T = TypeVar("T", bound="SiteTransfer")


@_attrs_define
class SiteTransfer:
    """A site transfer. The target account is the `wix-account-id` header of the request, never a
    field here.

        Attributes:
            site_id (str): A Wix GUID.
            source_account_id (str): A Wix GUID.
            enable_notifications (bool | None): Whether the site owner receives an email from Wix about the successful
                transfer (none is
                sent about failed transfers). Default `false`.
                 Default: False.
    """

    site_id: str
    source_account_id: str
    enable_notifications: bool | None = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["siteId"] = self.site_id
        field_dict["sourceAccountId"] = self.source_account_id
        if self.enable_notifications is not None:
            field_dict["enableNotifications"] = self.enable_notifications
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        site_transfer = new_model(cls)
        site_transfer.site_id = site_id = _pop_("siteId")

        site_transfer.source_account_id = source_account_id = _pop_("sourceAccountId")

        site_transfer.enable_notifications = _pop_("enableNotifications", None)

        # every GUID field of the model checked at once; one by one when one is absent or wrong
        try:
            _guids_ok_ = (
                ",".join([site_id, source_account_id]).encode().translate(GUID_TABLE)
                == GUID_SHAPES[2]
            )
        except (TypeError, ValueError):  # not a str, not a list, None; a lone surrogate
            _guids_ok_ = False
        if not _guids_ok_:
            check_guids((site_id, source_account_id), ())

        site_transfer.additional_properties = d
        return site_transfer

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
