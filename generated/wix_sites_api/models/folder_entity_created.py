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


T = TypeVar("T", bound="FolderEntityCreated")


@_attrs_define
class FolderEntityCreated:
    """The created folder: `entity`, or `entityAsJson` (the same as JSON text), which is what
    Wix's Folder Created example in `site-folders.service.json` shows.

        Attributes:
            entity (Folder | None): A folder of sites. Get Folder By Site returns an empty object for a site at root, so
                every field
                is optional. `createdDate` and `updatedDate` may be null (Move Folders returns them so).
            entity_as_json (str | None):
    """

    entity: Folder | None = None
    entity_as_json: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.entity is not None:
            field_dict["entity"] = self.entity.to_dict()
        if self.entity_as_json is not None:
            field_dict["entityAsJson"] = self.entity_as_json
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        folder_entity_created = new_model(cls)
        _entity = _pop_("entity", None)
        entity = None if _entity is None else Folder.from_dict(_entity)
        folder_entity_created.entity = entity

        folder_entity_created.entity_as_json = _pop_("entityAsJson", None)

        folder_entity_created.additional_properties = d
        return folder_entity_created

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
