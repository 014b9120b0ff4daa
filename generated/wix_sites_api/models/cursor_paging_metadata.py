from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
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
        count (int | Unset): Number of items in this page.
        cursors (Cursors | Unset):
        has_next (bool | Unset): Whether there are more pages.
    """

    count: int | Unset = UNSET
    cursors: Cursors | Unset = UNSET
    has_next: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        cursors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cursors, Unset):
            cursors = self.cursors.to_dict()

        has_next = self.has_next

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if count is not UNSET:
            field_dict["count"] = count
        if cursors is not UNSET:
            field_dict["cursors"] = cursors
        if has_next is not UNSET:
            field_dict["hasNext"] = has_next

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        cursor_paging_metadata = new_model(cls)
        cursor_paging_metadata.count = _pop_("count", UNSET)

        _cursors = _pop_("cursors", UNSET)
        cursors: Cursors | Unset = (
            UNSET if _cursors is UNSET else Cursors.from_dict(_cursors)
        )
        cursor_paging_metadata.cursors = cursors

        cursor_paging_metadata.has_next = _pop_("hasNext", UNSET)

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
