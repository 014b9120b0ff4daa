from __future__ import annotations

import datetime
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
    UNSET,
    Unset,
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
        id (str | Unset): A Wix GUID.
        html_app_id (str | Unset): A Wix GUID.
        name (str | Unset): Site name, used in the site's URL.
        display_name (str | Unset): Display name, as in the browser's tab.
        created_date (datetime.datetime | Unset):
        updated_date (datetime.datetime | Unset):
        trashed_date (datetime.datetime | Unset): When the site was moved to the trash; absent for a site that is not
            trashed.
        published (bool | Unset):
        premium (bool | Unset): Whether the site has a Wix Premium (paid) plan.
        view_url (str | Unset): Live site URL.
        edit_url (str | Unset): Editor URL, relative to the Wix manage domain.
        thumbnail (str | Unset): Thumbnail URL, relative.
        owner_account_id (str | Unset): A Wix GUID.
        contributor_account_ids (list[str] | Unset): Site contributors' account IDs; absent when the site has none.
        editor_type (EditorType | str | Unset): The documented values, or any other value the live service sends.
        blocked (bool | Unset): Whether Wix has blocked the site for legal reasons.
        folder_id (str | Unset): A GUID, or the empty string for root.
        namespace (Namespace | str | Unset): The documented values, or any other value the live service sends.
        domain_connected (bool | Unset):
    """

    id: str | Unset = UNSET
    html_app_id: str | Unset = UNSET
    name: str | Unset = UNSET
    display_name: str | Unset = UNSET
    created_date: datetime.datetime | Unset = UNSET
    updated_date: datetime.datetime | Unset = UNSET
    trashed_date: datetime.datetime | Unset = UNSET
    published: bool | Unset = UNSET
    premium: bool | Unset = UNSET
    view_url: str | Unset = UNSET
    edit_url: str | Unset = UNSET
    thumbnail: str | Unset = UNSET
    owner_account_id: str | Unset = UNSET
    contributor_account_ids: list[str] | Unset = UNSET
    editor_type: EditorType | str | Unset = UNSET
    blocked: bool | Unset = UNSET
    folder_id: str | Unset = UNSET
    namespace: Namespace | str | Unset = UNSET
    domain_connected: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        html_app_id: str | Unset = UNSET
        if not isinstance(self.html_app_id, Unset):
            html_app_id = str(self.html_app_id)

        name = self.name

        display_name = self.display_name

        created_date: str | Unset = UNSET
        if not isinstance(self.created_date, Unset):
            created_date = format_datetime(self.created_date)

        updated_date: str | Unset = UNSET
        if not isinstance(self.updated_date, Unset):
            updated_date = format_datetime(self.updated_date)

        trashed_date: str | Unset = UNSET
        if not isinstance(self.trashed_date, Unset):
            trashed_date = format_datetime(self.trashed_date)

        published = self.published

        premium = self.premium

        view_url = self.view_url

        edit_url = self.edit_url

        thumbnail = self.thumbnail

        owner_account_id: str | Unset = UNSET
        if not isinstance(self.owner_account_id, Unset):
            owner_account_id = str(self.owner_account_id)

        contributor_account_ids: list[str] | Unset = UNSET
        if not isinstance(self.contributor_account_ids, Unset):
            contributor_account_ids = []
            for contributor_account_ids_item_data in self.contributor_account_ids:
                contributor_account_ids_item = str(contributor_account_ids_item_data)
                contributor_account_ids.append(contributor_account_ids_item)

        editor_type: str | Unset
        if isinstance(self.editor_type, Unset):
            editor_type = UNSET
        elif isinstance(self.editor_type, EditorType):
            editor_type = self.editor_type.value
        else:
            editor_type = self.editor_type

        blocked = self.blocked

        folder_id = self.folder_id

        namespace: str | Unset
        if isinstance(self.namespace, Unset):
            namespace = UNSET
        elif isinstance(self.namespace, Namespace):
            namespace = self.namespace.value
        else:
            namespace = self.namespace

        domain_connected = self.domain_connected

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if html_app_id is not UNSET:
            field_dict["htmlAppId"] = html_app_id
        if name is not UNSET:
            field_dict["name"] = name
        if display_name is not UNSET:
            field_dict["displayName"] = display_name
        if created_date is not UNSET:
            field_dict["createdDate"] = created_date
        if updated_date is not UNSET:
            field_dict["updatedDate"] = updated_date
        if trashed_date is not UNSET:
            field_dict["trashedDate"] = trashed_date
        if published is not UNSET:
            field_dict["published"] = published
        if premium is not UNSET:
            field_dict["premium"] = premium
        if view_url is not UNSET:
            field_dict["viewUrl"] = view_url
        if edit_url is not UNSET:
            field_dict["editUrl"] = edit_url
        if thumbnail is not UNSET:
            field_dict["thumbnail"] = thumbnail
        if owner_account_id is not UNSET:
            field_dict["ownerAccountId"] = owner_account_id
        if contributor_account_ids is not UNSET:
            field_dict["contributorAccountIds"] = contributor_account_ids
        if editor_type is not UNSET:
            field_dict["editorType"] = editor_type
        if blocked is not UNSET:
            field_dict["blocked"] = blocked
        if folder_id is not UNSET:
            field_dict["folderId"] = folder_id
        if namespace is not UNSET:
            field_dict["namespace"] = namespace
        if domain_connected is not UNSET:
            field_dict["domainConnected"] = domain_connected

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        site = new_model(cls)
        site.id = id = _pop_("id", UNSET)

        site.html_app_id = html_app_id = _pop_("htmlAppId", UNSET)

        site.name = _pop_("name", UNSET)

        site.display_name = _pop_("displayName", UNSET)

        _created_date = _pop_("createdDate", UNSET)
        created_date: datetime.datetime | Unset = (
            UNSET if _created_date is UNSET else parse_datetime(_created_date)
        )
        site.created_date = created_date

        _updated_date = _pop_("updatedDate", UNSET)
        updated_date: datetime.datetime | Unset = (
            UNSET if _updated_date is UNSET else parse_datetime(_updated_date)
        )
        site.updated_date = updated_date

        _trashed_date = _pop_("trashedDate", UNSET)
        trashed_date: datetime.datetime | Unset = (
            UNSET if _trashed_date is UNSET else parse_datetime(_trashed_date)
        )
        site.trashed_date = trashed_date

        site.published = _pop_("published", UNSET)

        site.premium = _pop_("premium", UNSET)

        site.view_url = _pop_("viewUrl", UNSET)

        site.edit_url = _pop_("editUrl", UNSET)

        site.thumbnail = _pop_("thumbnail", UNSET)

        site.owner_account_id = owner_account_id = _pop_("ownerAccountId", UNSET)

        _contributor_account_ids = _pop_("contributorAccountIds", UNSET)

        _editor_type = _pop_("editorType", UNSET)
        editor_type: EditorType | str | Unset = (
            _EditorType_BY_VALUE.get(_editor_type, _editor_type)
            if isinstance(_editor_type, str)
            else _editor_type
        )
        site.editor_type = editor_type

        site.blocked = _pop_("blocked", UNSET)

        site.folder_id = _pop_("folderId", UNSET)

        _namespace = _pop_("namespace", UNSET)
        namespace: Namespace | str | Unset = (
            _Namespace_BY_VALUE.get(_namespace, _namespace)
            if isinstance(_namespace, str)
            else _namespace
        )
        site.namespace = namespace

        site.domain_connected = _pop_("domainConnected", UNSET)

        # every GUID field of the model checked at once; one by one when one is absent or wrong
        try:
            _guids_ok_ = (
                ",".join([id, html_app_id, owner_account_id, *_contributor_account_ids])
                .encode()
                .translate(GUID_TABLE)
                == GUID_SHAPES[3 + len(_contributor_account_ids)]
            )
        except (
            TypeError,
            ValueError,
        ):  # not a str, not a list, UNSET; a lone surrogate
            _guids_ok_ = False
        if not _guids_ok_:
            check_guids(
                (id, html_app_id, owner_account_id), (_contributor_account_ids,)
            )
        site.contributor_account_ids = (
            UNSET
            if _contributor_account_ids is UNSET
            else list(_contributor_account_ids)
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
