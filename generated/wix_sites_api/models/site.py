from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.editor_type import BY_VALUE as _EditorType_BY_VALUE
from ..models.editor_type import EditorType
from ..models.namespace import BY_VALUE as _Namespace_BY_VALUE
from ..models.namespace import Namespace
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

# BY_VALUE.get bound once (the method of an imported name is looked up, and bound, at each call)
_EditorType_get = _EditorType_BY_VALUE.get
_Namespace_get = _Namespace_BY_VALUE.get


T = TypeVar("T", bound="Site")

#: the keys of the fields: any other key of a JSON object is an additional property
_KEYS_ = frozenset(
    (
        "id",
        "htmlAppId",
        "name",
        "displayName",
        "createdDate",
        "updatedDate",
        "trashedDate",
        "published",
        "premium",
        "viewUrl",
        "editUrl",
        "thumbnail",
        "ownerAccountId",
        "contributorAccountIds",
        "editorType",
        "blocked",
        "folderId",
        "namespace",
        "domainConnected",
    )
)


@_attrs_define
class Site:
    """A site of the account. Every field may be absent.

    Attributes:
        id (str | None): A Wix GUID.
        html_app_id (str | None): A Wix GUID.
        name (str | None): Site name, used in the site's URL.
        display_name (str | None): Display name, as in the browser's tab.
        created_date (datetime.datetime | None):
        updated_date (datetime.datetime | None):
        trashed_date (datetime.datetime | None): When the site was moved to the trash; absent for a site that is not
            trashed.
        published (bool | None):
        premium (bool | None): Whether the site has a Wix Premium (paid) plan.
        view_url (str | None): Live site URL.
        edit_url (str | None): Editor URL, relative to the Wix manage domain.
        thumbnail (str | None): Thumbnail URL, relative.
        owner_account_id (str | None): A Wix GUID.
        contributor_account_ids (list[str] | None): Site contributors' account IDs; absent when the site has none.
        editor_type (EditorType | str | None): The documented values, or any other value the live service sends.
        blocked (bool | None): Whether Wix has blocked the site for legal reasons.
        folder_id (str | None): A GUID, or the empty string for root.
        namespace (Namespace | str | None): The documented values, or any other value the live service sends.
        domain_connected (bool | None):
    """

    id: str | None = None
    html_app_id: str | None = None
    name: str | None = None
    display_name: str | None = None
    created_date: datetime.datetime | None = None
    updated_date: datetime.datetime | None = None
    trashed_date: datetime.datetime | None = None
    published: bool | None = None
    premium: bool | None = None
    view_url: str | None = None
    edit_url: str | None = None
    thumbnail: str | None = None
    owner_account_id: str | None = None
    contributor_account_ids: list[str] | None = None
    editor_type: EditorType | str | None = None
    blocked: bool | None = None
    folder_id: str | None = None
    namespace: Namespace | str | None = None
    domain_connected: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not None:
            field_dict["id"] = self.id
        if self.html_app_id is not None:
            field_dict["htmlAppId"] = self.html_app_id
        if self.name is not None:
            field_dict["name"] = self.name
        if self.display_name is not None:
            field_dict["displayName"] = self.display_name
        if self.created_date is not None:
            field_dict["createdDate"] = format_datetime(self.created_date)
        if self.updated_date is not None:
            field_dict["updatedDate"] = format_datetime(self.updated_date)
        if self.trashed_date is not None:
            field_dict["trashedDate"] = format_datetime(self.trashed_date)
        if self.published is not None:
            field_dict["published"] = self.published
        if self.premium is not None:
            field_dict["premium"] = self.premium
        if self.view_url is not None:
            field_dict["viewUrl"] = self.view_url
        if self.edit_url is not None:
            field_dict["editUrl"] = self.edit_url
        if self.thumbnail is not None:
            field_dict["thumbnail"] = self.thumbnail
        if self.owner_account_id is not None:
            field_dict["ownerAccountId"] = self.owner_account_id
        if self.contributor_account_ids is not None:
            field_dict["contributorAccountIds"] = self.contributor_account_ids
        if self.editor_type is not None:
            field_dict["editorType"] = (
                self.editor_type.value
                if isinstance(self.editor_type, EditorType)
                else self.editor_type
            )
        if self.blocked is not None:
            field_dict["blocked"] = self.blocked
        if self.folder_id is not None:
            field_dict["folderId"] = self.folder_id
        if self.namespace is not None:
            field_dict["namespace"] = (
                self.namespace.value
                if isinstance(self.namespace, Namespace)
                else self.namespace
            )
        if self.domain_connected is not None:
            field_dict["domainConnected"] = self.domain_connected
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
                site = new_model(cls)
                site.id = _id = _get_(_src_, "id")
                _guid_(_id)
                site.html_app_id = _html_app_id = _get_(_src_, "htmlAppId")
                _guid_(_html_app_id)
                site.name = _get_(_src_, "name")
                site.display_name = _get_(_src_, "displayName")
                _created_date = _get_(_src_, "createdDate")
                site.created_date = (
                    None if _created_date is None else parse_datetime(_created_date)
                )
                _updated_date = _get_(_src_, "updatedDate")
                site.updated_date = (
                    None if _updated_date is None else parse_datetime(_updated_date)
                )
                _trashed_date = _get_(_src_, "trashedDate")
                site.trashed_date = (
                    None if _trashed_date is None else parse_datetime(_trashed_date)
                )
                site.published = _get_(_src_, "published")
                site.premium = _get_(_src_, "premium")
                site.view_url = _get_(_src_, "viewUrl")
                site.edit_url = _get_(_src_, "editUrl")
                site.thumbnail = _get_(_src_, "thumbnail")
                site.owner_account_id = _owner_account_id = _get_(
                    _src_, "ownerAccountId"
                )
                _guid_(_owner_account_id)
                site.contributor_account_ids = _contributor_account_ids = _get_(
                    _src_, "contributorAccountIds"
                )
                if _contributor_account_ids is not None:
                    _guids_ += _contributor_account_ids
                _editor_type = _get_(_src_, "editorType")
                try:
                    site.editor_type = _EditorType_get(_editor_type, _editor_type)
                except TypeError:  # unhashable: not one of the values
                    site.editor_type = _editor_type
                site.blocked = _get_(_src_, "blocked")
                site.folder_id = _get_(_src_, "folderId")
                _namespace = _get_(_src_, "namespace")
                try:
                    site.namespace = _Namespace_get(_namespace, _namespace)
                except TypeError:  # unhashable: not one of the values
                    site.namespace = _namespace
                site.domain_connected = _get_(_src_, "domainConnected")
                site.additional_properties = {}
                _models_.append(site)
        except TypeError:
            # dict_get takes dicts only: once they are dicts, a TypeError is a value of a wrong type
            if (_dicts_ := as_dicts(_items_)) is None:
                raise
            return cls.from_dicts(_dicts_)
        if not only_keys(_KEYS_, _items_):  # the other keys: additional properties
            for site, _src_ in zip(_models_, _items_, strict=True):
                site.additional_properties = {
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
