from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    GUID_SHAPES,
    GUID_TABLE,
    UNSET,
    Unset,
    check_guids,
    new_model,
    set_fields_repr,
)

T = TypeVar("T", bound="MoveSiteToFolderBody")


@_attrs_define
class MoveSiteToFolderBody:
    """Wix's `MoveSiteToFolderEvent`.

    Attributes:
        target_folder_id (str | Unset): A GUID, or the empty string for root.
        meta_site_ids (list[str] | Unset): The sites moved (site ids; at most 500).
    """

    target_folder_id: str | Unset = UNSET
    meta_site_ids: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        target_folder_id = self.target_folder_id

        meta_site_ids: list[str] | Unset = UNSET
        if not isinstance(self.meta_site_ids, Unset):
            meta_site_ids = []
            for meta_site_ids_item_data in self.meta_site_ids:
                meta_site_ids_item = str(meta_site_ids_item_data)
                meta_site_ids.append(meta_site_ids_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if target_folder_id is not UNSET:
            field_dict["targetFolderId"] = target_folder_id
        if meta_site_ids is not UNSET:
            field_dict["metaSiteIds"] = meta_site_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        move_site_to_folder_body = new_model(cls)
        move_site_to_folder_body.target_folder_id = _pop_("targetFolderId", UNSET)

        _meta_site_ids = _pop_("metaSiteIds", UNSET)

        # every GUID field of the model checked at once; one by one when one is absent or wrong
        try:
            _guids_ok_ = (
                ",".join([*_meta_site_ids]).encode().translate(GUID_TABLE)
                == GUID_SHAPES[0 + len(_meta_site_ids)]
            )
        except (
            TypeError,
            ValueError,
        ):  # not a str, not a list, UNSET; a lone surrogate
            _guids_ok_ = False
        if not _guids_ok_:
            check_guids((), (_meta_site_ids,))
        move_site_to_folder_body.meta_site_ids = (
            UNSET if _meta_site_ids is UNSET else list(_meta_site_ids)
        )

        move_site_to_folder_body.additional_properties = d
        return move_site_to_folder_body

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
