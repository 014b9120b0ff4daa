from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.editor_type import BY_VALUE as _EditorType_BY_VALUE
from ..models.editor_type import EditorType
from ..models.namespace import BY_VALUE as _Namespace_BY_VALUE
from ..models.namespace import Namespace
from ..types import (
    GUID_SHAPES,
    GUID_TABLE,
    check_guids,
    format_datetime,
    new_model,
    parse_datetime,
    set_fields_repr,
)

T = TypeVar("T", bound="Site")


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
        d = dict(src_dict)
        _pop_ = d.pop
        site = new_model(cls)
        site.id = id = _pop_("id", None)

        site.html_app_id = html_app_id = _pop_("htmlAppId", None)

        site.name = _pop_("name", None)

        site.display_name = _pop_("displayName", None)

        _created_date = _pop_("createdDate", None)
        created_date = None if _created_date is None else parse_datetime(_created_date)
        site.created_date = created_date

        _updated_date = _pop_("updatedDate", None)
        updated_date = None if _updated_date is None else parse_datetime(_updated_date)
        site.updated_date = updated_date

        _trashed_date = _pop_("trashedDate", None)
        trashed_date = None if _trashed_date is None else parse_datetime(_trashed_date)
        site.trashed_date = trashed_date

        site.published = _pop_("published", None)

        site.premium = _pop_("premium", None)

        site.view_url = _pop_("viewUrl", None)

        site.edit_url = _pop_("editUrl", None)

        site.thumbnail = _pop_("thumbnail", None)

        site.owner_account_id = owner_account_id = _pop_("ownerAccountId", None)

        _contributor_account_ids = _pop_("contributorAccountIds", None)

        _editor_type = _pop_("editorType", None)
        try:
            editor_type = _EditorType_BY_VALUE.get(_editor_type, _editor_type)
        except TypeError:  # unhashable: not one of the values
            editor_type = _editor_type
        site.editor_type = editor_type

        site.blocked = _pop_("blocked", None)

        site.folder_id = _pop_("folderId", None)

        _namespace = _pop_("namespace", None)
        try:
            namespace = _Namespace_BY_VALUE.get(_namespace, _namespace)
        except TypeError:  # unhashable: not one of the values
            namespace = _namespace
        site.namespace = namespace

        site.domain_connected = _pop_("domainConnected", None)

        # every GUID field of the model checked at once; one by one when one is absent or wrong
        try:
            _guids_ok_ = (
                ",".join([id, html_app_id, owner_account_id, *_contributor_account_ids])
                .encode()
                .translate(GUID_TABLE)
                == GUID_SHAPES[3 + len(_contributor_account_ids)]
            )
        except (TypeError, ValueError):  # not a str, not a list, None; a lone surrogate
            _guids_ok_ = False
        if not _guids_ok_:
            check_guids(
                (id, html_app_id, owner_account_id), (_contributor_account_ids,)
            )
        site.contributor_account_ids = (
            None if _contributor_account_ids is None else list(_contributor_account_ids)
        )

        site.additional_properties = d
        return site

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
