from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.field_mask import FieldMask
from ..types import (
    UNSET,
    Unset,
    set_fields_repr,
)

if TYPE_CHECKING:
    from ..models.folder_patch import FolderPatch


T = TypeVar("T", bound="UpdateFolderRequest")


@_attrs_define
class UpdateFolderRequest:
    """
    Attributes:
        folder (FolderPatch): The folder fields to update; the URL's folder id overrides `id`.
        field_mask (FieldMask | Unset): A protobuf FieldMask in its JSON form: the field paths to update, separated by
            commas. Update
            Folder can update only the folder's name, so `"name"` is the only mask it takes.
    """

    folder: FolderPatch
    field_mask: FieldMask | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        folder = self.folder.to_dict()

        field_mask: str | Unset = UNSET
        if not isinstance(self.field_mask, Unset):
            field_mask = self.field_mask.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "folder": folder,
            }
        )
        if field_mask is not UNSET:
            field_dict["fieldMask"] = field_mask

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.folder_patch import FolderPatch

        d = dict(src_dict)
        _pop_ = d.pop
        folder = FolderPatch.from_dict(_pop_("folder"))

        _field_mask = _pop_("fieldMask", UNSET)
        field_mask: FieldMask | Unset = (
            UNSET if _field_mask is UNSET else FieldMask(_field_mask)
        )

        update_folder_request = cls(
            folder,
            field_mask,
        )

        update_folder_request.additional_properties = d
        return update_folder_request

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
