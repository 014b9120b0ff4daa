from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    new_model,
    set_fields_repr,
)

if TYPE_CHECKING:
    from ..models.deprecated_cursor_paging_cursor_type_1 import (
        DeprecatedCursorPagingCursorType1,
    )


T = TypeVar("T", bound="DeprecatedCursorPaging")


@_attrs_define
class DeprecatedCursorPaging:
    """The deprecated `cursorPaging` of a Query Sites answer. Wix's examples give its `cursor` both as
    a string (seed 002) and as an object (site-list.service.json); both parse, and clients use
    `metadata.cursors.next` instead.

        Attributes:
            limit (int | None):
            cursor (DeprecatedCursorPagingCursorType1 | None | str): A string or an object, as in Wix's two examples;
                opaque.
    """

    limit: int | None = None
    cursor: DeprecatedCursorPagingCursorType1 | None | str = None
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
        if self.limit is not None:
            field_dict["limit"] = self.limit
        if self.cursor is not None:
            field_dict["cursor"] = (
                self.cursor.to_dict()
                if isinstance(self.cursor, DeprecatedCursorPagingCursorType1)
                else self.cursor
            )
        elif "cursor" in self._explicit_nulls:
            field_dict["cursor"] = None
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        deprecated_cursor_paging = new_model(cls)
        deprecated_cursor_paging._explicit_nulls = frozenset(
            _key_ for _key_ in ("cursor",) if d.get(_key_, 0) is None
        )
        deprecated_cursor_paging.limit = _pop_("limit", None)

        def _parse_cursor(
            data: object,
        ) -> DeprecatedCursorPagingCursorType1 | None | str:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                cursor_type_1 = DeprecatedCursorPagingCursorType1.from_dict(data)

                return cursor_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeprecatedCursorPagingCursorType1 | None | str, data)

        cursor = _parse_cursor(_pop_("cursor", None))
        deprecated_cursor_paging.cursor = cursor

        deprecated_cursor_paging.additional_properties = d
        return deprecated_cursor_paging

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


from ..models.deprecated_cursor_paging_cursor_type_1 import (
    DeprecatedCursorPagingCursorType1,
)
