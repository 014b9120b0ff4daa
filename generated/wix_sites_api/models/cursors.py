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

T = TypeVar("T", bound="Cursors")


@_attrs_define
class Cursors:
    """
    Attributes:
        next_ (None | str): Cursor of the next page; absent or null on the last page.
        prev (None | str): Cursor of the previous page; absent or null on the first page.
    """

    next_: None | str = None
    prev: None | str = None
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
        if self.next_ is not None:
            field_dict["next"] = self.next_
        elif "next" in self._explicit_nulls:
            field_dict["next"] = None
        if self.prev is not None:
            field_dict["prev"] = self.prev
        elif "prev" in self._explicit_nulls:
            field_dict["prev"] = None
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        cursors = new_model(cls)
        cursors._explicit_nulls = frozenset(
            _key_
            for _key_ in (
                "next",
                "prev",
            )
            if d.get(_key_, 0) is None
        )

        def _parse_next_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_ = _parse_next_(_pop_("next", None))
        cursors.next_ = next_

        def _parse_prev(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        prev = _parse_prev(_pop_("prev", None))
        cursors.prev = prev

        cursors.additional_properties = d
        return cursors

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
