from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_dicts,
    dict_get,
    new_model,
    only_keys,
    set_fields_repr,
)

if TYPE_CHECKING:
    from ..models.cursor_paging import CursorPaging
    from ..models.filter_ import Filter
    from ..models.sorting import Sorting


T = TypeVar("T", bound="SitesQuery")

#: the keys of the fields: any other key of a JSON object is an additional property
_KEYS_ = frozenset(
    (
        "filter",
        "sort",
        "cursorPaging",
    )
)


@_attrs_define
class SitesQuery:
    """Filterable: `id`, `name` and `searchPhrase` (the same: searches name, display name and domains),
    `displayName` (exact: the example filter of Wix's Query Sites page, `{"displayName":
    "my-site"}`), `folderId` (`{"$exists": false}` = root), `editorType`, `appIds` (`$hasAll`,
    `$hasSome`), `premium`, `published`, `namespace`, `state` (`ACTIVE` or `TRASHED`),
    `domainConnected`. Every field is optional, as Wix documents.
    Sortable (Wix's filter-and-sort guide): `createdDate`, `updatedDate`, `trashedDate`,
    `displayName`. The sandbox's own choices (Wix documents none of them): the default order is
    `createdDate` descending, ties are broken by `id`, and a site that is not trashed sorts as the
    lowest `trashedDate` (first ascending, last descending). With a cursor, `filter` and `sort`
    must be absent: the cursor carries them.

        Attributes:
            filter_ (Filter | None): A filter in the Wix API query language: `{"field": value}` for equality, `{"field":
                {"$op":
                value}}` for the operators `$eq $ne $gt $gte $lt $lte $in $nin $exists $startsWith` (not case
                sensitive) `$hasSome $hasAll` (and `$contains` for folder names), combined with `$and`, `$or`,
                `$not`. A filter on a field that cannot be filtered is ignored; an operator that is not known
                or a value of the wrong shape is a 400 `MALFORMED_FILTER`.
                The sandbox answers filters of up to 2,000 values (each condition, each `$and`/`$or` item
                and each array item counts one), arrays of up to 1,000 values in `$in`, `$nin`, `$hasSome`
                and `$hasAll`, and nesting up to 16 levels; a larger filter is a 400 `MALFORMED_FILTER`
                naming the limit.
            sort (list[Sorting] | None):
            cursor_paging (CursorPaging | None):
    """

    filter_: Filter | None = None
    sort: list[Sorting] | None = None
    cursor_paging: CursorPaging | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.filter_ is not None:
            field_dict["filter"] = self.filter_.to_dict()
        if self.sort is not None:
            field_dict["sort"] = [sort_item.to_dict() for sort_item in self.sort]
        if self.cursor_paging is not None:
            field_dict["cursorPaging"] = self.cursor_paging.to_dict()
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
                sites_query = new_model(cls)
                _filter_ = _get_(_src_, "filter")
                sites_query.filter_ = (
                    None if _filter_ is None else Filter.from_dict(_filter_)
                )
                _sort = _get_(_src_, "sort")
                sites_query.sort = None if _sort is None else Sorting.from_dicts(_sort)
                _cursor_paging = _get_(_src_, "cursorPaging")
                sites_query.cursor_paging = (
                    None
                    if _cursor_paging is None
                    else CursorPaging.from_dict(_cursor_paging)
                )
                sites_query.additional_properties = {}
                _models_.append(sites_query)
        except TypeError:
            # dict_get takes dicts only: once they are dicts, a TypeError is a value of a wrong type
            if (_dicts_ := as_dicts(_items_)) is None:
                raise
            return cls.from_dicts(_dicts_)
        if not only_keys(_KEYS_, _items_):  # the other keys: additional properties
            for sites_query, _src_ in zip(_models_, _items_, strict=True):
                sites_query.additional_properties = {
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


from ..models.cursor_paging import CursorPaging
from ..models.filter_ import Filter
from ..models.sorting import Sorting
