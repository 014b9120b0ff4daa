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
    from ..models.site_id_filter import SiteIdFilter


T = TypeVar("T", bound="MoveSitesToFolderRequest")


@_attrs_define
class MoveSitesToFolderRequest:
    """
    Attributes:
        sites (SiteIdFilter): The only supported form of the sites filter of Move Sites To Folder.
        target_folder_id (str | None): A folder id, or `""` or `"root"` for root. Wix's Create Folder example sends
            `"parentId":
            "root"`, and Wix documents `maxLength: 36` for Move Sites To Folder's `targetFolderId`.
    """

    sites: SiteIdFilter
    target_folder_id: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["sites"] = self.sites.to_dict()
        if self.target_folder_id is not None:
            field_dict["targetFolderId"] = self.target_folder_id
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        move_sites_to_folder_request = new_model(cls)
        sites = SiteIdFilter.from_dict(_pop_("sites"))
        move_sites_to_folder_request.sites = sites

        move_sites_to_folder_request.target_folder_id = _pop_("targetFolderId", None)

        move_sites_to_folder_request.additional_properties = d
        return move_sites_to_folder_request

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


from ..models.site_id_filter import SiteIdFilter
