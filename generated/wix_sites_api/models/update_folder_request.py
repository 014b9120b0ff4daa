from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    new_model,
    set_fields_repr,
)

if TYPE_CHECKING:
    from ..models.field_mask import FieldMask
    from ..models.folder_patch import FolderPatch


T = TypeVar("T", bound="UpdateFolderRequest")


@_attrs_define
class UpdateFolderRequest:
    """Every field is optional, as Wix documents (the folder id is the URL's).

    Attributes:
        folder (FolderPatch | Unset): The folder fields to update; the URL's folder id overrides `id`. Wix requires
            `folder.id`,
            which the URL binds; `name` is optional.
        field_mask (FieldMask | str | Unset): The fields to update: Wix's FieldMask (`{"paths": ["name"]}`) or the
            string form of Wix's
            example (`"name"`). Absent: the fields sent.
    """

    folder: FolderPatch | Unset = UNSET
    field_mask: FieldMask | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.field_mask import FieldMask

        folder: dict[str, Any] | Unset = UNSET
        if not isinstance(self.folder, Unset):
            folder = self.folder.to_dict()

        field_mask: dict[str, Any] | str | Unset
        if isinstance(self.field_mask, Unset):
            field_mask = UNSET
        elif isinstance(self.field_mask, FieldMask):
            field_mask = self.field_mask.to_dict()
        else:
            field_mask = self.field_mask

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if folder is not UNSET:
            field_dict["folder"] = folder
        if field_mask is not UNSET:
            field_dict["fieldMask"] = field_mask

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        update_folder_request = new_model(cls)
        _folder = _pop_("folder", UNSET)
        folder: FolderPatch | Unset = (
            UNSET if _folder is UNSET else FolderPatch.from_dict(_folder)
        )
        update_folder_request.folder = folder

        def _parse_field_mask(data: object) -> FieldMask | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                field_mask_type_0 = FieldMask.from_dict(data)

                return field_mask_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FieldMask | str | Unset, data)

        field_mask = _parse_field_mask(_pop_("fieldMask", UNSET))
        update_folder_request.field_mask = field_mask

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


from ..models.field_mask import FieldMask
from ..models.folder_patch import FolderPatch
