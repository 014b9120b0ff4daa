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
    from ..models.cursors import Cursors


T = TypeVar("T", bound="CursorPagingMetadata")


@_attrs_define
class CursorPagingMetadata:
    """
    Attributes:
        count (int | None): Number of items in this page.
        cursors (Cursors | None):
        has_next (bool | None): Whether there are more pages.
    """

    count: int | None = None
    cursors: Cursors | None = None
    has_next: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.count is not None:
            field_dict["count"] = self.count
        if self.cursors is not None:
            field_dict["cursors"] = self.cursors.to_dict()
        if self.has_next is not None:
            field_dict["hasNext"] = self.has_next
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        cursor_paging_metadata = new_model(cls)
        cursor_paging_metadata.count = _pop_("count", None)

        _cursors = _pop_("cursors", None)
        cursors = None if _cursors is None else Cursors.from_dict(_cursors)
        cursor_paging_metadata.cursors = cursors

        cursor_paging_metadata.has_next = _pop_("hasNext", None)

        cursor_paging_metadata.additional_properties = d
        return cursor_paging_metadata

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


from ..models.cursors import Cursors
