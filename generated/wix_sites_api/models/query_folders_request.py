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
    from ..models.folders_query import FoldersQuery


T = TypeVar("T", bound="QueryFoldersRequest")


@_attrs_define
class QueryFoldersRequest:
    """
    Attributes:
        query (FoldersQuery | Unset): Wix's example sorts folders by `name`. The sandbox's own choices (Wix documents
            none of
            them): `createdDate` and `updatedDate` sort too, the default order is `createdDate`
            ascending, and ties are broken by `id`.
    """

    query: FoldersQuery | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        query: dict[str, Any] | Unset = UNSET
        if not isinstance(self.query, Unset):
            query = self.query.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if query is not UNSET:
            field_dict["query"] = query

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        query_folders_request = new_model(cls)
        _query = _pop_("query", UNSET)
        query: FoldersQuery | Unset = (
            UNSET if _query is UNSET else FoldersQuery.from_dict(_query)
        )
        query_folders_request.query = query

        query_folders_request.additional_properties = d
        return query_folders_request

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


from ..models.folders_query import FoldersQuery
