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

T = TypeVar("T", bound="OffsetPagingMetadata")


@_attrs_define
class OffsetPagingMetadata:
    """
    Attributes:
        count (int | None): Number of folders in this page.
        offset (int | None): The offset that was requested.
        total (int | None): Number of folders matching the filter. Wix's site-folders service description lists it
            (PagingMetadataV2), but its example answer has only `count`: clients must not rely on it.
        too_many_to_count (bool | None): Whether the server failed to calculate `total` (in Wix's service description).
            The sandbox
            never sends it.
    """

    count: int | None = None
    offset: int | None = None
    total: int | None = None
    too_many_to_count: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.count is not None:
            field_dict["count"] = self.count
        if self.offset is not None:
            field_dict["offset"] = self.offset
        if self.total is not None:
            field_dict["total"] = self.total
        if self.too_many_to_count is not None:
            field_dict["tooManyToCount"] = self.too_many_to_count
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        offset_paging_metadata = new_model(cls)
        offset_paging_metadata.count = _pop_("count", None)

        offset_paging_metadata.offset = _pop_("offset", None)

        offset_paging_metadata.total = _pop_("total", None)

        offset_paging_metadata.too_many_to_count = _pop_("tooManyToCount", None)

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
