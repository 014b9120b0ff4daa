from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    new_model,
    set_fields_repr,
)

if TYPE_CHECKING:
    from ..models.site_transfer import SiteTransfer


T = TypeVar("T", bound="TransferSiteResponse")


@_attrs_define
class TransferSiteResponse:
    """
    Attributes:
        site_transfer (SiteTransfer | None): A site transfer. The target account is the `wix-account-id` header of the
            request, never a
            field here.
    """

    site_transfer: SiteTransfer | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.site_transfer is not None:
            field_dict["siteTransfer"] = self.site_transfer.to_dict()
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        transfer_site_response = new_model(cls)
        _site_transfer = _pop_("siteTransfer", None)
        site_transfer = (
            None if _site_transfer is None else SiteTransfer.from_dict(_site_transfer)
        )
        transfer_site_response.site_transfer = site_transfer

        transfer_site_response.additional_properties = d
        return transfer_site_response

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


from ..models.site_transfer import SiteTransfer
