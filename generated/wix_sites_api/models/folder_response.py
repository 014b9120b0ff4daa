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
    from ..models.folder import Folder


T = TypeVar("T", bound="FolderResponse")


@_attrs_define
class FolderResponse:
    """
    Attributes:
        folder (Folder | Unset): A folder of sites. Get Folder By Site returns an empty object for a site at root, so
            every field
            is optional. `createdDate` and `updatedDate` may be null (Move Folders returns them so).
    """

    folder: Folder | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        folder: dict[str, Any] | Unset = UNSET
        if not isinstance(self.folder, Unset):
            folder = self.folder.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if folder is not UNSET:
            field_dict["folder"] = folder

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        folder_response = new_model(cls)
        _folder = _pop_("folder", UNSET)
        folder: Folder | Unset = (
            UNSET if _folder is UNSET else Folder.from_dict(_folder)
        )
        folder_response.folder = folder

        folder_response.additional_properties = d
        return folder_response

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


from ..models.folder import Folder
