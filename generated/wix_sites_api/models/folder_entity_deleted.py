from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
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
            deleted_entity (Folder | None): A folder of sites. Get Folder By Site returns an empty object for a site at
                root, so every field
                is optional. `createdDate` and `updatedDate` may be null (Move Folders returns them so).
            deleted_entity_as_json (str | None):
    """

    deleted_entity: Folder | None = None
    deleted_entity_as_json: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.deleted_entity is not None:
            field_dict["deletedEntity"] = self.deleted_entity.to_dict()
        if self.deleted_entity_as_json is not None:
            field_dict["deletedEntityAsJson"] = self.deleted_entity_as_json
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        folder_entity_deleted = new_model(cls)
        _deleted_entity = _pop_("deletedEntity", None)
        deleted_entity = (
            None if _deleted_entity is None else Folder.from_dict(_deleted_entity)
        )
        folder_entity_deleted.deleted_entity = deleted_entity

        folder_entity_deleted.deleted_entity_as_json = _pop_(
            "deletedEntityAsJson", None
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
