from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    GUID_SHAPES,
    GUID_TABLE,
    UNSET,
    Unset,
    check_guids,
    new_model,
    set_fields_repr,
)

T = TypeVar("T", bound="DuplicateSiteResponse")


@_attrs_define
class DuplicateSiteResponse:
    """
    Attributes:
        new_site_id (str | Unset): A Wix GUID.
    """

    new_site_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        new_site_id: str | Unset = UNSET
        if not isinstance(self.new_site_id, Unset):
            new_site_id = str(self.new_site_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if new_site_id is not UNSET:
            field_dict["newSiteId"] = new_site_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        duplicate_site_response = new_model(cls)
        duplicate_site_response.new_site_id = new_site_id = _pop_("newSiteId", UNSET)

        # every GUID field of the model checked at once; one by one when one is absent or wrong
        try:
            _guids_ok_ = (
                ",".join([new_site_id]).encode().translate(GUID_TABLE) == GUID_SHAPES[1]
            )
        except (
            TypeError,
            ValueError,
        ):  # not a str, not a list, UNSET; a lone surrogate
            _guids_ok_ = False
        if not _guids_ok_:
            check_guids((new_site_id,), ())

        duplicate_site_response.additional_properties = d
        return duplicate_site_response

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
