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


T = TypeVar("T", bound="SiteEntityCreated")


@_attrs_define
class SiteEntityCreated:
    """The created site: `entity`, or, in Wix's older examples, `entityAsJson` (the same as JSON
    text). A receiver should accept either.

        Attributes:
            entity (Site | None): A site of the account. Every field may be absent.
            entity_as_json (str | None):
    """

    entity: Site | None = None
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
        site_entity_created = new_model(cls)
        _entity = _pop_("entity", None)
        entity = None if _entity is None else Site.from_dict(_entity)
        site_entity_created.entity = entity

        site_entity_created.entity_as_json = _pop_("entityAsJson", None)

        site_entity_created.additional_properties = d
        return site_entity_created

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
