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
    from ..models.filter_ import Filter
    from ..models.paging import Paging
    from ..models.sorting import Sorting


T = TypeVar("T", bound="FoldersQuery")


@_attrs_define
class FoldersQuery:
    """Wix's example sorts folders by `name`. The sandbox's own choices (Wix documents none of
    them): `createdDate` and `updatedDate` sort too, the default order is `createdDate`
    ascending, and ties are broken by `id`.

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
            paging (Paging | Unset):
    """

    filter_: Filter | Unset = UNSET
    sort: list[Sorting] | Unset = UNSET
    paging: Paging | Unset = UNSET
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

        paging: dict[str, Any] | Unset = UNSET
        if not isinstance(self.paging, Unset):
            paging = self.paging.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if filter_ is not UNSET:
            field_dict["filter"] = filter_
        if sort is not UNSET:
            field_dict["sort"] = sort
        if paging is not UNSET:
            field_dict["paging"] = paging

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        folders_query = new_model(cls)
        _filter_ = _pop_("filter", UNSET)
        filter_: Filter | Unset = (
            UNSET if _filter_ is UNSET else Filter.from_dict(_filter_)
        )
        folders_query.filter_ = filter_

        _sort = _pop_("sort", UNSET)
        sort: list[Sorting] | Unset = (
            UNSET if _sort is UNSET else list(map(Sorting.from_dict, _sort))
        )
        folders_query.sort = sort

        _paging = _pop_("paging", UNSET)
        paging: Paging | Unset = (
            UNSET if _paging is UNSET else Paging.from_dict(_paging)
        )
        folders_query.paging = paging

        folders_query.additional_properties = d
        return folders_query

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


from ..models.filter_ import Filter
from ..models.paging import Paging
from ..models.sorting import Sorting
