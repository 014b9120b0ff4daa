from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    new_model,
    set_fields_repr,
)

T = TypeVar("T", bound="LegacyCursorPage")


@_attrs_define
class LegacyCursorPage:
    """A page of the legacy HTTP API's cursoring.

    Attributes:
        previous_cursor (int | None | str): A legacy data cursor. `0`, `"0"`, null or an absent key mean "no such page";
            `-1` (or no cursor)
            asks for the first page. Cursors expire 30 minutes after the first request.
        next_cursor (int | None | str): A legacy data cursor. `0`, `"0"`, null or an absent key mean "no such page";
            `-1` (or no cursor)
            asks for the first page. Cursors expire 30 minutes after the first request.
        results (list[Any] | None):
        total (int | None):
        page_size (int | None):
    """

    previous_cursor: int | None | str = None
    next_cursor: int | None | str = None
    results: list[Any] | None = None
    total: int | None = None
    page_size: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    #: the keys of the fields above that the server sent as null (they read None, like absent ones)
    _explicit_nulls: frozenset[str] = _attrs_field(
        init=False, factory=frozenset, eq=False, repr=False
    )

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.previous_cursor is not None:
            field_dict["previousCursor"] = self.previous_cursor
        elif "previousCursor" in self._explicit_nulls:
            field_dict["previousCursor"] = None
        if self.next_cursor is not None:
            field_dict["nextCursor"] = self.next_cursor
        elif "nextCursor" in self._explicit_nulls:
            field_dict["nextCursor"] = None
        if self.results is not None:
            field_dict["results"] = self.results
        if self.total is not None:
            field_dict["total"] = self.total
        if self.page_size is not None:
            field_dict["pageSize"] = self.page_size
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        legacy_cursor_page = new_model(cls)
        legacy_cursor_page._explicit_nulls = frozenset(
            _key_
            for _key_ in (
                "previousCursor",
                "nextCursor",
            )
            if d.get(_key_, 0) is None
        )

        def _parse_previous_cursor(data: object) -> int | None | str:
            if data is None:
                return data
            return cast(int | None | str, data)

        previous_cursor = _parse_previous_cursor(_pop_("previousCursor", None))
        legacy_cursor_page.previous_cursor = previous_cursor

        def _parse_next_cursor(data: object) -> int | None | str:
            if data is None:
                return data
            return cast(int | None | str, data)

        next_cursor = _parse_next_cursor(_pop_("nextCursor", None))
        legacy_cursor_page.next_cursor = next_cursor

        results = cast(list[Any], _pop_("results", None))
        legacy_cursor_page.results = results

        legacy_cursor_page.total = _pop_("total", None)

        legacy_cursor_page.page_size = _pop_("pageSize", None)

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
