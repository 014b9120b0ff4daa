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

T = TypeVar("T", bound="LegacyCursorPage")


@_attrs_define
class LegacyCursorPage:
    """A page of the legacy HTTP API's cursoring.

    Attributes:
        previous_cursor (int | None | str | Unset): A legacy data cursor. `0`, `"0"`, null or an absent key mean "no
            such page"; `-1` (or no cursor)
            asks for the first page. Cursors expire 30 minutes after the first request.
        next_cursor (int | None | str | Unset): A legacy data cursor. `0`, `"0"`, null or an absent key mean "no such
            page"; `-1` (or no cursor)
            asks for the first page. Cursors expire 30 minutes after the first request.
        results (list[Any] | Unset):
        total (int | Unset):
        page_size (int | Unset):
    """

    previous_cursor: int | None | str | Unset = UNSET
    next_cursor: int | None | str | Unset = UNSET
    results: list[Any] | Unset = UNSET
    total: int | Unset = UNSET
    page_size: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        previous_cursor: int | None | str | Unset
        if isinstance(self.previous_cursor, Unset):
            previous_cursor = UNSET
        else:
            previous_cursor = self.previous_cursor

        next_cursor: int | None | str | Unset
        if isinstance(self.next_cursor, Unset):
            next_cursor = UNSET
        else:
            next_cursor = self.next_cursor

        results: list[Any] | Unset = UNSET
        if not isinstance(self.results, Unset):
            results = self.results

        total = self.total

        page_size = self.page_size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if previous_cursor is not UNSET:
            field_dict["previousCursor"] = previous_cursor
        if next_cursor is not UNSET:
            field_dict["nextCursor"] = next_cursor
        if results is not UNSET:
            field_dict["results"] = results
        if total is not UNSET:
            field_dict["total"] = total
        if page_size is not UNSET:
            field_dict["pageSize"] = page_size

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        legacy_cursor_page = new_model(cls)

        def _parse_previous_cursor(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        previous_cursor = _parse_previous_cursor(_pop_("previousCursor", UNSET))
        legacy_cursor_page.previous_cursor = previous_cursor

        def _parse_next_cursor(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        next_cursor = _parse_next_cursor(_pop_("nextCursor", UNSET))
        legacy_cursor_page.next_cursor = next_cursor

        results = cast(list[Any], _pop_("results", UNSET))
        legacy_cursor_page.results = results

        legacy_cursor_page.total = _pop_("total", UNSET)

        legacy_cursor_page.page_size = _pop_("pageSize", UNSET)

        legacy_cursor_page.additional_properties = d
        return legacy_cursor_page

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
