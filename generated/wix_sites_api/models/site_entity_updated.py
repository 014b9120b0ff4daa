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


T = TypeVar("T", bound="SiteEntityUpdated")


@_attrs_define
class SiteEntityUpdated:
    """The site as it is now: `currentEntity`, or `currentEntityAsJson` (the same as JSON text).

    Attributes:
        current_entity (Site | None): A site of the account. Every field may be absent.
        current_entity_as_json (str | None):
    """

    current_entity: Site | None = None
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
        site_entity_updated = new_model(cls)
        _current_entity = _pop_("currentEntity", None)
        current_entity = (
            None if _current_entity is None else Site.from_dict(_current_entity)
        )
        site_entity_updated.current_entity = current_entity

        site_entity_updated.current_entity_as_json = _pop_("currentEntityAsJson", None)

        site_entity_updated.additional_properties = d
        return site_entity_updated

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
