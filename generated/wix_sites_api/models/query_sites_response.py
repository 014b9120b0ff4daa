from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
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
        sites (list[Site] | None):
        cursor_paging (DeprecatedCursorPaging | None): The deprecated `cursorPaging` of a Query Sites answer. Wix's
            examples give its `cursor` both as
            a string (seed 002) and as an object (site-list.service.json); both parse, and clients use
            `metadata.cursors.next` instead.
        metadata (CursorPagingMetadata | None):
    """

    sites: list[Site] | None = None
    cursor_paging: DeprecatedCursorPaging | None = None
    metadata: CursorPagingMetadata | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.sites is not None:
            field_dict["sites"] = [sites_item.to_dict() for sites_item in self.sites]
        if self.cursor_paging is not None:
            field_dict["cursorPaging"] = self.cursor_paging.to_dict()
        if self.metadata is not None:
            field_dict["metadata"] = self.metadata.to_dict()
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        query_sites_response = new_model(cls)
        _sites = _pop_("sites", None)
        sites = None if _sites is None else list(map(Site.from_dict, _sites))
        query_sites_response.sites = sites

        _cursor_paging = _pop_("cursorPaging", None)
        cursor_paging = (
            None
            if _cursor_paging is None
            else DeprecatedCursorPaging.from_dict(_cursor_paging)
        )
        query_sites_response.cursor_paging = cursor_paging

        _metadata = _pop_("metadata", None)
        metadata = (
            None if _metadata is None else CursorPagingMetadata.from_dict(_metadata)
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
