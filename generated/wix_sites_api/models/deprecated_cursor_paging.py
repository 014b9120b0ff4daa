from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
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
            limit (int | Unset):
            cursor (DeprecatedCursorPagingCursorType1 | None | str | Unset): A string or an object, as in Wix's two
                examples; opaque.
    """

    limit: int | Unset = UNSET
    cursor: DeprecatedCursorPagingCursorType1 | None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.deprecated_cursor_paging_cursor_type_1 import (
            DeprecatedCursorPagingCursorType1,
        )

        limit = self.limit

        cursor: dict[str, Any] | None | str | Unset
        if isinstance(self.cursor, Unset):
            cursor = UNSET
        elif isinstance(self.cursor, DeprecatedCursorPagingCursorType1):
            cursor = self.cursor.to_dict()
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
        deprecated_cursor_paging = new_model(cls)
        deprecated_cursor_paging.limit = _pop_("limit", UNSET)

        def _parse_cursor(
            data: object,
        ) -> DeprecatedCursorPagingCursorType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                cursor_type_1 = DeprecatedCursorPagingCursorType1.from_dict(data)

                return cursor_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeprecatedCursorPagingCursorType1 | None | str | Unset, data)

        cursor = _parse_cursor(_pop_("cursor", UNSET))
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
