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
    from ..models.move_site_to_folder_body import MoveSiteToFolderBody


T = TypeVar("T", bound="SitesMovedToFolderAction")


@_attrs_define
class SitesMovedToFolderAction:
    """The action's body, `body`, or `bodyAsJson` (the same as JSON text).

    Attributes:
        body (MoveSiteToFolderBody | None): Wix's `MoveSiteToFolderEvent`.
        body_as_json (str | None):
    """

    body: MoveSiteToFolderBody | None = None
    body_as_json: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.body is not None:
            field_dict["body"] = self.body.to_dict()
        if self.body_as_json is not None:
            field_dict["bodyAsJson"] = self.body_as_json
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        sites_moved_to_folder_action = new_model(cls)
        _body = _pop_("body", None)
        body = None if _body is None else MoveSiteToFolderBody.from_dict(_body)
        sites_moved_to_folder_action.body = body

        sites_moved_to_folder_action.body_as_json = _pop_("bodyAsJson", None)

        sites_moved_to_folder_action.additional_properties = d
        return sites_moved_to_folder_action

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


from ..models.move_site_to_folder_body import MoveSiteToFolderBody
