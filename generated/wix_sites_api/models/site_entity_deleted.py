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
    from ..models.site import Site


T = TypeVar("T", bound="SiteEntityDeleted")


@_attrs_define
class SiteEntityDeleted:
    """Wix documents the deleted event as holding only the entity's id (`entityId`, outside this
    object); its examples send `{}` or `{"movedToTrash": true}`, and its SDK type declarations
    add the deleted entity (`deletedEntityAsJson`).

        Attributes:
            moved_to_trash (bool | None): Whether the site went to the trash (it can be restored from there).
            deleted_entity (Site | None): A site of the account. Every field may be absent.
            deleted_entity_as_json (str | None):
    """

    moved_to_trash: bool | None = None
    deleted_entity: Site | None = None
    deleted_entity_as_json: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.moved_to_trash is not None:
            field_dict["movedToTrash"] = self.moved_to_trash
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
        site_entity_deleted = new_model(cls)
        site_entity_deleted.moved_to_trash = _pop_("movedToTrash", None)

        _deleted_entity = _pop_("deletedEntity", None)
        deleted_entity = (
            None if _deleted_entity is None else Site.from_dict(_deleted_entity)
        )
        site_entity_deleted.deleted_entity = deleted_entity

        site_entity_deleted.deleted_entity_as_json = _pop_("deletedEntityAsJson", None)

        site_entity_deleted.additional_properties = d
        return site_entity_deleted

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


from ..models.site import Site
