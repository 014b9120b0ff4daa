from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_dicts,
    check_guids,
    dict_get,
    format_datetime,
    new_model,
    only_keys,
    parse_datetime,
    set_fields_repr,
)

if TYPE_CHECKING:
    from ..models.folder_basic_info import FolderBasicInfo


T = TypeVar("T", bound="Folder")

#: the keys of the fields: any other key of a JSON object is an additional property
_KEYS_ = frozenset(
    (
        "id",
        "name",
        "createdDate",
        "updatedDate",
        "siteCount",
        "parentId",
        "path",
    )
)


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
        """The model of one JSON object of the API (ValueError, TypeError or KeyError when it is
        not one)."""
        return cls.from_dicts([src_dict])[0]

    @classmethod
    def from_dicts(cls, src_dicts: Iterable[Mapping[str, Any]]) -> list[Self]:
        """`from_dict` of each JSON object, as a list (how a list of them in an answer is read)."""
        _items_ = list(src_dicts)
        _models_: list[Self] = []
        # the values of the GUID fields of every object, checked at once after the loop
        _guids_: list[object] = []
        # bound once (a method called on a local name is bound again at each call)
        _guid_ = _guids_.append
        _get_ = dict_get  # a local name: a global is looked up at each use
        try:
            for _src_ in _items_:
                folder = new_model(cls)
                folder._explicit_nulls = frozenset(
                    _key_
                    for _key_ in (
                        "createdDate",
                        "updatedDate",
                    )
                    if _get_(_src_, _key_, 0) is None
                )
                folder.id = _id = _get_(_src_, "id")
                _guid_(_id)
                folder.name = _get_(_src_, "name")

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

                folder.created_date = _parse_created_date(_get_(_src_, "createdDate"))

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

                folder.updated_date = _parse_updated_date(_get_(_src_, "updatedDate"))
                folder.site_count = _get_(_src_, "siteCount")
                folder.parent_id = _get_(_src_, "parentId")
                _path = _get_(_src_, "path")
                folder.path = (
                    None if _path is None else FolderBasicInfo.from_dicts(_path)
                )
                folder.additional_properties = {}
                _models_.append(folder)
        except TypeError:
            # dict_get takes dicts only: once they are dicts, a TypeError is a value of a wrong type
            if (_dicts_ := as_dicts(_items_)) is None:
                raise
            return cls.from_dicts(_dicts_)
        if not only_keys(_KEYS_, _items_):  # the other keys: additional properties
            for folder, _src_ in zip(_models_, _items_, strict=True):
                folder.additional_properties = {
                    _key_: _value_
                    for _key_, _value_ in _src_.items()
                    if _key_ not in _KEYS_
                }
        check_guids(_guids_)
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


from ..models.folder_basic_info import FolderBasicInfo
