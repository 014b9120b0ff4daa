from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    GUID_SHAPES,
    GUID_TABLE,
    check_guids,
    format_datetime,
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
            id (str | None): A Wix GUID.
            name (str | None):
            created_date (datetime.datetime | None):
            updated_date (datetime.datetime | None):
            site_count (int | None): Number of sites directly in the folder (not in its sub-folders).
            parent_id (str | None): A GUID, or the empty string for root.
            path (list[FolderBasicInfo] | None): The folders above this one (its ancestors), from root, in order; empty at
                root (Wix:
                "Path including all parent folders from root to the current folder, in order. When
                empty, the site or folder is at root level."). At most 50, so a folder is at most 51
                levels deep.
    """

    id: str | None = None
    name: str | None = None
    created_date: datetime.datetime | None = None
    updated_date: datetime.datetime | None = None
    site_count: int | None = None
    parent_id: str | None = None
    path: list[FolderBasicInfo] | None = None
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
        if self.id is not None:
            field_dict["id"] = self.id
        if self.name is not None:
            field_dict["name"] = self.name
        if self.created_date is not None:
            field_dict["createdDate"] = (
                format_datetime(self.created_date)
                if isinstance(self.created_date, datetime.datetime)
                else self.created_date
            )
        elif "createdDate" in self._explicit_nulls:
            field_dict["createdDate"] = None
        if self.updated_date is not None:
            field_dict["updatedDate"] = (
                format_datetime(self.updated_date)
                if isinstance(self.updated_date, datetime.datetime)
                else self.updated_date
            )
        elif "updatedDate" in self._explicit_nulls:
            field_dict["updatedDate"] = None
        if self.site_count is not None:
            field_dict["siteCount"] = self.site_count
        if self.parent_id is not None:
            field_dict["parentId"] = self.parent_id
        if self.path is not None:
            field_dict["path"] = [path_item.to_dict() for path_item in self.path]
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        folder = new_model(cls)
        folder._explicit_nulls = frozenset(
            _key_
            for _key_ in (
                "createdDate",
                "updatedDate",
            )
            if d.get(_key_, 0) is None
        )
        folder.id = id = _pop_("id", None)

        folder.name = _pop_("name", None)

        def _parse_created_date(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_date_type_0 = parse_datetime(data)

                return created_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        created_date = _parse_created_date(_pop_("createdDate", None))
        folder.created_date = created_date

        def _parse_updated_date(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_date_type_0 = parse_datetime(data)

                return updated_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_date = _parse_updated_date(_pop_("updatedDate", None))
        folder.updated_date = updated_date

        folder.site_count = _pop_("siteCount", None)

        folder.parent_id = _pop_("parentId", None)

        _path = _pop_("path", None)
        path = None if _path is None else list(map(FolderBasicInfo.from_dict, _path))
        folder.path = path

        # every GUID field of the model checked at once; one by one when one is absent or wrong
        try:
            _guids_ok_ = ",".join([id]).encode().translate(GUID_TABLE) == GUID_SHAPES[1]
        except (TypeError, ValueError):  # not a str, not a list, None; a lone surrogate
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
