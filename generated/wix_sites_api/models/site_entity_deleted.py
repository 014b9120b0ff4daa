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
    from ..models.site import Site


T = TypeVar("T", bound="SiteEntityDeleted")


@_attrs_define
class SiteEntityDeleted:
    """Wix documents the deleted event as holding only the entity's id (`entityId`, outside this
    object); its examples send `{}` or `{"movedToTrash": true}`, and its SDK type declarations
    add the deleted entity (`deletedEntityAsJson`).

        Attributes:
            moved_to_trash (bool | Unset): Whether the site went to the trash (it can be restored from there).
            deleted_entity (Site | Unset): A site of the account. Every field may be absent.
            deleted_entity_as_json (str | Unset):
    """

    moved_to_trash: bool | Unset = UNSET
    deleted_entity: Site | Unset = UNSET
    deleted_entity_as_json: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        moved_to_trash = self.moved_to_trash

        deleted_entity: dict[str, Any] | Unset = UNSET
        if not isinstance(self.deleted_entity, Unset):
            deleted_entity = self.deleted_entity.to_dict()

        deleted_entity_as_json = self.deleted_entity_as_json

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if moved_to_trash is not UNSET:
            field_dict["movedToTrash"] = moved_to_trash
        if deleted_entity is not UNSET:
            field_dict["deletedEntity"] = deleted_entity
        if deleted_entity_as_json is not UNSET:
            field_dict["deletedEntityAsJson"] = deleted_entity_as_json

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        site_entity_deleted = new_model(cls)
        site_entity_deleted.moved_to_trash = _pop_("movedToTrash", UNSET)

        _deleted_entity = _pop_("deletedEntity", UNSET)
        deleted_entity: Site | Unset = (
            UNSET if _deleted_entity is UNSET else Site.from_dict(_deleted_entity)
        )
        site_entity_deleted.deleted_entity = deleted_entity

        site_entity_deleted.deleted_entity_as_json = _pop_("deletedEntityAsJson", UNSET)

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
