from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_dicts,
    dict_get,
    new_model,
    only_keys,
    set_fields_repr,
)

T = TypeVar("T", bound="CursorPaging")

#: the keys of the fields: any other key of a JSON object is an additional property
_KEYS_ = frozenset(
    (
        "limit",
        "cursor",
    )
)


@_attrs_define
class CursorPaging:
    """
    Attributes:
        limit (int | None): Sites per page, 1..1000 ("up to 1,000 sites": Wix's service description and Query
            Sites page; see the API description). Default 100.
        cursor (None | str): The `metadata.cursors.next` of the previous page. Absent for the first page. The
            sandbox's cursors expire 30 minutes after the query's first request (400
            `CURSOR_EXPIRED`).
    """

    limit: int | None = None
    cursor: None | str = None
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
            field_dict["cursor"] = self.cursor
        elif "cursor" in self._explicit_nulls:
            field_dict["cursor"] = None
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model of one JSON object of the API (ValueError, TypeError or KeyError when it is
        not one)."""
        return cls.from_dicts([src_dict])[0]

    @classmethod
    def from_dicts(cls, src_dicts: Iterable[Mapping[str, Any]]) -> list[Self]:
        """`from_dict` of each JSON object, as a list (how a list of them in an answer is read)."""
        _items_ = list(src_dicts)
        _models_: list[Self] = []
        _get_ = dict_get  # a local name: a global is looked up at each use
        try:
            for _src_ in _items_:
                cursor_paging = new_model(cls)
                cursor_paging._explicit_nulls = frozenset(
                    _key_ for _key_ in ("cursor",) if _get_(_src_, _key_, 0) is None
                )
                cursor_paging.limit = _get_(_src_, "limit")

                def _parse_cursor(data: object) -> None | str:
                    if data is None:
                        return data
                    return cast(None | str, data)

                cursor_paging.cursor = _parse_cursor(_get_(_src_, "cursor"))
                cursor_paging.additional_properties = {}
                _models_.append(cursor_paging)
        except TypeError:
            # dict_get takes dicts only: once they are dicts, a TypeError is a value of a wrong type
            if (_dicts_ := as_dicts(_items_)) is None:
                raise
            return cls.from_dicts(_dicts_)
        if not only_keys(_KEYS_, _items_):  # the other keys: additional properties
            for cursor_paging, _src_ in zip(_models_, _items_, strict=True):
                cursor_paging.additional_properties = {
                    _key_: _value_
                    for _key_, _value_ in _src_.items()
                    if _key_ not in _KEYS_
                }
        return _models_

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
