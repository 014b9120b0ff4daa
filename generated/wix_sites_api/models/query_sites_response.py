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
    from ..models.cursor_paging_metadata import CursorPagingMetadata
    from ..models.deprecated_cursor_paging import DeprecatedCursorPaging
    from ..models.site import Site


T = TypeVar("T", bound="QuerySitesResponse")


@_attrs_define
class QuerySitesResponse:
    """
    Attributes:
        sites (list[Site] | Unset):
        cursor_paging (DeprecatedCursorPaging | Unset): The deprecated `cursorPaging` of a Query Sites answer. Wix's
            examples give its `cursor` both as
            a string (seed 002) and as an object (site-list.service.json); both parse, and clients use
            `metadata.cursors.next` instead.
        metadata (CursorPagingMetadata | Unset):
    """

    sites: list[Site] | Unset = UNSET
    cursor_paging: DeprecatedCursorPaging | Unset = UNSET
    metadata: CursorPagingMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        sites: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sites, Unset):
            sites = []
            for sites_item_data in self.sites:
                sites_item = sites_item_data.to_dict()
                sites.append(sites_item)

        cursor_paging: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cursor_paging, Unset):
            cursor_paging = self.cursor_paging.to_dict()

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if sites is not UNSET:
            field_dict["sites"] = sites
        if cursor_paging is not UNSET:
            field_dict["cursorPaging"] = cursor_paging
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        query_sites_response = new_model(cls)
        _sites = _pop_("sites", UNSET)
        sites: list[Site] | Unset = (
            UNSET if _sites is UNSET else list(map(Site.from_dict, _sites))
        )
        query_sites_response.sites = sites

        _cursor_paging = _pop_("cursorPaging", UNSET)
        cursor_paging: DeprecatedCursorPaging | Unset = (
            UNSET
            if _cursor_paging is UNSET
            else DeprecatedCursorPaging.from_dict(_cursor_paging)
        )
        query_sites_response.cursor_paging = cursor_paging

        _metadata = _pop_("metadata", UNSET)
        metadata: CursorPagingMetadata | Unset = (
            UNSET if _metadata is UNSET else CursorPagingMetadata.from_dict(_metadata)
        )
        query_sites_response.metadata = metadata

        query_sites_response.additional_properties = d
        return query_sites_response

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


from ..models.cursor_paging_metadata import CursorPagingMetadata
from ..models.deprecated_cursor_paging import DeprecatedCursorPaging
from ..models.site import Site
