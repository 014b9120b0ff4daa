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
    from ..models.move_site_to_folder_body import MoveSiteToFolderBody


T = TypeVar("T", bound="SitesMovedToFolderAction")


@_attrs_define
class SitesMovedToFolderAction:
    """The action's body, `body`, or `bodyAsJson` (the same as JSON text).

    Attributes:
        body (MoveSiteToFolderBody | Unset): Wix's `MoveSiteToFolderEvent`.
        body_as_json (str | Unset):
    """

    body: MoveSiteToFolderBody | Unset = UNSET
    body_as_json: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        body: dict[str, Any] | Unset = UNSET
        if not isinstance(self.body, Unset):
            body = self.body.to_dict()

        body_as_json = self.body_as_json

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if body is not UNSET:
            field_dict["body"] = body
        if body_as_json is not UNSET:
            field_dict["bodyAsJson"] = body_as_json

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        sites_moved_to_folder_action = new_model(cls)
        _body = _pop_("body", UNSET)
        body: MoveSiteToFolderBody | Unset = (
            UNSET if _body is UNSET else MoveSiteToFolderBody.from_dict(_body)
        )
        sites_moved_to_folder_action.body = body

        sites_moved_to_folder_action.body_as_json = _pop_("bodyAsJson", UNSET)

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
