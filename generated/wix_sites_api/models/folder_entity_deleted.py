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


T = TypeVar("T", bound="FolderEntityDeleted")


@_attrs_define
class FolderEntityDeleted:
    """Empty in Wix's service description of Site Folders; Wix's SDK type declarations add the
    deleted entity (`deletedEntityAsJson`).

        Attributes:
            deleted_entity (Folder | Unset): A folder of sites. Get Folder By Site returns an empty object for a site at
                root, so every field
                is optional. `createdDate` and `updatedDate` may be null (Move Folders returns them so).
            deleted_entity_as_json (str | Unset):
    """

    deleted_entity: Folder | Unset = UNSET
    deleted_entity_as_json: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        deleted_entity: dict[str, Any] | Unset = UNSET
        if not isinstance(self.deleted_entity, Unset):
            deleted_entity = self.deleted_entity.to_dict()

        deleted_entity_as_json = self.deleted_entity_as_json

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if deleted_entity is not UNSET:
            field_dict["deletedEntity"] = deleted_entity
        if deleted_entity_as_json is not UNSET:
            field_dict["deletedEntityAsJson"] = deleted_entity_as_json

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        folder_entity_deleted = new_model(cls)
        _deleted_entity = _pop_("deletedEntity", UNSET)
        deleted_entity: Folder | Unset = (
            UNSET if _deleted_entity is UNSET else Folder.from_dict(_deleted_entity)
        )
        folder_entity_deleted.deleted_entity = deleted_entity

        folder_entity_deleted.deleted_entity_as_json = _pop_(
            "deletedEntityAsJson", UNSET
        )

        folder_entity_deleted.additional_properties = d
        return folder_entity_deleted

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
