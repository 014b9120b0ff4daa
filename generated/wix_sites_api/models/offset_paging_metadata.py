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

T = TypeVar("T", bound="OffsetPagingMetadata")


@_attrs_define
class OffsetPagingMetadata:
    """
    Attributes:
        count (int | Unset): Number of folders in this page.
        offset (int | Unset): The offset that was requested.
        total (int | Unset): Number of folders matching the filter. Wix's site-folders service description lists it
            (PagingMetadataV2), but its example answer has only `count`: clients must not rely on it.
        too_many_to_count (bool | Unset): Whether the server failed to calculate `total` (in Wix's service description).
            The sandbox
            never sends it.
    """

    count: int | Unset = UNSET
    offset: int | Unset = UNSET
    total: int | Unset = UNSET
    too_many_to_count: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        offset = self.offset

        total = self.total

        too_many_to_count = self.too_many_to_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if count is not UNSET:
            field_dict["count"] = count
        if offset is not UNSET:
            field_dict["offset"] = offset
        if total is not UNSET:
            field_dict["total"] = total
        if too_many_to_count is not UNSET:
            field_dict["tooManyToCount"] = too_many_to_count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        offset_paging_metadata = new_model(cls)
        offset_paging_metadata.count = _pop_("count", UNSET)

        offset_paging_metadata.offset = _pop_("offset", UNSET)

        offset_paging_metadata.total = _pop_("total", UNSET)

        offset_paging_metadata.too_many_to_count = _pop_("tooManyToCount", UNSET)

        offset_paging_metadata.additional_properties = d
        return offset_paging_metadata

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
