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


T = TypeVar("T", bound="FolderEntityUpdated")


@_attrs_define
class FolderEntityUpdated:
    """The folder as it is now, `currentEntity` or `currentEntityAsJson`.

    Attributes:
        current_entity (Folder | None): A folder of sites. Get Folder By Site returns an empty object for a site at
            root, so every field
            is optional. `createdDate` and `updatedDate` may be null (Move Folders returns them so).
        current_entity_as_json (str | None):
    """

    current_entity: Folder | None = None
    current_entity_as_json: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.current_entity is not None:
            field_dict["currentEntity"] = self.current_entity.to_dict()
        if self.current_entity_as_json is not None:
            field_dict["currentEntityAsJson"] = self.current_entity_as_json
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        folder_entity_updated = new_model(cls)
        _current_entity = _pop_("currentEntity", None)
        current_entity = (
            None if _current_entity is None else Folder.from_dict(_current_entity)
        )
        folder_entity_updated.current_entity = current_entity

        folder_entity_updated.current_entity_as_json = _pop_(
            "currentEntityAsJson", None
        )

        folder_entity_updated.additional_properties = d
        return folder_entity_updated

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
