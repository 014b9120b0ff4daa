from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    GUID_SHAPES,
    GUID_TABLE,
    UNSET,
    Unset,
    check_guids,
    new_model,
    parse_datetime,
    set_fields_repr,
)

if TYPE_CHECKING:
    from ..models.folder_basic_info import FolderBasicInfo


T = TypeVar("T", bound="Folder")


@_attrs_define
class Folder:
    """A folder of sites. Get Folder By Site returns an empty object for a site at root, so every field
    is optional. `createdDate` and `updatedDate` may be null (Move Folders returns them so).

        Attributes:
            id (str | Unset): A Wix GUID.
            name (str | Unset):
            created_date (datetime.datetime | None | Unset):
            updated_date (datetime.datetime | None | Unset):
            site_count (int | Unset): Number of sites directly in the folder (not in its sub-folders).
            parent_id (str | Unset): A GUID, or the empty string for root.
            path (list[FolderBasicInfo] | Unset): The folders above this one (its ancestors), from root, in order; empty at
                root (Wix:
                "Path including all parent folders from root to the current folder, in order. When
                empty, the site or folder is at root level."). At most 50, so a folder is at most 51
                levels deep.
    """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    created_date: datetime.datetime | None | Unset = UNSET
    updated_date: datetime.datetime | None | Unset = UNSET
    site_count: int | Unset = UNSET
    parent_id: str | Unset = UNSET
    path: list[FolderBasicInfo] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        name = self.name

        created_date: None | str | Unset
        if isinstance(self.created_date, Unset):
            created_date = UNSET
        elif isinstance(self.created_date, datetime.datetime):
            created_date = self.created_date.isoformat()
        else:
            created_date = self.created_date

        updated_date: None | str | Unset
        if isinstance(self.updated_date, Unset):
            updated_date = UNSET
        elif isinstance(self.updated_date, datetime.datetime):
            updated_date = self.updated_date.isoformat()
        else:
            updated_date = self.updated_date

        site_count = self.site_count

        parent_id = self.parent_id

        path: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.path, Unset):
            path = []
            for path_item_data in self.path:
                path_item = path_item_data.to_dict()
                path.append(path_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if created_date is not UNSET:
            field_dict["createdDate"] = created_date
        if updated_date is not UNSET:
            field_dict["updatedDate"] = updated_date
        if site_count is not UNSET:
            field_dict["siteCount"] = site_count
        if parent_id is not UNSET:
            field_dict["parentId"] = parent_id
        if path is not UNSET:
            field_dict["path"] = path

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        folder = new_model(cls)
        folder.id = id = _pop_("id", UNSET)

        folder.name = _pop_("name", UNSET)

        def _parse_created_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_date_type_0 = parse_datetime(data)

                return created_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_date = _parse_created_date(_pop_("createdDate", UNSET))
        folder.created_date = created_date

        def _parse_updated_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_date_type_0 = parse_datetime(data)

                return updated_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_date = _parse_updated_date(_pop_("updatedDate", UNSET))
        folder.updated_date = updated_date

        folder.site_count = _pop_("siteCount", UNSET)

        folder.parent_id = _pop_("parentId", UNSET)

        _path = _pop_("path", UNSET)
        path: list[FolderBasicInfo] | Unset = (
            UNSET if _path is UNSET else list(map(FolderBasicInfo.from_dict, _path))
        )
        folder.path = path

        # every GUID field of the model checked at once; one by one when one is absent or wrong
        try:
            _guids_ok_ = ",".join([id]).encode().translate(GUID_TABLE) == GUID_SHAPES[1]
        except (
            TypeError,
            ValueError,
        ):  # not a str, not a list, UNSET; a lone surrogate
            _guids_ok_ = False
        if not _guids_ok_:
            check_guids((id,), ())

        folder.additional_properties = d
        return folder

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


from ..models.folder_basic_info import FolderBasicInfo
