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
    from ..models.cursor_paging import CursorPaging
    from ..models.filter_ import Filter
    from ..models.sorting import Sorting


T = TypeVar("T", bound="SitesQuery")


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
            filter_ (Filter | Unset): A filter in the Wix API query language: `{"field": value}` for equality, `{"field":
                {"$op":
                value}}` for the operators `$eq $ne $gt $gte $lt $lte $in $nin $exists $startsWith` (not case
                sensitive) `$hasSome $hasAll` (and `$contains` for folder names), combined with `$and`, `$or`,
                `$not`. A filter on a field that cannot be filtered is ignored; an operator that is not known
                or a value of the wrong shape is a 400 `MALFORMED_FILTER`.
                The sandbox answers filters of up to 2,000 values (each condition, each `$and`/`$or` item
                and each array item counts one), arrays of up to 1,000 values in `$in`, `$nin`, `$hasSome`
                and `$hasAll`, and nesting up to 16 levels; a larger filter is a 400 `MALFORMED_FILTER`
                naming the limit.
            sort (list[Sorting] | Unset):
            cursor_paging (CursorPaging | Unset):
    """

    filter_: Filter | Unset = UNSET
    sort: list[Sorting] | Unset = UNSET
    cursor_paging: CursorPaging | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        filter_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.filter_, Unset):
            filter_ = self.filter_.to_dict()

        sort: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sort, Unset):
            sort = []
            for sort_item_data in self.sort:
                sort_item = sort_item_data.to_dict()
                sort.append(sort_item)

        cursor_paging: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cursor_paging, Unset):
            cursor_paging = self.cursor_paging.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if filter_ is not UNSET:
            field_dict["filter"] = filter_
        if sort is not UNSET:
            field_dict["sort"] = sort
        if cursor_paging is not UNSET:
            field_dict["cursorPaging"] = cursor_paging

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        sites_query = new_model(cls)
        _filter_ = _pop_("filter", UNSET)
        filter_: Filter | Unset = (
            UNSET if _filter_ is UNSET else Filter.from_dict(_filter_)
        )
        sites_query.filter_ = filter_

        _sort = _pop_("sort", UNSET)
        sort: list[Sorting] | Unset = (
            UNSET if _sort is UNSET else list(map(Sorting.from_dict, _sort))
        )
        sites_query.sort = sort

        _cursor_paging = _pop_("cursorPaging", UNSET)
        cursor_paging: CursorPaging | Unset = (
            UNSET if _cursor_paging is UNSET else CursorPaging.from_dict(_cursor_paging)
        )
        sites_query.cursor_paging = cursor_paging

        sites_query.additional_properties = d
        return sites_query

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
