from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    new_model,
    set_fields_repr,
)

T = TypeVar("T", bound="CursorPaging")


@_attrs_define
class CursorPaging:
    """
    Attributes:
        limit (int | Unset): Sites per page, 1..1000 ("up to 1,000 sites": Wix's service description and Query
            Sites page; see the API description). Default 100.
        cursor (None | str | Unset): The `metadata.cursors.next` of the previous page. Absent for the first page. The
            sandbox's cursors expire 30 minutes after the query's first request (400
            `CURSOR_EXPIRED`).
    """

    limit: int | Unset = UNSET
    cursor: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        limit = self.limit

        cursor: None | str | Unset
        if isinstance(self.cursor, Unset):
            cursor = UNSET
        else:
            cursor = self.cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if limit is not UNSET:
            field_dict["limit"] = limit
        if cursor is not UNSET:
            field_dict["cursor"] = cursor

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        cursor_paging = new_model(cls)
        cursor_paging.limit = _pop_("limit", UNSET)

        def _parse_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cursor = _parse_cursor(_pop_("cursor", UNSET))
        cursor_paging.cursor = cursor

        cursor_paging.additional_properties = d
        return cursor_paging

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
